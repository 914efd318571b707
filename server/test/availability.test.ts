import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { RateLimiter } from '../src/http/rate-limit.ts';
import { alex, createPoll, startTestServer, storageName, voterCookie, type TestServer } from './helpers.ts';

/** The wall clock, steppable: `wallClock.offset` moves Date.now without touching the monotonic clock. */
const realNow = Date.now;
const wallClock = { offset: 0 };

describe('rate limits run on a monotonic clock', () => {
  afterEach(() => {
    Date.now = realNow;
    wallClock.offset = 0;
  });

  test('a wall clock stepped back 16 minutes locks nobody out', () => {
    Date.now = () => realNow() + wallClock.offset;
    const limiter = new RateLimiter();
    for (let i = 0; i < 5; i++) limiter.take('ip:a', 10);
    wallClock.offset = -16 * 60_000;
    for (let i = 0; i < 5; i++) assert.doesNotThrow(() => limiter.take('ip:a', 10), `request ${i} after the step`);
  });

  test('time going backwards never takes tokens away', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ now: () => now });
    limiter.take('k', 2);
    now -= 16 * 60_000;
    assert.doesNotThrow(() => limiter.take('k', 2));
    now += 1;
    assert.throws(
      () => limiter.take('k', 2),
      (error: Error & { status?: number; headers?: Record<string, string> }) => {
        assert.equal(error.status, 429);
        // One token back in 30 s at 2 per minute, not 16 minutes.
        assert.ok(Number(error.headers?.['Retry-After']) <= 30, `Retry-After ${error.headers?.['Retry-After']}`);
        return true;
      },
    );
  });
});

describe(`wall-clock step over HTTP (${storageName})`, () => {
  let server: TestServer;
  before(async () => {
    // The server reads the (steppable) wall clock from its start, as a real process would.
    Date.now = () => realNow() + wallClock.offset;
    server = await startTestServer({ limits: { ipPerMinute: 20 } });
  });
  after(async () => {
    Date.now = realNow;
    wallClock.offset = 0;
    await server.close();
  });

  test('reads keep working after the server clock steps back', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await server.call('GET', '/counts?threads=a')).status, 200);
    wallClock.offset = -16 * 60_000;
    const reply = await server.call('GET', '/counts?threads=a');
    wallClock.offset = 0;
    assert.equal(reply.status, 200, `Retry-After ${reply.headers.get('retry-after')}`);
  });
});

describe(`wrong content types cost no budget (${storageName})`, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ limits: { ipPerMinute: 15, ipWritesPerMinute: 3, voterPerMinute: 3, userPerMinute: 3 } });
    await createPoll(server, 'ct');
  });
  after(() => server.close());

  test("a hostile page's text/plain POSTs are 415 and the reader's real vote still counts", async () => {
    const poll = await server.call('GET', '/polls/ct');
    const cookie = voterCookie(poll);
    for (let i = 0; i < 20; i++) {
      const reply = await server.call('POST', '/polls/ct/votes', {
        cookie,
        raw: JSON.stringify({ optionIds: ['a'] }),
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
      });
      assert.equal(reply.status, 415, `hostile POST ${i}`);
      assert.equal(reply.body.error.code, 'unsupported_media_type');
    }
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const reply = await server.call('POST', '/comments/c1/reports', { cookie, raw: 'reason=spam', headers: { 'content-type': type } });
      assert.equal(reply.status, 415);
    }
    // An untyped body (fetch with a Blob) is refused the same way.
    const untyped = await fetch(`${server.url}/polls/ct/votes`, { method: 'POST', headers: { cookie }, body: new Blob(['{"optionIds":["a"]}']) });
    assert.equal(untyped.status, 415);
    const vote = await server.call('POST', '/polls/ct/votes', { cookie, body: { optionIds: ['b'] } });
    assert.equal(vote.status, 200, vote.text);
    assert.deepEqual(vote.body.myVote, ['b']);
  });

  test('a signed-in reader keeps their write budget too', async () => {
    const token = await server.token(alex);
    for (let i = 0; i < 10; i++) {
      const reply = await server.call('POST', '/threads/ct/comments', { token, raw: 'body=hi', headers: { 'content-type': 'text/plain' } });
      assert.equal(reply.status, 415);
    }
    const posted = await server.call('POST', '/threads/ct/comments', { token, body: { body: 'real comment' } });
    assert.equal(posted.status, 201, posted.text);
  });

  test('bodiless PUT/DELETE routes still work without a content type, and unknown routes stay 404', async () => {
    const token = await server.token(alex);
    const comment = await server.call('GET', '/threads/ct/comments');
    const id = comment.body.comments[0].id as string;
    const like = await server.call('PUT', `/comments/${id}/like`, { token: await server.token({ id: 'other', name: 'Other', avatar: null }) });
    assert.equal(like.status, 200, like.text);
    assert.equal((await server.call('POST', '/nope', { token, unchecked: true, headers: { 'content-type': 'text/plain' } })).status, 404);
  });
});
