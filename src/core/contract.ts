/**
 * The REST contract shared by the elements, the memory adapter and the reference server: the data
 * shapes as they travel in JSON (dates are ISO 8601 strings) and the limits both sides enforce.
 * This module has no imports and no DOM types, so the server (Node, no DOM lib) uses it as it is.
 */

// ---- Limits -------------------------------------------------------------------------------------

/** A comment body is 1 to this many characters after trimming. */
export const COMMENT_MAX_LENGTH = 2000;
/** A comment's author may edit it for this long after posting (15 minutes). */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
/** A report's reason is 1 to this many characters after trimming. */
export const REPORT_REASON_MAX_LENGTH = 500;
/** Comments and replies per page when the request names no `limit`. */
export const COMMENT_PAGE_DEFAULT = 20;
/** The largest `limit` a comment or reply page accepts. */
export const COMMENT_PAGE_MAX = 100;
/** The longest `cursor` a comment or reply page accepts. */
export const CURSOR_MAX_LENGTH = 512;
/** Threads one `/counts` request may name. */
export const COUNTS_THREADS_MAX = 100;
/** Related articles when the request names no `limit`. */
export const RELATED_DEFAULT = 4;
/** The largest `limit` the related-articles endpoint accepts. */
export const RELATED_MAX = 20;
/** Trending headlines when the request names no `limit`. */
export const TRENDING_DEFAULT = 5;
/** The largest `limit` the trending endpoint accepts, and the longest editor's list. */
export const TRENDING_MAX = 20;
/** Option ids one vote may carry (the poll's own rules usually allow fewer). */
export const VOTE_OPTIONS_MAX = 50;
/** Options a poll may have, and the largest `maxChoices`. */
export const POLL_OPTIONS_MAX = 20;
/** Values one live-data feed may carry. */
export const FEED_VALUES_MAX = 24;
/** The longest promise a feed may make about how often it updates (`staleAfterSeconds`): a week. */
export const FEED_STALE_AFTER_MAX = 7 * 24 * 3600;
/** Publisher-chosen ids (articles, polls, threads, options) and server ids (comments): 1-128 URL-safe characters. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:~-]{0,127}$/;

// ---- Errors -------------------------------------------------------------------------------------

/** The machine-readable `error.code` of a failed request. */
export type ErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'invalid_idempotency_key'
  | 'auth_required'
  | 'forbidden'
  | 'not_found'
  | 'already_voted'
  | 'comment_gone'
  | 'edit_window_closed'
  | 'idempotency_conflict'
  | 'conflict'
  | 'poll_closed'
  | 'unsupported_media_type'
  | 'invalid_request'
  | 'invalid_cursor'
  | 'invalid_option'
  | 'invalid_parent'
  | 'rate_limited'
  | 'too_many_streams'
  | 'internal';

/** The body of every error reply. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

// ---- Data shapes --------------------------------------------------------------------------------

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
export type InlineNode = string | { text: string; bold?: boolean; italic?: boolean; href?: string };

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
  /** The publisher's section id (`city`), for `GET /trending?section=`. */
  section?: string | null;
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

/** An editor's trending list (`PUT /admin/trending`): it wins over the list computed from reads while set. */
export interface TrendingPicks {
  /** The section it is for; null for requests that name no section. */
  section: string | null;
  /** Article ids in order; an empty list hands the strip back to reads. */
  articleIds: string[];
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

/** The body of a new comment or reply. */
export interface PostCommentInput {
  body: string;
  parentId?: string | null;
}

/** How a live-data figure is written: a plain number, a percentage, or an amount of money. */
export type FeedValueFormat = 'number' | 'percent' | 'currency';

/** One labelled figure of a live-data feed: a market index, a party's tally, a score, a fuel price. */
export interface FeedValue {
  /** Stable within the feed: readers' announcements and rows follow it. */
  id: string;
  label: string;
  /** The figure; `percent` figures are in percent (42.5 is 42.5 %). null: no figure yet. */
  value: number | null;
  format: FeedValueFormat;
  /** ISO 4217 code of a `currency` figure (`USD`, `EUR`). */
  currency?: string | null;
  /** Digits after the decimal point (0-6); the locale's usual when absent. */
  decimals?: number | null;
  /** Change since the reference point (previous close, last count); null or absent: none shown. */
  change?: number | null;
  /** `percent` (default): `change` is relative, in percent; `value`: in the figure's own format (points, seats, cents). */
  changeFormat?: 'percent' | 'value' | null;
  /** When this figure was measured, if not when the feed last updated. */
  asOf?: string | null;
}

/** A live-data feed: `GET /feeds/{id}`, and `feed` events on `/feeds/{id}/events` as it changes. */
export interface Feed {
  id: string;
  title: string;
  values: FeedValue[];
  /** When the feed last changed: the "as of" time of its figures. */
  updatedAt: string;
  /** The feed promises to update at least this often; past it, readers see the figures marked out of date. null: no promise. */
  staleAfterSeconds: number | null;
}
