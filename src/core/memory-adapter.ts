import {
  COMMENT_MAX_LENGTH,
  COMMENT_PAGE_DEFAULT,
  COMMENT_PAGE_MAX,
  EDIT_WINDOW_MS,
  REPORT_REASON_MAX_LENGTH,
} from './contract.js';
import { HttpError, NetworkError } from './errors.js';
import type {
  Article,
  ArticleSummary,
  CallOptions,
  Comment,
  CommentPage,
  CommentSort,
  LiveEvent,
  NewsAdapter,
  Poll,
  User,
} from './types.js';

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
  /** Reports already filed. */
  reports?: MemoryReport[];
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
  simulateComment(
    threadId: string,
    comment: { author: User; body: string; parentId?: string | null; status?: 'published' | 'pending' },
  ): Comment;
  /** Other readers vote: `{optionId: count}`; each vote is one voter. Pushes `results` to subscribers. */
  simulateVotes(pollId: string, votes: Record<string, number>): void;
  /** A moderator approves (`published`) or rejects a comment; an approval is pushed to subscribers. */
  moderate(commentId: string, decision: 'published' | 'rejected'): void;
}

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

interface StoredPoll {
  poll: Poll;
  votes: Record<string, number>;
  total: number;
  ballots: Map<string, string[]>;
}

type Key = [number, number] | [number, number, number];

const ANONYMOUS_VOTER = 'memory-voter';

const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const toMs = (value: string | number | Date) => new Date(value).getTime();

const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found.`);
const authRequired = () => new HttpError(401, 'auth_required', 'Sign in to do this.');
const invalid = (message: string) => new HttpError(422, 'invalid_request', message);

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'auth_required',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'invalid_request',
  429: 'rate_limited',
  500: 'internal',
};

function toError(error: Error | 'network' | 'timeout' | number): Error {
  if (error === 'network') return new NetworkError('Network request failed (simulated)');
  if (error === 'timeout') return new NetworkError('Request timed out (simulated)', { timedOut: true });
  if (typeof error === 'number') {
    return new HttpError(error, STATUS_CODES[error] ?? `http_${error}`, `Simulated ${error} error.`, error === 429 ? 30 : null);
  }
  return error;
}

/** Plain text 1..max characters after trimming, as the server accepts it. */
function typedText(value: unknown, max: number, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text || text.length > max || text.includes('\u0000')) {
    throw invalid(`Invalid body. ${what} must be 1 to ${max} characters.`);
  }
  return text;
}

function normalizeUrl(url: string): string {
  const withoutFragment = url.split('#')[0] ?? url;
  return withoutFragment.length > 1 ? withoutFragment.replace(/\/+$/, '') || '/' : withoutFragment;
}

/** The stored forms a link may match: as given, and its path when absolute (like the server). */
function urlVariants(url: string): string[] {
  const normalized = normalizeUrl(url);
  const variants = [normalized];
  try {
    const parsed = new URL(normalized);
    variants.push(normalizeUrl(parsed.pathname + parsed.search));
  } catch {
    // A relative URL matches only as written.
  }
  return variants;
}

function summary(article: Article): ArticleSummary {
  return {
    id: article.id,
    url: article.url,
    headline: article.headline,
    image: article.image ?? null,
    imageAlt: article.imageAlt ?? null,
    publishedAt: article.publishedAt ?? null,
    kicker: article.kicker ?? null,
  };
}

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * A complete {@link NewsAdapter} in memory with the reference server's rules (visibility of poll
 * results, one vote per voter, one level of replies, pending comments, soft deletes, the 15-minute
 * edit window, likes, idempotency keys), simulated latency and failure switches. For Storybook,
 * tests and offline demos; no element imports it, so it never ships in a page bundle.
 */
export function createMemoryAdapter(seed: MemorySeed = {}, options: { latencyMs?: number } = {}): MemoryAdapter {
  const data = clone(seed);
  let user: User | null = data.user ?? null;
  let fixedNow: number | null = data.now === undefined ? null : toMs(data.now);
  let offset = 0;
  const now = () => (fixedNow ?? Date.now()) + offset;

  const articles = new Map((data.articles ?? []).map((a) => [a.id, a]));
  const related = data.related ?? {};
  const premoderated = new Set(data.premoderatedThreads ?? []);
  const extraCounts = data.counts ?? {};
  const reports: MemoryReport[] = data.reports ?? [];
  const calls: MemoryCall[] = [];
  const failures = new Map<string, { error: Error; times: number }>();
  const hangs = new Set<string>();
  /** Releases the calls waiting in a hang; `recover()` lets them go on. */
  const hungCalls = new Set<() => void>();
  const listeners = new Map<string, Set<(event: LiveEvent) => void>>();
  const completedWrites = new Map<string, unknown>();

  const voterId = () => user?.id ?? ANONYMOUS_VOTER;

  // Polls: counters plus who voted what.
  const polls = new Map<string, StoredPoll>();
  for (const poll of data.polls ?? []) {
    const votes: Record<string, number> = {};
    for (const option of poll.options) votes[option.id] = option.votes ?? 0;
    const total = poll.totalVotes ?? Object.values(votes).reduce((sum, n) => sum + n, 0);
    const ballots = new Map<string, string[]>();
    if (poll.myVote) ballots.set(voterId(), poll.myVote);
    polls.set(poll.id, { poll, votes, total, ballots });
  }

  // Comments, stored flat with one level of replies.
  let seq = 0;
  const comments = new Map<string, StoredComment>();
  for (const c of data.comments ?? []) {
    const likedBy = new Set<string>();
    if (c.likedByMe && user) likedBy.add(user.id);
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

  const publishedReplies = (id: string) =>
    [...comments.values()].filter((r) => r.parentId === id && r.status === 'published').length;

  const visible = (c: StoredComment) =>
    c.status === 'published' ||
    ((c.status === 'pending' || c.status === 'rejected') && c.author.id === user?.id) ||
    (c.status === 'deleted' && c.parentId === null && publishedReplies(c.id) > 0);

  const commentView = (c: StoredComment): Comment => {
    const deleted = c.status === 'deleted';
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
    (extraCounts[threadId] ?? 0) +
    [...comments.values()].filter((c) => c.threadId === threadId && c.status === 'published').length;

  const isClosed = (p: Poll) => p.status === 'closed' || (!!p.closesAt && toMs(p.closesAt) <= now());

  const pollView = ({ poll, votes, total, ballots }: StoredPoll): Poll => {
    const closed = isClosed(poll);
    const myVote = ballots.get(voterId()) ?? null;
    const shown = poll.results === 'always' || closed || (poll.results === 'after-vote' && myVote !== null);
    return {
      id: poll.id,
      question: poll.question,
      options: poll.options.map((o) => ({ id: o.id, label: o.label, votes: shown ? (votes[o.id] ?? 0) : null })),
      totalVotes: shown ? total : null,
      multiple: poll.multiple,
      maxChoices: poll.maxChoices ?? null,
      status: closed ? 'closed' : 'open',
      closesAt: poll.closesAt ?? null,
      results: poll.results,
      myVote: myVote && [...myVote],
    };
  };

  /** A page of `list` in keyset order, with an opaque cursor naming the last item's key. */
  function paginate(list: StoredComment[], sort: CommentSort | 'replies', cursor: string | null | undefined, limit = COMMENT_PAGE_DEFAULT, total: number): CommentPage {
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

  // ---- live events ----

  function publish(channel: string, event: () => LiveEvent) {
    const set = listeners.get(channel);
    if (!set?.size) return;
    // Delivered later, like a network push, and computed for the reader at that moment.
    setTimeout(() => {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener(clone(event()));
    });
  }

  const publishComment = (c: StoredComment, type: 'comment' | 'comment-updated') =>
    publish(`threads/${c.threadId}`, () => ({ type, data: commentView(c) }));

  const publishResults = (p: StoredPoll) => publish(`polls/${p.poll.id}`, () => ({ type: 'results', data: pollView(p) }));

  // ---- the call pipeline: log, hang, latency, failure switch, idempotency, work, copy out ----

  /** Waits `ms`, or while hanging until `recover()`; rejects with NetworkError when aborted. */
  const wait = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        hungCalls.delete(done);
        signal?.removeEventListener('abort', abort);
        resolve();
      };
      const abort = () => {
        clearTimeout(timer);
        hungCalls.delete(done);
        reject(new NetworkError('Request aborted', { cause: signal?.reason }));
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      if (ms === Infinity) hungCalls.add(done);
      else timer = setTimeout(done, ms);
    });

  function takeFailure(method: AdapterMethod): Error | null {
    for (const name of [method, '*']) {
      const failure = failures.get(name);
      if (failure) {
        if (--failure.times <= 0) failures.delete(name);
        return failure.error;
      }
    }
    return null;
  }

  async function run<T>(method: AdapterMethod, args: unknown[], call: CallOptions | undefined, work: () => T): Promise<T> {
    calls.push({ method, args: clone(args), at: now() });
    const hanging = hangs.has(method) || hangs.has('*');
    await wait(hanging ? Infinity : adapter.latencyMs, call?.signal);
    const failure = takeFailure(method);
    if (failure) throw failure;
    // A write repeated with the same Idempotency-Key answers the first result without writing again.
    const writeKey = call?.idempotencyKey && `${voterId()}|${method}|${String(args[0])}|${call.idempotencyKey}`;
    if (writeKey && completedWrites.has(writeKey)) return clone(completedWrites.get(writeKey) as T);
    const result = work();
    if (writeKey) completedWrites.set(writeKey, clone(result));
    return clone(result);
  }

  const requireUser = (): User => {
    if (!user) throw authRequired();
    return user;
  };

  const findPoll = (id: string) => {
    const poll = polls.get(id);
    if (!poll) throw notFound('Poll');
    return poll;
  };

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

  const adapter: MemoryAdapter = {
    latencyMs: options.latencyMs ?? 0,
    calls,
    get reports() {
      return clone(reports);
    },

    getArticle: (id, call) =>
      run('getArticle', [id], call, () => {
        const article = articles.get(id);
        if (!article) throw notFound('Article');
        return article;
      }),

    lookupArticle: (url, call) =>
      run('lookupArticle', [url], call, () => {
        const wanted = urlVariants(url);
        const found = [...articles.values()]
          .filter((a) => wanted.includes(normalizeUrl(a.url)))
          .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))[0];
        if (!found) throw notFound('Article');
        return summary(found);
      }),

    getRelated: (articleId, limit, call) =>
      run('getRelated', [articleId, limit], call, () => {
        if (!articles.has(articleId)) throw notFound('Article');
        const picked = related[articleId]
          ? related[articleId].map((id) => articles.get(id)).filter((a): a is Article => !!a)
          : [...articles.values()]
              .filter((a) => a.id !== articleId)
              .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || a.id.localeCompare(b.id));
        return picked.slice(0, limit).map(summary);
      }),

    getPoll: (pollId, call) => run('getPoll', [pollId], call, () => pollView(findPoll(pollId))),

    vote: (pollId, optionIds, call) =>
      run('vote', [pollId, optionIds], call, () => {
        const stored = findPoll(pollId);
        const { poll } = stored;
        if (isClosed(poll)) throw new HttpError(410, 'poll_closed', 'This poll is closed.');
        const known = new Set(poll.options.map((o) => o.id));
        const unique = new Set(optionIds);
        const limit = poll.multiple ? (poll.maxChoices ?? known.size) : 1;
        if (!unique.size || unique.size !== optionIds.length || unique.size > limit || optionIds.some((id) => !known.has(id))) {
          const rule = poll.multiple ? `between 1 and ${limit} distinct options` : 'exactly one option';
          throw new HttpError(422, 'invalid_option', `Choose ${rule} of this poll.`);
        }
        if (stored.ballots.has(voterId())) throw new HttpError(409, 'already_voted', 'You have already voted in this poll.');
        stored.ballots.set(voterId(), [...optionIds]);
        for (const id of optionIds) stored.votes[id] = (stored.votes[id] ?? 0) + 1;
        stored.total++;
        publishResults(stored);
        return pollView(stored);
      }),

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
        if (!parent || !(parent.status === 'published' || parent.status === 'deleted' || parent.author.id === user?.id)) {
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
        if (liked !== c.likedBy.has(me.id)) {
          if (liked) c.likedBy.add(me.id);
          else c.likedBy.delete(me.id);
          c.likes = Math.max(0, c.likes + (liked ? 1 : -1));
        }
        return { likes: c.likes };
      }),

    getCounts: (threadIds, call) =>
      run('getCounts', [threadIds], call, () => Object.fromEntries([...new Set(threadIds)].map((id) => [id, threadCount(id)]))),

    getSession: (call) => run('getSession', [], call, () => user),

    subscribe(channel, onEvent) {
      calls.push({ method: 'subscribe', args: [channel], at: now() });
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      const listener = (event: LiveEvent) => onEvent(event);
      set.add(listener);
      // Like the server, a poll stream starts with the current results.
      const poll = channel.startsWith('polls/') ? polls.get(channel.slice(6)) : undefined;
      if (poll) {
        setTimeout(() => {
          if (set.has(listener)) listener({ type: 'results', data: pollView(poll) });
        });
      }
      return () => set.delete(listener);
    },

    fail(method, error = 'network', times = Infinity) {
      failures.set(method, { error: toError(error), times });
    },

    hang(method) {
      hangs.add(method);
    },

    recover() {
      failures.clear();
      hangs.clear();
      for (const release of [...hungCalls]) release();
    },

    setUser(next) {
      user = clone(next);
    },

    setNow(next) {
      fixedNow = next === null ? null : toMs(next);
      offset = 0;
    },

    advanceTime(ms) {
      offset += ms;
    },

    simulateComment(threadId, { author, body, parentId = null, status = 'published' }) {
      return clone(commentView(storeComment(threadId, author, body, parentId, status)));
    },

    simulateVotes(pollId, votes) {
      const stored = findPoll(pollId);
      for (const [optionId, count] of Object.entries(votes)) {
        stored.votes[optionId] = (stored.votes[optionId] ?? 0) + count;
        stored.total += count;
      }
      publishResults(stored);
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
  return adapter;
}
