import type { ArticleSummary, TrendingPicks } from '../../../src/core/contract.ts';
import type { Queryable } from '../db/db.ts';
import { toSummary } from './articles.ts';

/** Reads lose half their weight in this long: a story read a lot this morning gives way to tonight's. */
export const READS_HALF_LIFE_MS = 6 * 60 * 60 * 1000;

/** The natural log of the weight `count` reads at `at` add to a score (weights grow as e^(t/tau)). */
export const readWeight = (count: number, at: number) => Math.log(count) + (at * Math.LN2) / READS_HALF_LIFE_MS;

/**
 * Adds reads to the articles' decayed scores, one upsert for the whole batch. Scores are logarithms,
 * so adding two weights is max + ln(1 + e^-(|a - b|)), which never overflows.
 */
export async function recordReads(q: Queryable, reads: Map<string, number>, at = Date.now()): Promise<void> {
  if (!reads.size) return;
  const ids = [...reads.keys()].sort();
  await q.query(
    `INSERT INTO article_reads AS r (article_id, score)
       SELECT b.id, b.weight FROM unnest($1::text[], $2::float8[]) AS b(id, weight) JOIN articles a ON a.id = b.id
     ON CONFLICT (article_id) DO UPDATE
       SET score = GREATEST(r.score, EXCLUDED.score) + ln(1 + exp(-abs(r.score - EXCLUDED.score)))`,
    [ids, ids.map((id) => readWeight(reads.get(id)!, at))],
  );
}

type Row = { id: string; data: Omit<ArticleSummary, 'id'> };
const summaries = (rows: Row[]) => rows.map((row) => toSummary({ ...row.data, id: row.id, blocks: [] }));

/** The editor's list for `section` when set, else the most-read articles (of that section, or of all). */
export async function trendingArticles(q: Queryable, section: string | null, limit: number): Promise<ArticleSummary[]> {
  const picks = await q.query<{ article_ids: string[] }>('SELECT article_ids FROM trending_picks WHERE section = $1', [section ?? '']);
  if (picks.rows[0]) {
    const picked = await q.query<Row>(
      `SELECT a.id, a.data FROM unnest($1::text[]) WITH ORDINALITY AS p(id, position)
         JOIN articles a ON a.id = p.id ORDER BY p.position LIMIT $2`,
      [picks.rows[0].article_ids, limit],
    );
    return summaries(picked.rows);
  }
  const read = await q.query<Row>(
    `SELECT a.id, a.data FROM article_reads r JOIN articles a ON a.id = r.article_id
       WHERE $1::text IS NULL OR a.section = $1 ORDER BY r.score DESC, a.id LIMIT $2`,
    [section, limit],
  );
  return summaries(read.rows);
}

/**
 * Sets (or, with no ids, clears) the editor's list of a section. Every id must be a known article:
 * otherwise nothing changes and the first unknown id is returned.
 */
export async function putTrendingPicks(q: Queryable, picks: TrendingPicks): Promise<string | undefined> {
  const section = picks.section ?? '';
  if (!picks.articleIds.length) {
    await q.query('DELETE FROM trending_picks WHERE section = $1', [section]);
    return;
  }
  const known = await q.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[])', [picks.articleIds]);
  const unknown = picks.articleIds.find((id) => !known.rows.some((row) => row.id === id));
  if (unknown) return unknown;
  await q.query(
    `INSERT INTO trending_picks (section, article_ids, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (section) DO UPDATE SET article_ids = EXCLUDED.article_ids, updated_at = now()`,
    [section, picks.articleIds],
  );
}
