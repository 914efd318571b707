// Articles in memory: by id, by the URL a link points at, and the related list.
import type { Article, ArticleSummary } from '../core/types.js';
import { notFound, type Backend } from './backend.js';
import type { MemoryAdapter, MemorySeed } from './types.js';

function normalizeUrl(url: string): string {
  const withoutFragment = url.split('#')[0] ?? url;
  return withoutFragment.length > 1 ? withoutFragment.replace(/\/+$/, '') || '/' : withoutFragment;
}

/** The stored forms a link may match: as given, and its path when absolute (like the server). */
function urlVariants(url: string): string[] {
  const normalized = normalizeUrl(url);
  const variants = [normalized];
  try {
    const parsed = new URL(normalized);
    variants.push(normalizeUrl(parsed.pathname + parsed.search));
  } catch {
    // A relative URL matches only as written.
  }
  return variants;
}

export function summary(article: Article): ArticleSummary {
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

const newestFirst = (a: Article, b: Article) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '');

export function articleMethods(
  data: MemorySeed,
  { run }: Backend,
  onRead: (id: string) => void,
): Pick<MemoryAdapter, 'getArticle' | 'lookupArticle' | 'getRelated'> {
  const articles = new Map((data.articles ?? []).map((a) => [a.id, a]));
  const related = data.related ?? {};

  return {
    getArticle: (id, call) =>
      run('getArticle', [id], call, () => {
        const article = articles.get(id);
        if (!article) throw notFound('Article');
        onRead(id);
        return article;
      }),

    lookupArticle: (url, call) =>
      run('lookupArticle', [url], call, () => {
        const wanted = urlVariants(url);
        const found = [...articles.values()].filter((a) => wanted.includes(normalizeUrl(a.url))).sort(newestFirst)[0];
        if (!found) throw notFound('Article');
        return summary(found);
      }),

    getRelated: (articleId, limit, call) =>
      run('getRelated', [articleId, limit], call, () => {
        if (!articles.has(articleId)) throw notFound('Article');
        const picked = related[articleId]
          ? related[articleId].map((id) => articles.get(id)).filter((a): a is Article => !!a)
          : [...articles.values()].filter((a) => a.id !== articleId).sort((a, b) => newestFirst(a, b) || a.id.localeCompare(b.id));
        return picked.slice(0, limit).map(summary);
      }),
  };
}
