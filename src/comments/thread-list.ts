import type { Comment, CommentPage, CommentSort, LiveEvent } from '../core/types.js';

/**
 * The list operations of a comment thread, without a DOM or an adapter: every function returns a
 * new list and leaves its arguments as they were, so the thread controller can hand them to Lit.
 */

/** A comment as shown: the server's, or the reader's own on its way (`posting`). */
export type ShownComment = Comment & { posting?: boolean };

/** Loaded replies of one top-level comment; `next` is undefined until the first page was asked for. */
export interface ReplyGroup {
  items: ShownComment[];
  next?: string | null;
  open: boolean;
}

/** Reply groups by the id of the comment they answer. */
export type ReplyGroups = Record<string, ReplyGroup>;

/** Well-formed comments of a page; anything else from the adapter is dropped. */
export const validComments = (page: CommentPage | undefined): ShownComment[] => (page?.comments ?? []).filter((c) => c?.id && c.author);

/** Every loaded comment: the top level in order, then the replies group by group. */
export const allComments = (top: ShownComment[], groups: ReplyGroups): ShownComment[] => [...top, ...Object.values(groups).flatMap((g) => g.items)];

export const findComment = (top: ShownComment[], groups: ReplyGroups, id: string): ShownComment | undefined =>
  allComments(top, groups).find((c) => c.id === id);

/** `list` with comment `id` replaced by `update(it)`, or taken out where `update` returns null. */
export const replaceComment = (list: ShownComment[], id: string, update: (c: ShownComment) => ShownComment | null): ShownComment[] =>
  list.flatMap((c) => (c.id === id ? (update(c) ?? []) : [c]));

/** A later page added after `list`, without the comments `list` already has; `added` is what was new. */
export function appendPage(list: ShownComment[], page: ShownComment[]): { list: ShownComment[]; added: ShownComment[] } {
  const known = new Set(list.map((c) => c.id));
  const added = page.filter((c) => !known.has(c.id));
  return { list: [...list, ...added], added };
}

/** A first page put before what `list` already shows (the reader's own replies, placed while it loaded). */
export function prependPage(list: ShownComment[], page: ShownComment[]): ShownComment[] {
  const ids = new Set(page.map((c) => c.id));
  return [...page, ...list.filter((c) => !ids.has(c.id))];
}

/** `c` first in `list` (a new top-level comment), replacing any copy of it. */
export const putFirst = (list: ShownComment[], c: ShownComment): ShownComment[] => [c, ...list.filter((x) => x.id !== c.id)];

/** `c` last in `list` (a new reply), unless `list` has it already. */
export const putLast = (list: ShownComment[], c: ShownComment): ShownComment[] => (list.some((x) => x.id === c.id) ? list : [...list, c]);

/**
 * Where a top-level comment that arrived live goes once revealed: first when the newest come first,
 * last when the thread is fully loaded, and nowhere yet when a later page will bring it in order.
 */
export function insertArrived(list: ShownComment[], c: ShownComment, sort: CommentSort, morePages: boolean): ShownComment[] {
  if (sort === 'newest') return [c, ...list];
  return morePages ? list : [...list, c];
}

/** A parent's reply count moved by `by`, never below zero. */
export const withReplyCount = (c: ShownComment, by: number): ShownComment => ({ ...c, replyCount: Math.max(0, c.replyCount + by) });

/** A comment the reader liked (`liked`) or unliked, counted from `likes` before the change. */
export const withLike = (c: ShownComment, liked: boolean, likes: number): ShownComment => ({
  ...c,
  likedByMe: liked,
  likes: Math.max(0, likes + (liked ? 1 : -1)),
});

/** A comment with its edited text and the time of the edit. */
export const withEdit = (c: ShownComment, body: string, editedAt: string | null): ShownComment => ({ ...c, body, editedAt });

/** The placeholder a deleted comment leaves while its replies stay: no text, no author. */
export const deletedPlaceholder = (c: ShownComment): ShownComment => ({ ...c, status: 'deleted', body: '', author: { id: '', name: '' } });

/** The comment a live event is about, if it is well-formed and belongs to `thread`. */
export function liveComment({ data }: LiveEvent, thread: string | undefined): Comment | undefined {
  const c = data as Comment | null;
  return typeof c?.id === 'string' && (!c.threadId || c.threadId === thread) ? c : undefined;
}
