import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db, Queryable } from '../src/db/db.ts';
import { castVote } from '../src/store/polls.ts';
import { VoteBatcher, type VoteRequest } from '../src/write/vote-batcher.ts';
import { collectEvents, createPoll, startTestServer, storageName, voterCookie, type TestServer } from './helpers.ts';

const ballot = (voterId: string, optionIds: string[], key?: string): VoteRequest => ({
  pollId: 'batch',
  voterId,
  optionIds,
  scope: `${voterId} POST /polls/batch/votes`,
  key,
});

describe(`group commit and coalesced live results (${storageName})`, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ limits: { liveIntervalMs: 3000, streamsPerIp: 2 } });
    await createPoll(server, 'batch', { results: 'always' });
  });
  after(() => server.close());

  test('a failed ballot fails alone: its batch-mates are stored and counted exactly', async () => {
    const batcher = new VoteBatcher(server.db, { windowMs: 20 });
    await batcher.submit(ballot('early', ['a']));
    // Submitted in one tick, so they share one transaction.
    const outcomes = await Promise.allSettled([
      batcher.submit(ballot('v1', ['a'])),
      batcher.submit(ballot('v2', ['nope'])),
      batcher.submit(ballot('early', ['b'])),
      batcher.submit(ballot('v3', ['a', 'b'])),
      batcher.submit(ballot('v4', ['c'], 'key-1')),
      batcher.submit(ballot('v4', ['c'], 'key-1')),
      batcher.submit(ballot('v5', ['b'])),
    ]);
    // Store errors are named by their class, HTTP ones by their code.
    const codes = outcomes.map((o) =>
      o.status === 'fulfilled' ? o.value.status : ((o.reason as { code?: string }).code ?? (o.reason as Error).constructor.name),
    );
    assert.deepEqual(codes, [200, 'InvalidOption', 'AlreadyVoted', 'InvalidOption', 200, 'idempotency_conflict', 200]);
    const poll = await server.call('GET', '/polls/batch');
    assert.deepEqual(
      poll.body.options.map((o: { votes: number }) => o.votes),
      [2, 1, 1],
    );
    assert.equal(poll.body.totalVotes, 4);
    const replay = await batcher.submit(ballot('v4', ['c'], 'key-1'));
    assert.equal(replay.replayed, true, 'the stored answer comes back for the same key');
    const { rows } = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM poll_votes WHERE poll_id = 'batch'");
    assert.equal(rows[0]?.n, 4, 'ballots and counters agree');
  });

  test('acknowledged means committed: an answer comes only after COMMIT, and a failed commit fails the whole batch', async () => {
    const batcher = new VoteBatcher(server.db, { windowMs: 20 });
    const voters = Array.from({ length: 30 }, (_, i) => `ack-${i}`);
    await Promise.all(
      voters.map(async (voter) => {
        await batcher.submit(ballot(voter, ['c']));
        // Read outside the batch's transaction: only a committed ballot is visible here.
        const { rows } = await server.db.query('SELECT 1 FROM poll_votes WHERE poll_id = $1 AND voter_id = $2', ['batch', voter]);
        assert.equal(rows.length, 1, `${voter} was answered before its ballot committed`);
      }),
    );
    // A database whose COMMIT fails: every vote of the batch fails and none is stored.
    const failing: Db = {
      ...server.db,
      query: (sql, params) => server.db.query(sql, params),
      transaction: <T>(work: (tx: Queryable) => Promise<T>) =>
        server.db.transaction(async (tx) => {
          await work(tx);
          throw new Error('commit failed');
        }),
    };
    const broken = new VoteBatcher(failing, { windowMs: 20 });
    const lost = await Promise.allSettled(['lost-1', 'lost-2'].map((voter) => broken.submit(ballot(voter, ['a']))));
    assert.deepEqual(
      lost.map((o) => o.status),
      ['rejected', 'rejected'],
    );
    const { rows } = await server.db.query("SELECT 1 FROM poll_votes WHERE voter_id LIKE 'lost-%'");
    assert.equal(rows.length, 0);
  });

  test('twenty changes within one interval reach a live reader as one results event', async () => {
    await createPoll(server, 'burst', { results: 'always' });
    const announced: unknown[] = [];
    const stop = server.api.services.bus.subscribe('polls/burst', (event) => announced.push(event));
    const vote = async (option: string) => {
      const seen = await server.call('GET', '/polls/burst');
      const reply = await server.call('POST', '/polls/burst/votes', { body: { optionIds: [option] }, cookie: voterCookie(seen) });
      assert.equal(reply.status, 200);
    };
    try {
      let burst: Promise<unknown> | null = null;
      const events = await collectEvents(
        `${server.url}/polls/burst/events`,
        (seen) => {
          const totals = seen.filter((e) => e.event === 'results').map((e) => e.data.totalVotes);
          // The first vote after a quiet spell shows at once; the burst that follows waits for the interval.
          if (!burst && totals.at(-1) === 1 && totals.length === 2) {
            // Twenty ballots commit, then twenty change notices arrive at once, inside one interval.
            burst = server.db
              .transaction(async (tx) => {
                for (let i = 0; i < 20; i++) await castVote(tx, 'burst', `burst-${i}`, [['a', 'b', 'c'][i % 3] as string]);
              })
              .then(() => {
                for (let i = 0; i < 20; i++) server.api.services.polls.changed(['burst']);
              });
          }
          return totals.at(-1) === 21;
        },
        { onOpen: () => vote('a'), timeoutMs: 30_000 },
      );
      await burst;
      assert.deepEqual(
        events.filter((e) => e.event === 'results').map((e) => e.data.totalVotes),
        [0, 1, 21],
      );
      // Announcements to other processes: the first at once, the burst in one trailing NOTIFY.
      assert.ok(announced.length <= 2, `announced ${announced.length} times`);
    } finally {
      stop();
    }
  });

  test('stream caps refuse before any database work', async () => {
    const controller = new AbortController();
    const first = await fetch(`${server.url}/threads/capped/events`, { signal: controller.signal });
    const second = await fetch(`${server.url}/polls/batch/events`, { signal: controller.signal });
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    const original = server.db.query;
    let queries = 0;
    server.db.query = ((sql: string, params?: unknown[]) => {
      queries++;
      return original.call(server.db, sql, params);
    }) as Db['query'];
    try {
      for (const path of ['/polls/batch/events', '/threads/capped/events']) {
        const refused = await server.call('GET', path);
        assert.equal(refused.status, 429);
        assert.equal(refused.body.error.code, 'too_many_streams');
      }
      assert.equal(queries, 0, 'a refused stream read nothing');
    } finally {
      server.db.query = original;
      controller.abort();
    }
  });
});
