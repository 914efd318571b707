import { html, nothing, type TemplateResult } from 'lit';
import { REPORT_REASON_MAX_LENGTH } from '../core/contract.js';
import type { HttpError } from '../core/errors.js';
import type { NewsAdapter } from '../core/types.js';
import { commentSelector, type CommentsHost } from './comments-host.js';
import { editorTemplate, type Composer } from './composer.js';
import type { ThreadController } from './thread-controller.js';
import { deletedPlaceholder, withEdit, withLike, type ShownComment } from './thread-list.js';

/** The one inline form open at a time, under comment `id`. */
export interface OpenForm {
  kind: 'reply' | 'edit' | 'delete' | 'report';
  id: string;
  text: string;
  error?: string;
  busy?: boolean;
}

/**
 * What a reader does to one comment: like it, and the inline reply, edit, delete and report forms
 * (one open at a time). Requests that fail leave their form open with the error.
 */
export class CommentActions {
  /** The inline form open, if any. */
  _open?: OpenForm;
  readonly #host: CommentsHost;
  readonly #thread: ThreadController;
  readonly #composer: Composer;

  constructor(host: CommentsHost, thread: ThreadController, composer: Composer) {
    this.#host = host;
    this.#thread = thread;
    this.#composer = composer;
  }

  _isOpen(kind: OpenForm['kind'], id: string): boolean {
    return this._open?.kind === kind && this._open.id === id;
  }

  /** Opens the `kind` form under `c`, or closes it when it is the one open. */
  _toggle(kind: OpenForm['kind'], c: ShownComment): void {
    if (this._isOpen(kind, c.id)) return this.#close();
    this._open = { kind, id: c.id, text: kind === 'edit' ? c.body : '' };
    this.#host._focusAfter(kind === 'delete' ? '.confirm .cancel' : '#f');
    this.#host.requestUpdate();
  }

  /** Closes the open form and gives focus back to the button that opened it. */
  #close(): void {
    const open = this._open;
    this._open = undefined;
    if (open) this.#host._focusAfter(`${commentSelector(open.id)} [data-action="${open.kind}"]`);
    this.#host.requestUpdate();
  }

  /** Runs the open form's request; on failure the form stays open with the error. */
  async #submit(run: (adapter: NewsAdapter, form: OpenForm) => Promise<unknown>, done: (result: unknown, form: OpenForm) => void) {
    const form = this._open;
    const adapter = this.#host._adapter;
    if (!form || !adapter || form.busy) return;
    form.busy = true;
    form.error = undefined;
    this.#host.requestUpdate();
    try {
      const result = await run(adapter, form);
      if (this._open === form) this._open = undefined;
      done(result, form);
    } catch (error) {
      const editClosed = (error as HttpError | undefined)?.status === 409 && form.kind === 'edit';
      form.error = this.#host._msg(editClosed ? 'comments.editClosed' : 'comments.actionFailed');
      this.#host._reportProblem(`${form.kind}_failed`, error);
    }
    form.busy = false;
    this.#host.requestUpdate();
  }

  #saveEdit() {
    void this.#submit(
      (adapter, form) => adapter.editComment(form.id, form.text.trim()),
      (result, form) => {
        const { body, editedAt } = result as ShownComment;
        this.#thread._update(form.id, (c) => withEdit(c, body, editedAt ?? new Date().toISOString()));
        this.#host._announce(this.#host._msg('comments.saved'));
        this.#host._focusAfter(commentSelector(form.id));
      },
    );
  }

  #confirmDelete() {
    const ids = [...this.#host.renderRoot.querySelectorAll<HTMLElement>('article[data-id]')].map((a) => a.dataset.id!);
    const thread = this.#thread;
    void this.#submit(
      (adapter, form) => adapter.deleteComment(form.id),
      (_, form) => {
        const c = thread._find(form.id);
        // A top-level comment with replies leaves a placeholder so its replies keep their place.
        const keep = !!c && !c.parentId && (c.replyCount > 0 || !!thread._replies[c.id]?.items.length);
        if (c?.status === 'published') thread._total = Math.max(0, (thread._total ?? 1) - 1);
        thread._countReplies(c?.parentId ?? null, -1);
        thread._update(form.id, (x) => (keep ? deletedPlaceholder(x) : null));
        const at = ids.indexOf(form.id);
        const next = keep ? form.id : (ids[at + 1] ?? ids[at - 1]);
        this.#host._focusAfter(next ? commentSelector(next) : '[part="heading"]');
        this.#host._announce(this.#host._msg('comments.deletedDone'));
      },
    );
  }

  #sendReport() {
    void this.#submit(
      (adapter, form) => adapter.reportComment(form.id, form.text.trim()),
      (_, form) => {
        this.#host._announce(this.#host._msg('comments.reported'));
        this.#host._focusAfter(commentSelector(form.id));
      },
    );
  }

  /** Likes or unlikes `c` at once; the server's count follows, a failure undoes it. */
  async _like(c: ShownComment): Promise<void> {
    const adapter = this.#host._adapter;
    if (!adapter) return;
    const liked = !c.likedByMe;
    const likes = c.likes;
    this.#thread._update(c.id, (x) => withLike(x, liked, likes));
    try {
      const result = await adapter.likeComment(c.id, liked);
      this.#thread._update(c.id, (x) => ({ ...x, likes: result.likes }));
    } catch (error) {
      this.#thread._update(c.id, (x) => ({ ...x, likedByMe: !liked, likes }));
      this.#host._reportProblem('like_failed', error);
    }
  }

  /** The form open under `c`, if any. */
  _render(c: ShownComment): TemplateResult | typeof nothing {
    const form = this._open;
    if (form?.id !== c.id) return nothing;
    const msg = (key: string, params?: Record<string, string>) => this.#host._msg(key, params);
    const close = () => this.#close();
    if (form.kind === 'reply') {
      return this.#composer._render(c.id, msg('comments.replyLabel', { name: c.author.name }), msg('comments.postReply'), close);
    }
    if (form.kind === 'delete') {
      return html`<div class="confirm" role="group" aria-labelledby="q" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && close()}>
        <p id="q">${msg('comments.confirmDelete')}</p>
        <button class="danger" aria-disabled=${form.busy ? 'true' : nothing} @click=${() => this.#confirmDelete()}>${msg('comments.delete')}</button>
        <button class="cancel" @click=${close}>${msg('comments.cancel')}</button>
        ${form.error ? html`<p part="error" class="error">${form.error}</p>` : nothing}
      </div>`;
    }
    const edit = form.kind === 'edit';
    return editorTemplate(
      {
        id: 'f',
        label: msg(edit ? 'comments.editLabel' : 'comments.reportLabel'),
        submit: msg(edit ? 'comments.save' : 'comments.sendReport'),
        text: form.text,
        max: edit ? this.#host._bodyLimit : REPORT_REASON_MAX_LENGTH,
        busy: form.busy,
        error: form.error,
        onInput: (text) => {
          form.text = text;
          this.#host.requestUpdate();
        },
        onSubmit: () => (edit ? this.#saveEdit() : this.#sendReport()),
        onCancel: close,
      },
      this.#host,
    );
  }
}
