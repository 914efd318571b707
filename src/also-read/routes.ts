import type { Routes } from '../core/index.js';

/** `<news-also-read>`: the linked article's summary, found by its URL. */
export const alsoReadRoutes: Routes = (request) => ({
  lookupArticle: (url, o) => request('GET', '/articles/lookup', o, undefined, { url }),
});
