import { createRoute, z } from '@hono/zod-openapi';
import { POLL_OPTIONS_MAX, type Article } from '../../../src/core/contract.ts';
import {
  errors,
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
  nulFreeQuery,
  TOO_LARGE,
  type Step,
} from '../api/openapi.ts';
import { ArticleSchema, CommentSchema, ModerationQueueSchema, PollSchema, ThreadSettingsSchema } from '../api/schemas.ts';
import { ApiError } from '../http/errors.ts';
import { idempotentWrite } from '../http/idempotency.ts';
import { idSchema, safeText } from '../http/validate.ts';
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

const ArticleInput = z
  .object({
    id: idSchema.optional(),
    url: safeUrl,
    headline: safeText(1, 500),
    image: safeUrl.nullish(),
    imageAlt: optionalText(1000),
    publishedAt: z.iso.datetime({ offset: true }).nullish(),
    updatedAt: z.iso.datetime({ offset: true }).nullish(),
    kicker: optionalText(200),
    section: idSchema.nullish().openapi({ description: 'Section id, for `GET /trending?section=`.' }),
    dek: optionalText(2000),
    author: optionalText(200),
    authorHref: safeUrl.nullish(),
    authorAvatar: safeUrl.nullish(),
    hero: figure.nullish(),
    lang: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/)
      .nullish(),
    blocks: z
      .array(z.looseObject({ type: safeText(1, 50) }))
      .max(2000)
      .refine(blockUrlsAreSafe, 'blocks contain an unsafe URL')
      .openapi({ description: 'Article blocks (see ArticleBlock); URL fields inside them must be http(s) or relative.' }),
    related: z
      .array(idSchema)
      .max(50)
      .nullish()
      .openapi({ description: 'Ids of related articles, in order; replaces the automatic list (latest other articles).' }),
  })
  .openapi('ArticleInput');

const PollInput = z
  .object({
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
  })
  .openapi('PollInput');

const ThreadSettingsInput = z.object({ premoderation: z.boolean() }).openapi('ThreadSettingsInput');
const queueQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

const params = z.object({ id: idSchema });
const admin = [{ admin: [] }];
const adminErrors = { 401: 'No admin token', 403: 'Wrong admin token' };
const adminWriteErrors = { 400: MALFORMED, ...adminErrors, 413: TOO_LARGE, 415: NOT_JSON, 422: INVALID };

export const putArticleRoute = createRoute({
  method: 'put',
  path: '/articles/{id}',
  tags: ['admin'],
  summary: 'Create or replace an article (admin)',
  security: admin,
  parameters: [idempotencyKey],
  request: { params, body: jsonBody(ArticleInput) },
  responses: { 200: jsonReply(ArticleSchema, 'OK'), ...errors(adminWriteErrors) },
});

export const putPollRoute = createRoute({
  method: 'put',
  path: '/polls/{id}',
  tags: ['admin'],
  summary: 'Create or replace a poll (admin)',
  security: admin,
  parameters: [idempotencyKey],
  request: { params, body: jsonBody(PollInput) },
  responses: { 200: jsonReply(PollSchema, 'OK'), ...errors(adminWriteErrors) },
});

export const moderationRoute = createRoute({
  method: 'get',
  path: '/admin/moderation',
  tags: ['admin'],
  summary: 'Moderation queue: pending comments and comments with open reports',
  security: admin,
  request: { query: queueQuery },
  responses: { 200: jsonReply(ModerationQueueSchema, 'OK'), ...errors({ ...adminErrors, 422: INVALID }) },
});

const moderateRoute = (action: 'approve' | 'reject') =>
  createRoute({
    method: 'post',
    path: `/admin/comments/{id}/${action}`,
    tags: ['admin'],
    summary: action === 'approve' ? 'Publish a pending or reported comment' : 'Reject a comment (hidden from everyone but its author)',
    security: admin,
    parameters: [idempotencyKey],
    request: { params },
    responses: {
      200: jsonReply(CommentSchema, 'OK'),
      ...errors({ 400: MALFORMED, ...adminErrors, 404: 'Unknown comment', 409: 'comment_gone' }),
    },
  });
export const moderateRoutes = { approve: moderateRoute('approve'), reject: moderateRoute('reject') };

export const threadSettingsRoute = createRoute({
  method: 'put',
  path: '/admin/threads/{id}',
  tags: ['admin'],
  summary: 'Thread settings: pre-moderation holds new comments as pending',
  security: admin,
  parameters: [idempotencyKey],
  request: { params, body: jsonBody(ThreadSettingsInput) },
  responses: { 200: jsonReply(ThreadSettingsSchema, 'OK'), ...errors(adminWriteErrors) },
});

export const adminApi = [putArticleRoute, putPollRoute, moderationRoute, moderateRoutes.approve, moderateRoutes.reject, threadSettingsRoute];

export function adminRoutes(services: Services) {
  const { db, auth, bus } = services;
  const routes = newRouter();
  const asAdmin: Step = (c) => auth.requireAdmin(c);
  const admin = 'admin';

  mount(routes, putArticleRoute, [asAdmin, knownId('Article'), jsonOnly], async (c) => {
    const { id } = c.req.valid('param');
    const { related, ...input } = c.req.valid('json');
    if (input.id !== undefined && input.id !== id) throw new ApiError(422, 'invalid_request', 'Body id differs from the path.');
    return idempotentWrite(db, c, admin, async (tx) => {
      await putArticle(tx, { ...input, id } as Article, related ?? null);
      return { status: 200, body: await getArticle(tx, id) };
    });
  });

  mount(routes, putPollRoute, [asAdmin, knownId('Poll'), jsonOnly], async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return idempotentWrite(db, c, admin, async (tx) => {
      await putPoll(tx, id, { ...input, maxChoices: input.maxChoices ?? null, closesAt: input.closesAt ?? null });
      await bus.publish(tx, { kind: 'poll', pollId: id });
      return { status: 200, body: await getPoll(tx, id, null) };
    });
  });

  mount(routes, moderationRoute, [asAdmin, nulFreeQuery], async (c) => {
    const { limit } = c.req.valid('query');
    c.header('Cache-Control', 'no-store');
    return c.json({ items: await moderationQueue(db, limit) });
  });

  for (const [action, decision] of [
    ['approve', 'published'],
    ['reject', 'rejected'],
  ] as const) {
    mount(routes, moderateRoutes[action], [asAdmin, knownId('Comment')], async (c) => {
      const { id } = c.req.valid('param');
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

  mount(routes, threadSettingsRoute, [asAdmin, knownId('Thread'), jsonOnly], async (c) => {
    const { id } = c.req.valid('param');
    const { premoderation } = c.req.valid('json');
    return idempotentWrite(db, c, admin, async (tx) => {
      await setPremoderation(tx, id, premoderation);
      return { status: 200, body: { id, premoderation } };
    });
  });

  return routes;
}
