// The fetch adapter's transport over the REST API: one `request` with timeouts, retries, idempotency
// keys and typed errors, and the live stream. Each element's routes over it live in its folder
// (`routes.ts`) and join the page's adapters through `addRoutes`; `src/fetch-adapter.ts` puts them
// all together for `createFetchAdapter()`.
import { HttpError, NetworkError } from './errors.js';
import type { CallOptions, LiveEvent, NewsAdapter } from './types.js';

export interface FetchAdapterOptions {
  /** Base URL of the REST API, absolute (`https://api.example.com/v1`) or relative (`/api`). */
  endpoint: string;
  /** Returns the reader's bearer token (the publisher's JWT), or null when signed out. */
  getToken?: () => string | null | Promise<string | null>;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /** Time allowed for one attempt, body included. Default 8000 ms. */
  timeoutMs?: number;
  /** Extra attempts after a network error, timeout, 429, 502, 503 or 504. Default 2. */
  retries?: number;
  /** Default `'include'`, so the anonymous voter cookie works cross-origin. */
  credentials?: RequestCredentials;
  /** @internal Base of the exponential backoff (default 300 ms); tests make it tiny. */
  backoffMs?: number;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | null | undefined>;

/** One call to the API: the transport every route shares (timeouts, retries, keys, errors). */
export type Request = <T>(method: Method, path: string, call?: CallOptions, body?: unknown, query?: Query) => Promise<T>;

/**
 * The adapter methods of one element over `request` (its folder's `routes.ts`). Each element module
 * adds its own to the adapters the page builds from an endpoint (`addRoutes`), so a page with
 * only the poll does not download the comments' routes.
 */
export type Routes = (request: Request, options: FetchAdapterOptions) => Partial<NewsAdapter>;

/** Longest `Retry-After` we wait out ourselves; a longer one goes to the UI as `HttpError.retryAfter`. */
const MAX_RETRY_AFTER_S = 5;
const BACKOFF_CAP_MS = 4000;
const EVENT_TYPES = ['message', 'results', 'comment', 'comment-updated', 'comment-deleted', 'feed'];

const aborted = (cause: unknown) => new NetworkError('Request aborted', { cause });

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      reject(aborted(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', done);
      resolve();
    }, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

const newKey = () =>
  globalThis.crypto?.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** `Retry-After` as seconds (it may be seconds or an HTTP date), or null. */
const parseRetryAfter = (value: string | null): number | null => {
  if (!value) return null;
  const seconds = /^\s*\d+\s*$/.test(value) ? +value : (Date.parse(value) - Date.now()) / 1000;
  return Number.isNaN(seconds) ? null : Math.max(0, Math.ceil(seconds));
};

const parse = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return parse;
  }
};

/**
 * The transport of an adapter: `request` for the routes, and the live stream (`subscribe`). Every
 * route lives in its element's folder, so that it travels with the element (see `addRoutes`).
 */
export function connect(options: FetchAdapterOptions): Connection {
  const { getToken, timeoutMs = 8000, retries = 2, credentials = 'include', backoffMs = 300 } = options;
  const base = options.endpoint.replace(/\/+$/, '');

  const url = (path: string, query: Query = {}) => {
    // Each value becomes a string; null and undefined leave their parameter out.
    const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v != null) as [string, string][]) + '';
    return base + path + (search && '?' + search);
  };

  const request: Request = async (method, path, call = {}, body, query) => {
    const { signal } = call;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (method !== 'GET') headers['Idempotency-Key'] = call.idempotencyKey || newKey();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = await getToken?.();
    if (token) headers.Authorization = 'Bearer ' + token;
    const init: RequestInit = { method, headers, credentials, body: body === undefined ? body : JSON.stringify(body) };
    const target = url(path, query);

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw aborted(signal.reason);
      const canRetry = attempt < retries;
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      const onAbort = () => controller.abort();
      signal?.addEventListener('abort', onAbort);

      let status = 0;
      let text = '';
      let retryAfter: number | null = null;
      try {
        const res = await (options.fetch ?? fetch)(target, { ...init, signal: controller.signal });
        text = await res.text();
        status = res.status;
        retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
      } catch (cause) {
        if (signal?.aborted) throw aborted(cause);
        if (!canRetry) {
          throw new NetworkError(timedOut ? 'Request timed out' : 'Network request failed', { cause, timedOut });
        }
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }

      if (status) {
        const data = parse(text);
        if (status < 300) {
          if (data === parse) throw new HttpError(status, 'invalid_response', 'The server sent an unreadable response');
          return data as never;
        }
        // A long Retry-After is the UI's to wait out; a short one we wait ourselves.
        const long = retryAfter! > MAX_RETRY_AFTER_S;
        if (!canRetry || ![429, 502, 503, 504].includes(status) || long) {
          const error = (data as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
          throw new HttpError(
            status,
            typeof error?.code === 'string' ? error.code : 'http_' + status,
            typeof error?.message === 'string' ? error.message.slice(0, 300) : `The server answered ${status}`,
            retryAfter,
          );
        }
      }
      // A short Retry-After as given, else full jitter: a random wait up to the exponential ceiling.
      await sleep(retryAfter != null ? retryAfter * 1000 : Math.random() * Math.min(BACKOFF_CAP_MS, backoffMs * 2 ** attempt), signal);
    }
  };

  const adapter: Partial<NewsAdapter> = {
    subscribe(channel, onEvent) {
      if (typeof EventSource == 'undefined') return () => {};
      let source: EventSource | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let failures = 0;
      let stopped = false;
      const forward = (event: Event) => {
        const data = parse((event as MessageEvent<string>).data);
        if (data !== parse) onEvent({ type: event.type, data } as LiveEvent);
      };
      const open = () => {
        source = new EventSource(url('/' + channel + '/events'), { withCredentials: credentials == 'include' });
        for (const type of EVENT_TYPES) source.addEventListener(type, forward);
        source.onopen = () => (failures = 0);
        // The browser reconnects by itself while CONNECTING; once CLOSED it has given up, so we retry.
        source.onerror = () => {
          if (source!.readyState == 2 && !stopped) {
            timer = setTimeout(open, Math.random() * Math.min(30000, backoffMs * 2 ** failures++));
          }
        };
      };
      open();
      return () => {
        stopped = true;
        clearTimeout(timer);
        source?.close();
      };
    },
  };
  return [adapter, request, options];
}

/** An adapter being assembled, with what its routes are built on. */
export type Connection = [adapter: Partial<NewsAdapter>, request: Request, options: FetchAdapterOptions];

/** Adds the methods of `routes` to the connection's adapter. */
export const add = ([adapter, request, options]: Connection, routes: Routes) => Object.assign(adapter, routes(request, options));

const routeSets: Routes[] = [];
/** The adapters `endpointAdapter` made: one per `configure()` call and `<news-article endpoint>` value, a handful a page. */
const endpointAdapters: Connection[] = [];

/** An element module's routes, for every endpoint adapter, made before or after. */
export function addRoutes(routes: Routes): void {
  routeSets.push(routes);
  for (const connection of endpointAdapters) add(connection, routes);
}

/**
 * The adapter the page builds from an endpoint (the meta tag, `configure()`, `<news-article
 * endpoint>`): `createFetchAdapter` with the routes of the elements loaded, now and later.
 */
export function endpointAdapter(options: FetchAdapterOptions): NewsAdapter {
  const connection = connect(options);
  endpointAdapters.push(connection);
  for (const routes of routeSets) add(connection, routes);
  return connection[0] as NewsAdapter;
}
