import type { Db, Queryable } from '../db/db.ts';
import type { AppContext } from './env.ts';
import { ApiError } from './errors.ts';

export interface WriteResult {
  status: 200 | 201 | 202 | 204;
  body: unknown;
}

const keyPattern = /^[\x21-\x7e]{1,200}$/;

/** The request's Idempotency-Key (checked) and the scope it is unique in: actor, method and path. */
export function idempotencyOf(c: AppContext, actor: string): { key: string | undefined; scope: string } {
  const key = c.req.header('idempotency-key');
  if (key !== undefined && !keyPattern.test(key)) {
    throw new ApiError(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1-200 visible ASCII characters.');
  }
  return { key, scope: `${actor} ${c.req.method} ${c.req.path}` };
}

/** Answers with a write's outcome, marking a replayed one. */
export function writeResponse(c: AppContext, outcome: { replayed: boolean; status: number; body: unknown }): Response {
  if (outcome.replayed) c.header('Idempotent-Replayed', 'true');
  const status = outcome.status as WriteResult['status'];
  if (status === 204 || outcome.body === null || outcome.body === undefined) return c.body(null, status);
  return c.json(outcome.body, status);
}

/**
 * Runs a write in one transaction. With an Idempotency-Key, the first response is stored in the same
 * transaction, and a repeat of the key (same actor and route) gets that response back without writing again.
 */
export async function idempotentWrite(db: Db, c: AppContext, actor: string, work: (tx: Queryable) => Promise<WriteResult>): Promise<Response> {
  const { key, scope } = idempotencyOf(c, actor);
  const outcome = await db.transaction(async (tx) => {
    if (key !== undefined) {
      // A concurrent request with the same key waits here on the primary key until the first one commits.
      const claimed = await tx.query('INSERT INTO idempotency_keys (scope, key) VALUES ($1, $2) ON CONFLICT (scope, key) DO NOTHING RETURNING key', [
        scope,
        key,
      ]);
      if (claimed.rows.length === 0) {
        const stored = await tx.query<{ status: number | null; body: string | null }>(
          'SELECT status, body FROM idempotency_keys WHERE scope = $1 AND key = $2',
          [scope, key],
        );
        const row = stored.rows[0];
        if (!row || row.status === null) {
          throw new ApiError(409, 'idempotency_conflict', 'A request with this Idempotency-Key is still in progress.');
        }
        return { replayed: true, status: row.status as WriteResult['status'], body: row.body === null ? null : JSON.parse(row.body) };
      }
    }
    const result = await work(tx);
    if (key !== undefined) {
      await tx.query('UPDATE idempotency_keys SET status = $3, body = $4 WHERE scope = $1 AND key = $2', [
        scope,
        key,
        result.status,
        result.body === null || result.body === undefined ? null : JSON.stringify(result.body),
      ]);
    }
    return { replayed: false, ...result };
  });
  return writeResponse(c, outcome);
}
