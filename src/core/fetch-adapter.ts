import { alsoReadRoutes } from './routes/also-read.js';
import { articleRoutes } from './routes/article.js';
import { commentCountRoutes } from './routes/comment-count.js';
import { commentsRoutes } from './routes/comments.js';
import { pollRoutes } from './routes/poll.js';
import { relatedRoutes } from './routes/related.js';
import { add, connect, type FetchAdapterOptions } from './transport.js';
import type { NewsAdapter } from './types.js';

export type { FetchAdapterOptions };

/**
 * The default adapter: speaks the news-elements REST API with `fetch`, timeouts, retries with
 * exponential backoff and full jitter, idempotency keys on writes and typed errors. It has every
 * route of `NewsAdapter`.
 */
export function createFetchAdapter(options: FetchAdapterOptions): NewsAdapter {
  const connection = connect(options);
  for (const routes of [articleRoutes, alsoReadRoutes, relatedRoutes, pollRoutes, commentsRoutes, commentCountRoutes]) {
    add(connection, routes);
  }
  return connection[0] as NewsAdapter;
}

