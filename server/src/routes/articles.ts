import { createRoute, z } from '@hono/zod-openapi';
import { RELATED_DEFAULT, RELATED_MAX } from '../../../src/core/contract.ts';
import { errors, INVALID, jsonReply, knownId, mount, newRouter, nulFreeQuery } from '../api/openapi.ts';
import { ArticleSchema, ArticleSummarySchema } from '../api/schemas.ts';
import { notFound } from '../http/errors.ts';
import { idSchema, safeText } from '../http/validate.ts';
import type { Services } from '../services.ts';
import { getArticle, lookupArticle, relatedArticles } from '../store/articles.ts';

const params = z.object({ id: idSchema });

export const lookupRoute = createRoute({
  method: 'get',
  path: '/articles/lookup',
  tags: ['articles'],
  summary: 'Summary for an also-read link',
  request: {
    query: z.object({
      url: safeText(1, 2048).openapi({
        param: { description: 'Absolute or site-relative URL; the fragment and a trailing slash are ignored' },
      }),
    }),
  },
  responses: { 200: jsonReply(ArticleSummarySchema, 'OK'), ...errors({ 404: 'No article at that URL', 422: INVALID }) },
});

export const getArticleRoute = createRoute({
  method: 'get',
  path: '/articles/{id}',
  tags: ['articles'],
  summary: 'Article with header fields and blocks',
  request: { params },
  responses: { 200: jsonReply(ArticleSchema, 'OK'), ...errors({ 404: 'Unknown article' }) },
});

export const relatedRoute = createRoute({
  method: 'get',
  path: '/articles/{id}/related',
  tags: ['articles'],
  summary: 'Related article summaries',
  request: { params, query: z.object({ limit: z.coerce.number().int().min(1).max(RELATED_MAX).default(RELATED_DEFAULT) }) },
  responses: { 200: jsonReply(z.array(ArticleSummarySchema), 'OK'), ...errors({ 404: 'Unknown article', 422: INVALID }) },
});

export const articleApi = [getArticleRoute, lookupRoute, relatedRoute];

export function articleRoutes({ db, reads }: Services) {
  const routes = newRouter();

  mount(routes, lookupRoute, [nulFreeQuery], async (c) => {
    const { url } = c.req.valid('query');
    const summary = await lookupArticle(db, url);
    if (!summary) throw notFound('Article');
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(summary);
  });

  mount(routes, getArticleRoute, [knownId('Article')], async (c) => {
    const article = await getArticle(db, c.req.valid('param').id);
    if (!article) throw notFound('Article');
    reads.count(article.id);
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(article);
  });

  mount(routes, relatedRoute, [knownId('Article'), nulFreeQuery], async (c) => {
    const { id } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    const related = await relatedArticles(db, id, limit);
    if (!related) throw notFound('Article');
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(related);
  });

  return routes;
}
