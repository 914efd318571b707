import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminToken, startTestServer, storageName, type TestServer } from './helpers.ts';

describe(`articles (${storageName})`, () => {
  let server: TestServer;
  const article = (id: string, extra: Record<string, unknown> = {}) => ({
    url: `https://news.example/${id}`,
    headline: `Headline ${id}`,
    kicker: 'City',
    image: `/img/${id}.png`,
    imageAlt: 'A picture',
    publishedAt: '2026-11-20T10:00:00Z',
    blocks: [
      { type: 'paragraph', content: ['Hello ', { text: 'world', bold: true, href: 'https://example.org' }] },
      { type: 'poll', pollId: 'p1' },
    ],
    ...extra,
  });

  before(async () => {
    server = await startTestServer();
    for (const [index, id] of ['one', 'two', 'three', 'four'].entries()) {
      const reply = await server.call('PUT', `/articles/${id}`, {
        token: adminToken,
        body: article(id, { publishedAt: `2026-11-2${index}T10:00:00Z` }),
      });
      assert.equal(reply.status, 200, reply.text);
    }
  });
  after(() => server.close());

  test('GET /articles/{id} returns the article with its blocks', async () => {
    const reply = await server.call('GET', '/articles/one');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.id, 'one');
    assert.equal(reply.body.headline, 'Headline one');
    assert.equal(reply.body.blocks.length, 2);
    assert.equal(reply.body.blocks[1].pollId, 'p1');
  });

  test('GET /articles/{id} answers 404 for unknown and impossible ids', async () => {
    for (const path of ['/articles/nope', '/articles/..%2F..%2Fetc%2Fpasswd', '/articles/%00']) {
      const reply = await server.call('GET', path);
      assert.equal(reply.status, 404, path);
      assert.equal(reply.body.error.code, 'not_found');
    }
  });

  test('GET /articles/lookup finds by absolute URL, ignoring fragment and trailing slash', async () => {
    const reply = await server.call('GET', `/articles/lookup?url=${encodeURIComponent('https://news.example/two/#top')}`);
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, {
      id: 'two',
      url: 'https://news.example/two',
      headline: 'Headline two',
      image: '/img/two.png',
      imageAlt: 'A picture',
      publishedAt: '2026-11-21T10:00:00Z',
      kicker: 'City',
    });
  });

  test('GET /articles/lookup: 404 for an unknown URL, 422 without url', async () => {
    assert.equal((await server.call('GET', '/articles/lookup?url=https%3A%2F%2Fnews.example%2Fmissing')).status, 404);
    const missing = await server.call('GET', '/articles/lookup');
    assert.equal(missing.status, 422);
    assert.equal(missing.body.error.code, 'invalid_request');
  });

  test('GET /articles/{id}/related falls back to the latest other articles, honouring limit', async () => {
    const reply = await server.call('GET', '/articles/one/related?limit=2');
    assert.equal(reply.status, 200);
    assert.deepEqual(
      reply.body.map((summary: { id: string }) => summary.id),
      ['four', 'three'],
    );
  });

  test('GET /articles/{id}/related uses the publisher list when set', async () => {
    await server.call('PUT', '/articles/one', { token: adminToken, body: article('one', { related: ['three', 'two', 'ghost'] }) });
    const reply = await server.call('GET', '/articles/one/related');
    assert.deepEqual(
      reply.body.map((summary: { id: string }) => summary.id),
      ['three', 'two'],
    );
  });

  test('GET /articles/{id}/related: 404 unknown article, 422 bad limit', async () => {
    assert.equal((await server.call('GET', '/articles/ghost/related')).status, 404);
    assert.equal((await server.call('GET', '/articles/one/related?limit=0')).status, 422);
    assert.equal((await server.call('GET', '/articles/one/related?limit=abc')).status, 422);
  });

  test('PUT /articles/{id} needs the admin token', async () => {
    const none = await server.call('PUT', '/articles/x', { body: article('x') });
    assert.equal(none.status, 401);
    const wrong = await server.call('PUT', '/articles/x', { body: article('x'), token: 'not-the-admin' });
    assert.equal(wrong.status, 403);
  });

  test('PUT /articles/{id} refuses unsafe URLs, wrong ids and malformed bodies', async () => {
    const cases: [unknown, number][] = [
      [article('x', { url: 'javascript:alert(1)' }), 422],
      [article('x', { image: 'data:text/html,<script>alert(1)</script>' }), 422],
      [article('x', { blocks: [{ type: 'also-read', href: 'JaVaScRiPt:alert(1)' }] }), 422],
      [article('x', { id: 'other' }), 422],
      [article('x', { headline: '' }), 422],
      [article('x', { blocks: 'nope' }), 422],
      [{ ...article('x'), headline: 'has \u0000 nul' }, 422],
    ];
    for (const [body, status] of cases) {
      const reply = await server.call('PUT', '/articles/x', { token: adminToken, body });
      assert.equal(reply.status, status, JSON.stringify(body).slice(0, 120));
    }
    const badJson = await server.call('PUT', '/articles/x', { token: adminToken, raw: '{"url":', headers: { 'content-type': 'application/json' } });
    assert.equal(badJson.status, 400);
    assert.equal(badJson.body.error.code, 'invalid_json');
    const notJson = await server.call('PUT', '/articles/x', {
      token: adminToken,
      raw: 'url=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(notJson.status, 415);
    assert.equal((await server.call('GET', '/articles/x')).status, 404);
  });
});
