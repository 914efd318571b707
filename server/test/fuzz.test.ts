import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT, UnsecuredJWT } from 'jose';
import { adminToken, alex, createPoll, jwtSecret, startTestServer, storageName, type TestServer } from './helpers.ts';

/** A small seeded PRNG so a failing case can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const hostileStrings = [
  "' OR 1=1 --",
  "'; DROP TABLE comments; --",
  '"; SELECT pg_sleep(5); --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '🙂'.repeat(50),
  'x'.repeat(5000),
  '',
  ' ',
  '{"$ne": null}',
  '${7*7}',
  '%s%s%s%n',
  'NaN',
  '-1',
  '1e309',
  'null',
  'true',
  '[]',
  '{}',
];
const hostileValues: unknown[] = [...hostileStrings, 0, -1, 1.5, 1e308, null, true, [], {}, [null], { a: { b: { c: [] } } }, ['a', 'a'], Array(200).fill('a')];
/** Percent-encodes, turning a lone surrogate into invalid UTF-8 on the wire instead of throwing. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'FOO'];
const routes = [
  '/articles/{id}',
  '/articles/lookup?url={q}',
  '/articles/{id}/related?limit={q}',
  '/polls/{id}',
  '/polls/{id}/votes',
  '/polls/{id}/events',
  '/threads/{id}/comments?sort={q}&cursor={q}&limit={q}',
  '/threads/{id}/comments',
  '/comments/{id}/replies?cursor={q}',
  '/comments/{id}',
  '/comments/{id}/reports',
  '/comments/{id}/like',
  '/counts?threads={q}',
  '/session',
  '/admin/moderation?limit={q}',
  '/admin/comments/{id}/approve',
  '/admin/comments/{id}/reject',
  '/admin/threads/{id}',
  '/openapi.json',
  '/{id}',
  '/{id}/{id}/{id}',
];
const bodyFields = [
  'optionIds',
  'body',
  'parentId',
  'reason',
  'premoderation',
  'question',
  'options',
  'url',
  'headline',
  'blocks',
  'related',
  '__proto__',
  'constructor',
];

describe(`fuzz (${storageName})`, () => {
  let server: TestServer;
  let tokens: string[];
  let commentId: string;

  before(async () => {
    server = await startTestServer({ limits: { bodyBytes: 16 * 1024 } });
    await createPoll(server, 'fuzz-poll', { multiple: true });
    const good = await server.token(alex);
    commentId = (await server.call('POST', '/threads/fuzz/comments', { token: good, body: { body: 'target' } })).body.id;
    const secret = new TextEncoder().encode(jwtSecret);
    tokens = [
      good,
      adminToken,
      new UnsecuredJWT({ name: 'None' }).setSubject('admin').encode(),
      await new SignJWT({ name: 'Expired' }).setProtectedHeader({ alg: 'HS256' }).setSubject('e').setExpirationTime(1).sign(secret),
      await new SignJWT({ name: 'Wrong' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('w')
        .sign(new TextEncoder().encode('x'.repeat(40))),
      await new SignJWT({ name: '\u0000', avatar: 'javascript:alert(1)' }).setProtectedHeader({ alg: 'HS256' }).setSubject("' OR 1=1 --").sign(secret),
      await new SignJWT({ name: 'x'.repeat(5000) }).setProtectedHeader({ alg: 'HS256' }).setSubject('long').sign(secret),
      await new SignJWT({ name: 'Nested', sub: { a: 1 } as unknown as string }).setProtectedHeader({ alg: 'HS256' }).sign(secret),
      `${good.split('.').slice(0, 2).join('.')}.`,
      'a.b.c',
      'Bearer',
      'x'.repeat(10_000),
    ];
  });
  after(() => server.close());

  test('1,200 malformed and hostile requests: never a 5xx, and the server still answers', { timeout: 300_000 }, async () => {
    const next = random(20261130);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const requests: { method: string; path: string; init: RequestInit }[] = [];
    for (let i = 0; i < 1200; i++) {
      const method = pick(methods);
      const id = next() < 0.3 ? pick(['fuzz-poll', 'fuzz', commentId]) : pick(hostileStrings);
      const path = pick(routes)
        .replaceAll('{id}', () => (next() < 0.5 ? encode(id) : id.replace(/[?#\s]/g, '')))
        .replaceAll('{q}', () => encode(String(pick(hostileValues))));
      const headers: Record<string, string> = {};
      if (next() < 0.6) headers.authorization = `Bearer ${pick(tokens)}`;
      if (next() < 0.2) headers.cookie = `news_voter=${encode(pick(hostileStrings)).slice(0, 4000)}`;
      if (next() < 0.2) headers['idempotency-key'] = encode(pick(hostileStrings)).slice(0, 400) || 'k';
      if (next() < 0.1) headers['x-forwarded-for'] = pick(['1.2.3.4', 'not-an-ip', '::1', '1.1.1.1, 2.2.2.2']);
      let body: string | undefined;
      if (!['GET', 'HEAD'].includes(method) && next() < 0.8) {
        headers['content-type'] = pick([
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json;;',
          '',
        ]);
        const shape = next();
        if (shape < 0.25) body = pick(['{', '{"body":', 'nul\u0000l', '[1,2', '"\\ud800"', '{"a":1}{"b":2}', '\u00ff\u00fe']);
        else if (shape < 0.35) body = JSON.stringify({ body: 'x'.repeat(40_000) });
        else if (shape < 0.42) body = '['.repeat(5000) + ']'.repeat(5000);
        else {
          const object: Record<string, unknown> = {};
          for (let f = 0; f < 1 + Math.floor(next() * 4); f++) object[pick(bodyFields)] = pick(hostileValues);
          body = JSON.stringify(object);
        }
      }
      requests.push({ method, path, init: { method, headers, body } });
    }

    const failures: string[] = [];
    let answered = 0;
    for (let start = 0; start < requests.length; start += 25) {
      await Promise.all(
        requests.slice(start, start + 25).map(async ({ method, path, init }) => {
          const controller = new AbortController();
          // Event streams stay open: read the status, then hang up.
          const timer = setTimeout(() => controller.abort(), 5000);
          try {
            const response = await fetch(server.url + path, { ...init, signal: controller.signal });
            answered++;
            if (response.status >= 500) failures.push(`${response.status} ${method} ${path.slice(0, 120)}: ${(await response.text()).slice(0, 200)}`);
            if (!(response.headers.get('content-type') ?? '').includes('event-stream')) await response.arrayBuffer();
          } catch (error) {
            if ((error as Error).name !== 'AbortError') failures.push(`network error ${method} ${path.slice(0, 120)}: ${(error as Error).message}`);
          } finally {
            clearTimeout(timer);
            controller.abort();
          }
        }),
      );
    }
    assert.deepEqual(failures, []);
    assert.ok(answered >= 1000, `only ${answered} requests were answered`);
    const health = await server.call('GET', '/counts?threads=fuzz');
    assert.equal(health.status, 200);
    assert.ok(health.body.counts.fuzz >= 1);
    const tables = await server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'comments' AND table_schema = current_schema()",
    );
    assert.equal(tables.rows[0]?.n, 1, 'the comments table is still there');
  });
});
