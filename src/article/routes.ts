import type { Routes } from '../core/index.js';

/** `<news-article article-id>`: the article from the API. */
export const articleRoutes: Routes = (request) => ({
  getArticle: (id, o) => request('GET', `/articles/${encodeURIComponent(id)}`, o),
});
