import { createRoute, z } from '@hono/zod-openapi';
import { FEED_STALE_AFTER_MAX, FEED_VALUES_MAX } from '../../../src/core/contract.ts';
import {
  errors,
  eventStream,
  idempotencyKey,
  INVALID,
  jsonBody,
  jsonOnly,
  jsonReply,
  knownId,
  MALFORMED,
  mount,
  newRouter,
  NOT_JSON,
  TOO_LARGE,
  type Step,
} from '../api/openapi.ts';
import { FeedSchema } from '../api/schemas.ts';
import { notFound } from '../http/errors.ts';
import { idempotentWrite } from '../http/idempotency.ts';
import { openEventStream, reserveStream } from '../http/sse.ts';
import { idSchema, safeText } from '../http/validate.ts';
import type { Services } from '../services.ts';
import { getFeed, putFeed } from '../store/feeds.ts';

const params = z.object({ id: idSchema });
const figure = z.number().min(-1e15).max(1e15);

const FeedValueInput = z
  .object({
    id: idSchema,
    label: safeText(1, 200),
    value: figure.nullable(),
    format: z.enum(['number', 'percent', 'currency']).default('number'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullish()
      .openapi({ description: 'ISO 4217 code; required for a currency figure.' }),
    decimals: z.number().int().min(0).max(6).nullish(),
    change: figure.nullish(),
    changeFormat: z.enum(['percent', 'value']).default('percent'),
    asOf: z.iso.datetime({ offset: true }).nullish(),
  })
  .refine((value) => value.format !== 'currency' || !!value.currency, 'a currency figure needs its currency code');

const FeedInput = z
  .object({
    title: safeText(1, 200),
    values: z
      .array(FeedValueInput)
      .max(FEED_VALUES_MAX)
      .refine((values) => new Set(values.map((v) => v.id)).size === values.length, 'value ids must be unique'),
    staleAfterSeconds: z.number().int().min(1).max(FEED_STALE_AFTER_MAX).nullish(),
  })
  .openapi('FeedInput');

export const getFeedRoute = createRoute({
  method: 'get',
  path: '/feeds/{id}',
  tags: ['feeds'],
  summary: 'A live-data feed: labelled figures with their changes and "as of" time',
  request: { params },
  responses: { 200: jsonReply(FeedSchema, 'OK'), ...errors({ 404: 'Unknown feed' }) },
});

export const feedEventsRoute = createRoute({
  method: 'get',
  path: '/feeds/{id}/events',
  tags: ['feeds'],
  summary: 'Server-Sent Events: `ready`, then `feed` (Feed JSON) on connect and at most once per live interval (250 ms by default) while it changes',
  request: { params },
  responses: { 200: eventStream, ...errors({ 404: 'Unknown feed' }) },
});

export const putFeedRoute = createRoute({
  method: 'put',
  path: '/admin/feeds/{id}',
  tags: ['admin'],
  summary: "Create or replace a feed's figures (admin); pushed to every reader following it",
  security: [{ admin: [] }],
  parameters: [idempotencyKey],
  request: { params, body: jsonBody(FeedInput) },
  responses: {
    200: jsonReply(FeedSchema, 'OK'),
    ...errors({ 400: MALFORMED, 401: 'No admin token', 403: 'Wrong admin token', 413: TOO_LARGE, 415: NOT_JSON, 422: INVALID }),
  },
});

export const feedApi = [getFeedRoute, feedEventsRoute, putFeedRoute];

export function feedRoutes(services: Services) {
  const { db, auth, feeds } = services;
  const routes = newRouter();
  const asAdmin: Step = (c) => auth.requireAdmin(c);

  mount(routes, getFeedRoute, [knownId('Feed')], async (c) => {
    const feed = await getFeed(db, c.req.valid('param').id);
    if (!feed) throw notFound('Feed');
    // Figures change by the second: caches may keep them only briefly.
    c.header('Cache-Control', 'public, max-age=5');
    return c.json(feed);
  });

  mount(routes, feedEventsRoute, [knownId('Feed')], async (c) => {
    const { id } = c.req.valid('param');
    // Caps first: a refused stream costs no database work.
    const slot = reserveStream(c, services.config.limits);
    try {
      const feed = await getFeed(db, id);
      if (!feed) throw notFound('Feed');
      return openEventStream(c, slot, async (stream) => {
        await stream.send('feed', feed);
        return feeds.subscribe(id, stream);
      });
    } catch (error) {
      slot.release();
      throw error;
    }
  });

  mount(routes, putFeedRoute, [asAdmin, knownId('Feed'), jsonOnly], async (c) => {
    const { id } = c.req.valid('param');
    const { title, values, staleAfterSeconds } = c.req.valid('json');
    const reply = await idempotentWrite(db, c, 'admin', async (tx) => {
      await putFeed(tx, id, { title, values, staleAfterSeconds: staleAfterSeconds ?? null });
      return { status: 200, body: await getFeed(tx, id) };
    });
    feeds.changed(id);
    return reply;
  });

  return routes;
}
