import type { Feed, FeedValue } from '../../../src/core/contract.ts';
import type { Queryable } from '../db/db.ts';
import { iso } from './time.ts';

export interface FeedInput {
  title: string;
  values: FeedValue[];
  staleAfterSeconds: number | null;
}

interface FeedRow {
  id: string;
  title: string;
  items: FeedValue[];
  stale_after_seconds: number | null;
  updated_at: Date;
}

/** A feed as readers get it, or null when there is no such feed. */
export async function getFeed(q: Queryable, id: string): Promise<Feed | null> {
  const { rows } = await q.query<FeedRow>('SELECT id, title, items, stale_after_seconds, updated_at FROM feeds WHERE id = $1', [id]);
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, title: row.title, values: row.items, updatedAt: iso(row.updated_at) as string, staleAfterSeconds: row.stale_after_seconds };
}

/** Creates or replaces a feed; its figures are as of now. */
export async function putFeed(q: Queryable, id: string, input: FeedInput): Promise<void> {
  await q.query(
    `INSERT INTO feeds (id, title, items, stale_after_seconds, updated_at) VALUES ($1, $2, $3::jsonb, $4, clock_timestamp())
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, items = EXCLUDED.items,
       stale_after_seconds = EXCLUDED.stale_after_seconds, updated_at = EXCLUDED.updated_at`,
    [id, input.title, JSON.stringify(input.values), input.staleAfterSeconds],
  );
}
