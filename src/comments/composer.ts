import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { HttpError } from '../core/errors.js';
import { NewsCommentPostEvent } from '../core/events.js';
import type { CommentsHost } from './comments-host.js';
import { DraftStore, flushDrafts } from './draft-store.js';
import type { ThreadController } from './thread-controller.js';
import type { ShownComment } from './thread-list.js';

/** One comment form: the composer, or an inline edit or report form. */
export interface EditorOptions {
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
  /** A post: "Posting…" while busy, and a retry button with its error. */
  retry?: boolean;
}

/** A comment form with its character counter; Ctrl/⌘+Enter submits, Escape cancels. */
export function editorTemplate(o: EditorOptions, host: Pick<CommentsHost, '_msg'>): TemplateResult {
  const msg = (key: string, params?: Record<string, number>) => host._msg(key, params);
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
      <span id=${`${o.id}-n`} class=${over ? 'counter over' : 'counter'}>${msg(over ? 'comments.over' : 'comments.left', { count: Math.abs(left) })}</span>
      ${o.onCancel ? html`<button type="button" @click=${o.onCancel}>${msg('comments.cancel')}</button>` : nothing}
      <button class="primary" ?disabled=${!o.busy && (!o.text.trim() || over)} aria-disabled=${o.busy ? 'true' : nothing}>
        ${o.busy && o.retry ? msg('comments.posting') : o.submit}
      </button>
    </div>
    ${
      o.error
        ? html`<p part="error" class="error">
            ${o.error}${o.retry ? html` <button type="button" @click=${o.onSubmit}>${msg('common.retry')}</button>` : nothing}
          </p>`
        : nothing
    }
  </form>`;
}

/**
 * The reader's posts: the text and error of each composer by target (`''` for a new comment, else
 * the comment answered), drafts kept in the thread's `DraftStore` with the idempotency key each post
 * reuses, and the post itself, shown at once and replaced by the server's answer.
 */
export class Composer implements ReactiveController {
  readonly #host: CommentsHost;
  readonly #thread: ThreadController;
  #texts: Record<string, string> = {};
  #errors: Record<string, string> = {};
  #posting = new Set<string>();
  #drafts?: DraftStore;

  constructor(host: CommentsHost, thread: ThreadController) {
    this.#host = host;
    this.#thread = thread;
    host.addController(this);
  }

  hostDisconnected(): void {
    flushDrafts();
  }

  /** Starts over for another thread or reader: that thread's drafts, no errors. */
  _reset(thread: string): void {
    this.#drafts = new DraftStore(thread, () => this.#host._session?.id);
    this.#texts = {};
    this.#errors = {};
  }

  /** True while any post is on its way. */
  get _posting(): boolean {
    return this.#posting.size > 0;
  }

  /** The sign-in prompt's error: a post found the reader signed out. */
  get _signedOutError(): string | undefined {
    return this.#errors[''];
  }

  #textOf(target: string): string {
    return (this.#texts[target] ??= this.#drafts?.get(target)?.body ?? '');
  }

  #setText(target: string, text: string) {
    this.#texts[target] = text;
    delete this.#errors[target];
    this.#drafts?.set(target, text);
    this.#host.requestUpdate();
  }

  /** The composer for `target`: `id` is `c` for a new comment's, `f` for the one inline form open. */
  _render(target: string, label: string, submit: string, onCancel?: () => void): TemplateResult {
    return editorTemplate(
      {
        id: target ? 'f' : 'c',
        label,
        submit,
        text: this.#textOf(target),
        max: this.#host._bodyLimit,
        busy: this.#posting.has(target),
        error: this.#errors[target],
        retry: true,
        onInput: (text) => this.#setText(target, text),
        onSubmit: () => void this.#post(target),
        onCancel,
      },
      this.#host,
    );
  }

  async #post(target: string): Promise<void> {
    const host = this.#host;
    const thread = this.#thread;
    const adapter = host._adapter;
    const me = host._session;
    const threadId = host._threadKey!;
    const text = this.#textOf(target);
    const body = text.trim();
    if (!adapter || !me || !body || body.length > host._bodyLimit || this.#posting.has(target)) return;
    const draft = this.#drafts!.set(target, text)!;
    flushDrafts();
    const answered = target ? thread._find(target) : undefined;
    const temp: ShownComment = {
      id: `posting:${draft.key}`,
      threadId,
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
    this.#posting.add(target);
    delete this.#errors[target];
    thread._show(temp);
    host._announce(host._msg('comments.posting'));
    try {
      const comment = await adapter.postComment(threadId, { body, parentId: target || null }, { idempotencyKey: draft.key });
      thread._update(temp.id, () => null);
      // A replay of a post the thread already shows (its answer was lost, then the thread reloaded)
      // is counted and announced to the page once, not again.
      const known = !!thread._find(comment.id);
      // A repeat of an earlier post returns that post; text edited since then stays as a new draft.
      if (comment.body?.trim() === body) {
        this.#drafts!.clear(target);
        delete this.#texts[target];
      } else {
        this.#drafts!.set(target, text, true);
      }
      if (comment.status === 'published' && !known) {
        thread._total = (thread._total ?? 0) + 1;
        thread._countReplies(comment.parentId, 1);
      }
      // A reply's inline form closes.
      if (target) host._closeForm();
      thread._show(comment, true);
      host._announce(host._msg(comment.status === 'pending' ? 'comments.postedPending' : 'comments.posted'));
      if (!known) host.emit(new NewsCommentPostEvent({ threadId, comment }));
    } catch (error) {
      thread._update(temp.id, () => null);
      const status = (error as HttpError | undefined)?.status;
      const wait = (error as HttpError).retryAfter;
      const message =
        status === 401
          ? host._msg('comments.signedOut')
          : status === 429
            ? wait
              ? host._msg('comments.tooFast', { count: wait })
              : host._msg('comments.tooFastSoon')
            : host._msg('comments.postFailed');
      this.#errors[status === 401 ? '' : target] = message;
      host._reportProblem('post_failed', error, message);
      host._focusAfter(status === 401 ? '[part="sign-in"] a, [part="sign-in"] button' : `#${target ? 'f' : 'c'}`);
    }
    this.#posting.delete(target);
    host.requestUpdate();
  }
}
