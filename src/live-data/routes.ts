import type { Routes } from '../core/index.js';

/** `<news-live-data>`: its feed (live changes come on the `feeds/{id}` channel). */
export const liveDataRoutes: Routes = (request) => ({
  getFeed: (id, o) => request('GET', `/feeds/${encodeURIComponent(id)}`, o),
});
