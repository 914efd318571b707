import { html, nothing, type TemplateResult } from 'lit';
import { avatarText } from '../byline/initials.js';
import { COMMENT_MAX_LENGTH, COMMENT_PAGE_DEFAULT, COMMENT_PAGE_MAX, EDIT_WINDOW_MS } from '../core/contract.js';
import { formatDate, formatNumber, parseDate } from '../core/i18n.js';
import { formatRelative } from '../core/relative-time.js';
import { notAnchorWhileBusy } from '../core/hold-height.js';
import { NearViewportController } from '../core/near-viewport.js';
import { defineElement, hostStyles, NewsElement, textStyles } from '../core/news-element.js';
import { addMessages, addRoutes, NewsSignInEvent, safeUrl, type CommentSort, type HttpError, type NewsAdapter, type User } from '../core/index.js';
import { autolink } from './autolink.js';
import { CommentActions, type OpenForm } from './comment-actions.js';
import type { CommentsHost } from './comments-host.js';
import { Composer } from './composer.js';
import { clearReaderDrafts } from './draft-store.js';
import { styles } from './comments.styles.js';
import { messages, translations } from './messages.js';
import { commentsRoutes } from './routes.js';
import { ThreadController } from './thread-controller.js';
import type { ShownComment } from './thread-list.js';

const SORTS: CommentSort[] = ['newest', 'oldest', 'top'];

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
export class NewsComments extends NewsElement implements CommentsHost {
  static override styles = [hostStyles, textStyles, styles];

  // Declared without decorators: the same reactive properties, a smaller bundle (the budget is tight).
  static override properties = {
    threadId: { attribute: 'thread-id' },
    signInUrl: { attribute: 'sign-in-url' },
    sort: {},
    pageSize: { type: Number, attribute: 'page-size' },
    maxLength: { type: Number, attribute: 'max-length' },
    live: { type: Boolean, reflect: true },
    loading: {},
    _session: { state: true, attribute: false },
    _sessionFailed: { state: true, attribute: false },
    _announcement: { state: true, attribute: false },
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
  _session?: User | null;
  /** Asking who the reader is failed (the gate offers a retry, not a sign-in). */
  protected _sessionFailed = false;
  /** What the live region says. */
  protected _announcement = '';

  #failedAvatars = new Set<string>();
  /** Each comment's last template and the key of what it showed. */
  #templates = new WeakMap<ShownComment, [string, TemplateResult]>();
  #minute = 0;
  /** The reader whose session is being re-checked, until the answer says who reads now. */
  #signedOutFrom?: string;
  #focusSelector?: string;
  #ticker?: ReturnType<typeof setInterval>;
  readonly #nearViewport = new NearViewportController(this, { eager: () => this.loading === 'eager' });
  readonly #thread = new ThreadController(this);
  readonly #composer = new Composer(this, this.#thread);
  readonly #actions = new CommentActions(this, this.#thread, this.#composer);

  get _adapter(): NewsAdapter | undefined {
    return this.resolvedAdapter;
  }

  get _threadKey(): string | undefined {
    return this.threadId || this.page?.articleId;
  }

  get _sortOrder(): CommentSort {
    return SORTS.includes(this.sort) ? this.sort : 'newest';
  }

  get _pageLimit(): number {
    const size = Math.floor(Number(this.pageSize));
    return size > 0 ? Math.min(size, COMMENT_PAGE_MAX) : COMMENT_PAGE_DEFAULT;
  }

  get _bodyLimit(): number {
    const max = Math.floor(Number(this.maxLength));
    return max > 0 ? max : COMMENT_MAX_LENGTH;
  }

  get _near(): boolean {
    return this.#nearViewport.near;
  }

  get _posting(): boolean {
    return this.#composer._posting;
  }

  _closeForm(): void {
    this.#actions._open = undefined;
  }

  _loadStarted(adapter: NewsAdapter, thread: string, newReader: boolean): void {
    this._closeForm();
    if (newReader) {
      this.#composer._reset(thread);
      this.#loadSession(adapter);
    }
  }

  _msg(key: string, params?: Record<string, string | number>): string {
    return this.msg(key, params);
  }

  _fail(code: string, message: string): void {
    this.fail(code, message);
  }

  /** Says `text` in the live region; the same text twice is still announced. */
  _announce(text: string): void {
    this._announcement = text === this._announcement ? text + '\u00a0' : text;
  }

  /** An action failed: tell the reader, warn once, and drop the session on 401. */
  _reportProblem(code: string, error: unknown, message = this.msg('comments.actionFailed')): void {
    if ((error as HttpError | undefined)?.status === 401) this._session = null;
    this._announce(message);
    this.fail(code, `${code} in thread "${this._threadKey}": ${String(error)}`);
  }

  _focusAfter(selector: string): void {
    this.#focusSelector = selector;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // "2 minutes ago" must not go stale while the page stays open.
    this.#ticker = setInterval(() => {
      this.#minute++;
      this.requestUpdate();
    }, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#ticker);
  }

  protected override updated(): void {
    notAnchorWhileBusy(this, this.#thread._status === 'loading');
    if (this.#focusSelector) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusSelector)?.focus();
      this.#focusSelector = undefined;
    }
  }

  /**
   * Asks who the reader is. A failure is not "signed out": a signed-in reader must not be told to
   * sign in because the server hiccuped, so the gate offers a retry instead.
   */
  #loadSession(adapter: NewsAdapter) {
    // The reader before this (new) adapter: if the answer names someone else, they signed out here.
    const before = this._session?.id ?? this.#signedOutFrom;
    this.#signedOutFrom = before;
    this._session = undefined;
    this._sessionFailed = false;
    adapter.getSession().then(
      (user) => {
        if (adapter !== this.resolvedAdapter) return;
        this._session = user ?? null;
        this.#signedOutFrom = undefined;
        if (before && before !== user?.id) clearReaderDrafts(before);
      },
      (error: unknown) => {
        if (adapter !== this.resolvedAdapter) return;
        this._sessionFailed = true;
        this.fail('session_failed', `could not check the reader's session: ${String(error)}`);
      },
    );
  }

  #signInHref(): string | null {
    const base = safeUrl(this.signInUrl);
    if (!base) return null;
    const url = new URL(base, document.baseURI);
    url.searchParams.set('returnUrl', this.#returnUrl());
    return url.href;
  }

  #returnUrl() {
    return location.pathname + location.search + location.hash;
  }

  #signIn(event: Event) {
    if (!this.emit(new NewsSignInEvent({ returnUrl: this.#returnUrl() }))) event.preventDefault();
  }

  /** The composer for a signed-in reader, the sign-in prompt, or a retry when the session is unknown. */
  #renderGate() {
    const me = this._session;
    if (me === undefined && this._sessionFailed) {
      return html`<div part="sign-in" class="sign-in">
        <p part="error" class="error">${this.msg('comments.sessionFailed')}</p>
        <button @click=${() => this.resolvedAdapter && this.#loadSession(this.resolvedAdapter)}>${this.msg('common.retry')}</button>
      </div>`;
    }
    if (me === undefined) return this.#thread._status === 'loading' ? html`<div class="skeleton gate" aria-hidden="true"></div>` : nothing;
    if (me) return this.#composer._render('', this.msg('comments.label'), this.msg('comments.post'));
    const href = this.#signInHref();
    const error = this.#composer._signedOutError;
    return html`<div part="sign-in" class="sign-in">
      ${error ? html`<p part="error" class="error">${error}</p>` : nothing}
      <p>${this.msg('comments.signInPrompt')}</p>
      ${
        href
          ? html`<a class="button primary" href=${href} @click=${this.#signIn}>${this.msg('comments.signIn')}</a>`
          : html`<button class="primary" @click=${this.#signIn}>${this.msg('comments.signIn')}</button>`
      }
    </div>`;
  }
  #renderAvatar(author: User) {
    const src = safeUrl(author.avatar);
    return html`<span class="avatar" aria-hidden="true">
      ${
        src && !this.#failedAvatars.has(src)
          ? html`<img
              src=${src}
              alt=""
              loading="lazy"
              referrerpolicy="no-referrer"
              @error=${() => {
                this.#failedAvatars.add(src);
                this.requestUpdate();
              }}
            />`
          : avatarText(author.name, this.locale)
      }
    </span>`;
  }

  #renderTime(value: string) {
    const date = parseDate(value);
    if (!date) return nothing;
    return html`<time datetime=${date.toISOString()} title=${formatDate(this.locale, date, { dateStyle: 'long', timeStyle: 'short' })}
      >${formatRelative(this.locale, date) ?? formatDate(this.locale, date)}</time
    >`;
  }

  /** Like, reply, edit, delete and report, as the reader may. */
  #renderActions(c: ShownComment) {
    const me = this._session;
    const mine = !!me && (c.mine || c.author.id === me.id);
    const published = c.status === 'published';
    const button = (kind: OpenForm['kind'], key: string) =>
      html`<button data-action=${kind} aria-expanded=${this.#actions._isOpen(kind, c.id) ? 'true' : 'false'} @click=${() => this.#actions._toggle(kind, c)}>
        ${this.msg(key)}
      </button>`;
    const likes = formatNumber(this.locale, c.likes);
    return html`<div part="actions" class="actions">
      ${
        me && !mine && published
          ? html`<button class="like" aria-pressed=${c.likedByMe ? 'true' : 'false'} @click=${() => this.#actions._like(c)}>
              ${this.msg('comments.like')}<span class="count">${c.likes ? likes : ''}</span>
            </button>`
          : c.likes
            ? html`<span>${this.msg('comments.likes', { count: c.likes })}</span>`
            : nothing
      }
      ${me && published ? button('reply', 'comments.reply') : nothing}
      ${mine && c.status !== 'deleted' && Date.now() - Date.parse(c.createdAt) < EDIT_WINDOW_MS ? button('edit', 'comments.edit') : nothing}
      ${mine ? button('delete', 'comments.delete') : nothing} ${!mine && published ? button('report', 'comments.report') : nothing}
    </div>`;
  }

  /** A comment's last template, reused while nothing it shows has changed (1,000 comments stay cheap to update). */
  #commentTemplate(c: ShownComment): TemplateResult {
    const open = this.#actions._open?.id === c.id;
    const key = `${this.locale}|${this._session?.id}|${this.#minute}|${this.#failedAvatars.size}|${open}`;
    const last = this.#templates.get(c);
    if (last?.[0] === key && !open) return last[1];
    const result = this.#renderComment(c);
    this.#templates.set(c, [key, result]);
    return result;
  }

  #renderComment(c: ShownComment): TemplateResult {
    const name = String(c.author?.name ?? '').trim() || this.msg('comments.anonymous');
    const flag = c.posting ? 'comments.posting' : c.status === 'pending' ? 'comments.pending' : c.status === 'rejected' ? 'comments.rejected' : '';
    return html`<article
      part="comment"
      class=${c.posting ? 'comment posting' : 'comment'}
      data-id=${c.id}
      tabindex="-1"
      aria-busy=${c.posting ? 'true' : 'false'}
    >
      ${
        c.status === 'deleted'
          ? html`<p class="gone">${this.msg('comments.deleted')}</p>`
          : html`<header>
                ${this.#renderAvatar(c.author)}
                <span class="meta">
                  <bdi part="author" class="author">${name}</bdi>
                  ${this.#renderTime(c.createdAt)} ${c.editedAt ? html`<span class="edited">${this.msg('comments.edited')}</span>` : nothing}
                  ${flag ? html`<span class="flag">${this.msg(flag)}</span>` : nothing}
                </span>
              </header>
              <!-- One line: the body keeps the reader's line breaks (pre-wrap), so template whitespace would show. -->
              <!-- prettier-ignore -->
              <p part="body" class="body" dir="auto">${c.replyToName ? html`<span class="mention">@<bdi>${c.replyToName}</bdi></span> ` : nothing}${autolink(String(c.body ?? ''))}</p>
              ${c.posting ? nothing : this.#renderActions(c)} ${this.#actions._render(c)}`
      }
    </article>`;
  }

  /** A top-level comment with its replies and their buttons. */
  #renderThreadEntry(c: ShownComment) {
    const group = this.#thread._replies[c.id];
    const shown = group?.open ? group.items : [];
    return html`<li>
      ${this.#commentTemplate(c)}
      ${
        c.replyCount > 0
          ? html`<button class="link" aria-expanded=${group?.open ? 'true' : 'false'} @click=${() => this.#thread._toggleReplies(c)}>
              ${this.msg(group?.open ? 'comments.hideReplies' : 'comments.showReplies', { count: c.replyCount })}
            </button>`
          : nothing
      }
      ${
        shown.length
          ? html`<ol part="replies" class="replies" aria-label=${this.msg('comments.repliesTo', { name: c.author.name || this.msg('comments.anonymous') })}>
              ${shown.map((r) => html`<li>${this.#commentTemplate(r)}</li>`)}
            </ol>`
          : nothing
      }
      ${group?.open && group.next ? html`<button class="link" @click=${() => this.#thread._loadReplies(c.id)}>${this.msg('comments.moreReplies')}</button>` : nothing}
    </li>`;
  }

  override render() {
    const thread = this.#thread;
    const { _status: status, _total: total, _incoming: incoming } = thread;
    const loading = status === 'loading' || (status === 'idle' && !!this._threadKey);
    return html`<section part="base" aria-labelledby="heading">
        <div class="head">
          <h2 part="heading" id="heading" tabindex="-1">
            ${total === undefined || loading ? this.msg('comments.title') : this.msg('comments.heading', { count: total })}
          </h2>
          <label class="sort"
            >${this.msg('comments.sort')}
            <select part="sort" @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as CommentSort)}>
              ${SORTS.map((s) => html`<option value=${s} ?selected=${s === this._sortOrder}>${this.msg(`comments.sort.${s}`)}</option>`)}
            </select>
          </label>
        </div>
        ${this.#renderGate()}
        <div class="new">
          ${
            incoming.length
              ? html`<button part="new-comments" class="primary" @click=${() => thread._revealIncoming()}>
                  ${this.msg('comments.showNew', { count: incoming.length })}
                </button>`
              : nothing
          }
        </div>
        ${
          status === 'error'
            ? html`<p part="error" class="error">
                ${this.msg('comments.loadFailed')} <button @click=${() => thread._retry()}>${this.msg('common.retry')}</button>
              </p>`
            : nothing
        }
        ${status === 'ready' && !thread._items.length ? html`<p part="empty" class="empty">${this.msg('comments.empty')}</p>` : nothing}
        <ol part="list" class="list" aria-labelledby="heading" aria-busy=${loading ? 'true' : 'false'}>
          ${
            loading
              ? [1, 2, 3].map(() => html`<li class="skeleton comment" aria-hidden="true"><span></span><span></span><span></span></li>`)
              : thread._items.map((c) => this.#renderThreadEntry(c))
          }
        </ol>
        ${
          thread._next && status === 'ready'
            ? html`<button part="load-more" class="more" aria-disabled=${thread._moreLoading ? 'true' : 'false'} @click=${() => thread._loadMore()}>
                ${this.msg(thread._moreLoading ? 'common.loading' : 'comments.loadMore')}
              </button>`
            : nothing
        }
        <div class="visually-hidden" role="status">${this._announcement}</div>
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
