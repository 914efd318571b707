import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { alex, anonVoter, createPoll, startTestServer, storageName, type TestServer } from './helpers.ts';

/** A distinct, well-formed anonymous voter cookie per number. */
const voter = (n: number) => anonVoter(`concurrency-${n}`);

describe(`exact counts under concurrency (${storageName})`, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('200 concurrent voters give exact totals', async () => {
    await createPoll(server, 'crowd', { results: 'always' });
    const choices = Array.from({ length: 200 }, (_, i) => ['a', 'b', 'c'][i % 3] as string);
    const replies = await Promise.all(
      choices.map((choice, i) => server.call('POST', '/polls/crowd/votes', { cookie: voter(i), body: { optionIds: [choice] } })),
    );
    assert.deepEqual([...new Set(replies.map((reply) => reply.status))], [200]);
    const poll = await server.call('GET', '/polls/crowd');
    assert.equal(poll.body.totalVotes, 200);
    assert.deepEqual(
      poll.body.options.map((option: { votes: number }) => option.votes),
      [67, 67, 66],
    );
    const rows = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM poll_votes WHERE poll_id = 'crowd'");
    assert.equal(rows.rows[0]?.n, 200);
  });

  test('one voter voting concurrently and repeatedly counts exactly once', async () => {
    await createPoll(server, 'eager', { results: 'always' });
    const cookie = voter(9999);
    const replies = await Promise.all(
      Array.from({ length: 25 }, (_, i) => server.call('POST', '/polls/eager/votes', { cookie, body: { optionIds: [i % 2 ? 'a' : 'b'] } })),
    );
    const statuses = replies.map((reply) => reply.status).sort();
    assert.equal(statuses.filter((status) => status === 200).length, 1);
    assert.equal(statuses.filter((status) => status === 409).length, 24);
    const again = await server.call('POST', '/polls/eager/votes', { cookie, body: { optionIds: ['c'] } });
    assert.equal(again.status, 409);
    const poll = await server.call('GET', '/polls/eager');
    assert.equal(poll.body.totalVotes, 1);
  });

  test('the same Idempotency-Key returns the same response and writes no second row', async () => {
    await createPoll(server, 'retry', { results: 'always' });
    const cookie = voter(4242);
    const headers = { 'idempotency-key': 'vote-4242-retry' };
    const first = await server.call('POST', '/polls/retry/votes', { cookie, headers, body: { optionIds: ['b'] } });
    const replayed = await server.call('POST', '/polls/retry/votes', { cookie, headers, body: { optionIds: ['b'] } });
    assert.equal(first.status, 200);
    assert.equal(replayed.status, 200, 'a retried vote is not "already voted"');
    assert.deepEqual(replayed.body, first.body);
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');

    const token = await server.token(alex);
    const commentHeaders = { 'idempotency-key': 'comment-retry-1' };
    const posts = await Promise.all(
      Array.from({ length: 5 }, () => server.call('POST', '/threads/t-retry/comments', { token, headers: commentHeaders, body: { body: 'only once' } })),
    );
    assert.deepEqual(
      posts.map((reply) => reply.status),
      [201, 201, 201, 201, 201],
    );
    assert.equal(new Set(posts.map((reply) => reply.body.id)).size, 1);
    const rows = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM comments WHERE thread_id = 't-retry'");
    assert.equal(rows.rows[0]?.n, 1);

    const otherKey = await server.call('POST', '/threads/t-retry/comments', {
      token,
      headers: { 'idempotency-key': 'comment-retry-2' },
      body: { body: 'only once' },
    });
    assert.notEqual(otherKey.body.id, posts[0]?.body.id, 'a new key is a new comment');
    const otherVoter = await server.call('POST', '/polls/retry/votes', { cookie: voter(4243), headers, body: { optionIds: ['a'] } });
    assert.deepEqual(otherVoter.body.myVote, ['a'], 'keys are scoped per voter');
  });

  test('concurrent likes from many readers are counted exactly', async () => {
    const token = await server.token(alex);
    const created = await server.call('POST', '/threads/t-likes/comments', { token, body: { body: 'popular' } });
    const tokens = await Promise.all(Array.from({ length: 60 }, (_, i) => server.token({ id: `liker-${i}`, name: `Liker ${i}` })));
    await Promise.all(tokens.flatMap((liker) => [1, 2].map(() => server.call('PUT', `/comments/${created.body.id}/like`, { token: liker }))));
    const list = await server.call('GET', '/threads/t-likes/comments');
    assert.equal(list.body.comments[0].likes, 60);
  });
});
