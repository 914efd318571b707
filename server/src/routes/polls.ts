import { Hono } from 'hono';
import { z } from 'zod';
import { VOTE_OPTIONS_MAX } from '../../../src/core/contract.ts';
import { notFound } from '../http/errors.ts';
import type { AppEnv } from '../http/env.ts';
import { idempotentWrite } from '../http/idempotency.ts';
import { openEventStream } from '../http/sse.ts';
import { idSchema, pathId, readJson } from '../http/validate.ts';
import { chargeWrite, type Services } from '../services.ts';
import { castVote, getPoll, pollFor } from '../store/polls.ts';

const voteBody = z.object({ optionIds: z.array(idSchema).min(1).max(VOTE_OPTIONS_MAX) });

/** Live results are recomputed at most this often per stream, however fast votes arrive. */
const resultsThrottleMs = 250;

export function pollRoutes(services: Services): Hono<AppEnv> {
  const { db, auth, bus } = services;
  const routes = new Hono<AppEnv>();

  routes.get('/polls/:id', async (c) => {
    const id = pathId(c, 'id', 'Poll');
    const poll = await getPoll(db, id, await auth.voterId(c, false));
    if (!poll) throw notFound('Poll');
    // An anonymous reader gets a voter id when they first see the poll, so a vote whose answer is
    // lost is retried as the same voter and its Idempotency-Key is honoured, instead of counting twice.
    await auth.voterId(c, true);
    c.header('Cache-Control', 'private, no-store');
    return c.json(poll);
  });

  routes.post('/polls/:id/votes', async (c) => {
    const id = pathId(c, 'id', 'Poll');
    const voterId = (await auth.voterId(c, true)) as string;
    chargeWrite(services, c, voterId);
    const { optionIds } = await readJson(c, voteBody);
    return idempotentWrite(db, c, voterId, async (tx) => {
      const state = await castVote(tx, id, voterId, optionIds);
      await bus.publish(tx, { kind: 'poll', pollId: id, voterId });
      return { status: 200, body: pollFor(state, optionIds) };
    });
  });

  routes.get('/polls/:id/events', async (c) => {
    const id = pathId(c, 'id', 'Poll');
    const voterId = await auth.voterId(c, false);
    const first = await getPoll(db, id, voterId);
    if (!first) throw notFound('Poll');
    return openEventStream(c, services.config.limits.streamsPerIp, async (stream) => {
      await stream.send('results', first);
      let timer: NodeJS.Timeout | null = null;
      const unsubscribe = bus.subscribe(`polls/${id}`, () => {
        if (timer) return;
        timer = setTimeout(async () => {
          timer = null;
          try {
            const poll = await getPoll(db, id, voterId);
            if (poll) await stream.send('results', poll);
          } catch (error) {
            console.warn('[server] poll results refresh failed:', (error as Error).message);
          }
        }, resultsThrottleMs);
      });
      return () => {
        unsubscribe();
        if (timer) clearTimeout(timer);
      };
    });
  });

  return routes;
}
