import { alsoReadRoutes } from './also-read/routes.js';
import { articleRoutes } from './article/routes.js';
import { commentCountRoutes } from './comment-count/routes.js';
import { commentsRoutes } from './comments/routes.js';
import { add, connect, type FetchAdapterOptions } from './core/transport.js';
import type { NewsAdapter } from './core/types.js';
import { liveDataRoutes } from './live-data/routes.js';
import { pollRoutes } from './poll/routes.js';
import { relatedRoutes } from './related/routes.js';
import { trendingRoutes } from './trending/routes.js';

export type { FetchAdapterOptions };

/**
 * The default adapter: speaks the library's REST API with `fetch`, timeouts, retries with
 * exponential backoff and full jitter, idempotency keys on writes and typed errors. It has every
 * route of `NewsAdapter`: each element's, from its folder.
 */
export function createFetchAdapter(options: FetchAdapterOptions): NewsAdapter {
  const connection = connect(options);
  for (const routes of [articleRoutes, alsoReadRoutes, relatedRoutes, pollRoutes, commentsRoutes, commentCountRoutes, liveDataRoutes, trendingRoutes]) {
    add(connection, routes);
  }
  return connection[0] as NewsAdapter;
}
