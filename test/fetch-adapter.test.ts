import { expect } from '@open-wc/testing';
import { createFetchAdapter, type FetchAdapterOptions } from '../src/fetch-adapter.js';
import { addRoutes, type Routes } from '../src/core/index.js';
import { endpointAdapter } from '../src/core/transport.js';
import { HttpError, NetworkError } from '../src/core/errors.js';
import type { LiveEvent, NewsAdapter } from '../src/core/types.js';

// Every test talks to the real test API (test/support/test-api-plugin.mjs) in its own namespace.

interface ScriptedResponse {
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  hang?: boolean;
  destroySocket?: boolean;
  truncate?: number;
  cutAfter?: number;
  stall?: boolean;
  sse?: { event?: string; data: unknown; id?: string }[];
}

interface LoggedRequest {
  method: string;
  path: string;
  search: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  time: number;
  closedAt: number | null;
}

let api = '';

beforeEach(() => {
  api = `/__api/t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
});

afterEach(async () => {
  await fetch(`${api}/_reset`, { method: 'POST' });
});

const control = (path: string, body?: unknown) => fetch(api + path, { method: 'POST', body: JSON.stringify(body ?? {}) }).then((r) => r.json());

const script = (route: string, ...responses: ScriptedResponse[]) => control('/_script', { route, responses });

const requests = async (): Promise<LoggedRequest[]> => (await fetch(`${api}/_log`)).json();

const adapter = (options: Partial<FetchAdapterOptions> = {}) => createFetchAdapter({ endpoint: api, timeoutMs: 3000, backoffMs: 5, ...options });

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

async function until<T>(check: () => T | Promise<T>, timeoutMs = 4000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A fetch that counts the adapter's attempts (the server log misses requests still queued in the browser). */
function countingFetch() {
  const counter: { calls: number; times: number[]; fetch: typeof fetch } = {
    calls: 0,
    times: [],
    fetch: (input, init) => {
      counter.calls++;
      counter.times.push(performance.now());
      return fetch(input, init);
    },
  };
  return counter;
}

/** Makes backoff deterministic: full jitter then waits `fraction` of the exponential ceiling. */
function stubRandom(fraction: number) {
  const original = Math.random;
  Math.random = () => fraction;
  return () => (Math.random = original);
}

const poll = { id: 'p1', question: 'Q?', options: [], totalVotes: null, multiple: false, status: 'open', results: 'after-vote', myVote: null };

describe('createFetchAdapter', () => {
  describe('paths of the REST contract', () => {
    it('sends every method to its REST path, with query strings and JSON bodies', async () => {
      const a = adapter();
      const page = { total: 0, comments: [], nextCursor: null };
      await Promise.all([
        script('GET /articles/a1', { json: { id: 'a1' } }),
        script('GET /articles/lookup', { json: { id: 'a2' } }),
        script('GET /articles/a1/related', { json: [{ id: 'r1' }] }),
        script('GET /polls/p1', { json: poll }),
        script('POST /polls/p1/votes', { json: poll }),
        script('GET /threads/t1/comments', { json: page }),
        script('GET /comments/c1/replies', { json: page }),
        script('POST /threads/t1/comments', { status: 201, json: { id: 'c2' } }),
        script('PATCH /comments/c2', { json: { id: 'c2' } }),
        script('DELETE /comments/c2', { status: 204 }),
        script('POST /comments/c1/reports', { status: 202, json: { status: 'received' } }),
        script('PUT /comments/c1/like', { json: { likes: 3 } }),
        script('DELETE /comments/c1/like', { json: { likes: 2 } }),
        script('GET /feeds/markets', { json: { id: 'markets' } }),
      ]);
      expect(await a.getArticle('a1')).to.deep.equal({ id: 'a1' });
      expect(await a.lookupArticle('https://news.example/x?y=1&z')).to.deep.equal({ id: 'a2' });
      expect(await a.getRelated('a1', 3)).to.deep.equal([{ id: 'r1' }]);
      expect(await a.getPoll('p1')).to.deep.equal(poll);
      await a.vote('p1', ['o1', 'o2']);
      await a.listComments('t1', { sort: 'top', cursor: 'abc', limit: 10 });
      await a.listReplies('c1', { limit: 5 });
      expect(await a.postComment('t1', { body: 'Hello', parentId: 'c1' })).to.deep.equal({ id: 'c2' });
      await a.editComment('c2', 'Edited');
      expect(await a.deleteComment('c2')).to.equal(undefined);
      expect(await a.reportComment('c1', 'spam')).to.equal(undefined);
      expect(await a.likeComment('c1', true)).to.deep.equal({ likes: 3 });
      expect(await a.likeComment('c1', false)).to.deep.equal({ likes: 2 });
      expect(await a.getFeed('markets')).to.deep.equal({ id: 'markets' });

      const log = (await requests()).map((r) => [r.method, r.path, r.search, r.body]);
      expect(log).to.deep.equal([
        ['GET', '/articles/a1', '', null],
        ['GET', '/articles/lookup', 'url=https%3A%2F%2Fnews.example%2Fx%3Fy%3D1%26z', null],
        ['GET', '/articles/a1/related', 'limit=3', null],
        ['GET', '/polls/p1', '', null],
        ['POST', '/polls/p1/votes', '', { optionIds: ['o1', 'o2'] }],
        ['GET', '/threads/t1/comments', 'sort=top&cursor=abc&limit=10', null],
        ['GET', '/comments/c1/replies', 'limit=5', null],
        ['POST', '/threads/t1/comments', '', { body: 'Hello', parentId: 'c1' }],
        ['PATCH', '/comments/c2', '', { body: 'Edited' }],
        ['DELETE', '/comments/c2', '', null],
        ['POST', '/comments/c1/reports', '', { reason: 'spam' }],
        ['PUT', '/comments/c1/like', '', null],
        ['DELETE', '/comments/c1/like', '', null],
        ['GET', '/feeds/markets', '', null],
      ]);
    });

    it('encodes ids and joins endpoints without double slashes', async () => {
      await script('GET /articles/a%20b%2Fc%3F', { json: { id: 'a b/c?' } });
      expect(await adapter({ endpoint: api + '/' }).getArticle('a b/c?')).to.deep.equal({ id: 'a b/c?' });
      expect(await adapter({ endpoint: location.origin + api + '//' }).getArticle('a b/c?')).to.deep.equal({ id: 'a b/c?' });
      const log = await requests();
      expect(log.map((r) => r.path)).to.deep.equal(['/articles/a%20b%2Fc%3F', '/articles/a%20b%2Fc%3F']);
    });

    it('sends JSON with Content-Type only when there is a body, and accepts JSON', async () => {
      await script('/polls/p1/votes', { json: poll });
      await script('GET /polls/p1', { json: poll });
      await adapter().vote('p1', ['o1']);
      await adapter().getPoll('p1');
      const [post, get] = await requests();
      expect(post.headers['content-type']).to.equal('application/json');
      expect(get.headers['content-type']).to.equal(undefined);
      expect(get.headers.accept).to.equal('application/json');
    });

    it('passes credentials "include" by default to the given fetch', async () => {
      const inits: RequestInit[] = [];
      const spy: typeof fetch = (input, init) => {
        inits.push(init!);
        return fetch(input, init);
      };
      await script('GET /polls/p1', { json: poll });
      await adapter({ fetch: spy }).getPoll('p1');
      await adapter({ fetch: spy, credentials: 'same-origin' }).getPoll('p1');
      expect(inits.map((i) => i.credentials)).to.deep.equal(['include', 'same-origin']);
    });
  });

  describe('timeouts and aborts', () => {
    it('times out a hanging request with NetworkError{timedOut: true}', async () => {
      await script('GET /polls/p1', { hang: true });
      const counter = countingFetch();
      const error = await rejection(adapter({ fetch: counter.fetch, timeoutMs: 100, retries: 0 }).getPoll('p1'));
      expect(error).to.be.instanceOf(NetworkError);
      expect((error as NetworkError).timedOut).to.equal(true);
      expect(counter.calls).to.equal(1);
    });

    it('retries timeouts up to `retries` times', async () => {
      await script('GET /polls/p1', { hang: true });
      const counter = countingFetch();
      const error = await rejection(adapter({ fetch: counter.fetch, timeoutMs: 80, retries: 2 }).getPoll('p1'));
      expect((error as NetworkError).timedOut).to.equal(true);
      expect(counter.calls).to.equal(3);
    });

    it('counts a body that never ends against the timeout', async () => {
      await script('GET /polls/p1', { json: poll, cutAfter: 5, stall: true });
      const error = await rejection(adapter({ timeoutMs: 150, retries: 0 }).getPoll('p1'));
      expect(error).to.be.instanceOf(NetworkError);
      expect((error as NetworkError).timedOut).to.equal(true);
    });

    it('rejects at once when the caller aborts, without retrying', async () => {
      await script('GET /polls/p1', { hang: true });
      const controller = new AbortController();
      const started = Date.now();
      const pending = adapter({ timeoutMs: 5000, retries: 2 }).getPoll('p1', { signal: controller.signal });
      await until(async () => (await requests()).length === 1);
      controller.abort();
      const error = await rejection(pending);
      expect(error).to.be.instanceOf(NetworkError);
      expect((error as NetworkError).timedOut).to.equal(false);
      expect(Date.now() - started).to.be.below(4000);
      await new Promise((r) => setTimeout(r, 100));
      expect(await requests()).to.have.length(1);
    });

    it('does not send anything with an already aborted signal', async () => {
      const error = await rejection(adapter().getPoll('p1', { signal: AbortSignal.abort() }));
      expect(error).to.be.instanceOf(NetworkError);
      expect(await requests()).to.have.length(0);
    });

    it('stops waiting between retries when the caller aborts', async () => {
      const restore = stubRandom(0.999);
      try {
        await script('GET /polls/p1', { status: 503 });
        const controller = new AbortController();
        const pending = adapter({ backoffMs: 3000, retries: 2 }).getPoll('p1', { signal: controller.signal });
        await until(async () => (await requests()).length === 1);
        setTimeout(() => controller.abort(), 50);
        const error = await rejection(pending);
        expect(error).to.be.instanceOf(NetworkError);
        expect(await requests()).to.have.length(1);
      } finally {
        restore();
      }
    });
  });

  describe('retries', () => {
    it('retries 502, 503, 504 and succeeds', async () => {
      await script('GET /polls/p1', { status: 502, text: '<html>bad gateway</html>' }, { status: 503 }, { status: 504 }, { json: poll });
      expect(await adapter({ retries: 3 }).getPoll('p1')).to.deep.equal(poll);
      expect(await requests()).to.have.length(4);
    });

    it('gives up after `retries` extra attempts with the last HttpError', async () => {
      await script('GET /polls/p1', { status: 503, json: { error: { code: 'unavailable', message: 'Down' } } });
      const error = (await rejection(adapter({ retries: 2 }).getPoll('p1'))) as HttpError;
      expect(error).to.be.instanceOf(HttpError);
      expect([error.status, error.code, error.message]).to.deep.equal([503, 'unavailable', 'Down']);
      expect(await requests()).to.have.length(3);
    });

    it('does not retry other errors', async () => {
      await script('GET /polls/p1', { status: 500 });
      await script('GET /polls/p2', { status: 404, json: { error: { code: 'not_found', message: 'No poll' } } });
      await rejection(adapter().getPoll('p1'));
      await rejection(adapter().getPoll('p2'));
      expect(await requests()).to.have.length(2);
    });

    it('retries a destroyed socket, then reports NetworkError', async () => {
      // Counted at fetch level: browsers may silently resend once on a reused keep-alive socket.
      const counter = countingFetch();
      await script('GET /polls/p1', { destroySocket: true });
      const error = await rejection(adapter({ fetch: counter.fetch, retries: 2 }).getPoll('p1'));
      expect(error).to.be.instanceOf(NetworkError);
      expect((error as NetworkError).timedOut).to.equal(false);
      expect(counter.calls).to.equal(3);
      expect((await requests()).length).to.be.at.least(3);
    });

    it('retries a body cut off mid-stream', async () => {
      await script('GET /polls/p1', { json: poll, cutAfter: 10 }, { json: poll });
      expect(await adapter().getPoll('p1')).to.deep.equal(poll);
      expect(await requests()).to.have.length(2);
    });

    it('backs off exponentially between attempts', async () => {
      const counter = countingFetch();
      const restore = stubRandom(0.999);
      try {
        await script('GET /polls/p1', { status: 503 }, { status: 503 }, { status: 503 }, { json: poll });
        await adapter({ fetch: counter.fetch, backoffMs: 60, retries: 3 }).getPoll('p1');
      } finally {
        restore();
      }
      const times = counter.times;
      const gaps = times.slice(1).map((t, i) => t - times[i]);
      expect(gaps).to.have.length(3);
      // Ceilings are 60, 120 and 240 ms; allow a few ms of timer slack.
      expect(gaps[0]).to.be.at.least(50);
      expect(gaps[1]).to.be.at.least(110);
      expect(gaps[2]).to.be.at.least(230);
      expect(gaps[2]).to.be.above(gaps[0]);
    });

    it('uses full jitter: a random draw of 0 means no wait at all', async () => {
      const restore = stubRandom(0);
      const started = Date.now();
      try {
        await script('GET /polls/p1', { status: 503 }, { status: 503 }, { json: poll });
        await adapter({ backoffMs: 5000, retries: 2 }).getPoll('p1');
      } finally {
        restore();
      }
      expect(Date.now() - started).to.be.below(4000);
    });
  });

  describe('idempotency keys', () => {
    it('sends one key on every retry of one logical write', async () => {
      await script('POST /polls/p1/votes', { status: 503 }, { destroySocket: true }, { json: poll });
      await adapter({ retries: 2 }).vote('p1', ['o1']);
      const keys = (await requests()).map((r) => r.headers['idempotency-key']);
      expect(keys).to.have.length(3);
      expect(keys[0]).to.be.a('string').and.have.length.above(15);
      expect(new Set(keys).size).to.equal(1);
    });

    it('retries a timed-out write with the same key', async () => {
      await script('POST /threads/t1/comments', { hang: true }, { status: 201, json: { id: 'c1' } });
      await adapter({ timeoutMs: 300 }).postComment('t1', { body: 'Hi' });
      // At least two attempts (a slow machine may time out the second one too), all with one key.
      const keys = (await requests()).map((r) => r.headers['idempotency-key']);
      expect(keys.length).to.be.at.least(2);
      expect(new Set(keys).size).to.equal(1);
    });

    it('sends different keys for two logical writes, and none on reads', async () => {
      await script('POST /threads/t1/comments', { status: 201, json: { id: 'c1' } });
      await script('GET /polls/p1', { json: poll });
      const a = adapter();
      await a.postComment('t1', { body: 'one' });
      await a.postComment('t1', { body: 'two' });
      await a.getPoll('p1');
      const [one, two, read] = await requests();
      expect(one.headers['idempotency-key']).to.not.equal(two.headers['idempotency-key']);
      expect(read.headers['idempotency-key']).to.equal(undefined);
    });

    it('uses the key the caller gives (a persisted draft)', async () => {
      await script('POST /threads/t1/comments', { status: 503 }, { status: 201, json: { id: 'c1' } });
      await adapter().postComment('t1', { body: 'draft' }, { idempotencyKey: 'draft-42' });
      const keys = (await requests()).map((r) => r.headers['idempotency-key']);
      expect(keys).to.deep.equal(['draft-42', 'draft-42']);
    });
  });

  describe('Retry-After', () => {
    it('waits out a short 429 Retry-After, then succeeds', async () => {
      await script('POST /polls/p1/votes', { status: 429, headers: { 'Retry-After': '1' } }, { json: poll });
      const counter = countingFetch();
      expect(await adapter({ fetch: counter.fetch, retries: 1 }).vote('p1', ['o1'])).to.deep.equal(poll);
      expect(counter.times[1]! - counter.times[0]!).to.be.at.least(950);
      const [first, second] = await requests();
      expect(second.headers['idempotency-key']).to.equal(first.headers['idempotency-key']);
    });

    it('waits out a short 503 Retry-After given as an HTTP date', async () => {
      const soon = new Date(Date.now() + 1500).toUTCString();
      await script('GET /polls/p1', { status: 503, headers: { 'Retry-After': soon } }, { json: poll });
      expect(await adapter().getPoll('p1')).to.deep.equal(poll);
      expect(await requests()).to.have.length(2);
    });

    it('throws HttpError with retryAfter when the wait is long', async () => {
      await script('POST /polls/p1/votes', {
        status: 429,
        headers: { 'Retry-After': '120' },
        json: { error: { code: 'rate_limited', message: 'Slow down' } },
      });
      const error = (await rejection(adapter().vote('p1', ['o1']))) as HttpError;
      expect([error.status, error.code, error.retryAfter]).to.deep.equal([429, 'rate_limited', 120]);
      expect(await requests()).to.have.length(1);
    });

    it('reads a long Retry-After HTTP date as seconds', async () => {
      const later = new Date(Date.now() + 120_000).toUTCString();
      await script('GET /polls/p1', { status: 503, headers: { 'Retry-After': later } });
      const error = (await rejection(adapter().getPoll('p1'))) as HttpError;
      expect(error.retryAfter).to.be.within(115, 121);
    });

    it('throws with retryAfter when no retries are left', async () => {
      await script('GET /polls/p1', { status: 429, headers: { 'Retry-After': '1' } });
      const error = (await rejection(adapter({ retries: 0 }).getPoll('p1'))) as HttpError;
      expect([error.status, error.code, error.retryAfter]).to.deep.equal([429, 'http_429', 1]);
    });
  });

  describe('errors', () => {
    it('maps a JSON error body to HttpError(status, code, message)', async () => {
      await script('POST /polls/p1/votes', { status: 422, json: { error: { code: 'invalid_option', message: 'No such option' } } });
      const error = (await rejection(adapter().vote('p1', ['x']))) as HttpError;
      expect(error).to.be.instanceOf(HttpError);
      expect([error.status, error.code, error.message, error.retryAfter]).to.deep.equal([422, 'invalid_option', 'No such option', null]);
    });

    const broken: [string, ScriptedResponse][] = [
      ['an HTML error page', { status: 502, text: '<!doctype html><title>502</title><h1>Bad <b>Gateway</b></h1>', headers: { 'content-type': 'text/html' } }],
      ['a truncated JSON body', { status: 500, json: { error: { code: 'boom', message: 'Broken' } }, truncate: 12 }],
      ['an empty body', { status: 500 }],
      ['JSON without an error object', { status: 409, json: { nope: true } }],
    ];
    for (const [name, response] of broken) {
      it(`maps ${name} to http_<status> with a plain message`, async () => {
        await script('GET /polls/p1', response);
        const error = (await rejection(adapter({ retries: 0 }).getPoll('p1'))) as HttpError;
        expect(error).to.be.instanceOf(HttpError);
        expect(error.code).to.equal(`http_${response.status}`);
        expect(error.status).to.equal(response.status);
        expect(error.message).to.not.match(/[<>]/);
        expect(error.message.length).to.be.within(1, 200);
      });
    }

    it('maps a malformed 2xx body to invalid_response', async () => {
      await script('GET /polls/p1', { json: poll, truncate: 20 });
      await script('GET /polls/p2', { text: '<html>hello</html>', headers: { 'content-type': 'text/html' } });
      for (const id of ['p1', 'p2']) {
        const error = (await rejection(adapter().getPoll(id))) as HttpError;
        expect(error).to.be.instanceOf(HttpError);
        expect([error.status, error.code]).to.deep.equal([200, 'invalid_response']);
        expect(error.message).to.not.match(/[<>]/);
      }
    });

    it('returns undefined for 204', async () => {
      await script('DELETE /comments/c1', { status: 204 });
      expect(await adapter().deleteComment('c1')).to.equal(undefined);
    });
  });

  describe('auth', () => {
    it('sends Authorization: Bearer from getToken, sync or async, and nothing when signed out', async () => {
      await script('GET /polls/p1', { json: poll });
      await adapter({ getToken: () => 'tok1' }).getPoll('p1');
      await adapter({ getToken: async () => 'tok2' }).getPoll('p1');
      await adapter({ getToken: () => null }).getPoll('p1');
      const auth = (await requests()).map((r) => r.headers.authorization);
      expect(auth).to.deep.equal(['Bearer tok1', 'Bearer tok2', undefined]);
    });

    it('getSession returns the user, and null on 401', async () => {
      const user = { id: 'u1', name: 'Ada' };
      await script('GET /session', { json: user }, { status: 401, json: { error: { code: 'auth_required', message: 'Sign in' } } });
      const a = adapter({ getToken: () => 'tok' });
      expect(await a.getSession()).to.deep.equal(user);
      expect(await a.getSession()).to.equal(null);
    });

    it('getSession is null without asking the server when there is no token', async () => {
      expect(await adapter().getSession()).to.equal(null);
      expect(await adapter({ getToken: async () => null }).getSession()).to.equal(null);
      expect(await requests()).to.have.length(0);
    });

    it('getSession still throws other errors', async () => {
      await script('GET /session', { status: 500 });
      const error = (await rejection(adapter({ getToken: () => 'tok' }).getSession())) as HttpError;
      expect(error.status).to.equal(500);
    });
  });

  describe('counts', () => {
    it('batches thread ids into one sorted, deduplicated request', async () => {
      await script('GET /counts', { json: { counts: { a: 1, b: 0, 'c,d': 4 } } });
      expect(await adapter().getCounts(['b', 'a', 'b', 'c,d'])).to.deep.equal({ a: 1, b: 0, 'c,d': 4 });
      const log = await requests();
      expect(log).to.have.length(1);
      expect(log[0].query).to.deep.equal({ threads: 'a,b,c,d' });
    });

    it('asks nothing for an empty list', async () => {
      expect(await adapter().getCounts([])).to.deep.equal({});
      expect(await requests()).to.have.length(0);
    });
  });

  describe('subscribe', () => {
    it('forwards named and plain events, skips unparsable data, and unsubscribes', async () => {
      await script('GET /threads/t1/events', {
        sse: [{ event: 'comment', data: { id: 'c1' } }, { data: 'not json {' }, { data: { n: 1 } }],
      });
      const events: LiveEvent[] = [];
      const unsubscribe = adapter().subscribe!('threads/t1', (e) => events.push(e));
      await until(() => events.length === 2);
      expect(events).to.deep.equal([
        { type: 'comment', data: { id: 'c1' } },
        { type: 'message', data: { n: 1 } },
      ]);

      await control('/_emit', { event: 'comment-deleted', data: { id: 'c1' } });
      await until(() => events.length === 3);
      expect(events[2]).to.deep.equal({ type: 'comment-deleted', data: { id: 'c1' } });

      unsubscribe();
      await until(async () => (await requests())[0].closedAt !== null);
      await control('/_emit', { event: 'comment', data: { id: 'c2' } });
      await new Promise((r) => setTimeout(r, 100));
      expect(events).to.have.length(3);
      expect(await requests()).to.have.length(1);
    });

    it('forwards poll results', async () => {
      const results = { ...poll, totalVotes: 3 };
      await script('GET /polls/p1/events', { sse: [{ event: 'results', data: results }] });
      const events: LiveEvent[] = [];
      const unsubscribe = adapter().subscribe!('polls/p1', (e) => events.push(e));
      await until(() => events.length === 1);
      unsubscribe();
      expect(events[0]).to.deep.equal({ type: 'results', data: results });
    });

    it('forwards feed changes', async () => {
      const feed = { id: 'markets', title: 'Markets', values: [], updatedAt: '2026-11-28T09:15:00.000Z', staleAfterSeconds: null };
      await script('GET /feeds/markets/events', { sse: [{ event: 'feed', data: feed }] });
      const events: LiveEvent[] = [];
      const unsubscribe = adapter().subscribe!('feeds/markets', (e) => events.push(e));
      await until(() => events.length === 1);
      unsubscribe();
      expect(events[0]).to.deep.equal({ type: 'feed', data: feed });
    });

    it('reconnects with backoff when the browser gives up on the stream', async () => {
      await script('GET /polls/p1/events', { status: 500 }, { status: 503 }, { sse: [{ event: 'results', data: { ok: true } }] });
      const events: LiveEvent[] = [];
      const unsubscribe = adapter({ backoffMs: 20 }).subscribe!('polls/p1', (e) => events.push(e));
      await until(() => events.length === 1);
      unsubscribe();
      expect(events[0].data).to.deep.equal({ ok: true });
      expect(await requests()).to.have.length(3);
    });

    it('stops reconnecting after unsubscribe', async () => {
      await script('GET /polls/p1/events', { status: 500 });
      const restore = stubRandom(0.999);
      try {
        // Without unsubscribing this would reconnect after 100, 200, 400 ms...
        const unsubscribe = adapter({ backoffMs: 100 }).subscribe!('polls/p1', () => {});
        await until(async () => (await requests()).length >= 2);
        unsubscribe();
      } finally {
        restore();
      }
      await new Promise((r) => setTimeout(r, 50));
      const seen = (await requests()).length;
      await new Promise((r) => setTimeout(r, 700));
      expect(await requests()).to.have.length(seen);
    });

    it('opens EventSource withCredentials matching credentials', async () => {
      await script('GET /polls/p1/events', { sse: [] });
      const Original = globalThis.EventSource;
      const sources: EventSource[] = [];
      globalThis.EventSource = class extends Original {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          sources.push(this);
        }
      };
      try {
        adapter().subscribe!('polls/p1', () => {})();
        adapter({ credentials: 'omit' }).subscribe!('polls/p1', () => {})();
      } finally {
        globalThis.EventSource = Original;
      }
      expect(sources.map((s) => s.withCredentials)).to.deep.equal([true, false]);
      expect(new URL(sources[0].url).pathname).to.equal(`${api}/polls/p1/events`);
    });

    it('is a no-op without EventSource', () => {
      const Original = globalThis.EventSource;
      // Simulates an environment without EventSource; the property is restored below.
      (globalThis as { EventSource?: unknown }).EventSource = undefined;
      try {
        const unsubscribe = adapter().subscribe!('polls/p1', () => {});
        expect(unsubscribe).to.be.a('function');
        unsubscribe();
      } finally {
        globalThis.EventSource = Original;
      }
    });
  });
});

describe('the adapter a page builds from an endpoint', () => {
  // Each element module adds the routes it calls (addRoutes); an endpoint adapter has the routes
  // of the modules loaded before it was made and gains those loaded after.
  it('gains the routes of element modules loaded after it was made, and uses them', async () => {
    const early = endpointAdapter({ endpoint: api, timeoutMs: 3000, backoffMs: 5 });
    // A route no element has, so the test does not depend on which element modules are loaded.
    const probe: Routes = (request) => ({ probe: () => request('GET', '/polls/probe') }) as Partial<NewsAdapter>;
    expect((early as unknown as Record<string, unknown>).probe).to.equal(undefined);
    addRoutes(probe);
    const late = endpointAdapter({ endpoint: api, timeoutMs: 3000, backoffMs: 5 });
    for (const a of [early, late]) expect(typeof (a as unknown as Record<string, unknown>).probe).to.equal('function');
    await script('GET /polls/probe', { json: poll }, { json: poll });
    expect(await (early as unknown as { probe: () => Promise<unknown> }).probe()).to.deep.equal(poll);
    expect(await (late as unknown as { probe: () => Promise<unknown> }).probe()).to.deep.equal(poll);
    // Endpoint adapters keep the live stream of the transport.
    expect(typeof early.subscribe).to.equal('function');
  });

  it('createFetchAdapter has every route of NewsAdapter, whatever modules are loaded', () => {
    const a = createFetchAdapter({ endpoint: api });
    const methods = [
      'getArticle',
      'lookupArticle',
      'getRelated',
      'getPoll',
      'vote',
      'listComments',
      'listReplies',
      'postComment',
      'editComment',
      'deleteComment',
      'reportComment',
      'likeComment',
      'getCounts',
      'getSession',
      'getFeed',
      'getTrending',
      'subscribe',
    ];
    for (const method of methods) expect(typeof (a as unknown as Record<string, unknown>)[method], method).to.equal('function');
    // Its own properties: a publisher may spread it into their own adapter.
    expect(Object.keys({ ...a }).sort()).to.deep.equal([...methods].sort());
  });
});
