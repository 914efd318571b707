/**
 * Data shapes of the REST contract (openapi.json) and the adapter every element talks to.
 * Dates are ISO 8601 strings, as they arrive in JSON.
 */

export interface User {
  id: string;
  name: string;
  avatar?: string | null;
}

export interface ArticleSummary {
  id: string;
  url: string;
  headline: string;
  image?: string | null;
  imageAlt?: string | null;
  publishedAt?: string | null;
  kicker?: string | null;
}

/** Inline text with marks, used inside paragraph, quote and list blocks. */
export type InlineNode =
  | string
  | { text: string; bold?: boolean; italic?: boolean; href?: string };

export type ArticleBlock =
  | { type: 'paragraph'; content: InlineNode[] }
  | { type: 'heading'; text: string; level?: 2 | 3 | 4 }
  | { type: 'figure'; src: string; alt: string; caption?: string; credit?: string; width?: number; height?: number }
  | { type: 'quote'; content: InlineNode[]; cite?: string }
  | { type: 'list'; ordered?: boolean; items: InlineNode[][] }
  | { type: 'did-you-know'; heading?: string; text: string }
  | { type: 'also-read'; href: string; headline?: string; label?: string; image?: string }
  | { type: 'poll'; pollId: string }
  | { type: 'comments'; threadId?: string }
  | { type: 'related'; limit?: number }
  | { type: string; [key: string]: unknown };

export interface Article extends ArticleSummary {
  dek?: string | null;
  author?: string | null;
  authorHref?: string | null;
  authorAvatar?: string | null;
  updatedAt?: string | null;
  hero?: { src: string; alt: string; caption?: string; credit?: string; width?: number; height?: number } | null;
  lang?: string | null;
  blocks: ArticleBlock[];
}

export interface PollOption {
  id: string;
  label: string;
  /** `null` while the server hides results. */
  votes: number | null;
}

export type PollStatus = 'open' | 'closed';
export type PollResultsVisibility = 'after-vote' | 'always' | 'after-close';

export interface Poll {
  id: string;
  question: string;
  options: PollOption[];
  /** `null` while the server hides results. */
  totalVotes: number | null;
  multiple: boolean;
  maxChoices?: number | null;
  status: PollStatus;
  closesAt?: string | null;
  results: PollResultsVisibility;
  /** Option ids this voter chose, or null if they have not voted. */
  myVote: string[] | null;
}

export type CommentStatus = 'published' | 'pending' | 'deleted' | 'rejected';

export interface Comment {
  id: string;
  threadId: string;
  parentId: string | null;
  author: User;
  body: string;
  createdAt: string;
  editedAt: string | null;
  status: CommentStatus;
  likes: number;
  likedByMe: boolean;
  mine: boolean;
  replyCount: number;
  /** Name of the author this comment answers, when it replies to a reply. */
  replyToName?: string | null;
}

export interface CommentPage {
  total: number;
  comments: Comment[];
  nextCursor: string | null;
}

export type CommentSort = 'newest' | 'oldest' | 'top';

export interface ListCommentsOptions {
  sort?: CommentSort;
  cursor?: string | null;
  limit?: number;
}

export interface ListRepliesOptions {
  cursor?: string | null;
  limit?: number;
}

export interface PostCommentInput {
  body: string;
  parentId?: string | null;
}

/** One server-sent event on a poll or thread channel. */
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
  /** Live updates; `channel` is `polls/{id}` or `threads/{id}`. Returns an unsubscribe function. */
  subscribe?(channel: string, onEvent: (event: LiveEvent) => void): () => void;
}
