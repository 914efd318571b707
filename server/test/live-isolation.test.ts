import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { channelFor, type BusEvent } from '../src/events.ts';
import { alex, collectEvents, createPoll, postgresUrl, sam, startTestServer, voterCookie, type TestServer } from './helpers.ts';

describe('live events stay within their schema', () => {
  test('every schema gets its own valid channel name, long names that share a prefix included', () => {
    const prefix = 'staging_'.padEnd(55, 'x');
    const names = [undefined, 'public', 'short', `${prefix}_a`, `${prefix}_b`, 'y'.repeat(63), `${'y'.repeat(62)}z`];
    const channels = names.map(channelFor);
    assert.equal(channels[0], 'news_events');
    assert.equal(channels[1], 'news_events');
    assert.equal(new Set(channels.slice(1)).size, channels.length - 1, `all different: ${channels.join(', ')}`);
    for (const channel of channels) assert.match(channel, /^[a-z_][a-z0-9_]{0,62}$/);
  });

  describe('two servers on two schemas of one PostgreSQL database', { skip: !postgresUrl && 'set TEST_DATABASE_URL' }, () => {
    let a: TestServer;
    let b: TestServer;
    before(async () => {
      [a, b] = await Promise.all([startTestServer(), startTestServer()]);
    });
    after(() => Promise.all([a?.close(), b?.close()]));

    test('never hear each other: a comment and a vote on B reach no listener of A', async () => {
      assert.notEqual(a.schema, b.schema);
      const heard: BusEvent[] = [];
      let heardOwnVote: () => void = () => {};
      const ownVote = new Promise<void>((resolve) => (heardOwnVote = resolve));
      const stops = ['threads/same', 'polls/same'].map((topic) =>
        a.api.services.bus.subscribe(topic, (event) => {
          heard.push(event);
          // A's poll being made, then A's vote.
          if (heard.filter((e) => e.kind === 'poll').length === 2) heardOwnVote();
        }),
      );
      try {
        await Promise.all([createPoll(a, 'same', { results: 'always' }), createPoll(b, 'same', { results: 'always' })]);
        const [alexOnA, samOnB] = await Promise.all([a.token(alex), b.token(sam)]);
        let fromA = '';
        // A's listener hears notifications in commit order: B's writes commit first, so a shared
        // channel would deliver them to A before A's own comment ends the stream.
        const events = await collectEvents(`${a.url}/threads/same/events`, (seen) => seen.some((e) => e.event === 'comment'), {
          onOpen: async () => {
            const onB = await b.call('POST', '/threads/same/comments', { body: { body: 'from B' }, token: samOnB });
            assert.equal(onB.status, 201);
            const voteOnB = await b.call('POST', '/polls/same/votes', { body: { optionIds: ['a'] } });
            assert.equal(voteOnB.status, 200);
            const onA = await a.call('POST', '/threads/same/comments', { body: { body: 'from A' }, token: alexOnA });
            assert.equal(onA.status, 201);
            fromA = onA.body.id;
          },
        });
        assert.deepEqual(
          events.map((event) => event.event),
          ['ready', 'comment'],
        );
        assert.equal(events[1]?.data.body, 'from A');

        const seen = await a.call('GET', '/polls/same');
        const voteOnA = await a.call('POST', '/polls/same/votes', { body: { optionIds: ['b'] }, cookie: voterCookie(seen) });
        assert.equal(voteOnA.status, 200);
        await ownVote;
        assert.deepEqual(
          heard.map((event) =>
            event.kind === 'comment' ? `comment ${event.commentId}` : event.kind === 'poll' ? `poll ${event.pollId}` : `feed ${event.feedId}`,
          ),
          ['poll same', `comment ${fromA}`, 'poll same'],
          'A hears its own poll being made, its comment and its vote, and nothing of B',
        );
        assert.deepEqual(
          voteOnA.body.options.map((option: { votes: number }) => option.votes),
          [0, 1, 0],
          'B’s vote is not counted on A',
        );
      } finally {
        for (const stop of stops) stop();
      }
    });
  });
});
