// HTTP helpers for the checker: one request function (timeouts, 429 Retry-After, cookies), and an SSE reader.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A minimal cookie jar for one anonymous voter: name=value pairs from Set-Cookie, sent back as Cookie. */
export class CookieJar {
  constructor() {
    this.cookies = new Map();
    this.raw = [];
  }
  take(headers) {
    const list = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
    for (const line of list) {
      this.raw.push(line);
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return list;
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export function createClient({ endpoint, timeoutMs = 10_000, maxRetryAfterS = 30, log = () => {} }) {
  const base = endpoint.replace(/\/+$/, '');

  /**
   * Sends one request and reads the whole answer. Options: token, json (body, sent as application/json),
   * body + contentType (raw), headers, jar, idempotencyKey. A 429 with a short Retry-After is waited out and
   * retried (at most twice), like the fetch adapter does; the result notes it.
   */
  async function request(method, path, options = {}) {
    const headers = { Accept: 'application/json', ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    let body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['Content-Type'] = 'application/json';
    } else if (options.body !== undefined) {
      body = options.body;
      if (options.contentType) headers['Content-Type'] = options.contentType;
    }
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      if (options.jar?.cookies.size) headers.Cookie = options.jar.header();
      const started = Date.now();
      let response;
      try {
        response = await fetch(base + path, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        const cause = error?.cause?.code ?? error?.cause?.message ?? error?.name ?? '';
        return { method, path, status: 0, error: `${error.message}${cause ? ` (${cause})` : ''}`, headers: new Headers(), text: '', ms: Date.now() - started };
      }
      const setCookies = options.jar ? options.jar.take(response.headers) : [];
      let text;
      try {
        text = await response.text();
      } catch (error) {
        return {
          method,
          path,
          status: response.status,
          error: `body could not be read: ${error.message}`,
          headers: response.headers,
          text: '',
          ms: Date.now() - started,
        };
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      if (response.status === 429 && attempt < 2 && Number.isFinite(retryAfter) && retryAfter <= maxRetryAfterS) {
        log(`429 on ${method} ${path}: waiting ${retryAfter || 1} s (Retry-After) and retrying`);
        waited += retryAfter || 1;
        await sleep((retryAfter || 1) * 1000 + 100);
        continue;
      }
      const contentType = response.headers.get('content-type') ?? '';
      let json;
      let jsonError;
      if (text !== '') {
        try {
          json = JSON.parse(text);
        } catch (error) {
          jsonError = error.message;
        }
      }
      return {
        method,
        path,
        status: response.status,
        headers: response.headers,
        contentType,
        text,
        json,
        jsonError,
        setCookies,
        waited,
        ms: Date.now() - started,
      };
    }
  }

  /**
   * Opens an event stream and returns {status, headers, contentType, next(timeoutMs), close()} where next() resolves
   * with the next event {event, data, json} (comments and keep-alives skipped) or null on timeout / end of stream.
   */
  async function stream(path, options = {}) {
    const controller = new AbortController();
    const headers = { Accept: 'text/event-stream', ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let response;
    const connectTimer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    try {
      response = await fetch(base + path, { headers, signal: controller.signal, redirect: 'manual' });
    } catch (error) {
      return { path, status: 0, error: error.message, headers: new Headers(), contentType: '', next: async () => null, close() {} };
    } finally {
      clearTimeout(connectTimer);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const close = () => controller.abort();
    if (!contentType.toLowerCase().startsWith('text/event-stream')) {
      let text = '';
      try {
        text = await response.text();
      } catch {
        // The body does not matter beyond a hint.
      }
      let json;
      try {
        json = JSON.parse(text);
      } catch {
        // Not JSON; the checks say so.
      }
      return { path, status: response.status, headers: response.headers, contentType, text, json, next: async () => null, close };
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const queue = [];
    let ended = false;
    let pump = null;
    const parse = () => {
      for (;;) {
        const match = /\r\n\r\n|\n\n|\r\r/.exec(buffer);
        if (!match) return;
        const block = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
        let event = 'message';
        const data = [];
        let fields = 0;
        for (const line of block.split(/\r\n|\n|\r/)) {
          if (line === '' || line.startsWith(':')) continue;
          const at = line.indexOf(':');
          const name = at === -1 ? line : line.slice(0, at);
          const value = at === -1 ? '' : line.slice(at + 1).replace(/^ /, '');
          fields++;
          if (name === 'event') event = value;
          else if (name === 'data') data.push(value);
        }
        if (fields === 0 || data.length === 0) continue;
        const text = data.join('\n');
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          // Data that is not JSON is reported by the check that reads it.
        }
        queue.push({ event, data: text, json });
      }
    };
    const readMore = () => {
      pump ??= reader.read().then(
        ({ value, done }) => {
          pump = null;
          if (done) ended = true;
          else {
            buffer += decoder.decode(value, { stream: true });
            parse();
          }
        },
        () => {
          pump = null;
          ended = true;
        },
      );
      return pump;
    };
    async function next(waitMs = 5000) {
      const deadline = Date.now() + waitMs;
      while (queue.length === 0 && !ended) {
        const left = deadline - Date.now();
        if (left <= 0) return null;
        let timer;
        await Promise.race([readMore(), new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
        clearTimeout(timer);
      }
      return queue.shift() ?? null;
    }
    return { path, status: response.status, headers: response.headers, contentType, next, close };
  }

  return { base, request, stream };
}
