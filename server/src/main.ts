import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApi } from './app.ts';
import { readConfig, repoRoot, type ServerConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { demoRoutes, loadDemoSecrets } from './demo.ts';
import { seedDemo } from './seed/seed.ts';
import { compression } from './http/compression.ts';
import { distCacheControl, serveFile } from './static.ts';

/** Reads the environment, opens storage, and serves the API, the library and the demo page on one port. */
async function main(): Promise<void> {
  const config: ServerConfig = readConfig();
  if (config.demo) {
    const secrets = loadDemoSecrets(config.dataDir);
    config.jwtSecret ??= secrets.jwtSecret;
    config.adminToken ??= secrets.adminToken;
  } else if (!config.jwtSecret) {
    console.warn('[server] JWT_SECRET is not set: every bearer token is refused and nobody can comment.');
  }

  const db = await openDatabase(config);
  if (db.kind === 'pglite') {
    console.log(
      '[server] storage: embedded PGlite, for demos and development. It is not fsynced: acknowledged writes survive ' +
        'a crash of this process but not a power loss or OS crash. Production runs on PostgreSQL (DATABASE_URL).',
    );
  }
  if (config.demo && (await seedDemo(db))) console.log('[server] seeded the demo article, poll and comments');
  const api = await createApi({ db, config, basePath: '/api' });

  const site = new Hono();
  site.use('*', compression());
  site.all('/api', (c) => c.redirect('/api/openapi.json'));
  site.all('/api/*', (c) => api.app.fetch(c.req.raw, c.env));
  if (config.demo && config.jwtSecret) site.route('/', demoRoutes(config.jwtSecret, config.tokens));
  site.on(
    ['GET', 'HEAD'],
    '/dist/*',
    async (c) =>
      (await serveFile(c, c.req.path.slice('/dist/'.length), {
        root: `${repoRoot}dist`,
        cacheControl: distCacheControl(c.req.path),
      })) ?? c.text('Not found. Run `npm run build` to build the library.', 404),
  );
  site.on(
    ['GET', 'HEAD'],
    '/demo/*',
    async (c) => (await serveFile(c, c.req.path.slice('/demo/'.length), { root: `${repoRoot}demo`, cacheControl: 'no-cache' })) ?? c.text('Not found.', 404),
  );
  site.on(
    ['GET', 'HEAD'],
    '/',
    async (c) =>
      (await serveFile(c, 'index.html', { root: `${repoRoot}demo`, cacheControl: 'no-cache' })) ?? c.text('The demo page (demo/index.html) is missing.', 404),
  );
  site.notFound((c) => c.text('Not found.', 404, { 'X-Content-Type-Options': 'nosniff' }));
  site.onError((error, c) => {
    console.error('[server] unexpected error:', error);
    return c.text('Something went wrong.', 500);
  });

  const server = serve({ fetch: site.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    const url = `http://${host}:${info.port}/`;
    console.log(`[server] news-elements listening on ${url} (API at ${url}api/, storage: ${db.kind})`);
    if (config.demo) {
      console.warn(
        `[server] WARNING: DEMO MODE IS ON: anyone can sign in as a sample reader at ${url}demo/sign-in?returnUrl=/ ` +
          `(admin token in ${config.dataDir}/demo-secrets.json). Never run a public deployment like this: ` +
          'set JWT_SECRET and leave DEMO unset.',
      );
    }
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[server] ${signal}: shutting down`);
    server.close();
    // Event streams never end on their own; give requests in flight a moment, then close storage.
    setTimeout(() => process.exit(0), 3000).unref();
    await api.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('[server] failed to start:', error);
  process.exit(1);
});
