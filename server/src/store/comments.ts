import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { EDIT_WINDOW_MS, type Comment, type CommentPage, type CommentSort, type User } from '../../../src/core/contract.ts';
import type { Queryable } from '../db/db.ts';
import { CommentGone, EditWindowClosed, Forbidden, InvalidCursor, InvalidParent, NotFound } from './errors.ts';
import { iso } from './time.ts';

export interface CommentRow {
  id: string;
  thread_id: string;
  parent_id: string | null;
  author_id: string;
  author_name: string;
  author_avatar: string | null;
  body: string;
  status: Comment['status'];
  reply_to_name: string | null;
  likes: number;
  created_at: Date;
  edited_at: Date | null;
  reply_count: number;
  liked_by_me: boolean;
}

/** Columns of a comment as seen by viewer `$1` (null for anonymous). */
const commentColumns = `c.id, c.thread_id, c.parent_id, c.author_id, c.author_name, c.author_avatar, c.body, c.status,
  c.reply_to_name, c.likes, c.created_at, c.edited_at,
  (SELECT count(*)::int FROM comments r WHERE r.parent_id = c.id AND r.status = 'published') AS reply_count,
  EXISTS (SELECT 1 FROM comment_likes l WHERE l.comment_id = c.id AND l.user_id = $1::text) AS liked_by_me`;

/** Published comments, the viewer's own pending or rejected ones, and deleted ones that still hold replies. */
const visibleTo = `(c.status = 'published'
  OR (c.status IN ('pending', 'rejected') AND c.author_id = $1::text)
  OR (c.status = 'deleted' AND c.parent_id IS NULL
      AND EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.id AND r.status = 'published')))`;

export function toComment(row: CommentRow, viewerId: string | null): Comment {
  const deleted = row.status === 'deleted';
  // A deleted comment stays as a placeholder that keeps its replies; its text and author are gone.
  const author: User = deleted ? { id: '', name: '', avatar: null } : { id: row.author_id, name: row.author_name, avatar: row.author_avatar };
  return {
    id: row.id,
    threadId: row.thread_id,
    parentId: row.parent_id,
    author,
    body: deleted ? '' : row.body,
    createdAt: iso(row.created_at) ?? '',
    editedAt: iso(row.edited_at),
    status: row.status,
    likes: row.likes,
    likedByMe: row.liked_by_me,
    mine: !deleted && viewerId !== null && row.author_id === viewerId,
    replyCount: row.reply_count,
    replyToName: row.reply_to_name,
  };
}

const cursorSchema = z.object({
  s: z.enum(['newest', 'oldest', 'top', 'replies']),
  t: z.iso.datetime(),
  i: z.string().max(200),
  l: z.number().int().nonnegative().optional(),
});
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(sort: Cursor['s'], row: CommentRow): string {
  const cursor: Cursor = { s: sort, t: iso(row.created_at) ?? '', i: row.id, ...(sort === 'top' ? { l: row.likes } : {}) };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string | undefined, sort: Cursor['s']): Cursor | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success || result.data.s !== sort || (sort === 'top' && result.data.l === undefined)) {
    throw new InvalidCursor();
  }
  return result.data;
}

const orderBy: Record<Cursor['s'], string> = {
  newest: 'c.created_at DESC, c.id DESC',
  oldest: 'c.created_at ASC, c.id ASC',
  replies: 'c.created_at ASC, c.id ASC',
  top: 'c.likes DESC, c.created_at DESC, c.id DESC',
};

/** Keyset condition "comes after the cursor", numbering its parameters from `first`. */
function afterCursor(sort: Cursor['s'], first: number): string {
  const [t, i, l] = [`$${first}::timestamptz`, `$${first + 1}::text`, `$${first + 2}::int`];
  if (sort === 'top') return `(c.likes, c.created_at, c.id) < (${l}, ${t}, ${i})`;
  return sort === 'newest' ? `(c.created_at, c.id) < (${t}, ${i})` : `(c.created_at, c.id) > (${t}, ${i})`;
}

async function page(
  q: Queryable,
  viewerId: string | null,
  scope: { sql: string; value: string },
  sort: Cursor['s'],
  rawCursor: string | undefined,
  limit: number,
  total: number,
): Promise<CommentPage> {
  const cursor = decodeCursor(rawCursor, sort);
  const params: unknown[] = [viewerId, scope.value, limit + 1];
  let after = '';
  if (cursor) {
    after = ` AND ${afterCursor(sort, 4)}`;
    params.push(cursor.t, cursor.i);
    if (sort === 'top') params.push(cursor.l);
  }
  const { rows } = await q.query<CommentRow>(
    `SELECT ${commentColumns} FROM comments c
      WHERE ${scope.sql} AND ${visibleTo}${after}
      ORDER BY ${orderBy[sort]} LIMIT $3`,
    params,
  );
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    total,
    comments: shown.map((row) => toComment(row, viewerId)),
    nextCursor: more && last ? encodeCursor(sort, last) : null,
  };
}

/** Top-level comments of a thread; `total` counts every published comment in it, replies included. */
export async function listThread(
  q: Queryable,
  threadId: string,
  viewerId: string | null,
  options: { sort: CommentSort; cursor?: string | undefined; limit: number },
): Promise<CommentPage> {
  const total = (await countThreads(q, [threadId]))[threadId] ?? 0;
  return page(q, viewerId, { sql: 'c.thread_id = $2 AND c.parent_id IS NULL', value: threadId }, options.sort, options.cursor, options.limit, total);
}

/** Replies to one top-level comment, oldest first; `total` counts its published replies. */
export async function listReplies(
  q: Queryable,
  commentId: string,
  viewerId: string | null,
  options: { cursor?: string | undefined; limit: number },
): Promise<CommentPage | null> {
  const parent = await getComment(q, commentId, viewerId);
  if (!parent || (parent.status !== 'published' && parent.status !== 'deleted' && !parent.mine)) return null;
  return page(q, viewerId, { sql: 'c.parent_id = $2', value: commentId }, 'replies', options.cursor, options.limit, parent.replyCount);
}

/** Published comments per thread, replies included: kept in `thread_totals` by a trigger, never counted per read. */
export async function countThreads(q: Queryable, threadIds: string[]): Promise<Record<string, number>> {
  const { rows } = await q.query<{ thread_id: string; n: number }>('SELECT thread_id, published AS n FROM thread_totals WHERE thread_id = ANY($1::text[])', [
    threadIds,
  ]);
  const counts: Record<string, number> = {};
  for (const id of threadIds) counts[id] = 0;
  for (const row of rows) counts[row.thread_id] = row.n;
  return counts;
}

export async function getCommentRow(q: Queryable, id: string, viewerId: string | null): Promise<CommentRow | null> {
  const { rows } = await q.query<CommentRow>(`SELECT ${commentColumns} FROM comments c WHERE c.id = $2`, [viewerId, id]);
  return rows[0] ?? null;
}

export async function getComment(q: Queryable, id: string, viewerId: string | null): Promise<Comment | null> {
  const row = await getCommentRow(q, id, viewerId);
  return row ? toComment(row, viewerId) : null;
}

/** Stores a comment; a reply to a reply goes under the top-level ancestor and names whom it answers. */
export async function createComment(
  q: Queryable,
  input: { threadId: string; author: User; body: string; parentId: string | null; createdAt?: Date },
): Promise<Comment> {
  const thread = await q.query<{ premoderation: boolean }>('SELECT premoderation FROM threads WHERE id = $1', [input.threadId]);
  const status = thread.rows[0]?.premoderation ? 'pending' : 'published';
  let parentId: string | null = null;
  let replyToName: string | null = null;
  if (input.parentId) {
    const { rows } = await q.query<{ thread_id: string; parent_id: string | null; author_name: string; status: string }>(
      'SELECT thread_id, parent_id, author_name, status FROM comments WHERE id = $1',
      [input.parentId],
    );
    const parent = rows[0];
    if (!parent || parent.thread_id !== input.threadId || parent.status !== 'published') {
      throw new InvalidParent();
    }
    parentId = parent.parent_id ?? input.parentId;
    replyToName = parent.parent_id ? parent.author_name : null;
  }
  const id = `c${randomBytes(12).toString('base64url')}`;
  await q.query(
    `INSERT INTO comments (id, thread_id, parent_id, author_id, author_name, author_avatar, body, status, reply_to_name, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      input.threadId,
      parentId,
      input.author.id,
      input.author.name,
      input.author.avatar ?? null,
      input.body,
      status,
      replyToName,
      input.createdAt ?? new Date(),
    ],
  );
  const created = await getComment(q, id, input.author.id);
  if (!created) throw new Error('Inserted comment vanished');
  return created;
}

/** Loads a comment for a change by its author, locking the row for the rest of the transaction. */
async function ownComment(q: Queryable, id: string, user: User): Promise<{ status: string; created_at: Date; thread_id: string }> {
  const { rows } = await q.query<{ author_id: string; status: string; created_at: Date; thread_id: string }>(
    'SELECT author_id, status, created_at, thread_id FROM comments WHERE id = $1 FOR UPDATE',
    [id],
  );
  const row = rows[0];
  if (!row || (row.status !== 'published' && row.author_id !== user.id)) throw new NotFound('Comment');
  if (row.author_id !== user.id) throw new Forbidden('Only the author can change this comment.');
  return row;
}

export async function editComment(q: Queryable, id: string, user: User, body: string, now = new Date()): Promise<Comment> {
  const row = await ownComment(q, id, user);
  if (row.status === 'deleted' || row.status === 'rejected') {
    throw new CommentGone('This comment can no longer be edited.');
  }
  if (now.getTime() - new Date(row.created_at).getTime() > EDIT_WINDOW_MS) {
    throw new EditWindowClosed(`Comments can be edited for ${EDIT_WINDOW_MS / 60_000} minutes after posting.`);
  }
  await q.query('UPDATE comments SET body = $2, edited_at = $3 WHERE id = $1', [id, body, now]);
  const edited = await getComment(q, id, user.id);
  if (!edited) throw new NotFound('Comment');
  return edited;
}

/** Soft delete: returns the thread and whether the comment had been public (so listeners should hear of it). */
export async function deleteComment(q: Queryable, id: string, user: User): Promise<{ threadId: string; wasPublished: boolean }> {
  const row = await ownComment(q, id, user);
  if (row.status !== 'deleted') {
    await q.query("UPDATE comments SET status = 'deleted', body = '' WHERE id = $1", [id]);
  }
  return { threadId: row.thread_id, wasPublished: row.status === 'published' };
}

/** Likes are one row per user; the counter moves in the same transaction, only when a row appears or goes. */
export async function setLike(q: Queryable, id: string, userId: string, liked: boolean): Promise<number> {
  const { rows } = await q.query<{ status: string; likes: number; author_id: string }>(
    'SELECT status, likes, author_id FROM comments WHERE id = $1 FOR UPDATE',
    [id],
  );
  const row = rows[0];
  if (!row || row.status !== 'published') throw new NotFound('Comment');
  if (liked && row.author_id === userId) throw new Forbidden('Authors cannot like their own comments.');
  const changed = liked
    ? await q.query('INSERT INTO comment_likes (comment_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id', [id, userId])
    : await q.query('DELETE FROM comment_likes WHERE comment_id = $1 AND user_id = $2 RETURNING user_id', [id, userId]);
  if (changed.rows.length === 0) return row.likes;
  const updated = await q.query<{ likes: number }>('UPDATE comments SET likes = likes + $2 WHERE id = $1 RETURNING likes', [id, liked ? 1 : -1]);
  return updated.rows[0]?.likes ?? row.likes;
}

export async function reportComment(q: Queryable, id: string, reporterId: string, reason: string): Promise<void> {
  const { rows } = await q.query<{ status: string }>('SELECT status FROM comments WHERE id = $1', [id]);
  if (!rows[0] || rows[0].status !== 'published') throw new NotFound('Comment');
  await q.query(
    `INSERT INTO comment_reports (comment_id, reporter_id, reason) VALUES ($1, $2, $3)
     ON CONFLICT (comment_id, reporter_id) DO UPDATE SET reason = EXCLUDED.reason, resolved = false`,
    [id, reporterId, reason],
  );
}

export interface ModerationItem {
  comment: Comment;
  reports: number;
  reasons: string[];
}

/** Pending comments and published comments with open reports, oldest first. */
export async function moderationQueue(q: Queryable, limit: number): Promise<ModerationItem[]> {
  const { rows } = await q.query<CommentRow & { reports: number; reasons: string[] | null }>(
    `SELECT ${commentColumns},
            (SELECT count(*)::int FROM comment_reports p WHERE p.comment_id = c.id AND NOT p.resolved) AS reports,
            (SELECT array_agg(p.reason ORDER BY p.created_at) FROM comment_reports p WHERE p.comment_id = c.id AND NOT p.resolved) AS reasons
       FROM comments c
      WHERE c.status = 'pending'
         OR (c.status = 'published' AND EXISTS (SELECT 1 FROM comment_reports p WHERE p.comment_id = c.id AND NOT p.resolved))
      ORDER BY c.created_at, c.id LIMIT $2`,
    [null, limit],
  );
  return rows.map((row) => ({ comment: toComment(row, null), reports: row.reports, reasons: row.reasons ?? [] }));
}

/** Approve or reject; returns the comment and its status before the decision. */
export async function moderate(q: Queryable, id: string, decision: 'published' | 'rejected'): Promise<{ comment: Comment; before: string }> {
  const { rows } = await q.query<{ status: string }>('SELECT status FROM comments WHERE id = $1 FOR UPDATE', [id]);
  const before = rows[0]?.status;
  if (!before) throw new NotFound('Comment');
  if (before === 'deleted') throw new CommentGone('The author deleted this comment.');
  await q.query('UPDATE comments SET status = $2 WHERE id = $1', [id, decision]);
  await q.query('UPDATE comment_reports SET resolved = true WHERE comment_id = $1', [id]);
  const comment = await getComment(q, id, null);
  if (!comment) throw new NotFound('Comment');
  return { comment, before };
}

export async function setPremoderation(q: Queryable, threadId: string, premoderation: boolean): Promise<void> {
  await q.query(
    `INSERT INTO threads (id, premoderation) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET premoderation = EXCLUDED.premoderation`,
    [threadId, premoderation],
  );
}
