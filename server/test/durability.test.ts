import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { signUserToken } from '../src/auth.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { adminToken, jwtSecret, postgresUrl, anonVoter } from './helpers.ts';
import { roomyLimitsEnv, spawnServer } from './process.ts';

const voter = (n: number) => anonVoter(`durability-${n}`);

/**
 * Fires votes and comments at a real server process and SIGKILLs it the moment enough of them are
 * acknowledged (others still in flight); after a restart on the same storage every acknowledged write is there.
 */
async function killAndRestart(storageEnv: Record<string, string>): Promise<string> {
  const env = { ...storageEnv, ...roomyLimitsEnv, JWT_SECRET: jwtSecret, ADMIN_TOKEN: adminToken };
  const first = await spawnServer(env);
  const json = { 'content-type': 'application/json' };
  const setup = await fetch(`${first.url}/api/polls/durable`, {
    method: 'PUT',
    headers: { ...json, authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      question: 'Durable?',
      results: 'always',
      options: [
        { id: 'yes', label: 'Yes' },
        { id: 'no', label: 'No' },
      ],
    }),
  });
  assert.equal(setup.status, 200);
  const token = await signUserToken(jwtSecret, { id: 'writer', name: 'Writer' });

  const ackedVotes: number[] = [];
  const ackedComments: string[] = [];
  let killed: Promise<void> | null = null;
  const killAfter = 45;
  const acknowledge = () => {
    if (!killed && ackedVotes.length + ackedComments.length >= killAfter) killed = first.kill();
  };
  const votes = [
    ...Array.from({ length: 60 }, (_, i) => async () => {
      const response = await fetch(`${first.url}/api/polls/durable/votes`, {
        method: 'POST',
        headers: { ...json, cookie: voter(i) },
        body: JSON.stringify({ optionIds: [i % 2 ? 'yes' : 'no'] }),
      });
      if (response.status === 200) {
        ackedVotes.push(i);
        acknowledge();
      }
    }),
  ];
  const comments = [
    ...Array.from({ length: 30 }, (_, i) => async () => {
      const response = await fetch(`${first.url}/api/threads/durable/comments`, {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${token}` },
        body: JSON.stringify({ body: `durable comment ${i}` }),
      });
      if (response.status === 201) {
        ackedComments.push(((await response.json()) as { id: string }).id);
        acknowledge();
      }
    }),
  ];
  // Interleaved, two votes per comment, so both kinds are in flight when the kill lands.
  const writes = votes.flatMap((vote, i) => (i % 2 && comments[(i - 1) / 2] ? [vote, comments[(i - 1) / 2] as () => Promise<void>] : [vote]));
  await Promise.allSettled(writes.map((write) => write()));
  await (killed ?? first.kill());
  assert.ok(ackedVotes.length + ackedComments.length >= killAfter, 'enough writes were acknowledged before the kill');

  const second = await spawnServer(env);
  try {
    for (const n of ackedVotes) {
      const poll = (await (await fetch(`${second.url}/api/polls/durable`, { headers: { cookie: voter(n) } })).json()) as { myVote: string[] | null };
      assert.deepEqual(poll.myVote, [n % 2 ? 'yes' : 'no'], `acknowledged vote ${n} survived`);
    }
    const poll = (await (await fetch(`${second.url}/api/polls/durable`)).json()) as { totalVotes: number };
    assert.ok(poll.totalVotes >= ackedVotes.length);
    const thread = (await (await fetch(`${second.url}/api/threads/durable/comments?limit=100`)).json()) as { comments: { id: string }[] };
    const stored = new Set(thread.comments.map((comment) => comment.id));
    for (const id of ackedComments) assert.ok(stored.has(id), `acknowledged comment ${id} survived`);
  } finally {
    await second.stop();
  }
  return `${ackedVotes.length} votes and ${ackedComments.length} comments acknowledged of 90 writes before SIGKILL`;
}

describe('durability across kill -9', () => {
  test('PGlite: acknowledged votes and comments survive SIGKILL and restart', { timeout: 180_000 }, async (t) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'news-durable-'));
    try {
      t.diagnostic(await killAndRestart({ DATA_DIR: dataDir, DATABASE_URL: '' }));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test(
    'PostgreSQL: acknowledged votes and comments survive SIGKILL and restart',
    { skip: !postgresUrl && 'set TEST_DATABASE_URL', timeout: 120_000 },
    async (t) => {
      const schema = `d_${process.pid}_${randomBytes(3).toString('hex')}`;
      try {
        t.diagnostic(await killAndRestart({ DATABASE_URL: postgresUrl as string, DATABASE_SCHEMA: schema }));
      } finally {
        const db = await openPostgres({ connectionString: postgresUrl as string });
        await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await db.close();
      }
    },
  );
});
