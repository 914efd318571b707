import type { Routes } from '../core/index.js';

/** `<news-related>`: articles related to one. */
export const relatedRoutes: Routes = (request) => ({
  getRelated: (id, limit, o) => request('GET', `/articles/${encodeURIComponent(id)}/related`, o, undefined, { limit }),
});
