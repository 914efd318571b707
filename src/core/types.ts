/**
 * The adapter every element talks to, and the options of its calls. The data shapes and limits of
 * the REST contract live in ./contract.ts and are re-exported here.
 */
import type { Article, ArticleSummary, Comment, CommentPage, CommentSort, Feed, Poll, PostCommentInput, User } from './contract.js';

export type * from './contract.js';

export interface ListCommentsOptions {
  sort?: CommentSort;
  cursor?: string | null;
  limit?: number;
}

export interface ListRepliesOptions {
  cursor?: string | null;
  limit?: number;
}

/** One server-sent event on a poll, thread or feed channel. */
export interface LiveEvent {
  type: string;
  data: unknown;
}

/** Options every adapter call accepts: a signal to abort it, and an idempotency key for writes. */
export interface CallOptions {
  signal?: AbortSignal;
  idempotencyKey?: string;
}

export interface NewsAdapter {
  getArticle(id: string, options?: CallOptions): Promise<Article>;
  lookupArticle(url: string, options?: CallOptions): Promise<ArticleSummary>;
  getRelated(articleId: string, limit: number, options?: CallOptions): Promise<ArticleSummary[]>;
  /** The most-read (or editor-picked) headlines, of one section or of all (`section` null). */
  getTrending?(section: string | null, limit: number, options?: CallOptions): Promise<ArticleSummary[]>;
  getPoll(pollId: string, options?: CallOptions): Promise<Poll>;
  vote(pollId: string, optionIds: string[], options?: CallOptions): Promise<Poll>;
  listComments(threadId: string, query?: ListCommentsOptions, options?: CallOptions): Promise<CommentPage>;
  listReplies(commentId: string, query?: ListRepliesOptions, options?: CallOptions): Promise<CommentPage>;
  postComment(threadId: string, input: PostCommentInput, options?: CallOptions): Promise<Comment>;
  editComment(id: string, body: string, options?: CallOptions): Promise<Comment>;
  deleteComment(id: string, options?: CallOptions): Promise<void>;
  reportComment(id: string, reason: string, options?: CallOptions): Promise<void>;
  likeComment(id: string, liked: boolean, options?: CallOptions): Promise<{ likes: number }>;
  getCounts(threadIds: string[], options?: CallOptions): Promise<Record<string, number>>;
  getSession(options?: CallOptions): Promise<User | null>;
  getFeed(feedId: string, options?: CallOptions): Promise<Feed>;
  /** Live updates; `channel` is `polls/{id}`, `threads/{id}` or `feeds/{id}`. Returns an unsubscribe function. */
  subscribe?(channel: string, onEvent: (event: LiveEvent) => void): () => void;
}
