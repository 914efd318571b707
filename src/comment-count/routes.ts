import type { Routes } from '../core/index.js';

/** `<news-comment-count>`: the counts of many threads in one request. */
export const commentCountRoutes: Routes = (request) => ({
  getCounts: async (ids, o) => {
    const threads = [...new Set(ids)].sort().join(',');
    if (!threads) return {};
    return (await request<{ counts: Record<string, number> }>('GET', '/counts', o, undefined, { threads })).counts;
  },
});
