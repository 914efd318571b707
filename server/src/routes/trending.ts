import { createRoute, z } from '@hono/zod-openapi';
import { TRENDING_DEFAULT, TRENDING_MAX } from '../../../src/core/contract.ts';
import {
  errors,
  idempotencyKey,
  INVALID,
  jsonBody,
  jsonOnly,
  jsonReply,
  MALFORMED,
  mount,
  newRouter,
  NOT_JSON,
  nulFreeQuery,
  TOO_LARGE,
} from '../api/openapi.ts';
import { ArticleSummarySchema, TrendingPicksSchema } from '../api/schemas.ts';
import { ApiError } from '../http/errors.ts';
import { idempotentWrite } from '../http/idempotency.ts';
import { idSchema } from '../http/validate.ts';
import type { Services } from '../services.ts';
import { putTrendingPicks, trendingArticles } from '../store/trending.ts';

export const trendingRoute = createRoute({
  method: 'get',
  path: '/trending',
  tags: ['articles'],
  summary: "Trending headlines: the editor's list when set, else the most-read articles of the last hours",
  request: {
    query: z.object({
      section: idSchema.optional().openapi({ param: { description: 'Only this section; without it, every article (or the editor list for none)' } }),
      limit: z.coerce.number().int().min(1).max(TRENDING_MAX).default(TRENDING_DEFAULT),
    }),
  },
  responses: { 200: jsonReply(z.array(ArticleSummarySchema), 'OK'), ...errors({ 422: INVALID }) },
});

const PicksInput = z
  .object({
    section: idSchema.nullish(),
    articleIds: z
      .array(idSchema)
      .max(TRENDING_MAX)
      .refine((ids) => new Set(ids).size === ids.length, 'article ids must be unique')
      .openapi({ description: 'Article ids in order; an empty list clears it, handing the strip back to reads.' }),
  })
  .openapi('TrendingPicksInput');

export const putTrendingRoute = createRoute({
  method: 'put',
  path: '/admin/trending',
  tags: ['admin'],
  summary: "Set or clear an editor's trending list; it wins over reads while set (admin)",
  security: [{ admin: [] }],
  parameters: [idempotencyKey],
  request: { body: jsonBody(PicksInput) },
  responses: {
    200: jsonReply(TrendingPicksSchema, 'OK'),
    ...errors({ 400: MALFORMED, 401: 'No admin token', 403: 'Wrong admin token', 413: TOO_LARGE, 415: NOT_JSON, 422: INVALID }),
  },
});

export const trendingApi = [trendingRoute, putTrendingRoute];

export function trendingRoutes({ db, auth }: Services) {
  const routes = newRouter();

  mount(routes, trendingRoute, [nulFreeQuery], async (c) => {
    const { section, limit } = c.req.valid('query');
    // Reads reach the list every few seconds; a short shared cache keeps a busy page cheap.
    c.header('Cache-Control', 'public, max-age=30');
    return c.json(await trendingArticles(db, section ?? null, limit));
  });

  mount(routes, putTrendingRoute, [(c) => auth.requireAdmin(c), jsonOnly], async (c) => {
    const input = c.req.valid('json');
    const picks = { section: input.section ?? null, articleIds: input.articleIds };
    return idempotentWrite(db, c, 'admin', async (tx) => {
      const unknown = await putTrendingPicks(tx, picks);
      if (unknown) throw new ApiError(422, 'invalid_request', `Invalid body. articleIds: unknown article ${unknown}.`);
      return { status: 200, body: picks };
    });
  });

  return routes;
}
