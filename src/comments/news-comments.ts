import { html, nothing, type TemplateResult } from 'lit';
import { initials } from '../byline/initials.js';
import type { HttpError } from '../core/errors.js';
import { NewsCommentPostEvent, NewsSignInEvent } from '../core/events.js';
import { formatDate, formatNumber, parseDate } from '../core/i18n.js';
import { formatRelative } from '../core/relative-time.js';
import { notAnchorWhileBusy } from '../core/hold-height.js';
import { NearViewportController } from '../core/near-viewport.js';
import { defineElement, hostStyles, NewsElement } from '../core/news-element.js';
import { safeUrl } from '../core/safe-url.js';
import {
  COMMENT_MAX_LENGTH,
  COMMENT_PAGE_DEFAULT,
  COMMENT_PAGE_MAX,
  EDIT_WINDOW_MS,
  REPORT_REASON_MAX_LENGTH,
} from '../core/contract.js';
import type { Comment, CommentPage, CommentSort, LiveEvent, NewsAdapter, User } from '../core/types.js';
import { autolink } from './autolink.js';
import { DraftStore, flushDrafts } from './draft-store.js';
import { styles } from './comments.styles.js';
import { addMessages, addRoutes } from '../core/index.js';
import { messages, translations } from './messages.js';
import { commentsRoutes } from './routes.js';

/** A comment as shown: the server's, or the reader's own on its way (`posting`). */
type Item = Comment & { posting?: boolean };

/** Loaded replies of one top-level comment; `next` is undefined until the first page was asked for. */
interface Replies {
  items: Item[];
  next?: string | null;
  open: boolean;
}

/** The one inline form open at a time, under comment `id`. */
interface OpenForm {
  kind: 'reply' | 'edit' | 'delete' | 'report';
  id: string;
  text: string;
  error?: string;
  busy?: boolean;
}

interface EditorOptions {
  id: string;
  label: string;
  submit: string;
  text: string;
  max: number;
  busy?: boolean;
  error?: string;
  onInput: (text: string) => void;
  onSubmit: () => void;
  onCancel?: () => void;
  retry?: boolean;
}

const SORTS: CommentSort[] = ['newest', 'oldest', 'top'];

const statusOf = (error: unknown) => (error as HttpError | undefined)?.status;

/**
 * @summary A comment thread: "Comments (12)", sorting, comments with replies one level deep, "Load
 * more", a sign-in prompt or the composer, and for the reader's own comments edit and delete. Drafts
 * survive reloads and failed posts; with `live`, new comments wait behind a "new comments" button.
 * @tagname news-comments
 *
 * @slot - Fallback shown before the element upgrades (e.g. a heading and "Please sign in to leave
 * a comment"); hidden once it runs.
 *
 * @csspart base - The section around everything.
 * @csspart heading - "Comments (12)".
 * @csspart sort - The sort menu.
 * @csspart composer - A comment form: the new-comment composer and the inline reply, edit and report forms.
 * @csspart sign-in - The signed-out prompt with its sign-in link.
 * @csspart list - The list of top-level comments.
 * @csspart comment - One comment (or a reply, or the placeholder of a deleted comment).
 * @csspart author - A comment's author name.
 * @csspart body - A comment's text.
 * @csspart actions - A comment's buttons (like, reply, edit, delete, report).
 * @csspart replies - The list of replies under a comment.
 * @csspart new-comments - The "Show N new comments" button of a live thread.
 * @csspart load-more - The "Load more comments" button.
 * @csspart empty - The "No comments yet" note.
 * @csspart error - An error message.
 *
 * @cssprop [--news-comments-accent=var(--news-color-accent)] - Buttons, links and focus rings.
 * @cssprop [--news-comments-surface=var(--news-color-surface)] - Background of the forms and the sign-in prompt.
 * @cssprop [--news-comments-border=var(--news-color-border)] - Lines between comments and around fields.
 * @cssprop [--news-comments-avatar-size=2.25rem] - Avatar diameter.
 *
 * @fires {NewsCommentPostEvent} news-comment-post - The server accepted the reader's comment; `detail` is `{threadId, comment}`.
 * @fires {NewsSignInEvent} news-sign-in - The reader asked to sign in; cancel it to open the host's own login instead of following `sign-in-url`.
 * @fires {NewsErrorEvent} news-error - The thread could not load, an action failed, or no adapter is configured.
 */
export class NewsComments extends NewsElement {
  static override styles = [hostStyles, styles];

  // Declared without decorators: the same reactive properties, a smaller bundle (the budget is tight).
  static override properties = {
    threadId: { attribute: 'thread-id' },
    signInUrl: { attribute: 'sign-in-url' },
    sort: {},
    pageSize: { type: Number, attribute: 'page-size' },
    maxLength: { type: Number, attribute: 'max-length' },
    live: { type: Boolean, reflect: true },
    loading: {},
    session: { state: true, attribute: false },
    sessionFailed: { state: true, attribute: false },
    items: { state: true, attribute: false },
    status: { state: true, attribute: false },
    incoming: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    open: { state: true, attribute: false },
  };

  /** The thread to show; defaults to the enclosing `<news-article>`'s article id. */
  threadId?: string;

  /** Where "Sign in" leads; `returnUrl` (this page) is added to its query. */
  signInUrl?: string;

  /** Order of top-level comments: `newest` (default), `oldest` or `top` (most liked). */
  sort: CommentSort = 'newest';

  /** Top-level comments per page (1–100). */
  pageSize = COMMENT_PAGE_DEFAULT;

  /** Longest comment a reader may post, in characters. */
  maxLength = COMMENT_MAX_LENGTH;

  /** Follow new comments as they are posted (server-sent events). */
  live = false;

  /** `lazy` (default) loads when the thread nears the viewport; `eager` at once. */
  loading: 'lazy' | 'eager' = 'lazy';

  /** The signed-in reader, null when signed out, undefined until known. */
  private session?: User | null;
  private sessionFailed = false;
  private items: Item[] = [];
  private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  private incoming: Comment[] = [];
  private announcement = '';
  private open?: OpenForm;

  private total?: number;
  private next: string | null = null;
  private moreLoading = false;
  private replies: Record<string, Replies> = {};
  /** Composer texts and errors by target: `''` for a new comment, else the comment answered. */
  private texts: Record<string, string> = {};
  private errors: Record<string, string> = {};
  private posting = new Set<string>();
  private failedAvatars = new Set<string>();
  private shown = new WeakMap<Item, [string, TemplateResult]>();
  private minute = 0;
  private drafts?: DraftStore;
  private listRequest?: AbortController;
  private loadedKey?: string;
  private loadedWith?: NewsAdapter;
  private stopLive?: () => void;
  private liveKey?: string;
  private focusAfter?: string;
  private ticker?: ReturnType<typeof setInterval>;
  private readonly nearViewport = new NearViewportController(this, { eager: () => this.loading === 'eager' });

  private get thread(): string | undefined {
    return this.threadId || this.page?.articleId;
  }

  private get order(): CommentSort {
    return SORTS.includes(this.sort) ? this.sort : 'newest';
  }

  private get limit(): number {
    const size = Math.floor(Number(this.pageSize));
    return size > 0 ? Math.min(size, COMMENT_PAGE_MAX) : COMMENT_PAGE_DEFAULT;
  }

  private get max(): number {
    const max = Math.floor(Number(this.maxLength));
    return max > 0 ? max : COMMENT_MAX_LENGTH;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // "2 minutes ago" must not go stale while the page stays open.
    this.ticker = setInterval(() => {
      this.minute++;
      this.requestUpdate();
    }, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    this.listRequest?.abort();
    this.listRequest = undefined;
    this.stopLive?.();
    this.stopLive = this.liveKey = this.loadedKey = undefined;
    flushDrafts();
  }

  protected override updated(): void {
    notAnchorWhileBusy(this, this.status === 'loading');
    const adapter = this.resolvedAdapter;
    const thread = this.thread;
    if (this.focusAfter) {
      this.renderRoot.querySelector<HTMLElement>(this.focusAfter)?.focus();
      this.focusAfter = undefined;
    }
    if (!this.nearViewport.near || !thread) return;
    const key = `${thread}|${this.order}|${this.limit}`;
    if (key !== this.loadedKey || adapter !== this.loadedWith) {
      const newReader = adapter !== this.loadedWith || !this.loadedKey?.startsWith(thread + '|');
      this.loadedKey = key;
      this.loadedWith = adapter;
      if (!adapter) {
        this.fail('no_adapter', `no adapter for thread "${thread}": set one with configure() or the adapter property`);
        return;
      }
      void this.load(adapter, thread, newReader);
    }
    const liveKey = this.live && adapter?.subscribe ? thread : undefined;
    if (liveKey !== this.liveKey) {
      this.stopLive?.();
      this.liveKey = liveKey;
      this.stopLive = liveKey ? adapter!.subscribe!(`threads/${liveKey}`, (event) => this.onLive(event)) : undefined;
    }
  }

  /**
   * Asks who the reader is. A failure is not "signed out": a signed-in reader must not be told to
   * sign in because the server hiccuped, so the gate offers a retry instead.
   */
  private loadSession(adapter: NewsAdapter) {
    this.session = undefined;
    this.sessionFailed = false;
    adapter.getSession().then(
      (user) => adapter === this.resolvedAdapter && (this.session = user ?? null),
      (error: unknown) => {
        if (adapter !== this.resolvedAdapter) return;
        this.sessionFailed = true;
        this.fail('session_failed', `could not check the reader's session: ${String(error)}`);
      },
    );
  }

  private async load(adapter: NewsAdapter, thread: string, newReader: boolean) {
    this.listRequest?.abort();
    const request = (this.listRequest = new AbortController());
    this.status = 'loading';
    this.incoming = [];
    this.replies = {};
    this.open = undefined;
    if (newReader) {
      this.drafts = new DraftStore(thread);
      this.texts = {};
      this.errors = {};
      this.loadSession(adapter);
    }
    try {
      const page = await adapter.listComments(thread, { sort: this.order, limit: this.limit }, { signal: request.signal });
      if (request !== this.listRequest) return;
      this.items = this.valid(page);
      this.total = page.total;
      this.next = page.nextCursor ?? null;
      this.status = 'ready';
    } catch (error) {
      if (request !== this.listRequest) return;
      this.status = 'error';
      this.fail('load_failed', `could not load thread "${thread}": ${String(error)}`);
    }
  }

  /** Well-formed comments of a page; anything else from the adapter is dropped. */
  private valid(page: CommentPage | undefined): Item[] {
    return (page?.comments ?? []).filter((c) => c?.id && c.author);
  }

  private retryLoad() {
    this.loadedKey = undefined;
    this.requestUpdate();
  }

  private async loadMore() {
    const adapter = this.resolvedAdapter;
    if (this.moreLoading || !this.next || !adapter) return;
    this.moreLoading = true;
    this.requestUpdate();
    try {
      const page = await adapter.listComments(this.thread!, { sort: this.order, cursor: this.next, limit: this.limit });
      const known = new Set(this.items.map((c) => c.id));
      const fresh = this.valid(page).filter((c) => !known.has(c.id));
      this.items = [...this.items, ...fresh];
      this.next = page.nextCursor ?? null;
      this.total = page.total;
      if (fresh[0]) this.focusComment(fresh[0].id);
    } catch (error) {
      this.problem('more_failed', error);
    }
    this.moreLoading = false;
    this.requestUpdate();
  }

  private async toggleReplies(parent: Item) {
    const group = (this.replies[parent.id] ??= { items: [], open: false });
    group.open = !group.open;
    this.requestUpdate();
    if (group.open && group.next === undefined) await this.loadReplies(parent.id);
  }

  private async loadReplies(parentId: string) {
    const group = this.replies[parentId]!;
    const adapter = this.resolvedAdapter!;
    const cursor = group.next;
    group.next = null;
    try {
      const page = await adapter.listReplies(parentId, { cursor, limit: this.limit });
      const fetched = this.valid(page);
      const ids = new Set(fetched.map((c) => c.id));
      const first = fetched.find((c) => !group.items.some((x) => x.id === c.id));
      group.items = cursor ? [...group.items, ...fetched.filter((c) => !group.items.some((x) => x.id === c.id))] : [...fetched, ...group.items.filter((c) => !ids.has(c.id))];
      group.next = page.nextCursor ?? null;
      if (cursor && first) this.focusComment(first.id);
    } catch (error) {
      group.next = cursor;
      this.problem('replies_failed', error);
    }
    this.requestUpdate();
  }

  // ---- finding and changing comments, top level and replies alike ----

  private find(id: string): Item | undefined {
    return [...this.items, ...Object.values(this.replies).flatMap((g) => g.items)].find((c) => c.id === id);
  }

  private change(id: string, update: (c: Item) => Item | null) {
    const apply = (list: Item[]) => list.flatMap((c) => (c.id === id ? (update(c) ?? []) : [c]));
    this.items = apply(this.items);
    for (const group of Object.values(this.replies)) group.items = apply(group.items);
    this.requestUpdate();
  }

  /** Shows a comment at once: a top-level one first in the list, a reply last in its open thread. */
  private place(c: Item, focus = false) {
    if (c.parentId) {
      const group = (this.replies[c.parentId] ??= { items: [], open: true });
      if (!group.items.some((x) => x.id === c.id)) group.items = [...group.items, c];
      group.open = true;
      if (group.next === undefined && (this.find(c.parentId)?.replyCount ?? 0) > 0) void this.loadReplies(c.parentId);
    } else {
      this.items = [c, ...this.items.filter((x) => x.id !== c.id)];
    }
    if (focus) this.focusComment(c.id);
    this.requestUpdate();
  }

  private bumpReplies(parentId: string | null, by: number) {
    if (parentId) this.change(parentId, (p) => ({ ...p, replyCount: Math.max(0, p.replyCount + by) }));
  }

  private focusComment(id: string) {
    this.focusAfter = `article[data-id="${CSS.escape(id)}"]`;
  }

  /** Says `text` in the live region; the same text twice is still announced. */
  private say(text: string) {
    this.announcement = text === this.announcement ? text + '\u00a0' : text;
  }

  /** An action failed: tell the reader, warn once, and drop the session on 401. */
  private problem(code: string, error: unknown, message = this.msg('comments.actionFailed')) {
    if (statusOf(error) === 401) this.session = null;
    this.say(message);
    this.fail(code, `${code} in thread "${this.thread}": ${String(error)}`);
  }

  // ---- live ----

  private onLive({ type, data }: LiveEvent) {
    const c = data as Comment | null;
    if (typeof c?.id !== 'string' || (c.threadId && c.threadId !== this.thread)) return;
    if (type === 'comment') {
      if (this.find(c.id) || this.incoming.some((x) => x.id === c.id) || typeof c.author !== 'object') return;
      if (this.session && c.author.id === this.session.id) {
        // The reader's own post from another tab shows at once; one from this tab arrives with its answer.
        if (!this.posting.size) this.place(c);
        return;
      }
      this.incoming = [...this.incoming, c];
      this.total = (this.total ?? 0) + 1;
      this.say(this.msg('comments.newArrived', { count: this.incoming.length }));
    } else if (type === 'comment-updated') {
      this.change(c.id, (x) => ({ ...x, body: c.body, editedAt: c.editedAt }));
    } else if (type === 'comment-deleted') {
      this.change(c.id, (x) => ({ ...x, status: 'deleted', body: '' }));
    }
  }

  /** Shows the comments that arrived live, where they belong, and moves focus to the first. */
  private reveal() {
    const arrived = this.incoming;
    this.incoming = [];
    for (const c of arrived) {
      if (c.parentId) {
        this.bumpReplies(c.parentId, 1);
        if (this.replies[c.parentId]) this.place(c);
      } else if (this.order === 'newest') {
        this.items = [c, ...this.items];
      } else if (!this.next) {
        this.items = [...this.items, c];
      }
    }
    const ids = new Set(arrived.map((c) => c.id));
    const first = [...this.items, ...Object.values(this.replies).flatMap((g) => g.items)].find((c) => ids.has(c.id));
    if (first) this.focusComment(first.id);
  }

  // ---- the reader's actions ----

  private signInHref(): string | null {
    const base = safeUrl(this.signInUrl);
    if (!base) return null;
    const url = new URL(base, document.baseURI);
    url.searchParams.set('returnUrl', this.returnUrl());
    return url.href;
  }

  private returnUrl() {
    return location.pathname + location.search + location.hash;
  }

  private signIn(event: Event) {
    if (!this.emit(new NewsSignInEvent({ returnUrl: this.returnUrl() }))) event.preventDefault();
  }

  private textOf(target: string): string {
    return (this.texts[target] ??= this.drafts?.get(target)?.body ?? '');
  }

  private type(target: string, text: string) {
    this.texts[target] = text;
    delete this.errors[target];
    this.drafts?.set(target, text);
    this.requestUpdate();
  }

  private async post(target: string) {
    const adapter = this.resolvedAdapter;
    const me = this.session;
    const thread = this.thread!;
    const text = this.textOf(target);
    const body = text.trim();
    if (!adapter || !me || !body || body.length > this.max || this.posting.has(target)) return;
    const draft = this.drafts!.set(target, text)!;
    flushDrafts();
    const answered = target ? this.find(target) : undefined;
    const temp: Item = {
      id: `posting:${draft.key}`,
      threadId: thread,
      parentId: answered ? (answered.parentId ?? answered.id) : null,
      author: me,
      body,
      createdAt: new Date().toISOString(),
      editedAt: null,
      status: 'published',
      likes: 0,
      likedByMe: false,
      mine: true,
      replyCount: 0,
      replyToName: answered?.parentId ? answered.author.name : null,
      posting: true,
    };
    this.posting.add(target);
    delete this.errors[target];
    this.place(temp);
    this.say(this.msg('comments.posting'));
    try {
      const comment = await adapter.postComment(thread, { body, parentId: target || null }, { idempotencyKey: draft.key });
      this.change(temp.id, () => null);
      // A replay of a post the thread already shows (its answer was lost, then the thread reloaded)
      // is counted and announced to the page once, not again.
      const known = !!this.find(comment.id);
      // A repeat of an earlier post returns that post; text edited since then stays as a new draft.
      if (comment.body?.trim() === body) {
        this.drafts!.clear(target);
        delete this.texts[target];
      } else {
        this.drafts!.set(target, text, true);
      }
      if (comment.status === 'published' && !known) {
        this.total = (this.total ?? 0) + 1;
        this.bumpReplies(comment.parentId, 1);
      }
      if (target) this.open = undefined;
      this.place(comment, true);
      this.say(this.msg(comment.status === 'pending' ? 'comments.postedPending' : 'comments.posted'));
      if (!known) this.emit(new NewsCommentPostEvent({ threadId: thread, comment }));
    } catch (error) {
      this.change(temp.id, () => null);
      const status = statusOf(error);
      const wait = (error as HttpError).retryAfter;
      const message =
        status === 401
          ? this.msg('comments.signedOut')
          : status === 429
            ? wait
              ? this.msg('comments.tooFast', { count: wait })
              : this.msg('comments.tooFastSoon')
            : this.msg('comments.postFailed');
      this.errors[status === 401 ? '' : target] = message;
      this.problem('post_failed', error, message);
      this.focusAfter = status === 401 ? '[part="sign-in"] a, [part="sign-in"] button' : `#${target ? 'f' : 'c'}`;
    }
    this.posting.delete(target);
    this.requestUpdate();
  }

  private openForm(kind: OpenForm['kind'], c: Item) {
    if (this.open?.kind === kind && this.open.id === c.id) return this.closeForm();
    this.open = { kind, id: c.id, text: kind === 'edit' ? c.body : '' };
    this.focusAfter = kind === 'delete' ? '.confirm .cancel' : '#f';
  }

  private closeForm() {
    const open = this.open;
    this.open = undefined;
    if (open) this.focusAfter = `article[data-id="${CSS.escape(open.id)}"] [data-action="${open.kind}"]`;
  }

  /** Runs the open form's request; on failure the form stays open with the error. */
  private async submitForm(run: (adapter: NewsAdapter, form: OpenForm) => Promise<unknown>, done: (result: unknown, form: OpenForm) => void) {
    const form = this.open;
    const adapter = this.resolvedAdapter;
    if (!form || !adapter || form.busy) return;
    form.busy = true;
    form.error = undefined;
    this.requestUpdate();
    try {
      const result = await run(adapter, form);
      if (this.open === form) this.open = undefined;
      done(result, form);
    } catch (error) {
      form.error = this.msg(statusOf(error) === 409 && form.kind === 'edit' ? 'comments.editClosed' : 'comments.actionFailed');
      this.problem(`${form.kind}_failed`, error);
    }
    form.busy = false;
    this.requestUpdate();
  }

  private saveEdit() {
    void this.submitForm(
      (adapter, form) => adapter.editComment(form.id, form.text.trim()),
      (result, form) => {
        const updated = result as Comment;
        this.change(form.id, (c) => ({ ...c, body: updated.body, editedAt: updated.editedAt ?? new Date().toISOString() }));
        this.say(this.msg('comments.saved'));
        this.focusComment(form.id);
      },
    );
  }

  private confirmDelete() {
    const ids = [...this.renderRoot.querySelectorAll<HTMLElement>('article[data-id]')].map((a) => a.dataset.id!);
    void this.submitForm(
      (adapter, form) => adapter.deleteComment(form.id),
      (_, form) => {
        const c = this.find(form.id);
        const keep = !!c && !c.parentId && (c.replyCount > 0 || !!this.replies[c.id]?.items.length);
        if (c?.status === 'published') this.total = Math.max(0, (this.total ?? 1) - 1);
        this.bumpReplies(c?.parentId ?? null, -1);
        this.change(form.id, (x) => (keep ? { ...x, status: 'deleted', body: '', author: { id: '', name: '' } } : null));
        const at = ids.indexOf(form.id);
        const next = keep ? form.id : (ids[at + 1] ?? ids[at - 1]);
        this.focusAfter = next ? `article[data-id="${CSS.escape(next)}"]` : '[part="heading"]';
        this.say(this.msg('comments.deletedDone'));
      },
    );
  }

  private sendReport() {
    void this.submitForm(
      (adapter, form) => adapter.reportComment(form.id, form.text.trim()),
      (_, form) => {
        this.say(this.msg('comments.reported'));
        this.focusComment(form.id);
      },
    );
  }

  private async like(c: Item) {
    const adapter = this.resolvedAdapter;
    if (!adapter) return;
    const liked = !c.likedByMe;
    const likes = c.likes;
    this.change(c.id, (x) => ({ ...x, likedByMe: liked, likes: Math.max(0, likes + (liked ? 1 : -1)) }));
    try {
      const result = await adapter.likeComment(c.id, liked);
      this.change(c.id, (x) => ({ ...x, likes: result.likes }));
    } catch (error) {
      this.change(c.id, (x) => ({ ...x, likedByMe: !liked, likes }));
      this.problem('like_failed', error);
    }
  }

  // ---- rendering ----

  private editor(o: EditorOptions): TemplateResult {
    const left = o.max - o.text.trim().length;
    const over = left < 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        o.onSubmit();
      } else if (event.key === 'Escape' && o.onCancel) {
        event.preventDefault();
        o.onCancel();
      }
    };
    return html`<form
      part="composer"
      class="composer"
      @submit=${(event: Event) => {
        event.preventDefault();
        o.onSubmit();
      }}
      @keydown=${onKey}
    >
      <label for=${o.id}>${o.label}</label>
      <textarea
        id=${o.id}
        rows="3"
        .value=${o.text}
        ?readonly=${o.busy}
        aria-invalid=${over ? 'true' : 'false'}
        aria-describedby=${`${o.id}-n`}
        @input=${(event: InputEvent) => o.onInput((event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <div class="row">
        <span id=${`${o.id}-n`} class=${over ? 'counter over' : 'counter'}>${this.msg(over ? 'comments.over' : 'comments.left', { count: Math.abs(left) })}</span>
        ${o.onCancel ? html`<button type="button" @click=${o.onCancel}>${this.msg('comments.cancel')}</button>` : nothing}
        <button class="primary" ?disabled=${!o.busy && (!o.text.trim() || over)} aria-disabled=${o.busy ? 'true' : nothing}>
          ${o.busy && o.retry ? this.msg('comments.posting') : o.submit}
        </button>
      </div>
      ${o.error
        ? html`<p part="error" class="error">
            ${o.error}${o.retry ? html` <button type="button" @click=${o.onSubmit}>${this.msg('common.retry')}</button>` : nothing}
          </p>`
        : nothing}
    </form>`;
  }

  private composer(target: string, label: string, submit: string, onCancel?: () => void) {
    return this.editor({
      id: target ? 'f' : 'c',
      label,
      submit,
      text: this.textOf(target),
      max: this.max,
      busy: this.posting.has(target),
      error: this.errors[target],
      retry: true,
      onInput: (text) => this.type(target, text),
      onSubmit: () => void this.post(target),
      onCancel,
    });
  }

  private gate() {
    const me = this.session;
    if (me === undefined && this.sessionFailed) {
      return html`<div part="sign-in" class="sign-in">
        <p part="error" class="error">${this.msg('comments.sessionFailed')}</p>
        <button @click=${() => this.resolvedAdapter && this.loadSession(this.resolvedAdapter)}>${this.msg('common.retry')}</button>
      </div>`;
    }
    if (me === undefined) return this.status === 'loading' ? html`<div class="skeleton gate" aria-hidden="true"></div>` : nothing;
    if (me) return this.composer('', this.msg('comments.label'), this.msg('comments.post'));
    const href = this.signInHref();
    const error = this.errors[''];
    return html`<div part="sign-in" class="sign-in">
      ${error ? html`<p part="error" class="error">${error}</p>` : nothing}
      <p>${this.msg('comments.signInPrompt')}</p>
      ${href
        ? html`<a class="button primary" href=${href} @click=${this.signIn}>${this.msg('comments.signIn')}</a>`
        : html`<button class="primary" @click=${this.signIn}>${this.msg('comments.signIn')}</button>`}
    </div>`;
  }

  private avatar(author: User) {
    const src = safeUrl(author.avatar);
    return html`<span class="avatar" aria-hidden="true">
      ${src && !this.failedAvatars.has(src)
        ? html`<img
            src=${src}
            alt=""
            loading="lazy"
            referrerpolicy="no-referrer"
            @error=${() => {
              this.failedAvatars.add(src);
              this.requestUpdate();
            }}
          />`
        : initials(author.name, this.locale)}
    </span>`;
  }

  private time(value: string) {
    const date = parseDate(value);
    if (!date) return nothing;
    return html`<time datetime=${date.toISOString()} title=${formatDate(this.locale, date, { dateStyle: 'long', timeStyle: 'short' })}
      >${formatRelative(this.locale, date) ?? formatDate(this.locale, date)}</time
    >`;
  }

  private actions(c: Item) {
    const me = this.session;
    const mine = !!me && (c.mine || c.author.id === me.id);
    const published = c.status === 'published';
    const button = (kind: OpenForm['kind'], key: string) =>
      html`<button data-action=${kind} aria-expanded=${this.open?.kind === kind && this.open.id === c.id ? 'true' : 'false'} @click=${() => this.openForm(kind, c)}>
        ${this.msg(key)}
      </button>`;
    const likes = formatNumber(this.locale, c.likes);
    return html`<div part="actions" class="actions">
      ${me && !mine && published
        ? html`<button class="like" aria-pressed=${c.likedByMe ? 'true' : 'false'} @click=${() => this.like(c)}>
            ${this.msg('comments.like')}<span class="count">${c.likes ? likes : ''}</span>
          </button>`
        : c.likes
          ? html`<span>${this.msg('comments.likes', { count: c.likes })}</span>`
          : nothing}
      ${me && published ? button('reply', 'comments.reply') : nothing}
      ${mine && c.status !== 'deleted' && Date.now() - Date.parse(c.createdAt) < EDIT_WINDOW_MS ? button('edit', 'comments.edit') : nothing}
      ${mine ? button('delete', 'comments.delete') : nothing}
      ${!mine && published ? button('report', 'comments.report') : nothing}
    </div>`;
  }

  private inlineForm(c: Item) {
    const form = this.open;
    if (form?.id !== c.id) return nothing;
    const close = () => this.closeForm();
    if (form.kind === 'reply') {
      return this.composer(c.id, this.msg('comments.replyLabel', { name: c.author.name }), this.msg('comments.postReply'), close);
    }
    if (form.kind === 'delete') {
      return html`<div class="confirm" role="group" aria-labelledby="q" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && close()}>
        <p id="q">${this.msg('comments.confirmDelete')}</p>
        <button class="danger" aria-disabled=${form.busy ? 'true' : nothing} @click=${() => this.confirmDelete()}>${this.msg('comments.delete')}</button>
        <button class="cancel" @click=${close}>${this.msg('comments.cancel')}</button>
        ${form.error ? html`<p part="error" class="error">${form.error}</p>` : nothing}
      </div>`;
    }
    const edit = form.kind === 'edit';
    return this.editor({
      id: 'f',
      label: this.msg(edit ? 'comments.editLabel' : 'comments.reportLabel'),
      submit: this.msg(edit ? 'comments.save' : 'comments.sendReport'),
      text: form.text,
      max: edit ? this.max : REPORT_REASON_MAX_LENGTH,
      busy: form.busy,
      error: form.error,
      onInput: (text) => {
        form.text = text;
        this.requestUpdate();
      },
      onSubmit: () => (edit ? this.saveEdit() : this.sendReport()),
      onCancel: close,
    });
  }

  /** A comment's last template, reused while nothing it shows has changed (1,000 comments stay cheap to update). */
  private comment(c: Item): TemplateResult {
    const key = `${this.locale}|${this.session?.id}|${this.minute}|${this.failedAvatars.size}|${this.open?.id === c.id}`;
    const last = this.shown.get(c);
    if (last?.[0] === key && this.open?.id !== c.id) return last[1];
    const result = this.renderComment(c);
    this.shown.set(c, [key, result]);
    return result;
  }

  private renderComment(c: Item): TemplateResult {
    const name = String(c.author?.name ?? '').trim() || this.msg('comments.anonymous');
    const flag = c.posting ? 'comments.posting' : c.status === 'pending' ? 'comments.pending' : c.status === 'rejected' ? 'comments.rejected' : '';
    return html`<article part="comment" class=${c.posting ? 'comment posting' : 'comment'} data-id=${c.id} tabindex="-1" aria-busy=${c.posting ? 'true' : 'false'}>
      ${c.status === 'deleted'
        ? html`<p class="gone">${this.msg('comments.deleted')}</p>`
        : html`<header>
              ${this.avatar(c.author)}
              <span class="meta">
                <bdi part="author" class="author">${name}</bdi>
                ${this.time(c.createdAt)} ${c.editedAt ? html`<span class="edited">${this.msg('comments.edited')}</span>` : nothing}
                ${flag ? html`<span class="flag">${this.msg(flag)}</span>` : nothing}
              </span>
            </header>
            <!-- One line: the body keeps the reader's line breaks (pre-wrap), so template whitespace would show. -->
            <p part="body" class="body" dir="auto">${c.replyToName ? html`<span class="mention">@<bdi>${c.replyToName}</bdi></span> ` : nothing}${autolink(String(c.body ?? ''))}</p>
            ${c.posting ? nothing : this.actions(c)} ${this.inlineForm(c)}`}
    </article>`;
  }

  private entry(c: Item) {
    const group = this.replies[c.id];
    const shown = group?.open ? group.items : [];
    return html`<li>
      ${this.comment(c)}
      ${c.replyCount > 0
        ? html`<button class="link" aria-expanded=${group?.open ? 'true' : 'false'} @click=${() => this.toggleReplies(c)}>
            ${this.msg(group?.open ? 'comments.hideReplies' : 'comments.showReplies', { count: c.replyCount })}
          </button>`
        : nothing}
      ${shown.length
        ? html`<ol part="replies" class="replies" aria-label=${this.msg('comments.repliesTo', { name: c.author.name || this.msg('comments.anonymous') })}>
            ${shown.map((r) => html`<li>${this.comment(r)}</li>`)}
          </ol>`
        : nothing}
      ${group?.open && group.next ? html`<button class="link" @click=${() => this.loadReplies(c.id)}>${this.msg('comments.moreReplies')}</button>` : nothing}
    </li>`;
  }

  override render() {
    const loading = this.status === 'loading' || (this.status === 'idle' && !!this.thread);
    const total = this.total;
    return html`<section part="base" aria-labelledby="heading">
        <div class="head">
          <h2 part="heading" id="heading" tabindex="-1">
            ${total === undefined || loading ? this.msg('comments.title') : this.msg('comments.heading', { count: total })}
          </h2>
          <label class="sort"
            >${this.msg('comments.sort')}
            <select part="sort" @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as CommentSort)}>
              ${SORTS.map((s) => html`<option value=${s} ?selected=${s === this.order}>${this.msg(`comments.sort.${s}`)}</option>`)}
            </select>
          </label>
        </div>
        ${this.gate()}
        <div class="new">
          ${this.incoming.length
            ? html`<button part="new-comments" class="primary" @click=${this.reveal}>${this.msg('comments.showNew', { count: this.incoming.length })}</button>`
            : nothing}
        </div>
        ${this.status === 'error'
          ? html`<p part="error" class="error">
              ${this.msg('comments.loadFailed')} <button @click=${this.retryLoad}>${this.msg('common.retry')}</button>
            </p>`
          : nothing}
        ${this.status === 'ready' && !this.items.length ? html`<p part="empty" class="empty">${this.msg('comments.empty')}</p>` : nothing}
        <ol part="list" class="list" aria-labelledby="heading" aria-busy=${loading ? 'true' : 'false'}>
          ${loading
            ? [1, 2, 3].map(() => html`<li class="skeleton comment" aria-hidden="true"><span></span><span></span><span></span></li>`)
            : this.items.map((c) => this.entry(c))}
        </ol>
        ${this.next && this.status === 'ready'
          ? html`<button part="load-more" class="more" aria-disabled=${this.moreLoading ? 'true' : 'false'} @click=${this.loadMore}>
              ${this.msg(this.moreLoading ? 'common.loading' : 'comments.loadMore')}
            </button>`
          : nothing}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
      <slot hidden></slot>`;
  }
}

addMessages(messages, translations);
addRoutes(commentsRoutes);
defineElement('news-comments', NewsComments);

declare global {
  interface HTMLElementTagNameMap {
    'news-comments': NewsComments;
  }
}
