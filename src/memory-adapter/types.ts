import type { Article, Comment, Feed, FeedValue, LiveEvent, NewsAdapter, Poll, User } from '../core/types.js';

/** A report a reader filed against a comment. */
export interface MemoryReport {
  commentId: string;
  reason: string;
  /** User id, or the anonymous memory voter id. */
  reporterId: string;
  createdAt: string;
}

/**
 * Starting data for {@link createMemoryAdapter}. Everything is optional and deep-copied, so one seed
 * object can serve many adapters.
 */
export interface MemorySeed {
  /** The signed-in reader; absent or null means signed out. */
  user?: User | null;
  /** Articles for `getArticle`, `lookupArticle` (matched by `url`) and `getRelated`. */
  articles?: Article[];
  /** Related article ids per article id, in order. Without an entry: the latest other articles. */
  related?: Record<string, string[]>;
  /**
   * Polls as stored: `options[].votes` and `totalVotes` are the real counts (null counts as 0;
   * `totalVotes` defaults to the sum). `myVote` is this memory voter's ballot, already counted.
   * `status: 'closed'` or a past `closesAt` closes the poll.
   */
  polls?: Poll[];
  /**
   * Comments of every thread, flat, in any order. `author.id` equal to the user's id makes a comment
   * `mine`; `likedByMe` means the seed user's like is part of `likes`; `replyCount` and `mine` are
   * computed. A `parentId` that names a reply is moved under its top-level comment, as the server does.
   */
  comments?: Comment[];
  /** Threads whose new comments wait for moderation (`status: 'pending'`, visible to their author only). */
  premoderatedThreads?: string[];
  /** Extra published comments per thread, added to `getCounts` and `total` (a count without comment data). */
  counts?: Record<string, number>;
  /** Live-data feeds, as `getFeed` answers them. */
  feeds?: Feed[];
  /** Reports already filed. */
  reports?: MemoryReport[];
  /** Reads per article id, ranking `getTrending` (each `getArticle` adds one, as on the server; no decay). */
  reads?: Record<string, number>;
  /** Editors' trending lists by section (`''` for none): each wins over reads while set. */
  trendingPicks?: Record<string, string[]>;
  /** Starting time of the adapter's clock; the real clock when absent. */
  now?: string | number | Date;
}

export type AdapterMethod = keyof NewsAdapter;

/** One adapter call, as recorded in {@link MemoryAdapter.calls}. */
export interface MemoryCall {
  method: AdapterMethod;
  /** The call's data arguments (not its CallOptions), copied. */
  args: unknown[];
  /** Adapter clock time of the call, ms since the epoch. */
  at: number;
}

/** The in-memory backend plus switches for stories and tests. */
export interface MemoryAdapter extends NewsAdapter {
  subscribe(channel: string, onEvent: (event: LiveEvent) => void): () => void;
  /** Simulated round-trip time of every call, in ms. Settable at any time. */
  latencyMs: number;
  /** Every call in order (subscriptions included), for "nothing loaded before scroll" and batching checks. */
  readonly calls: MemoryCall[];
  /** Reports filed so far (copies). */
  readonly reports: MemoryReport[];
  /**
   * Makes `method` (or every method, `'*'`) fail `times` times (default: until `recover()`):
   * `'network'` (default) a NetworkError, `'timeout'` a timed-out NetworkError, a number an
   * HttpError with that status, or the given Error.
   */
  fail(method: AdapterMethod | '*', error?: Error | 'network' | 'timeout' | number, times?: number): void;
  /** Makes `method` (or every method) not answer until aborted (NetworkError) or `recover()` (then it goes on). */
  hang(method: AdapterMethod | '*'): void;
  /** Clears every `fail()` and `hang()`, and lets hanging calls go on. */
  recover(): void;
  /** Signs a reader in, or out with null. */
  setUser(user: User | null): void;
  /** Fixes the adapter's clock (edit windows, closing polls); null returns to the real clock. */
  setNow(now: string | number | Date | null): void;
  /** Moves the adapter's clock forward by `ms`. */
  advanceTime(ms: number): void;
  /** Another reader posts (published at once unless `status` says otherwise); pushed to subscribers. */
  simulateComment(threadId: string, comment: { author: User; body: string; parentId?: string | null; status?: 'published' | 'pending' }): Comment;
  /** Other readers vote: `{optionId: count}`; each vote is one voter. Pushes `results` to subscribers. */
  simulateVotes(pollId: string, votes: Record<string, number>): void;
  /**
   * The publisher updates a feed: fields given replace the feed's, values are matched by id and
   * updated in place (new ids are added), `updatedAt` is now unless given. Pushes `feed` to subscribers.
   */
  updateFeed(feedId: string, changes: Partial<Omit<Feed, 'values'>> & { values?: (Partial<FeedValue> & { id: string })[] }): Feed;
  /** A moderator approves (`published`) or rejects a comment; an approval is pushed to subscribers. */
  moderate(commentId: string, decision: 'published' | 'rejected'): void;
  /** An editor sets (or, with no ids, clears) the trending list of a section (null: requests naming none). */
  setTrendingPicks(section: string | null, articleIds: string[]): void;
}
