// A deliberately broken news-elements API for the conformance checker's tests: a proxy in front of the real
// reference API that injects the mistakes publishers' backends make. Each fault is listed in `faults` below.
//   node test/e2e/support/broken-api.mjs http://127.0.0.1:8787/api [port]
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';

/** The injected faults, by name: what the proxy does and which conformance checks should fail because of it. */
export const faults = {
  'article-shape': 'GET /articles/{id} drops the required "headline" (article.get)',
  'comment-shape': 'GET /threads/{id}/comments sends createdAt as epoch milliseconds (comments.list)',
  'ok-instead-of-404':
    'unknown article ids answer 200 with a stub; unknown comments answer 200 with an empty replies page (article.not-found, replies.not-found)',
  'html-errors': 'every other 404 is an HTML page (routes.unknown, poll.not-found, ...)',
  'bare-401': '401 bodies are {"message"} instead of {"error": {code, message}} (session.anonymous, comments.post.anonymous)',
  'no-idempotency': 'the Idempotency-Key header is dropped before the real server sees it (*.idempotent-replay, comments.post.counted-once)',
  'bad-json-500': 'a body that is not valid JSON gets 500 text/plain (poll.vote.bad-json, comments.edit.bad-json)',
  'thread-events-json': 'GET /threads/{id}/events answers application/json instead of an event stream (events.thread, events.thread.live)',
  'public-cache': 'GET /polls/{id} (which carries this voter\'s myVote) is sent with Cache-Control "public, max-age=60" (cache.personal)',
  'no-cors': 'preflights get 204 without CORS headers; other answers carry Access-Control-Allow-Origin "*" without credentials (cors.*)',
};

const html = (title) => `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1><p>nginx</p></body></html>`;

/** Starts the broken proxy on 127.0.0.1 in front of `upstream` (the real API base). Resolves with {url, close}. */
export async function startBrokenApi({ upstream, port = 0 }) {
  const base = upstream.replace(/\/+$/, '');
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://proxy.invalid');
    const path = url.pathname;
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);

    const send = (status, type, text, headers = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Access-Control-Allow-Origin': '*', ...headers });
      res.end(text);
    };

    // no-cors: answer every preflight itself, without any Access-Control-* header.
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    // bad-json-500: a framework that lets the JSON parser throw.
    if (body.length > 0 && /json/i.test(req.headers['content-type'] ?? '')) {
      try {
        JSON.parse(body.toString('utf8'));
      } catch {
        send(500, 'text/plain', 'Internal Server Error');
        return;
      }
    }
    // thread-events-json: live comments not implemented as an event stream.
    if (req.method === 'GET' && /^\/threads\/[^/]+\/events$/.test(path)) {
      send(200, 'application/json', '[]');
      return;
    }

    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      // no-idempotency: the key never reaches the real server.
      if (['host', 'connection', 'content-length', 'idempotency-key', 'origin'].includes(name)) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    let upstreamRes;
    try {
      upstreamRes = await fetch(base + path + url.search, {
        method: req.method,
        headers,
        body: ['GET', 'HEAD'].includes(req.method) ? undefined : body,
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch {
      send(502, 'text/html', html('502 Bad Gateway'));
      return;
    }
    const type = upstreamRes.headers.get('content-type') ?? '';
    const outHeaders = { 'Access-Control-Allow-Origin': '*' };
    for (const [name, value] of upstreamRes.headers) {
      if (
        name.startsWith('access-control-') ||
        ['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'set-cookie'].includes(name)
      )
        continue;
      outHeaders[name] = value;
    }
    const cookies = upstreamRes.headers.getSetCookie();
    if (cookies.length > 0) outHeaders['Set-Cookie'] = cookies;

    if (type.startsWith('text/event-stream')) {
      res.writeHead(upstreamRes.status, outHeaders);
      Readable.fromWeb(upstreamRes.body)
        .on('error', () => res.end())
        .pipe(res);
      return;
    }
    const text = await upstreamRes.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // Passed through untouched.
    }
    const status = upstreamRes.status;

    if (status === 404 && req.method === 'GET') {
      const article = /^\/articles\/([^/]+)$/.exec(path);
      if (article && article[1] !== 'lookup') {
        // ok-instead-of-404
        send(200, 'application/json', JSON.stringify({ id: decodeURIComponent(article[1]), headline: '', blocks: [] }));
        return;
      }
      if (/^\/comments\/[^/]+\/replies$/.test(path)) {
        send(200, 'application/json', JSON.stringify({ total: 0, comments: [], nextCursor: null }));
        return;
      }
    }
    if (status === 404) {
      // html-errors
      send(404, 'text/html; charset=utf-8', html('404 Not Found'));
      return;
    }
    if (status === 401) {
      // bare-401
      send(401, 'application/json', JSON.stringify({ message: 'Unauthorized' }));
      return;
    }
    if (status === 200 && json && req.method === 'GET') {
      if (/^\/articles\/[^/]+$/.test(path) && path !== '/articles/lookup') delete json.headline; // article-shape
      if (/^\/threads\/[^/]+\/comments$/.test(path) && Array.isArray(json.comments)) {
        for (const comment of json.comments) comment.createdAt = Date.parse(comment.createdAt); // comment-shape
      }
      if (/^\/polls\/[^/]+$/.test(path)) outHeaders['cache-control'] = 'public, max-age=60'; // public-cache
      res.writeHead(status, outHeaders);
      res.end(JSON.stringify(json));
      return;
    }
    res.writeHead(status, outHeaders);
    res.end(text);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [upstream, port] = process.argv.slice(2);
  if (!upstream) {
    console.error('Usage: node test/e2e/support/broken-api.mjs <upstream API base, e.g. http://127.0.0.1:8787/api> [port]');
    process.exit(2);
  }
  const broken = await startBrokenApi({ upstream, port: Number(port ?? 0) });
  console.log(`broken news-elements API on ${broken.url} (in front of ${upstream}); faults:`);
  for (const [name, what] of Object.entries(faults)) console.log(`  ${name}: ${what}`);
}
