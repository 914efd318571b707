import { createRoute, z } from '@hono/zod-openapi';
import {
  COMMENT_MAX_LENGTH,
  COMMENT_PAGE_DEFAULT,
  COMMENT_PAGE_MAX,
  COUNTS_THREADS_MAX,
  CURSOR_MAX_LENGTH,
  EDIT_WINDOW_MS,
  REPORT_REASON_MAX_LENGTH,
} from '../../../src/core/contract.ts';
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
  nulFreeQuery,
  TOO_LARGE,
  type Step,
} from '../api/openapi.ts';
import { CommentPageSchema, CommentSchema, CountsSchema, LikesSchema, ReportReceiptSchema, UserSchema } from '../api/schemas.ts';
import type { AppContext } from '../http/env.ts';
import { notFound } from '../http/errors.ts';
import { idempotentWrite } from '../http/idempotency.ts';
import { openEventStream, reserveStream } from '../http/sse.ts';
import { idSchema, typedText } from '../http/validate.ts';
import { neutralComment, threadStream } from '../live/thread-stream.ts';
import { chargeWrite, type Services } from '../services.ts';
import { countThreads, createComment, deleteComment, editComment, listReplies, listThread, reportComment, setLike } from '../store/comments.ts';

const params = z.object({ id: idSchema });
const limit = z.coerce.number().int().min(1).max(COMMENT_PAGE_MAX).default(COMMENT_PAGE_DEFAULT);
const cursor = z
  .string()
  .max(CURSOR_MAX_LENGTH)
  .optional()
  .openapi({ param: { description: 'nextCursor of the previous page' } });
const threadQuery = z.object({ sort: z.enum(['newest', 'oldest', 'top']).default('newest'), cursor, limit });
const repliesQuery = z.object({ cursor, limit });
const countsQuery = z.object({
  threads: z
    .string()
    // Room for the most ids of the longest length, their commas and stray spaces.
    .max(COUNTS_THREADS_MAX * 200)
    .transform((value) => [
      ...new Set(
        value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(idSchema).min(1, 'name at least one thread').max(COUNTS_THREADS_MAX, `at most ${COUNTS_THREADS_MAX} threads per request`))
    .openapi({ type: 'string', param: { description: `Comma-separated thread ids, at most ${COUNTS_THREADS_MAX}` } }),
});
const CommentInput = z.object({ body: typedText(COMMENT_MAX_LENGTH), parentId: idSchema.nullish() }).openapi('CommentInput');
const CommentEdit = z.object({ body: typedText(COMMENT_MAX_LENGTH) }).openapi('CommentEdit');
const ReportInput = z.object({ reason: typedText(REPORT_REASON_MAX_LENGTH) }).openapi('ReportInput');
const reader = [{ reader: [] }];

export const threadRoute = createRoute({
  method: 'get',
  path: '/threads/{id}/comments',
  tags: ['comments'],
  summary: 'Top-level comments; total counts every published comment in the thread, replies included',
  request: { params, query: threadQuery },
  responses: { 200: jsonReply(CommentPageSchema, 'OK'), ...errors({ 422: 'Invalid query or invalid_cursor' }) },
});

export const postCommentRoute = createRoute({
  method: 'post',
  path: '/threads/{id}/comments',
  tags: ['comments'],
  summary: `Post a comment or reply (plain text, 1..${COMMENT_MAX_LENGTH} characters after trimming)`,
  security: reader,
  parameters: [idempotencyKey],
  request: { params, body: jsonBody(CommentInput) },
  responses: {
    201: jsonReply(CommentSchema, 'Created (status pending on pre-moderated threads)'),
    ...errors({ 400: MALFORMED, 401: 'auth_required', 413: TOO_LARGE, 415: NOT_JSON, 422: 'Invalid body or invalid_parent' }),
  },
});

export const threadEventsRoute = createRoute({
  method: 'get',
  path: '/threads/{id}/events',
  tags: ['comments'],
  summary: 'Server-Sent Events: `ready`, `comment` (new published comment), `comment-updated`, `comment-deleted` ({id, threadId})',
  request: { params },
  responses: { 200: eventStream, ...errors({}) },
});

export const repliesRoute = createRoute({
  method: 'get',
  path: '/comments/{id}/replies',
  tags: ['comments'],
  summary: 'Replies to a top-level comment, oldest first',
  request: { params, query: repliesQuery },
  responses: {
    200: jsonReply(CommentPageSchema, 'OK'),
    ...errors({ 404: 'Unknown comment', 422: 'Invalid query or invalid_cursor' }),
  },
});

export const editCommentRoute = createRoute({
  method: 'patch',
  path: '/comments/{id}',
  tags: ['comments'],
  summary: `Edit your comment within ${EDIT_WINDOW_MS / 60_000} minutes`,
  security: reader,
  parameters: [idempotencyKey],
  request: { params, body: jsonBody(CommentEdit) },
  responses: {
    200: jsonReply(CommentSchema, 'OK'),
    ...errors({
      400: MALFORMED,
      401: 'auth_required',
      403: 'Not the author',
      404: 'Unknown comment',
      409: 'edit_window_closed or comment_gone',
      413: TOO_LARGE,
      415: NOT_JSON,
      422: INVALID,
    }),
  },
});

export const deleteCommentRoute = createRoute({
  method: 'delete',
  path: '/comments/{id}',
  tags: ['comments'],
  summary: 'Delete your comment (soft: a placeholder keeps its replies)',
  security: reader,
  parameters: [idempotencyKey],
  request: { params },
  responses: {
    204: { description: 'Deleted' },
    ...errors({ 400: MALFORMED, 401: 'auth_required', 403: 'Not the author', 404: 'Unknown comment' }),
  },
});

export const reportRoute = createRoute({
  method: 'post',
  path: '/comments/{id}/reports',
  tags: ['comments'],
  summary: 'Report a comment to moderators',
  parameters: [idempotencyKey],
  request: { params, body: jsonBody(ReportInput) },
  responses: {
    202: jsonReply(ReportReceiptSchema, 'Accepted'),
    ...errors({ 400: MALFORMED, 404: 'Unknown comment', 413: TOO_LARGE, 415: NOT_JSON, 422: INVALID }),
  },
});

const likeRoute = (liked: boolean) =>
  createRoute({
    method: liked ? 'put' : 'delete',
    path: '/comments/{id}/like',
    tags: ['comments'],
    summary: liked ? 'Like (idempotent per user)' : 'Unlike (idempotent per user)',
    security: reader,
    parameters: [idempotencyKey],
    request: { params },
    responses: {
      200: jsonReply(LikesSchema, 'OK'),
      ...errors(
        liked
          ? { 400: MALFORMED, 401: 'auth_required', 403: 'forbidden: authors cannot like their own comments', 404: 'Unknown comment' }
          : { 400: MALFORMED, 401: 'auth_required', 404: 'Unknown comment' },
      ),
    },
  });
export const likeRoutes = [likeRoute(true), likeRoute(false)];

export const countsRoute = createRoute({
  method: 'get',
  path: '/counts',
  tags: ['comments'],
  summary: 'Published comment counts (replies included) for many threads in one request',
  request: { query: countsQuery },
  responses: { 200: jsonReply(CountsSchema, 'OK'), ...errors({ 422: INVALID }) },
});

export const sessionRoute = createRoute({
  method: 'get',
  path: '/session',
  tags: ['session'],
  summary: 'The reader behind the bearer token',
  security: reader,
  responses: { 200: jsonReply(UserSchema, 'OK'), ...errors({ 401: 'auth_required: no or invalid token' }) },
});

export const commentApi = [
  threadRoute,
  postCommentRoute,
  threadEventsRoute,
  repliesRoute,
  editCommentRoute,
  deleteCommentRoute,
  reportRoute,
  ...likeRoutes,
  countsRoute,
  sessionRoute,
];

export function commentRoutes(services: Services) {
  const { db, auth, bus, limiter, config } = services;
  const routes = newRouter();
  /** A signed-in user, charged for the write (401 before the body is read). */
  const userWrite: Step = async (c) => chargeWrite(services, c, `user:${(await auth.requireUser(c)).id}`);
  /**
   * Who reports: the signed-in user or the signed voter cookie. A client without a valid cookie is
   * known by its address until it keeps one, so dropping the cookie cannot file report after report.
   */
  const reporter = async (c: AppContext) => {
    const id = (await auth.voterId(c, true)) as string;
    return c.get('issuedVoter') === id ? `ip:${c.get('ip')}` : id;
  };
  const viewerOf = async (c: Parameters<typeof auth.user>[0]) => (await auth.user(c))?.id ?? null;

  mount(routes, threadRoute, [knownId('Thread'), nulFreeQuery], async (c) => {
    const threadId = c.req.valid('param').id;
    const query = c.req.valid('query');
    c.header('Cache-Control', 'private, no-store');
    return c.json(await listThread(db, threadId, await viewerOf(c), query));
  });

  mount(routes, repliesRoute, [knownId('Comment'), nulFreeQuery], async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const replies = await listReplies(db, id, await viewerOf(c), query);
    if (!replies) throw notFound('Comment');
    c.header('Cache-Control', 'private, no-store');
    return c.json(replies);
  });

  const commentQuota: Step = async (c) => limiter.take(`comment:${(await auth.requireUser(c)).id}`, config.limits.commentsPerMinute);
  mount(routes, postCommentRoute, [knownId('Thread'), userWrite, commentQuota, jsonOnly], async (c) => {
    const threadId = c.req.valid('param').id;
    const user = await auth.requireUser(c);
    const input = c.req.valid('json');
    return idempotentWrite(db, c, `user:${user.id}`, async (tx) => {
      const comment = await createComment(tx, { threadId, author: user, body: input.body, parentId: input.parentId ?? null });
      if (comment.status === 'published') {
        await bus.publish(tx, { kind: 'comment', action: 'created', threadId, commentId: comment.id, comment: neutralComment(comment) });
      }
      return { status: 201, body: comment };
    });
  });

  mount(routes, editCommentRoute, [knownId('Comment'), userWrite, jsonOnly], async (c) => {
    const { id } = c.req.valid('param');
    const user = await auth.requireUser(c);
    const { body } = c.req.valid('json');
    return idempotentWrite(db, c, `user:${user.id}`, async (tx) => {
      const comment = await editComment(tx, id, user, body);
      if (comment.status === 'published') {
        await bus.publish(tx, {
          kind: 'comment',
          action: 'updated',
          threadId: comment.threadId,
          commentId: id,
          comment: neutralComment(comment),
        });
      }
      return { status: 200, body: comment };
    });
  });

  mount(routes, deleteCommentRoute, [knownId('Comment'), userWrite], async (c) => {
    const { id } = c.req.valid('param');
    const user = await auth.requireUser(c);
    return idempotentWrite(db, c, `user:${user.id}`, async (tx) => {
      const { threadId, wasPublished } = await deleteComment(tx, id, user);
      if (wasPublished) await bus.publish(tx, { kind: 'comment', action: 'deleted', threadId, commentId: id });
      return { status: 204, body: null };
    });
  });

  // Anonymous readers may report too; they are known by their voter cookie.
  const chargeReporter: Step = async (c) => chargeWrite(services, c, await reporter(c));
  mount(routes, reportRoute, [knownId('Comment'), chargeReporter, jsonOnly], async (c) => {
    const { id } = c.req.valid('param');
    const by = await reporter(c);
    const { reason } = c.req.valid('json');
    return idempotentWrite(db, c, by, async (tx) => {
      await reportComment(tx, id, by, reason);
      return { status: 202, body: { status: 'received' } };
    });
  });

  for (const [index, liked] of [true, false].entries()) {
    mount(routes, likeRoutes[index]!, [knownId('Comment'), userWrite], async (c) => {
      const { id } = c.req.valid('param');
      const user = await auth.requireUser(c);
      return idempotentWrite(db, c, `user:${user.id}`, async (tx) => ({
        status: 200,
        body: { likes: await setLike(tx, id, user.id, liked) },
      }));
    });
  }

  mount(routes, countsRoute, [nulFreeQuery], async (c) => {
    const { threads } = c.req.valid('query');
    // Shared caches may hold counts briefly; browsers revalidate, so a reader who just posted sees it.
    c.header('Cache-Control', 'public, max-age=0, s-maxage=15');
    return c.json({ counts: await countThreads(db, threads) });
  });

  mount(routes, sessionRoute, [], async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await auth.requireUser(c));
  });

  mount(routes, threadEventsRoute, [knownId('Thread')], async (c) => {
    const threadId = c.req.valid('param').id;
    // Caps first: a refused stream costs no database work.
    const slot = reserveStream(c, config.limits);
    let viewerId: string | null;
    try {
      viewerId = await viewerOf(c);
    } catch (error) {
      slot.release();
      throw error;
    }
    return openEventStream(c, slot, async (stream) => bus.subscribe(`threads/${threadId}`, threadStream(db, bus, stream, threadId, viewerId)));
  });

  return routes;
}
