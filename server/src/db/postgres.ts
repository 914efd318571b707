import pg from 'pg';
import { assertIdentifier, type Db, type Queryable } from './db.ts';

export interface PostgresOptions {
  connectionString: string;
  /** Schema for every table; lets several deployments or test runs share one database. */
  schema?: string;
  maxConnections?: number;
}

/** A real PostgreSQL server through a pg Pool, plus one dedicated connection for LISTEN. */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const schema = assertIdentifier(options.schema ?? 'public');
  const connectionOptions = schema === 'public' ? undefined : `-c search_path=${schema}`;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    options: connectionOptions,
  });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', (error) => console.warn('[server] idle PostgreSQL client error:', error.message));
  if (schema !== 'public') {
    // Concurrent starts can race on IF NOT EXISTS; losing that race (duplicate schema or catalog row) is fine.
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch((error: { code?: string }) => {
      if (error.code !== '42P06' && error.code !== '23505') throw error;
    });
  }

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | null = null;
  let closed = false;

  async function connectListener(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: options.connectionString, options: connectionOptions });
    client.on('notification', (message) => {
      for (const onPayload of listeners.get(message.channel) ?? []) onPayload(message.payload ?? '');
    });
    client.on('error', (error) => {
      console.warn('[server] LISTEN connection lost:', error.message);
      listenClient = null;
      if (!closed) void reconnectListener();
    });
    await client.connect();
    for (const channel of listeners.keys()) await client.query(`LISTEN ${channel}`);
    return client;
  }

  async function reconnectListener(): Promise<void> {
    for (let attempt = 1; !closed && !listenClient; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 10_000)));
      try {
        listenClient = await connectListener();
      } catch (error) {
        console.warn('[server] LISTEN reconnect failed:', (error as Error).message);
      }
    }
  }

  return {
    kind: 'postgres',
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await pool.query(sql, params);
      return { rows: result.rows as Row[] };
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          async query<Row>(sql: string, params: unknown[] = []) {
            const r = await client.query(sql, params);
            return { rows: r.rows as Row[] };
          },
        });
        // COMMIT returns only after the WAL is flushed (synchronous_commit on), so acknowledging after it is durable.
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      assertIdentifier(channel);
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        if (listenClient) await listenClient.query(`LISTEN ${channel}`);
      }
      set.add(onPayload);
      if (!listenClient) listenClient = await connectListener();
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      closed = true;
      await listenClient?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
