import { createRoute, z } from '@hono/zod-openapi';
import { VOTE_OPTIONS_MAX } from '../../../src/core/contract.ts';
import {
  errors,
  eventStream,
  idempotencyKey,
  jsonBody,
  jsonOnly,
  jsonReply,
  knownId,
  MALFORMED,
  mount,
  newRouter,
  NOT_JSON,
  TOO_LARGE,
} from '../api/openapi.ts';
import { PollSchema } from '../api/schemas.ts';
import type { AppContext } from '../http/env.ts';
import { notFound } from '../http/errors.ts';
import { idempotencyOf, writeResponse } from '../http/idempotency.ts';
import { openEventStream, reserveStream } from '../http/sse.ts';
import { idSchema } from '../http/validate.ts';
import { chargeWrite, type Services } from '../services.ts';
import { ballotOf, getPoll, loadPollState, pollFor } from '../store/polls.ts';

const params = z.object({ id: idSchema });
const VoteInput = z.object({ optionIds: z.array(idSchema).min(1).max(VOTE_OPTIONS_MAX) }).openapi('VoteInput');

export const getPollRoute = createRoute({
  method: 'get',
  path: '/polls/{id}',
  tags: ['polls'],
  summary: 'Poll as this voter sees it (votes null while hidden)',
  request: { params },
  responses: { 200: jsonReply(PollSchema, 'OK'), ...errors({ 404: 'Unknown poll' }) },
});

export const voteRoute = createRoute({
  method: 'post',
  path: '/polls/{id}/votes',
  tags: ['polls'],
  summary: 'Vote once (voter = signed-in user, else the news_voter cookie)',
  parameters: [idempotencyKey],
  request: { params, body: jsonBody(VoteInput) },
  responses: {
    200: jsonReply(PollSchema, 'OK'),
    ...errors({
      400: MALFORMED,
      404: 'Unknown poll',
      409: 'already_voted',
      410: 'poll_closed',
      413: TOO_LARGE,
      415: NOT_JSON,
      422: 'invalid_option or invalid input',
    }),
  },
});

export const pollEventsRoute = createRoute({
  method: 'get',
  path: '/polls/{id}/events',
  tags: ['polls'],
  summary: 'Server-Sent Events: `ready`, then `results` (Poll JSON) on connect and at most once per live interval (250 ms by default) while votes arrive',
  request: { params },
  responses: { 200: eventStream, ...errors({ 404: 'Unknown poll' }) },
});

export const pollApi = [getPollRoute, voteRoute, pollEventsRoute];

export function pollRoutes(services: Services) {
  const { db, auth, votes, polls } = services;
  const routes = newRouter();

  mount(routes, getPollRoute, [knownId('Poll')], async (c) => {
    const { id } = c.req.valid('param');
    const poll = await getPoll(db, id, await auth.voterId(c, false));
    if (!poll) throw notFound('Poll');
    // An anonymous reader gets a voter id when they first see the poll, so a vote whose answer is
    // lost is retried as the same voter and its Idempotency-Key is honoured, instead of counting twice.
    await auth.voterId(c, true);
    c.header('Cache-Control', 'private, no-store');
    return c.json(poll);
  });

  const voter = async (c: AppContext) => (await auth.voterId(c, true)) as string;
  const chargeVoter = async (c: AppContext) => chargeWrite(services, c, await voter(c));
  mount(routes, voteRoute, [knownId('Poll'), chargeVoter, jsonOnly], async (c) => {
    const { id } = c.req.valid('param');
    const voterId = await voter(c);
    const { optionIds } = c.req.valid('json');
    const { key, scope } = idempotencyOf(c, voterId);
    // Group commit: answered once the transaction holding this ballot (and its batch-mates) committed.
    const outcome = await votes.submit({ pollId: id, voterId, optionIds, scope, key });
    if (!outcome.replayed) polls.noteVote(id, voterId, optionIds);
    return writeResponse(c, outcome);
  });

  mount(routes, pollEventsRoute, [knownId('Poll')], async (c) => {
    const { id } = c.req.valid('param');
    // Caps first: a refused stream costs no database work.
    const slot = reserveStream(c, services.config.limits);
    try {
      const voterId = await auth.voterId(c, false);
      const state = await loadPollState(db, id);
      if (!state) throw notFound('Poll');
      const myVote = await ballotOf(db, id, voterId);
      return openEventStream(c, slot, async (stream) => {
        await stream.send('results', pollFor(state, myVote));
        return polls.subscribe(id, stream, voterId, myVote);
      });
    } catch (error) {
      slot.release();
      throw error;
    }
  });

  return routes;
}
