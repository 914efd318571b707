import { Hono } from 'hono';
import { z } from 'zod';
import { POLL_OPTIONS_MAX, type Article } from '../../../src/core/contract.ts';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../http/env.ts';
import { idempotentWrite } from '../http/idempotency.ts';
import { idSchema, parseQuery, pathId, readJson, safeText } from '../http/validate.ts';
import { neutralComment } from '../live/thread-stream.ts';
import type { Services } from '../services.ts';
import { getArticle, putArticle } from '../store/articles.ts';
import { moderate, moderationQueue, setPremoderation } from '../store/comments.ts';
import { getPoll, putPoll } from '../store/polls.ts';

/** http(s) or relative only: never javascript:, data: or other schemes. */
const safeUrl = safeText(1, 2048).refine((url) => {
  // Browsers ignore spaces and control characters inside a scheme ("java\tscript:"), so judge the URL without them.
  const compact = [...url].filter((char) => char.charCodeAt(0) > 0x20).join('');
  return /^https?:\/\//i.test(compact) || !/^[a-z][a-z0-9+.-]*:/i.test(compact);
}, 'must be an http(s) or relative URL');
const optionalText = (max: number) => safeText(0, max).nullish();
const urlKeys = new Set(['href', 'src', 'image', 'url', 'avatar']);

/** Blocks are open-ended, but any URL-like field inside them must be safe too. */
function blockUrlsAreSafe(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(blockUrlsAreSafe);
  if (value && typeof value === 'object') {
    return Object.entries(value).every(([key, item]) =>
      urlKeys.has(key) && typeof item === 'string' ? safeUrl.safeParse(item).success : blockUrlsAreSafe(item),
    );
  }
  return true;
}

const figure = z.object({
  src: safeUrl,
  alt: safeText(0, 1000),
  caption: safeText(0, 2000).optional(),
  credit: safeText(0, 500).optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});

const articleBody = z.object({
  id: idSchema.optional(),
  url: safeUrl,
  headline: safeText(1, 500),
  image: safeUrl.nullish(),
  imageAlt: optionalText(1000),
  publishedAt: z.iso.datetime({ offset: true }).nullish(),
  updatedAt: z.iso.datetime({ offset: true }).nullish(),
  kicker: optionalText(200),
  dek: optionalText(2000),
  author: optionalText(200),
  authorHref: safeUrl.nullish(),
  authorAvatar: safeUrl.nullish(),
  hero: figure.nullish(),
  lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/).nullish(),
  blocks: z.array(z.looseObject({ type: safeText(1, 50) })).max(2000).refine(blockUrlsAreSafe, 'blocks contain an unsafe URL'),
  related: z.array(idSchema).max(50).nullish(),
});

const pollBody = z.object({
  question: safeText(1, 500),
  options: z
    .array(z.object({ id: idSchema, label: safeText(1, 300) }))
    .min(2)
    .max(POLL_OPTIONS_MAX)
    .refine((options) => new Set(options.map((o) => o.id)).size === options.length, 'option ids must be unique'),
  multiple: z.boolean().default(false),
  maxChoices: z.number().int().min(1).max(POLL_OPTIONS_MAX).nullish(),
  results: z.enum(['after-vote', 'always', 'after-close']).default('after-vote'),
  closesAt: z.iso.datetime({ offset: true }).nullish(),
  status: z.enum(['open', 'closed']).default('open'),
});

const threadBody = z.object({ premoderation: z.boolean() });
const queueQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export function adminRoutes(services: Services): Hono<AppEnv> {
  const { db, auth, bus } = services;
  const routes = new Hono<AppEnv>();
  const admin = 'admin';

  routes.put('/articles/:id', async (c) => {
    auth.requireAdmin(c);
    const id = pathId(c, 'id', 'Article');
    const { related, ...input } = await readJson(c, articleBody);
    if (input.id !== undefined && input.id !== id) throw new ApiError(422, 'invalid_request', 'Body id differs from the path.');
    return idempotentWrite(db, c, admin, async (tx) => {
      await putArticle(tx, { ...input, id } as Article, related ?? null);
      return { status: 200, body: await getArticle(tx, id) };
    });
  });

  routes.put('/polls/:id', async (c) => {
    auth.requireAdmin(c);
    const id = pathId(c, 'id', 'Poll');
    const input = await readJson(c, pollBody);
    return idempotentWrite(db, c, admin, async (tx) => {
      await putPoll(tx, id, { ...input, maxChoices: input.maxChoices ?? null, closesAt: input.closesAt ?? null });
      await bus.publish(tx, { kind: 'poll', pollId: id });
      return { status: 200, body: await getPoll(tx, id, null) };
    });
  });

  routes.get('/admin/moderation', async (c) => {
    auth.requireAdmin(c);
    const { limit } = parseQuery(c, queueQuery);
    c.header('Cache-Control', 'no-store');
    return c.json({ items: await moderationQueue(db, limit) });
  });

  for (const [action, decision] of [['approve', 'published'], ['reject', 'rejected']] as const) {
    routes.post(`/admin/comments/:id/${action}`, async (c) => {
      auth.requireAdmin(c);
      const id = pathId(c, 'id', 'Comment');
      return idempotentWrite(db, c, admin, async (tx) => {
        const { comment, before } = await moderate(tx, id, decision);
        if (decision === 'published' && before !== 'published') {
          await bus.publish(tx, { kind: 'comment', action: 'created', threadId: comment.threadId, commentId: id, comment: neutralComment(comment) });
        }
        if (decision === 'rejected' && before === 'published') {
          await bus.publish(tx, { kind: 'comment', action: 'deleted', threadId: comment.threadId, commentId: id });
        }
        return { status: 200, body: comment };
      });
    });
  }

  routes.put('/admin/threads/:id', async (c) => {
    auth.requireAdmin(c);
    const id = pathId(c, 'id', 'Thread');
    const { premoderation } = await readJson(c, threadBody);
    return idempotentWrite(db, c, admin, async (tx) => {
      await setPremoderation(tx, id, premoderation);
      return { status: 200, body: { id, premoderation } };
    });
  });

  return routes;
}

