import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { signUserToken } from '../src/auth.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { adminToken, collectEvents, jwtSecret, postgresUrl } from './helpers.ts';
import { roomyLimitsEnv, spawnServer } from './process.ts';

describe('several server processes on one PostgreSQL', () => {
  test(
    'an event stream on process A receives a comment and a vote made through process B',
    { skip: !postgresUrl && 'set TEST_DATABASE_URL', timeout: 120_000 },
    async () => {
      const schema = `m_${process.pid}_${randomBytes(3).toString('hex')}`;
      const env = { ...roomyLimitsEnv, DATABASE_URL: postgresUrl as string, DATABASE_SCHEMA: schema, JWT_SECRET: jwtSecret, ADMIN_TOKEN: adminToken };
      const [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
      try {
        const token = await signUserToken(jwtSecret, { id: 'writer-b', name: 'Writer on B' });
        const json = { 'content-type': 'application/json' };
        const comments = await collectEvents(`${a.url}/api/threads/shared/events`, (seen) => seen.some((e) => e.event === 'comment'), {
          onOpen: async () => {
            const response = await fetch(`${b.url}/api/threads/shared/comments`, {
              method: 'POST',
              headers: { ...json, authorization: `Bearer ${token}` },
              body: JSON.stringify({ body: 'posted through B' }),
            });
            assert.equal(response.status, 201);
          },
        });
        const comment = comments.find((event) => event.event === 'comment');
        assert.equal(comment?.data.body, 'posted through B');
        assert.equal(comment?.data.author.name, 'Writer on B');

        const created = await fetch(`${b.url}/api/polls/shared`, {
          method: 'PUT',
          headers: { ...json, authorization: `Bearer ${adminToken}` },
          body: JSON.stringify({
            question: 'Shared?',
            results: 'always',
            options: [
              { id: 'x', label: 'X' },
              { id: 'y', label: 'Y' },
            ],
          }),
        });
        assert.equal(created.status, 200);
        const results = await collectEvents(`${a.url}/api/polls/shared/events`, (seen) => seen.filter((e) => e.event === 'results').length >= 2, {
          onOpen: async () => {
            const vote = await fetch(`${b.url}/api/polls/shared/votes`, { method: 'POST', headers: json, body: JSON.stringify({ optionIds: ['y'] }) });
            assert.equal(vote.status, 200);
          },
        });
        assert.equal(results.filter((event) => event.event === 'results').at(-1)?.data.totalVotes, 1);
      } finally {
        await Promise.all([a.stop(), b.stop()]);
        const db = await openPostgres({ connectionString: postgresUrl as string });
        await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await db.close();
      }
    },
  );
});
