import { Hono } from 'hono';
import { z } from 'zod';
import { RELATED_DEFAULT, RELATED_MAX } from '../../../src/core/contract.ts';
import { notFound } from '../http/errors.ts';
import type { AppEnv } from '../http/env.ts';
import { parseQuery, pathId, safeText } from '../http/validate.ts';
import type { Services } from '../services.ts';
import { getArticle, lookupArticle, relatedArticles } from '../store/articles.ts';

const lookupQuery = z.object({ url: safeText(1, 2048) });
const relatedQuery = z.object({ limit: z.coerce.number().int().min(1).max(RELATED_MAX).default(RELATED_DEFAULT) });

export function articleRoutes({ db }: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/articles/lookup', async (c) => {
    const { url } = parseQuery(c, lookupQuery);
    const summary = await lookupArticle(db, url);
    if (!summary) throw notFound('Article');
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(summary);
  });

  routes.get('/articles/:id', async (c) => {
    const article = await getArticle(db, pathId(c, 'id', 'Article'));
    if (!article) throw notFound('Article');
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(article);
  });

  routes.get('/articles/:id/related', async (c) => {
    const id = pathId(c, 'id', 'Article');
    const { limit } = parseQuery(c, relatedQuery);
    const related = await relatedArticles(db, id, limit);
    if (!related) throw notFound('Article');
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(related);
  });

  return routes;
}
