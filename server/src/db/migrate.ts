import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** Applies every `migrations/NNN_name.sql` not yet recorded, each in its own transaction, in file-name order. */
export async function migrate(db: Db): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const files = (await readdir(migrationsDir)).filter((name) => /^\d+_.+\.sql$/.test(name)).sort();
  const applied: string[] = [];
  for (const name of files) {
    const sql = await readFile(migrationsDir + name, 'utf8');
    const didApply = await db.transaction(async (tx) => {
      // Claiming the name first makes concurrent starts of several processes apply each file once.
      const claimed = await tx.query(
        'INSERT INTO schema_migrations (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING name',
        [name],
      );
      if (claimed.rows.length === 0) return false;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      return true;
    });
    if (didApply) applied.push(name);
  }
  return applied;
}

/** Splits a migration on semicolons at line ends; migrations keep to plain DDL without functions. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
