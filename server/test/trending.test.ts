import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { READS_HALF_LIFE_MS, recordReads } from '../src/store/trending.ts';
import { adminToken, startTestServer, storageName, type TestServer } from './helpers.ts';

describe(`trending (${storageName})`, () => {
  let server: TestServer;
  const ids = (reply: { body: { id: string }[] }) => reply.body.map((summary) => summary.id);
  const read = async (id: string, times: number) => {
    for (let i = 0; i < times; i++) assert.equal((await server.call('GET', `/articles/${id}`)).status, 200);
  };
  const pick = (body: unknown, token = adminToken) => server.call('PUT', '/admin/trending', { token, body });

  before(async () => {
    server = await startTestServer();
    for (const [id, section] of [
      ['ferry', 'city'],
      ['port', 'business'],
      ['rates', 'city'],
      ['market', null],
    ] as const) {
      const body = { url: `/articles/${id}`, headline: `Headline ${id}`, section, publishedAt: '2026-11-20T10:00:00Z', blocks: [] };
      assert.equal((await server.call('PUT', `/articles/${id}`, { token: adminToken, body })).status, 200);
    }
  });
  after(() => server.close());

  test('GET /trending is empty before anything was read', async () => {
    const reply = await server.call('GET', '/trending');
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, []);
    assert.equal(reply.headers.get('cache-control'), 'public, max-age=30');
  });

  test('article reads rank the list, most read first, within the limit and the section', async () => {
    await read('rates', 3);
    await read('port', 2);
    await read('ferry', 1);
    await server.call('GET', '/articles/nope');
    await server.api.services.reads.flush();
    const all = await server.call('GET', '/trending');
    assert.deepEqual(ids(all), ['rates', 'port', 'ferry']);
    assert.deepEqual(all.body[0], {
      id: 'rates',
      url: '/articles/rates',
      headline: 'Headline rates',
      image: null,
      imageAlt: null,
      publishedAt: '2026-11-20T10:00:00Z',
      kicker: null,
    });
    assert.deepEqual(ids(await server.call('GET', '/trending?limit=2')), ['rates', 'port']);
    assert.deepEqual(ids(await server.call('GET', '/trending?section=city')), ['rates', 'ferry']);
    assert.deepEqual(ids(await server.call('GET', '/trending?section=sport')), []);
    // Reads add up across flushes.
    await read('ferry', 3);
    await server.api.services.reads.flush();
    assert.deepEqual(ids(await server.call('GET', '/trending?section=city')), ['ferry', 'rates']);
  });

  test('old reads decay: a few reads now outrank many from two days ago', async () => {
    const now = Date.now();
    await recordReads(server.db, new Map([['market', 1000]]), now - 8 * READS_HALF_LIFE_MS);
    await recordReads(server.db, new Map([['port', 20]]), now);
    const top = ids(await server.call('GET', '/trending?limit=1'));
    assert.deepEqual(top, ['port']);
    // Many reads at the same moment still count for more than a few.
    await recordReads(server.db, new Map([['market', 1000]]), now);
    assert.deepEqual(ids(await server.call('GET', '/trending?limit=1')), ['market']);
  });

  test("PUT /admin/trending: the editor's list wins while set, per section, and an empty list clears it", async () => {
    const set = await pick({ articleIds: ['market', 'ferry'] });
    assert.equal(set.status, 200, set.text);
    assert.deepEqual(set.body, { section: null, articleIds: ['market', 'ferry'] });
    assert.deepEqual(ids(await server.call('GET', '/trending')), ['market', 'ferry']);
    assert.deepEqual(ids(await server.call('GET', '/trending?limit=1')), ['market']);
    // Sections keep their own lists.
    assert.deepEqual(ids(await server.call('GET', '/trending?section=business')), ['port']);
    assert.equal((await pick({ section: 'business', articleIds: ['rates'] })).status, 200);
    assert.deepEqual(ids(await server.call('GET', '/trending?section=business')), ['rates']);
    assert.equal((await pick({ articleIds: [] })).status, 200);
    assert.equal(ids(await server.call('GET', '/trending'))[0], 'market');
    assert.deepEqual(ids(await server.call('GET', '/trending')).length, 4);
    assert.equal((await pick({ section: 'business', articleIds: [] })).status, 200);
    assert.deepEqual(ids(await server.call('GET', '/trending?section=business')), ['port']);
  });

  test('PUT /admin/trending refuses strangers and bad lists, changing nothing', async () => {
    assert.equal((await server.call('PUT', '/admin/trending', { body: { articleIds: ['ferry'] } })).status, 401);
    assert.equal((await pick({ articleIds: ['ferry'] }, 'wrong-token')).status, 403);
    for (const body of [{ articleIds: ['ferry', 'ghost'] }, { articleIds: ['ferry', 'ferry'] }, { articleIds: 'ferry' }, { articleIds: Array(21).fill('x') }]) {
      const reply = await pick(body);
      assert.equal(reply.status, 422, JSON.stringify(body));
      assert.equal(reply.body.error.code, 'invalid_request');
    }
    assert.equal(ids(await server.call('GET', '/trending'))[0], 'market');
  });

  test('GET /trending answers 422 for a bad limit or section', async () => {
    for (const query of ['limit=0', 'limit=21', 'limit=two', 'section=%00', 'section=a%20b']) {
      const reply = await server.call('GET', `/trending?${query}`);
      assert.equal(reply.status, 422, query);
      assert.equal(reply.body.error.code, 'invalid_request');
    }
  });
});
