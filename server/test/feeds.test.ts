import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FEED_VALUES_MAX } from '../../src/core/contract.ts';
import { createApi } from '../src/app.ts';
import { putFeed } from '../src/store/feeds.ts';
import { seedDemo } from '../src/seed/seed.ts';
import { demoFeed } from '../src/seed/demo-content.ts';
import { adminToken, collectEvents, startTestServer, storageName, type TestServer } from './helpers.ts';

const markets = (harbour: number) => ({
  title: 'Markets',
  staleAfterSeconds: 900,
  values: [
    { id: 'harbour-50', label: 'Harbour 50', value: harbour, decimals: 1, change: 0.42 },
    { id: 'brent', label: 'Brent crude', value: 81.24, format: 'currency' as const, currency: 'USD', change: -1.2, changeFormat: 'value' as const },
  ],
});

describe(`live-data feeds (${storageName})`, () => {
  let server: TestServer;
  const put = (id: string, body: unknown, token = adminToken) => server.call('PUT', `/admin/feeds/${id}`, { body, token });

  before(async () => {
    // A long interval, so that a burst of changes provably falls inside one.
    server = await startTestServer({ limits: { liveIntervalMs: 3000 } });
  });
  after(() => server.close());

  test('PUT /admin/feeds/{id} stores the figures with defaults, and GET /feeds/{id} answers them', async () => {
    const before = Date.now();
    const saved = await put('prices', markets(4812.6));
    assert.equal(saved.status, 200, saved.text);
    assert.deepEqual(saved.body.values[0], {
      id: 'harbour-50',
      label: 'Harbour 50',
      value: 4812.6,
      format: 'number',
      decimals: 1,
      change: 0.42,
      changeFormat: 'percent',
    });
    assert.equal(saved.body.values[1].changeFormat, 'value');
    assert.equal(saved.body.staleAfterSeconds, 900);
    assert.ok(Date.parse(saved.body.updatedAt) >= before - 5000, 'the figures are as of the write');

    const read = await server.call('GET', '/feeds/prices');
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, saved.body);
    assert.match(read.headers.get('cache-control') ?? '', /max-age=5/);
  });

  test('a feed without a promise is never stale: staleAfterSeconds is null', async () => {
    const { staleAfterSeconds, ...rest } = markets(1);
    assert.equal(staleAfterSeconds, 900);
    assert.equal((await put('no-promise', rest)).body.staleAfterSeconds, null);
  });

  test('unknown feeds are 404 for reading and events', async () => {
    assert.equal((await server.call('GET', '/feeds/nope')).status, 404);
    assert.equal((await server.call('GET', '/feeds/nope/events')).status, 404);
  });

  test('writing a feed needs the admin token', async () => {
    assert.equal((await put('prices', markets(1), '')).status, 401);
    assert.equal((await put('prices', markets(1), 'not-the-token')).status, 403);
    assert.equal((await server.call('GET', '/feeds/prices')).body.values[0].value, 4812.6, 'nothing was written');
  });

  test('PUT /admin/feeds/{id} refuses malformed figures with 422', async () => {
    const value = { id: 'a', label: 'A', value: 1 };
    for (const [why, body] of [
      ['no title', { values: [value] }],
      ['a currency without its code', { title: 'T', values: [{ ...value, format: 'currency' }] }],
      ['a lower-case currency code', { title: 'T', values: [{ ...value, format: 'currency', currency: 'usd' }] }],
      ['duplicate value ids', { title: 'T', values: [value, value] }],
      ['too many values', { title: 'T', values: Array.from({ length: FEED_VALUES_MAX + 1 }, (_, i) => ({ ...value, id: `v${i}` })) }],
      ['a figure that is not a number', { title: 'T', values: [{ ...value, value: '1' }] }],
      ['seven decimals', { title: 'T', values: [{ ...value, decimals: 7 }] }],
      ['an unknown format', { title: 'T', values: [{ ...value, format: 'html' }] }],
      ['a zero promise', { title: 'T', values: [value], staleAfterSeconds: 0 }],
      ['an as-of time that is not a date', { title: 'T', values: [{ ...value, asOf: 'yesterday' }] }],
    ] as const) {
      const reply = await put('bad', body);
      assert.equal(reply.status, 422, why);
    }
    assert.equal((await server.call('GET', '/feeds/bad')).status, 404);
  });

  test('GET /feeds/{id}/events sends the feed at once, then each change pushed through the admin route', async () => {
    await put('live', markets(100));
    const events = await collectEvents(`${server.url}/feeds/live/events`, (seen) => seen.some((e) => e.event === 'feed' && e.data.values[0].value === 101), {
      onOpen: async () => {
        assert.equal((await put('live', markets(101))).status, 200);
      },
    });
    const feeds = events.filter((event) => event.event === 'feed');
    assert.deepEqual(
      feeds.map((event) => event.data.values[0].value),
      [100, 101],
    );
    assert.ok(Date.parse(feeds[1]?.data.updatedAt) >= Date.parse(feeds[0]?.data.updatedAt));
  });

  test('twenty changes within one interval reach a live reader as one feed event, and one announcement', async () => {
    await put('burst', markets(0));
    const announced: unknown[] = [];
    const stop = server.api.services.bus.subscribe('feeds/burst', (event) => announced.push(event));
    try {
      let burst: Promise<unknown> | null = null;
      const events = await collectEvents(
        `${server.url}/feeds/burst/events`,
        (seen) => {
          const values = seen.filter((e) => e.event === 'feed').map((e) => e.data.values[0].value);
          // The first change after a quiet spell shows at once; the burst that follows waits for the interval.
          if (!burst && values.length === 2) {
            burst = (async () => {
              for (let i = 2; i <= 21; i++)
                await putFeed(server.db, 'burst', { ...markets(i), values: markets(i).values.map((v) => ({ format: 'number', ...v })) });
              for (let i = 0; i < 20; i++) server.api.services.feeds.changed('burst');
            })();
          }
          return values.at(-1) === 21;
        },
        { onOpen: async () => assert.equal((await put('burst', markets(1))).status, 200), timeoutMs: 30_000 },
      );
      await burst;
      assert.deepEqual(
        events.filter((e) => e.event === 'feed').map((e) => e.data.values[0].value),
        [0, 1, 21],
      );
      // Announcements to other processes: the first at once, the burst in one trailing NOTIFY.
      assert.ok(announced.length <= 2, `announced ${announced.length} times`);
    } finally {
      stop();
    }
  });

  test('a change written through another API process reaches this one’s readers (NOTIFY)', async () => {
    await put('shared', markets(1));
    const other = await createApi({ db: server.db, config: server.config, basePath: '/' });
    try {
      const events = await collectEvents(`${server.url}/feeds/shared/events`, (seen) => seen.some((e) => e.event === 'feed' && e.data.values[0].value === 2), {
        onOpen: async () => {
          const reply = await other.app.fetch(
            new Request('http://other.test/admin/feeds/shared', {
              method: 'PUT',
              headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
              body: JSON.stringify(markets(2)),
            }),
          );
          assert.equal(reply.status, 200);
        },
      });
      assert.deepEqual(
        events.filter((e) => e.event === 'feed').map((e) => e.data.values[0].value),
        [1, 2],
      );
    } finally {
      await other.close();
    }
  });

  test('the demo seed holds the markets feed, and seeding again changes nothing', async () => {
    await seedDemo(server.db);
    const first = await server.call('GET', `/feeds/${demoFeed.id}`);
    assert.equal(first.status, 200);
    assert.equal(first.body.title, 'Markets');
    assert.deepEqual(
      first.body.values.map((v: { label: string }) => v.label),
      ['Harbour 50', 'Port Freight Index', 'Coastal dollar in US$', 'Brent crude, US$'],
    );
    await seedDemo(server.db);
    assert.equal((await server.call('GET', `/feeds/${demoFeed.id}`)).body.updatedAt, first.body.updatedAt);
  });
});
