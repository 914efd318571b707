import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { alex, collectEvents, createPoll, startTestServer, storageName, voterCookie, type TestServer, anonVoter } from './helpers.ts';

describe(`polls (${storageName})`, () => {
  let server: TestServer;
  const vote = (id: string, optionIds: unknown, options: { cookie?: string; token?: string; headers?: Record<string, string> } = {}) =>
    server.call('POST', `/polls/${id}/votes`, { body: { optionIds }, ...options });

  before(async () => {
    server = await startTestServer();
    await createPoll(server, 'after-vote');
    await createPoll(server, 'always', { results: 'always' });
    await createPoll(server, 'after-close', { results: 'after-close' });
    await createPoll(server, 'closed', { status: 'closed' });
    await createPoll(server, 'expired', { closesAt: '2020-01-01T00:00:00Z', results: 'after-close' });
    await createPoll(server, 'multi', { multiple: true, maxChoices: 2 });
  });
  after(() => server.close());

  test('GET /polls/{id} hides counts until this voter votes (after-vote)', async () => {
    const reply = await server.call('GET', '/polls/after-vote');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.totalVotes, null);
    assert.ok(reply.body.options.every((option: { votes: unknown }) => option.votes === null));
    assert.equal(reply.body.myVote, null);
    assert.equal(reply.body.status, 'open');
    assert.equal(reply.body.results, 'after-vote');
  });

  test('POST /polls/{id}/votes records the vote, issues a voter cookie and reveals results', async () => {
    const reply = await vote('after-vote', ['b']);
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.myVote, ['b']);
    assert.equal(reply.body.totalVotes, 1);
    assert.deepEqual(
      reply.body.options.map((option: { votes: number }) => option.votes),
      [0, 1, 0],
    );
    const setCookie = reply.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Lax/i);
    const cookie = voterCookie(reply);
    const again = await server.call('GET', '/polls/after-vote', { cookie });
    assert.deepEqual(again.body.myVote, ['b']);
    assert.equal(again.body.totalVotes, 1);
    const stranger = await server.call('GET', '/polls/after-vote');
    assert.equal(stranger.body.totalVotes, null);
  });

  test('the voter cookie is SameSite=None; Secure behind HTTPS', async () => {
    const reply = await vote('always', ['a'], { headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(reply.status, 200);
    const setCookie = reply.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /SameSite=None/i);
    assert.match(setCookie, /Secure/i);
  });

  test('a second vote by the same voter is 409 already_voted', async () => {
    const first = await vote('after-vote', ['a']);
    const cookie = voterCookie(first);
    const second = await vote('after-vote', ['c'], { cookie });
    assert.equal(second.status, 409);
    assert.equal(second.body.error.code, 'already_voted');
  });

  test('a signed-in voter is identified by sub, whatever the cookie', async () => {
    const token = await server.token(alex);
    assert.equal((await vote('multi', ['a'], { token })).status, 200);
    const second = await vote('multi', ['b'], { token, cookie: anonVoter('polls-multi') });
    assert.equal(second.status, 409);
    const seen = await server.call('GET', '/polls/multi', { token });
    assert.deepEqual(seen.body.myVote, ['a']);
  });

  test('results "always" are visible before voting', async () => {
    const reply = await server.call('GET', '/polls/always');
    assert.equal(typeof reply.body.totalVotes, 'number');
  });

  test('results "after-close" stay hidden after voting while open', async () => {
    const reply = await vote('after-close', ['a']);
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.myVote, ['a']);
    assert.equal(reply.body.totalVotes, null);
  });

  test('a poll past closesAt is closed, shows results, and refuses votes with 410', async () => {
    const reply = await server.call('GET', '/polls/expired');
    assert.equal(reply.body.status, 'closed');
    assert.equal(reply.body.totalVotes, 0);
    const late = await vote('expired', ['a']);
    assert.equal(late.status, 410);
    assert.equal(late.body.error.code, 'poll_closed');
    const closed = await vote('closed', ['a']);
    assert.equal(closed.status, 410);
  });

  test('invalid options are 422 invalid_option', async () => {
    for (const [poll, optionIds] of [
      ['after-vote', ['zzz']],
      ['after-vote', ['a', 'b']],
      ['multi', ['a', 'a']],
      ['multi', ['a', 'b', 'c']],
    ] as const) {
      const reply = await vote(poll, optionIds);
      assert.equal(reply.status, 422, `${poll} ${optionIds}`);
      assert.equal(reply.body.error.code, 'invalid_option');
    }
    for (const optionIds of [[], 'a', [1], null]) {
      const reply = await vote('after-vote', optionIds);
      assert.equal(reply.status, 422);
      assert.equal(reply.body.error.code, 'invalid_request');
    }
  });

  test('multiple choice accepts up to maxChoices and counts one voter once', async () => {
    const reply = await vote('multi', ['b', 'c']);
    assert.equal(reply.status, 200);
    assert.equal(reply.body.totalVotes, 2);
    assert.deepEqual(
      reply.body.options.map((option: { votes: number }) => option.votes),
      [1, 1, 1],
    );
  });

  test('unknown polls are 404 for reading, voting and events', async () => {
    assert.equal((await server.call('GET', '/polls/nope')).status, 404);
    assert.equal((await vote('nope', ['a'])).status, 404);
    assert.equal((await server.call('GET', '/polls/nope/events')).status, 404);
  });

  test('PUT /polls/{id} validates its body', async () => {
    const { adminToken } = await import('./helpers.ts');
    const oneOption = await server.call('PUT', '/polls/bad', { token: adminToken, body: { question: 'Q', options: [{ id: 'a', label: 'A' }] } });
    assert.equal(oneOption.status, 422);
    const duplicate = await server.call('PUT', '/polls/bad', {
      token: adminToken,
      body: {
        question: 'Q',
        options: [
          { id: 'a', label: 'A' },
          { id: 'a', label: 'B' },
        ],
      },
    });
    assert.equal(duplicate.status, 422);
  });

  test('GET /polls/{id}/events sends results now and after each vote', async () => {
    await createPoll(server, 'live', { results: 'always' });
    const events = await collectEvents(`${server.url}/polls/live/events`, (seen) => seen.filter((e) => e.event === 'results').length >= 2, {
      onOpen: async () => {
        assert.equal((await vote('live', ['c'])).status, 200);
      },
    });
    const results = events.filter((event) => event.event === 'results');
    assert.equal(results.length, 2);
    assert.equal(results[0]?.data.totalVotes, 0);
    assert.equal(results[1]?.data.totalVotes, 1);
    assert.equal(results[1]?.data.options[2].votes, 1);
  });

  test('poll events respect results visibility for the listening voter', async () => {
    await createPoll(server, 'live-hidden');
    const events = await collectEvents(`${server.url}/polls/live-hidden/events`, (seen) => seen.filter((e) => e.event === 'results').length >= 2, {
      onOpen: async () => {
        await vote('live-hidden', ['a']);
      },
    });
    const results = events.filter((event) => event.event === 'results');
    assert.equal(results.length, 2);
    assert.equal(results[1]?.data.totalVotes, null, 'someone else voted; this listener has not');
  });
});
