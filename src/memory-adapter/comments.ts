// Comments in memory, with the server's rules: one level of replies, pending and rejected comments
// seen by their author only, soft deletes, the edit window, likes (never the author's own), reports,
// and the counts.
import { COMMENT_MAX_LENGTH, COMMENT_PAGE_DEFAULT, COMMENT_PAGE_MAX, EDIT_WINDOW_MS, REPORT_REASON_MAX_LENGTH } from '../core/contract.js';
import { HttpError } from '../core/errors.js';
import type { Comment, CommentPage, CommentSort, User } from '../core/types.js';
import { clone, invalid, iso, notFound, toMs, typedText, type Backend } from './backend.js';
import type { MemoryAdapter, MemoryReport, MemorySeed } from './types.js';

interface StoredComment {
  id: string;
  threadId: string;
  parentId: string | null;
  author: User;
  body: string;
  status: Comment['status'];
  replyToName: string | null;
  likes: number;
  likedBy: Set<string>;
  createdAt: number;
  editedAt: number | null;
  /** Insertion order: the tie-break when two comments share a timestamp. */
  seq: number;
}

type Key = [number, number] | [number, number, number];

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

export type CommentMethods = Pick<
  MemoryAdapter,
  | 'listComments'
  | 'listReplies'
  | 'postComment'
  | 'editComment'
  | 'deleteComment'
  | 'reportComment'
  | 'likeComment'
  | 'getCounts'
  | 'getSession'
  | 'simulateComment'
  | 'moderate'
>;

export function commentMethods(data: MemorySeed, backend: Backend, reports: MemoryReport[]): CommentMethods {
  const { run, now, publish, requireUser, voterId } = backend;
  const premoderated = new Set(data.premoderatedThreads ?? []);
  const extraCounts = data.counts ?? {};

  // Stored flat, with one level of replies.
  let seq = 0;
  const comments = new Map<string, StoredComment>();
  const seedUser = backend.user();
  for (const c of data.comments ?? []) {
    const likedBy = new Set<string>();
    if (c.likedByMe && seedUser) likedBy.add(seedUser.id);
    comments.set(c.id, {
      id: c.id,
      threadId: c.threadId,
      parentId: c.parentId,
      author: c.author,
      body: c.body,
      status: c.status,
      replyToName: c.replyToName ?? null,
      likes: c.likes,
      likedBy,
      createdAt: toMs(c.createdAt),
      editedAt: c.editedAt ? toMs(c.editedAt) : null,
      seq: ++seq,
    });
  }
  for (const c of comments.values()) {
    const parent = c.parentId ? comments.get(c.parentId) : undefined;
    if (parent?.parentId) {
      c.replyToName ??= parent.author.name;
      c.parentId = parent.parentId;
    }
  }

  const newId = () => {
    let id: string;
    do id = `m${++seq}`;
    while (comments.has(id));
    return id;
  };

  // ---- views, as the server shows them to the current reader ----

  const publishedReplies = (id: string) => [...comments.values()].filter((r) => r.parentId === id && r.status === 'published').length;

  const visible = (c: StoredComment) =>
    c.status === 'published' ||
    ((c.status === 'pending' || c.status === 'rejected') && c.author.id === backend.user()?.id) ||
    (c.status === 'deleted' && c.parentId === null && publishedReplies(c.id) > 0);

  const commentView = (c: StoredComment): Comment => {
    const deleted = c.status === 'deleted';
    const user = backend.user();
    return {
      id: c.id,
      threadId: c.threadId,
      parentId: c.parentId,
      author: deleted ? { id: '', name: '', avatar: null } : { avatar: null, ...c.author },
      body: deleted ? '' : c.body,
      createdAt: iso(c.createdAt)!,
      editedAt: iso(c.editedAt),
      status: c.status,
      likes: c.likes,
      likedByMe: !!user && c.likedBy.has(user.id),
      mine: !deleted && c.author.id === user?.id,
      replyCount: publishedReplies(c.id),
      replyToName: c.replyToName,
    };
  };

  const threadCount = (threadId: string) =>
    (extraCounts[threadId] ?? 0) + [...comments.values()].filter((c) => c.threadId === threadId && c.status === 'published').length;

  /** A page of `list` in keyset order, with an opaque cursor naming the last item's key. */
  function paginate(
    list: StoredComment[],
    sort: CommentSort | 'replies',
    cursor: string | null | undefined,
    limit = COMMENT_PAGE_DEFAULT,
    total: number,
  ): CommentPage {
    if (!Number.isInteger(limit) || limit < 1 || limit > COMMENT_PAGE_MAX) {
      throw invalid(`Invalid query. limit must be 1 to ${COMMENT_PAGE_MAX}.`);
    }
    const desc = sort !== 'oldest' && sort !== 'replies';
    const key = (c: StoredComment): Key => (sort === 'top' ? [c.likes, c.createdAt, c.seq] : [c.createdAt, c.seq]);
    const sorted = list.sort((a, b) => (desc ? -1 : 1) * compareKeys(key(a), key(b)));
    let after: Key | null = null;
    if (cursor) {
      try {
        const parsed = JSON.parse(atob(cursor)) as { s: string; k: Key };
        if (parsed.s !== sort || !Array.isArray(parsed.k) || parsed.k.length !== (sort === 'top' ? 3 : 2)) throw 0;
        after = parsed.k;
      } catch {
        throw new HttpError(422, 'invalid_cursor', 'The cursor is not valid for this list; start again without it.');
      }
    }
    const rest = after ? sorted.filter((c) => (desc ? -1 : 1) * compareKeys(key(c), after!) > 0) : sorted;
    const shown = rest.slice(0, limit);
    const last = shown.at(-1);
    return {
      total,
      comments: shown.map(commentView),
      nextCursor: rest.length > limit && last ? btoa(JSON.stringify({ s: sort, k: key(last) })) : null,
    };
  }

  const publishComment = (c: StoredComment, type: 'comment' | 'comment-updated') => publish(`threads/${c.threadId}`, () => ({ type, data: commentView(c) }));

  /** A comment its author is about to change; others' comments are 403, hidden ones 404. */
  const ownComment = (id: string, me: User) => {
    const c = comments.get(id);
    if (!c || (c.status !== 'published' && c.author.id !== me.id)) throw notFound('Comment');
    if (c.author.id !== me.id) throw new HttpError(403, 'forbidden', 'Only the author can change this comment.');
    return c;
  };

  const publishedComment = (id: string) => {
    const c = comments.get(id);
    if (!c || c.status !== 'published') throw notFound('Comment');
    return c;
  };

  function storeComment(threadId: string, author: User, body: string, parentId: string | null, status: Comment['status']) {
    let replyToName: string | null = null;
    if (parentId) {
      const parent = comments.get(parentId);
      if (!parent || parent.threadId !== threadId || parent.status !== 'published') {
        throw new HttpError(422, 'invalid_parent', 'The comment you are replying to is not in this thread.');
      }
      // Replies are one level deep: a reply to a reply goes under the top-level comment and names whom it answers.
      if (parent.parentId) replyToName = parent.author.name;
      parentId = parent.parentId ?? parent.id;
    }
    const c: StoredComment = {
      id: newId(),
      threadId,
      parentId,
      author: clone(author),
      body,
      status,
      replyToName,
      likes: 0,
      likedBy: new Set(),
      createdAt: now(),
      editedAt: null,
      seq,
    };
    comments.set(c.id, c);
    if (status === 'published') publishComment(c, 'comment');
    return c;
  }

  return {
    listComments: (threadId, query = {}, call) =>
      run('listComments', [threadId, query], call, () => {
        const sort = query.sort ?? 'newest';
        if (!['newest', 'oldest', 'top'].includes(sort)) throw invalid('Invalid query. sort must be newest, oldest or top.');
        const top = [...comments.values()].filter((c) => c.threadId === threadId && c.parentId === null && visible(c));
        return paginate(top, sort, query.cursor, query.limit, threadCount(threadId));
      }),

    listReplies: (commentId, query = {}, call) =>
      run('listReplies', [commentId, query], call, () => {
        const parent = comments.get(commentId);
        if (!parent || !(parent.status === 'published' || parent.status === 'deleted' || parent.author.id === backend.user()?.id)) {
          throw notFound('Comment');
        }
        const replies = [...comments.values()].filter((c) => c.parentId === commentId && visible(c));
        return paginate(replies, 'replies', query.cursor, query.limit, publishedReplies(commentId));
      }),

    postComment: (threadId, input, call) =>
      run('postComment', [threadId, input], call, () => {
        const me = requireUser();
        const body = typedText(input.body, COMMENT_MAX_LENGTH, 'body');
        const status = premoderated.has(threadId) ? 'pending' : 'published';
        return commentView(storeComment(threadId, me, body, input.parentId ?? null, status));
      }),

    editComment: (id, body, call) =>
      run('editComment', [id, body], call, () => {
        const me = requireUser();
        const text = typedText(body, COMMENT_MAX_LENGTH, 'body');
        const c = ownComment(id, me);
        if (c.status === 'deleted' || c.status === 'rejected') {
          throw new HttpError(409, 'comment_gone', 'This comment can no longer be edited.');
        }
        if (now() - c.createdAt > EDIT_WINDOW_MS) {
          throw new HttpError(409, 'edit_window_closed', `Comments can be edited for ${EDIT_WINDOW_MS / 60_000} minutes after posting.`);
        }
        c.body = text;
        c.editedAt = now();
        if (c.status === 'published') publishComment(c, 'comment-updated');
        return commentView(c);
      }),

    deleteComment: (id, call) =>
      run('deleteComment', [id], call, () => {
        const c = ownComment(id, requireUser());
        const wasPublished = c.status === 'published';
        c.status = 'deleted';
        c.body = '';
        if (wasPublished) publish(`threads/${c.threadId}`, () => ({ type: 'comment-deleted', data: { id, threadId: c.threadId } }));
      }),

    reportComment: (id, reason, call) =>
      run('reportComment', [id, reason], call, () => {
        publishedComment(id);
        const text = typedText(reason, REPORT_REASON_MAX_LENGTH, 'reason');
        const reporterId = voterId();
        const existing = reports.find((r) => r.commentId === id && r.reporterId === reporterId);
        if (existing) existing.reason = text;
        else reports.push({ commentId: id, reason: text, reporterId, createdAt: iso(now())! });
      }),

    likeComment: (id, liked, call) =>
      run('likeComment', [id, liked], call, () => {
        const me = requireUser();
        const c = publishedComment(id);
        if (liked && c.author.id === me.id) throw new HttpError(403, 'forbidden', 'Authors cannot like their own comments.');
        if (liked !== c.likedBy.has(me.id)) {
          if (liked) c.likedBy.add(me.id);
          else c.likedBy.delete(me.id);
          c.likes = Math.max(0, c.likes + (liked ? 1 : -1));
        }
        return { likes: c.likes };
      }),

    getCounts: (threadIds, call) => run('getCounts', [threadIds], call, () => Object.fromEntries([...new Set(threadIds)].map((id) => [id, threadCount(id)]))),

    getSession: (call) => run('getSession', [], call, () => backend.user()),

    simulateComment(threadId, { author, body, parentId = null, status = 'published' }) {
      return clone(commentView(storeComment(threadId, author, body, parentId, status)));
    },

    moderate(commentId, decision) {
      const c = comments.get(commentId);
      if (!c) throw notFound('Comment');
      if (c.status === 'deleted') throw new HttpError(409, 'comment_gone', 'The author deleted this comment.');
      const before = c.status;
      c.status = decision;
      if (decision === 'published' && before !== 'published') publishComment(c, 'comment');
    },
  };
}
