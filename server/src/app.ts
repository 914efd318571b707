import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { openApiDocument } from './api/document.ts';
import { Auth } from './auth.ts';
import type { ServerConfig } from './config.ts';
import type { Db } from './db/db.ts';
import { EventBus } from './events.ts';
import { compression } from './http/compression.ts';
import { FeedHub } from './live/feed-hub.ts';
import { PollHub } from './live/poll-hub.ts';
import { ReadCounter } from './write/read-counter.ts';
import { VoteBatcher } from './write/vote-batcher.ts';
import type { AppEnv } from './http/env.ts';
import { errorBody, handleError } from './http/errors.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { apiSecurityHeaders, clientIp } from './http/security.ts';
import { requireJsonBody } from './http/validate.ts';
import { adminRoutes } from './routes/admin.ts';
import { articleRoutes } from './routes/articles.ts';
import { commentRoutes } from './routes/comments.ts';
import { feedRoutes } from './routes/feeds.ts';
import { pollRoutes } from './routes/polls.ts';
import { trendingRoutes } from './routes/trending.ts';
import type { Services } from './services.ts';

export interface Api {
  app: Hono<AppEnv>;
  services: Services;
  /** Stops listening for database notifications (the database itself belongs to the caller). */
  close(): Promise<void>;
}

/** Builds the news-elements REST API under `basePath` (`/api` in the server, `/` in tests). */
export async function createApi(options: { db: Db; config: ServerConfig; basePath?: string }): Promise<Api> {
  const { db, config } = options;
  const bus = new EventBus(db, config.databaseSchema);
  await bus.start();
  const polls = new PollHub(db, bus, config.limits.liveIntervalMs);
  const feeds = new FeedHub(db, bus, config.limits.liveIntervalMs);
  const services: Services = {
    db,
    bus,
    config,
    polls,
    feeds,
    votes: new VoteBatcher(db, { onCommitted: (pollIds) => polls.changed(pollIds) }),
    reads: new ReadCounter(db),
    auth: new Auth({
      jwtSecret: config.jwtSecret,
      adminToken: config.adminToken,
      trustProxy: config.trustProxy,
      tokens: config.tokens,
      voterSecrets: config.voterSecrets,
    }),
    limiter: new RateLimiter(),
  };
  const document = `${JSON.stringify(openApiDocument(), null, 2)}\n`;
  const allowed = new Set(config.allowedOrigins);

  const base = (options.basePath ?? '/').replace(/\/$/, '');
  const app = base ? new Hono<AppEnv>().basePath(base) : new Hono<AppEnv>();

  app.use('*', compression());
  app.use('*', apiSecurityHeaders);
  app.use(
    '*',
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      credentials: true,
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'Last-Event-ID'],
      exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );
  app.use('*', clientIp(config.trustProxy));
  // Before any budget is charged: a refused content type costs the client nothing.
  app.use('*', requireJsonBody);
  app.use('*', async (c, next) => {
    services.limiter.take(`ip:${c.get('ip')}`, config.limits.ipPerMinute);
    await next();
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: config.limits.bodyBytes,
      onError: (c) => c.json(errorBody('payload_too_large', `The body is larger than ${config.limits.bodyBytes} bytes.`), 413),
    }),
  );

  app.get('/openapi.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(document, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  for (const routes of [
    articleRoutes(services),
    pollRoutes(services),
    commentRoutes(services),
    feedRoutes(services),
    adminRoutes(services),
    trendingRoutes(services),
  ]) {
    app.route('/', routes);
  }

  app.notFound((c) => c.json(errorBody('not_found', 'No such route.'), 404));
  app.onError(handleError);

  async function close(): Promise<void> {
    polls.stop();
    await services.reads.flush();
    feeds.stop();
    await bus.stop();
  }
  return { app, services, close };
}
