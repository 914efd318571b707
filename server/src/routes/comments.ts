import { Hono } from 'hono';
import { z } from 'zod';
import {
  COMMENT_MAX_LENGTH,
  COMMENT_PAGE_DEFAULT,
  COMMENT_PAGE_MAX,
  COUNTS_THREADS_MAX,
  CURSOR_MAX_LENGTH,
  REPORT_REASON_MAX_LENGTH,
} from '../../../src/core/contract.ts';
import { notFound } from '../http/errors.ts';
import type { AppEnv } from '../http/env.ts';
import { idempotentWrite } from '../http/idempotency.ts';
import { openEventStream } from '../http/sse.ts';
import { idSchema, parseQuery, pathId, readJson, typedText } from '../http/validate.ts';
import { neutralComment, threadStream } from '../live/thread-stream.ts';
import { chargeWrite, type Services } from '../services.ts';
import {
  countThreads,
  createComment,
  deleteComment,
  editComment,
  listReplies,
  listThread,
  reportComment,
  setLike,
} from '../store/comments.ts';

const limit = z.coerce.number().int().min(1).max(COMMENT_PAGE_MAX).default(COMMENT_PAGE_DEFAULT);
const cursor = z.string().max(CURSOR_MAX_LENGTH).optional();
const threadQuery = z.object({ sort: z.enum(['newest', 'oldest', 'top']).default('newest'), cursor, limit });
const repliesQuery = z.object({ cursor, limit });
const countsQuery = z.object({
  threads: z
    .string()
    // Room for the most ids of the longest length, their commas and stray spaces.
    .max(COUNTS_THREADS_MAX * 200)
    .transform((value) => [...new Set(value.split(',').map((id) => id.trim()).filter(Boolean))])
    .pipe(z.array(idSchema).min(1, 'name at least one thread').max(COUNTS_THREADS_MAX, `at most ${COUNTS_THREADS_MAX} threads per request`)),
});
const postBody = z.object({ body: typedText(COMMENT_MAX_LENGTH), parentId: idSchema.nullish() });
const editBody = z.object({ body: typedText(COMMENT_MAX_LENGTH) });
const reportBody = z.object({ reason: typedText(REPORT_REASON_MAX_LENGTH) });

export function commentRoutes(services: Services): Hono<AppEnv> {
  const { db, auth, bus, limiter, config } = services;
  const routes = new Hono<AppEnv>();
  const viewerOf = async (c: Parameters<typeof auth.user>[0]) => (await auth.user(c))?.id ?? null;

  routes.get('/threads/:id/comments', async (c) => {
    const threadId = pathId(c, 'id', 'Thread');
    const query = parseQuery(c, threadQuery);
    c.header('Cache-Control', 'private, no-store');
    return c.json(await listThread(db, threadId, await viewerOf(c), query));
  });

  routes.get('/comments/:id/replies', async (c) => {
    const id = pathId(c, 'id', 'Comment');
    const query = parseQuery(c, repliesQuery);
    const replies = await listReplies(db, id, await viewerOf(c), query);
    if (!replies) throw notFound('Comment');
    c.header('Cache-Control', 'private, no-store');
    return c.json(replies);
  });

  routes.post('/threads/:id/comments', async (c) => {
    const threadId = pathId(c, 'id', 'Thread');
    const user = await auth.requireUser(c);
    chargeWrite(services, c, `user:${user.id}`);
    limiter.take(`comment:${user.id}`, config.limits.commentsPerMinute);
    const input = await readJson(c, postBody);
    return idempotentWrite(db, c, `user:${user.id}`, async (tx) => {
      const comment = await createComment(tx, { threadId, author: user, body: input.body, parentId: input.parentId ?? null });
      if (comment.status === 'published') {
        await bus.publish(tx, { kind: 'comment', action: 'created', threadId, commentId: comment.id, comment: neutralComment(comment) });
      }
      return { status: 201, body: comment };
    });
  });

  routes.patch('/comments/:id', async (c) => {
    const id = pathId(c, 'id', 'Comment');
    const user = await auth.requireUser(c);
    chargeWrite(services, c, `user:${user.id}`);
    const { body } = await readJson(c, editBody);
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

  routes.delete('/comments/:id', async (c) => {
    const id = pathId(c, 'id', 'Comment');
    const user = await auth.requireUser(c);
    chargeWrite(services, c, `user:${user.id}`);
    return idempotentWrite(db, c, `user:${user.id}`, async (tx) => {
      const { threadId, wasPublished } = await deleteComment(tx, id, user);
      if (wasPublished) await bus.publish(tx, { kind: 'comment', action: 'deleted', threadId, commentId: id });
      return { status: 204, body: null };
    });
  });

  routes.post('/comments/:id/reports', async (c) => {
    const id = pathId(c, 'id', 'Comment');
    // Anonymous readers may report too; they are known by their voter cookie.
    const reporter = (await auth.voterId(c, true)) as string;
    chargeWrite(services, c, reporter);
    const { reason } = await readJson(c, reportBody);
    return idempotentWrite(db, c, reporter, async (tx) => {
      await reportComment(tx, id, reporter, reason);
      return { status: 202, body: { status: 'received' } };
    });
  });

  for (const liked of [true, false]) {
    const method = liked ? routes.put.bind(routes) : routes.delete.bind(routes);
    method('/comments/:id/like', async (c) => {
      const id = pathId(c, 'id', 'Comment');
      const user = await auth.requireUser(c);
      chargeWrite(services, c, `user:${user.id}`);
      return idempotentWrite(db, c, `user:${user.id}`, async (tx) => ({
        status: 200,
        body: { likes: await setLike(tx, id, user.id, liked) },
      }));
    });
  }

  routes.get('/counts', async (c) => {
    const { threads } = parseQuery(c, countsQuery);
    // Shared caches may hold counts briefly; browsers revalidate, so a reader who just posted sees it.
    c.header('Cache-Control', 'public, max-age=0, s-maxage=15');
    return c.json({ counts: await countThreads(db, threads) });
  });

  routes.get('/session', async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await auth.requireUser(c));
  });

  routes.get('/threads/:id/events', async (c) => {
    const threadId = pathId(c, 'id', 'Thread');
    const viewerId = await viewerOf(c);
    return openEventStream(c, config.limits.streamsPerIp, async (stream) =>
      bus.subscribe(`threads/${threadId}`, threadStream(db, bus, stream, threadId, viewerId)),
    );
  });

  return routes;
}

