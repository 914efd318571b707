import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { allowedOrigin, alex, createPoll, startTestServer, storageName, type TestServer, anonVoter } from './helpers.ts';

describe(`HTTP hygiene (${storageName})`, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('API responses carry security headers', async () => {
    const reply = await server.call('GET', '/counts?threads=a');
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(reply.headers.get('x-frame-options'), 'DENY');
    assert.match(reply.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(reply.headers.get('referrer-policy'), 'no-referrer');
  });

  test('CORS allows listed origins with credentials and exposes Retry-After', async () => {
    const allowed = await server.call('GET', '/counts?threads=a', { headers: { origin: allowedOrigin } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), allowedOrigin);
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    const other = await server.call('GET', '/counts?threads=a', { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  test('CORS preflight for writes names the allowed headers', async () => {
    const response = await fetch(`${server.url}/polls/p/votes`, {
      method: 'OPTIONS',
      headers: { origin: allowedOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), allowedOrigin);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
  });

  test('bodies over the limit are 413 JSON', async () => {
    const token = await server.token(alex);
    const reply = await server.call('POST', '/threads/t/comments', { token, body: { body: 'x'.repeat(20_000) } });
    assert.equal(reply.status, 413);
    assert.equal(reply.body.error.code, 'payload_too_large');
  });

  test('unknown routes and methods are 404 JSON', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['GET', '/articles'],
      ['POST', '/articles/x'],
      ['GET', '/../../etc/passwd'],
    ]) {
      const reply = await server.call(method as string, path as string, { unchecked: true });
      assert.equal(reply.status, 404, `${method} ${path}`);
      assert.equal(reply.body.error.code, 'not_found');
    }
  });

  test('GET /openapi.json serves the shipped document', async () => {
    const reply = await server.call('GET', '/openapi.json');
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')));
  });

  test('a bad Idempotency-Key is 400', async () => {
    await createPoll(server, 'idem-bad');
    const reply = await server.call('POST', '/polls/idem-bad/votes', { body: { optionIds: ['a'] }, headers: { 'idempotency-key': 'x'.repeat(300) } });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.code, 'invalid_idempotency_key');
  });
});

describe(`rate limits (${storageName})`, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ limits: { voterPerMinute: 3, userPerMinute: 100, commentsPerMinute: 2, ipPerMinute: 40, ipWritesPerMinute: 1000 } });
    await createPoll(server, 'limited');
  });
  after(() => server.close());

  test('per voter: the fourth write in a minute is 429 with Retry-After', async () => {
    const cookie = anonVoter('security-limited');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await server.call('POST', '/polls/limited/votes', { cookie, body: { optionIds: ['a'] } })).status);
    assert.deepEqual(statuses, [200, 409, 409, 429]);
    const limited = await server.call('POST', '/polls/limited/votes', { cookie, body: { optionIds: ['a'] } });
    assert.equal(limited.body.error.code, 'rate_limited');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  });

  test('per user: new comments are limited separately', async () => {
    const token = await server.token(alex);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await server.call('POST', '/threads/t/comments', { token, body: { body: `n${i}` } })).status);
    assert.deepEqual(statuses, [201, 201, 429]);
  });

  test('per IP: every request counts, with Retry-After', async () => {
    let limited = null;
    for (let i = 0; i < 60 && !limited; i++) {
      const reply = await server.call('GET', '/counts?threads=a', { headers: { 'x-forwarded-for': '203.0.113.9' } });
      if (reply.status === 429) limited = reply;
    }
    assert.ok(limited, 'expected a 429 within 60 requests');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    const elsewhere = await server.call('GET', '/counts?threads=a', { headers: { 'x-forwarded-for': '203.0.113.10' } });
    assert.equal(elsewhere.status, 200, 'another address is not affected');
  });
});
