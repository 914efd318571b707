import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** Applies every `migrations/NNN_name.sql` not yet recorded, each in its own transaction, in file-name order. */
export async function migrate(db: Db): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((name) => /^\d+_.+\.sql$/.test(name)).sort();
  const applied: string[] = [];
  for (const name of files) {
    const sql = await readFile(migrationsDir + name, 'utf8');
    const didApply = await db.transaction(async (tx) => {
      // Several processes may start at once: the lock queues them, so each file is applied exactly once.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
      await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const claimed = await tx.query('INSERT INTO schema_migrations (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING name', [name]);
      if (claimed.rows.length === 0) return false;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      return true;
    });
    if (didApply) applied.push(name);
  }
  return applied;
}

/** An arbitrary constant naming the migration lock. */
const migrationLockKey = 7_402_119;

/** Splits a migration on semicolons at line ends; migrations keep to plain DDL without functions. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
