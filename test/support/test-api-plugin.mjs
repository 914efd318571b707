// A real, scriptable HTTP API inside the test runner's dev server, so the fetch adapter is
// tested against genuine sockets, headers, status codes, hangs and Server-Sent Events.
//
// Every request lives under a namespace chosen by the test (`/__api/<ns>/...`), because
// Chromium and Firefox run at the same time against this one server.
//
// Control routes (JSON in, JSON out):
//   POST /__api/<ns>/_script  {route: 'GET /polls/p1' | '/polls/p1', responses: [Response, ...]}
//        Responses are used in order; the last one repeats. A route without a method matches any.
//   GET  /__api/<ns>/_log     → [{method, path, query, search, headers, body, time, closedAt, aborted}]
//   POST /__api/<ns>/_reset   forget scripts and log, close open event streams
//   POST /__api/<ns>/_emit    {event?, data, id?} → writes one event to every open stream
//   POST /__api/<ns>/_close   ends every open event stream (the browser then reconnects)
//
// Response: {status = 200, json?, text?, headers?, delayMs?, hang?, destroySocket?,
//            truncate?: n  (send only the first n characters, as a complete response),
//            cutAfter?: n  (announce the full length, send n bytes, then kill the socket),
//            stall?: boolean  (with cutAfter: keep the socket open instead, a body that never ends),
//            sse?: [{event?, data, id?}]  (open an event stream and send these), sseEnd?: boolean}
// Unscripted routes answer 404 {"error":{"code":"not_scripted"}}.

const PREFIX = '/__api/';

export function testApiPlugin() {
  /** @type {Map<string, {scripts: Map<string, object[]>, log: object[], streams: Set<import('node:http').ServerResponse>}>} */
  const spaces = new Map();

  const space = (ns) => {
    let s = spaces.get(ns);
    if (!s) {
      s = { scripts: new Map(), log: [], streams: new Set() };
      spaces.set(ns, s);
    }
    return s;
  };

  return {
    name: 'test-api',
    serverStart({ app, server }) {
      // First in line, so the dev server's file serving and transforms never see these requests.
      app.middleware.unshift(async (ctx, next) => {
        if (!ctx.path.startsWith(PREFIX)) return next();
        const [ns, ...rest] = ctx.path.slice(PREFIX.length).split('/');
        const path = '/' + rest.join('/');
        const s = space(ns);
        const text = await readBody(ctx.req);
        const body = parseJson(text);
        // Raw node responses from here on: hangs, destroyed sockets and streams need the socket.
        ctx.respond = false;
        const res = ctx.res;

        switch (path) {
          case '/_script': {
            const route = String(body.route);
            s.scripts.set(route.includes(' ') ? route : `* ${route}`, [...body.responses]);
            return sendJson(res, 200, { ok: true });
          }
          case '/_log':
            return sendJson(res, 200, s.log);
          case '/_reset':
            for (const stream of s.streams) stream.end();
            spaces.delete(ns);
            return sendJson(res, 200, { ok: true });
          case '/_emit':
            for (const stream of s.streams) stream.write(sseChunk(body));
            return sendJson(res, 200, { streams: s.streams.size });
          case '/_close':
            for (const stream of s.streams) stream.end();
            return sendJson(res, 200, { ok: true });
        }

        const entry = {
          method: ctx.method,
          path,
          search: ctx.querystring,
          query: Object.fromEntries(new URLSearchParams(ctx.querystring)),
          headers: { ...ctx.req.headers },
          body: text === '' ? null : (parseJson(text, null) ?? text),
          time: Date.now(),
          closedAt: null,
          aborted: false,
        };
        s.log.push(entry);
        res.on('close', () => {
          entry.closedAt = Date.now();
          entry.aborted = !res.writableFinished;
        });

        const list = s.scripts.get(`${ctx.method} ${path}`) ?? s.scripts.get(`* ${path}`);
        const spec = !list
          ? { status: 404, json: { error: { code: 'not_scripted', message: `No script for ${ctx.method} ${path}` } } }
          : list.length > 1
            ? list.shift()
            : list[0];
        await respond(res, spec, s);
      });
      // koa-compose copied the middleware list when the server was created: mount the app again.
      server.removeAllListeners('request');
      server.on('request', app.callback());
    },
    serverStop() {
      for (const s of spaces.values()) for (const stream of s.streams) stream.destroy();
      spaces.clear();
    },
  };
}

async function respond(res, spec, s) {
  if (spec.delayMs) {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, spec.delayMs);
      res.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (res.destroyed) return;
  }
  // Never answers; the socket closes when the client gives up.
  if (spec.hang) return;
  if (spec.destroySocket) {
    res.socket?.destroy();
    return;
  }
  const headers = { 'cache-control': 'no-store', ...spec.headers };
  if (spec.sse) {
    res.writeHead(spec.status ?? 200, { 'content-type': 'text/event-stream', ...headers });
    res.write(': open\n\n');
    for (const event of spec.sse) res.write(sseChunk(event));
    if (spec.sseEnd) return res.end();
    s.streams.add(res);
    res.on('close', () => s.streams.delete(res));
    return;
  }
  const status = spec.status ?? 200;
  let body = '';
  if (spec.json !== undefined) {
    body = JSON.stringify(spec.json);
    headers['content-type'] ??= 'application/json';
  } else if (spec.text !== undefined) {
    body = String(spec.text);
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  }
  if (typeof spec.truncate === 'number') body = body.slice(0, spec.truncate);
  const bytes = Buffer.from(body);
  if (typeof spec.cutAfter === 'number') {
    res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
    res.write(bytes.subarray(0, spec.cutAfter));
    if (!spec.stall) setTimeout(() => res.socket?.destroy(), 20);
    return;
  }
  if (status === 204 || status === 304) {
    res.writeHead(status, headers);
    return res.end();
  }
  res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
  res.end(bytes);
}

function sseChunk({ event, data, id }) {
  let out = '';
  if (id !== undefined) out += `id: ${id}\n`;
  if (event) out += `event: ${event}\n`;
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  for (const line of text.split('\n')) out += `data: ${line}\n`;
  return out + '\n';
}

function sendJson(res, status, value) {
  const bytes = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(bytes.length),
    'cache-control': 'no-store',
  });
  res.end(bytes);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text, fallback = {}) {
  try {
    return text ? JSON.parse(text) : fallback;
  } catch {
    return fallback;
  }
}
