// A loopback HTTP server for end-to-end tests: serves test pages and a copy of dist/ itself, and proxies
// everything else (the API, the demo sign-in and images) to the reference server. Faults switched at run
// time make the proxied requests misbehave the way real networks and servers do:
//
//   delay      wait `ms`, then forward
//   hang       never answer (the socket stays open until the client gives up or the proxy stops)
//   drop       destroy the connection before the request reaches the server
//   drop-after forward, let the server finish, then destroy the connection instead of answering
//   status     answer `status` with a JSON error body (and `headers`, e.g. Retry-After) without forwarding
//   malformed  answer 200 application/json with a body that is not JSON
//   html       answer `status` (default 502) with a proxy's HTML error page
//   truncate   forward, then send the server's headers and only the first half of its body
//
// Loopback only: it listens on 127.0.0.1 and forwards to the upstream URL it was given.
import { createServer, request as httpRequest } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

const htmlErrorPage = (status) =>
  `<!doctype html>\n<html><head><title>${status} Bad Gateway</title></head>\n<body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n`;

/**
 * Turns a fault's `match` into a predicate over `{method, path}`: a function, a RegExp over the path,
 * or `{ method, path }` (path a RegExp or a prefix string). No match means every proxied `/api/` request
 * except event streams.
 */
function matcher(match) {
  if (typeof match === 'function') return match;
  if (match instanceof RegExp) return ({ path }) => match.test(path);
  if (match && typeof match === 'object') {
    return ({ method, path }) =>
      (!match.method || match.method === method) && (!match.path || (match.path instanceof RegExp ? match.path.test(path) : path.startsWith(match.path)));
  }
  return ({ path }) => path.startsWith('/api/') && !path.split('?')[0].endsWith('/events');
}

/**
 * Starts the proxy. `upstream`: the reference server's base URL. `statics`: URL prefix → directory.
 * `pageHeaders(path)`: extra headers for HTML pages served from `statics` (e.g. a CSP).
 */
export async function startChaosProxy({ upstream, statics = {}, pageHeaders = () => ({}) }) {
  const target = new URL(upstream);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error('the chaos proxy forwards to loopback only');
  /** Active faults, first match wins; each `{ mode, match, times?, ms?, status?, headers? }`. */
  let faults = [];
  /** Every proxied request: `{ method, path, at, fault, idempotencyKey, voterCookie, status, upstreamStatus? }` (status 0: no answer). */
  const requests = [];
  const sockets = new Set();
  const held = new Set();

  function forward(req, body) {
    return new Promise((resolveForward, rejectForward) => {
      const headers = { ...req.headers, host: target.host };
      delete headers.connection;
      const upstreamRequest = httpRequest({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (upstreamResponse) =>
        resolveForward(upstreamResponse),
      );
      upstreamRequest.on('error', rejectForward);
      upstreamRequest.end(body);
    });
  }

  const readAll = (stream) =>
    new Promise((resolveRead, rejectRead) => {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => resolveRead(Buffer.concat(chunks)));
      stream.on('error', rejectRead);
    });

  const copyHeaders = (headers) => Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.has(name)));

  async function serveStatic(req, res, prefix, dir) {
    const relative = decodeURIComponent(new URL(req.url, 'http://x').pathname.slice(prefix.length));
    const root = resolve(dir);
    const file = resolve(root, `.${sep}${relative}`);
    if (!file.startsWith(root + sep)) return false;
    try {
      if (!(await stat(file)).isFile()) return false;
    } catch {
      return false;
    }
    const type = types[extname(file)] ?? 'application/octet-stream';
    const extra = type.startsWith('text/html') ? pageHeaders(req.url) : {};
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra });
    res.end(req.method === 'HEAD' ? undefined : await readFile(file));
    return true;
  }

  function takeFault(entry) {
    const index = faults.findIndex((fault) => fault.test(entry));
    if (index < 0) return undefined;
    const fault = faults[index];
    if (fault.times !== undefined && --fault.times <= 0) faults.splice(index, 1);
    return fault;
  }

  async function handle(req, res) {
    for (const [prefix, dir] of Object.entries(statics)) {
      if (req.url.startsWith(prefix) && (req.method === 'GET' || req.method === 'HEAD') && (await serveStatic(req, res, prefix, dir))) return;
    }
    const entry = {
      method: req.method,
      path: req.url,
      at: Date.now(),
      fault: 'pass',
      idempotencyKey: req.headers['idempotency-key'] ?? null,
      /** Whether the reference server's anonymous voter cookie came along. */
      voterCookie: /(^|;\s*)news_voter=/.test(req.headers.cookie ?? ''),
      status: 0,
    };
    requests.push(entry);
    const body = await readAll(req);
    const fault = takeFault(entry);
    entry.fault = fault?.mode ?? 'pass';
    const socket = req.socket;

    switch (fault?.mode) {
      case 'hang':
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      case 'drop':
        socket.destroy();
        return;
      case 'status': {
        const status = fault.status ?? 500;
        entry.status = status;
        const payload = JSON.stringify({ error: { code: `chaos_${status}`, message: `Chaos proxy answered ${status}.` } });
        res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...fault.headers });
        res.end(payload);
        return;
      }
      case 'malformed':
        entry.status = 200;
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end('{"id": "chaos", "options": [{"id": "a", "label": "unterminated');
        return;
      case 'html': {
        const status = fault.status ?? 502;
        entry.status = status;
        res.writeHead(status, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store', ...fault.headers });
        res.end(htmlErrorPage(status));
        return;
      }
      case 'delay':
        await new Promise((resolveDelay) => setTimeout(resolveDelay, fault.ms ?? 1000));
        break;
      default:
        break;
    }

    let upstreamResponse;
    try {
      upstreamResponse = await forward(req, body);
    } catch {
      socket.destroy();
      return;
    }
    const headers = copyHeaders(upstreamResponse.headers);
    if (!fault && String(upstreamResponse.headers['content-type']).startsWith('text/event-stream')) {
      entry.status = upstreamResponse.statusCode;
      res.writeHead(upstreamResponse.statusCode, headers);
      upstreamResponse.pipe(res);
      res.on('close', () => upstreamResponse.destroy());
      return;
    }
    const payload = await readAll(upstreamResponse);
    if (fault?.mode === 'drop-after') {
      // The server has done the work; the client never hears about it.
      entry.upstreamStatus = upstreamResponse.statusCode;
      socket.destroy();
      return;
    }
    entry.status = upstreamResponse.statusCode;
    if (fault?.mode === 'truncate') {
      entry.truncated = true;
      res.writeHead(upstreamResponse.statusCode, { ...headers, 'content-length': String(payload.length) });
      res.write(payload.subarray(0, Math.floor(payload.length / 2)));
      // Let the first half reach the client, then cut the connection.
      setTimeout(() => socket.destroy(), 50);
      return;
    }
    res.writeHead(upstreamResponse.statusCode, { ...headers, 'content-length': String(payload.length) });
    res.end(payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const url = `http://127.0.0.1:${server.address().port}`;

  return {
    url,
    requests,
    /** Replaces every fault with `fault` (or none). */
    set(fault) {
      faults = [];
      if (fault) this.add(fault);
    },
    /** Adds a fault after the existing ones. */
    add(fault) {
      faults.push({ ...fault, test: matcher(fault.match) });
    },
    /** No faults: everything passes. Requests already hanging stay hung until their client gives up. */
    recover() {
      faults = [];
    },
    /** Requests seen since `index`, matching `{method, path}` like a fault's `match`. */
    since(index, match) {
      const test = matcher(match);
      return requests.slice(index).filter((entry) => test(entry));
    },
    async stop() {
      faults = [];
      for (const res of held) res.socket?.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolveClose) => server.close(resolveClose));
    },
  };
}
