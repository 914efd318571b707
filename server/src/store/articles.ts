import type { Article, ArticleSummary } from '../../../src/core/contract.ts';
import type { Queryable } from '../db/db.ts';

type StoredArticle = Omit<Article, 'id'>;

export function toSummary(article: Article): ArticleSummary {
  return {
    id: article.id,
    url: article.url,
    headline: article.headline,
    image: article.image ?? null,
    imageAlt: article.imageAlt ?? null,
    publishedAt: article.publishedAt ?? null,
    kicker: article.kicker ?? null,
  };
}

export async function getArticle(q: Queryable, id: string): Promise<Article | null> {
  const { rows } = await q.query<{ data: StoredArticle }>('SELECT data FROM articles WHERE id = $1', [id]);
  const row = rows[0];
  return row ? { ...row.data, id } : null;
}

/** Finds the article behind an also-read link; the fragment and a trailing slash do not matter. */
export async function lookupArticle(q: Queryable, url: string): Promise<ArticleSummary | null> {
  const { rows } = await q.query<{ id: string; data: StoredArticle }>(
    'SELECT id, data FROM articles WHERE url = ANY($1::text[]) ORDER BY published_at DESC NULLS LAST LIMIT 1',
    [urlVariants(url)],
  );
  const row = rows[0];
  return row ? toSummary({ ...row.data, id: row.id }) : null;
}

/** The publisher's related list when set, else the latest other articles. Null when the article is unknown. */
export async function relatedArticles(q: Queryable, id: string, limit: number): Promise<ArticleSummary[] | null> {
  const { rows } = await q.query<{ related_ids: string[] | null }>('SELECT related_ids FROM articles WHERE id = $1', [id]);
  const article = rows[0];
  if (!article) return null;
  const picked = article.related_ids
    ? await q.query<{ id: string; data: StoredArticle }>(
        `SELECT a.id, a.data FROM unnest($1::text[]) WITH ORDINALITY AS r(id, position)
           JOIN articles a ON a.id = r.id ORDER BY r.position LIMIT $2`,
        [article.related_ids, limit],
      )
    : await q.query<{ id: string; data: StoredArticle }>('SELECT id, data FROM articles WHERE id <> $1 ORDER BY published_at DESC NULLS LAST, id LIMIT $2', [
        id,
        limit,
      ]);
  return picked.rows.map((row) => toSummary({ ...row.data, id: row.id }));
}

/** Creates or replaces an article; `related` (ids, in order) replaces the automatic related list when given. */
export async function putArticle(q: Queryable, article: Article, related: string[] | null): Promise<void> {
  const { id, ...data } = article;
  await q.query(
    `INSERT INTO articles (id, url, data, published_at, related_ids, section, updated_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, now())
     ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, data = EXCLUDED.data,
       published_at = EXCLUDED.published_at, related_ids = EXCLUDED.related_ids, section = EXCLUDED.section, updated_at = now()`,
    [id, normalizeUrl(article.url), JSON.stringify(data), article.publishedAt ?? null, related, article.section ?? null],
  );
}

export function normalizeUrl(url: string): string {
  const withoutFragment = url.split('#')[0] ?? url;
  return withoutFragment.length > 1 ? withoutFragment.replace(/\/+$/, '') || '/' : withoutFragment;
}

function urlVariants(url: string): string[] {
  const normalized = normalizeUrl(url);
  const variants = new Set([normalized]);
  // Links often carry the absolute URL while the article was stored with its path (or the reverse).
  try {
    const parsed = new URL(normalized);
    variants.add(normalizeUrl(parsed.pathname + parsed.search));
  } catch {
    // Relative URL: only the exact form applies.
  }
  return [...variants];
}
