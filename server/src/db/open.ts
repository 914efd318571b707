import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface StorageConfig {
  databaseUrl?: string | undefined;
  databaseSchema?: string | undefined;
  dataDir: string;
}

/** Opens PostgreSQL when a URL is given, else PGlite in dataDir, and brings the schema up to date. */
export async function openDatabase(config: StorageConfig): Promise<Db> {
  const db = config.databaseUrl
    ? await openPostgres({ connectionString: config.databaseUrl, schema: config.databaseSchema })
    : await openPglite(config.dataDir);
  await migrate(db);
  return db;
}
