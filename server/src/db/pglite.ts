import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { assertIdentifier, type Db, type Queryable } from './db.ts';

/** Embedded PostgreSQL in a data directory on disk (zero setup). */
export async function openPglite(dataDir: string): Promise<Db> {
  mkdirSync(dataDir, { recursive: true });
  // relaxedDurability stays off: every top-level query waits for the filesystem sync before resolving.
  const pg = await PGlite.create({ dataDir, relaxedDurability: false });

  return {
    kind: 'pglite',
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await pg.query<Row>(sql, params);
      return { rows: result.rows };
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const result = await pg.transaction(async (tx) =>
        work({
          async query<Row>(sql: string, params: unknown[] = []) {
            const r = await tx.query<Row>(sql, params);
            return { rows: r.rows };
          },
        }),
      );
      // PGlite's transaction() skips the post-COMMIT sync that plain queries do, so force it before acknowledging.
      await pg.syncToFs();
      return result;
    },
    async listen(channel, onPayload) {
      return pg.listen(assertIdentifier(channel), onPayload);
    },
    async close() {
      await pg.close();
    },
  };
}
