// Trending headlines in memory: an editor's list when set, else articles by reads (getArticle adds one).
import type { Article, ArticleSummary } from '../core/types.js';
import type { Backend } from './backend.js';
import type { MemoryAdapter, MemorySeed } from './types.js';

export function trendingMethods(
  data: MemorySeed,
  { run }: Backend,
  summary: (article: Article) => ArticleSummary,
): Pick<MemoryAdapter, 'getTrending' | 'setTrendingPicks'> & { read(id: string): void } {
  const reads = (data.reads ??= {});
  const picks = (data.trendingPicks ??= {});
  const articles = () => new Map((data.articles ?? []).map((a) => [a.id, a]));

  return {
    read: (id) => void (reads[id] = (reads[id] ?? 0) + 1),

    getTrending: (section, limit, call) =>
      run('getTrending', [section, limit], call, () => {
        const known = articles();
        const picked = picks[section ?? ''];
        const list = picked
          ? picked.map((id) => known.get(id))
          : Object.entries(reads)
              .filter(([id, count]) => count > 0 && (section == null || known.get(id)?.section === section))
              .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
              .map(([id]) => known.get(id));
        return list
          .filter((a): a is Article => !!a)
          .slice(0, limit)
          .map(summary);
      }),

    setTrendingPicks(section, articleIds) {
      if (articleIds.length) picks[section ?? ''] = [...articleIds];
      else delete picks[section ?? ''];
    },
  };
}
