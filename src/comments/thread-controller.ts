import type { ReactiveController } from 'lit';
import { DataController } from '../core/data-controller.js';
import { LiveStreamController } from '../core/live-stream.js';
import type { Comment, CommentPage, CommentSort, LiveEvent, NewsAdapter } from '../core/types.js';
import { commentSelector, type CommentsHost } from './comments-host.js';
import {
  allComments,
  appendPage,
  findComment,
  insertArrived,
  liveComment,
  prependPage,
  putFirst,
  putLast,
  replaceComment,
  validComments,
  withEdit,
  withReplyCount,
  type ReplyGroups,
  type ShownComment,
} from './thread-list.js';

/**
 * The comments of one thread: loads the first page when the thread, sort or page size changes,
 * pages on with "Load more", loads replies group by group, and merges live events (new comments
 * wait in `_incoming` until the reader reveals them). The element renders what it holds.
 */
export class ThreadController implements ReactiveController {
  /** Top-level comments, in the order shown. */
  _items: ShownComment[] = [];
  _replies: ReplyGroups = {};
  /** Published comments in the thread, as the server last counted them plus what happened since. */
  _total?: number;
  /** Cursor of the next top-level page; null when all are loaded. */
  _next: string | null = null;
  _moreLoading = false;
  /** Comments that arrived live, waiting for "Show N new comments". */
  _incoming: Comment[] = [];
  readonly #host: CommentsHost;
  /** The adapter and thread of the last first-page load: another pair means another reader. */
  #reader?: readonly [NewsAdapter | undefined, string];
  readonly #firstPage: DataController<CommentPage, readonly [NewsAdapter | undefined, string, CommentSort, number]>;

  constructor(host: CommentsHost) {
    this.#host = host;
    host.addController(this);
    this.#firstPage = new DataController(host, {
      args: () => (host._near && host._threadKey ? ([host._adapter, host._threadKey, host._sortOrder, host._pageLimit] as const) : undefined),
      task: ([adapter, thread, sort, limit], signal) => this.#loadFirstPage(adapter, thread, sort, limit, signal),
      onComplete: (page) => {
        this._items = validComments(page);
        this._total = page.total;
        this._next = page.nextCursor ?? null;
      },
      onError: (error, [, thread]) => host._fail('load_failed', `could not load thread "${thread}": ${String(error)}`),
    });
    new LiveStreamController(host, {
      channel: () => (host.live && host._near && host._threadKey ? [host._adapter, `threads/${host._threadKey}`] : undefined),
      onEvent: (event) => this.#mergeLive(event),
    });
  }

  /** How the first page is doing: idle, loading, ready or error. */
  get _status() {
    return this.#firstPage.status;
  }

  hostDisconnected(): void {
    // Coming back to the page loads the thread afresh, as for a new reader.
    this.#firstPage.forget();
    this.#reader = undefined;
  }

  #loadFirstPage(adapter: NewsAdapter | undefined, thread: string, sort: CommentSort, limit: number, signal: AbortSignal) {
    const newReader = adapter !== this.#reader?.[0] || thread !== this.#reader?.[1];
    this.#reader = [adapter, thread];
    if (!adapter) {
      this.#host._fail('no_adapter', `no adapter for thread "${thread}": set one with configure() or the adapter property`);
      return undefined;
    }
    this._incoming = [];
    this._replies = {};
    this.#host._loadStarted(adapter, thread, newReader);
    return adapter.listComments(thread, { sort, limit }, { signal });
  }

  /** Loads the first page again, as for a new reader (after it failed). */
  _retry(): void {
    this.#reader = undefined;
    void this.#firstPage.run();
  }

  async _loadMore(): Promise<void> {
    const host = this.#host;
    const adapter = host._adapter;
    if (this._moreLoading || !this._next || !adapter) return;
    this._moreLoading = true;
    host.requestUpdate();
    try {
      const page = await adapter.listComments(host._threadKey!, { sort: host._sortOrder, cursor: this._next, limit: host._pageLimit });
      const { list, added } = appendPage(this._items, validComments(page));
      this._items = list;
      this._next = page.nextCursor ?? null;
      this._total = page.total;
      if (added[0]) host._focusAfter(commentSelector(added[0].id));
    } catch (error) {
      host._reportProblem('more_failed', error);
    }
    this._moreLoading = false;
    host.requestUpdate();
  }

  async _toggleReplies(parent: ShownComment): Promise<void> {
    const group = (this._replies[parent.id] ??= { items: [], open: false });
    group.open = !group.open;
    this.#host.requestUpdate();
    if (group.open && group.next === undefined) await this._loadReplies(parent.id);
  }

  /** Loads the next page of replies to `parentId` (the first one if none was asked for yet). */
  async _loadReplies(parentId: string): Promise<void> {
    const host = this.#host;
    const group = this._replies[parentId]!;
    const cursor = group.next;
    group.next = null;
    try {
      const page = await host._adapter!.listReplies(parentId, { cursor, limit: host._pageLimit });
      const fetched = validComments(page);
      const { list, added } = appendPage(group.items, fetched);
      group.items = cursor ? list : prependPage(group.items, fetched);
      group.next = page.nextCursor ?? null;
      if (cursor && added[0]) host._focusAfter(commentSelector(added[0].id));
    } catch (error) {
      group.next = cursor;
      host._reportProblem('replies_failed', error);
    }
    host.requestUpdate();
  }

  _find(id: string): ShownComment | undefined {
    return findComment(this._items, this._replies, id);
  }

  /** Replaces comment `id` (top level or reply) by `update(it)`, or takes it out where that returns null. */
  _update(id: string, update: (c: ShownComment) => ShownComment | null): void {
    this._items = replaceComment(this._items, id, update);
    for (const group of Object.values(this._replies)) group.items = replaceComment(group.items, id, update);
    this.#host.requestUpdate();
  }

  /** Shows a comment at once: a top-level one first in the list, a reply last in its opened group. */
  _show(c: ShownComment, focus = false): void {
    if (c.parentId) {
      const group = (this._replies[c.parentId] ??= { items: [], open: true });
      group.items = putLast(group.items, c);
      group.open = true;
      if (group.next === undefined && (this._find(c.parentId)?.replyCount ?? 0) > 0) void this._loadReplies(c.parentId);
    } else {
      this._items = putFirst(this._items, c);
    }
    if (focus) this.#host._focusAfter(commentSelector(c.id));
    this.#host.requestUpdate();
  }

  /** Moves the reply count of `parentId` (if any) by `by`. */
  _countReplies(parentId: string | null, by: number): void {
    if (parentId) this._update(parentId, (p) => withReplyCount(p, by));
  }

  #mergeLive(event: LiveEvent): void {
    const host = this.#host;
    const c = liveComment(event, host._threadKey);
    if (!c) return;
    if (event.type === 'comment') {
      if (this._find(c.id) || this._incoming.some((x) => x.id === c.id) || typeof c.author !== 'object') return;
      if (host._session && c.author.id === host._session.id) {
        // The reader's own post from another tab shows at once; one from this tab arrives with its answer.
        if (!host._posting) this._show(c);
        return;
      }
      this._incoming = [...this._incoming, c];
      this._total = (this._total ?? 0) + 1;
      host._announce(host._msg('comments.newArrived', { count: this._incoming.length }));
      host.requestUpdate();
    } else if (event.type === 'comment-updated') {
      this._update(c.id, (x) => withEdit(x, c.body, c.editedAt));
    } else if (event.type === 'comment-deleted') {
      this._update(c.id, (x) => ({ ...x, status: 'deleted', body: '' }));
    }
  }

  /** Shows the comments that arrived live, where they belong, and moves focus to the first. */
  _revealIncoming(): void {
    const arrived = this._incoming;
    this._incoming = [];
    for (const c of arrived) {
      if (c.parentId) {
        this._countReplies(c.parentId, 1);
        if (this._replies[c.parentId]) this._show(c);
      } else {
        this._items = insertArrived(this._items, c, this.#host._sortOrder, !!this._next);
      }
    }
    const ids = new Set(arrived.map((c) => c.id));
    const first = allComments(this._items, this._replies).find((c) => ids.has(c.id));
    if (first) this.#host._focusAfter(commentSelector(first.id));
    this.#host.requestUpdate();
  }
}
