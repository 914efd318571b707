import type { Routes } from '../core/index.js';

/** `<news-trending>`: the trending headlines, of one section or of all. */
export const trendingRoutes: Routes = (request) => ({
  getTrending: (section, limit, o) => request('GET', '/trending', o, undefined, { section, limit }),
});
