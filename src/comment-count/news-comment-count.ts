import { css, html } from 'lit';
import { defineElement, hostStyles, NewsElement } from '../core/news-element.js';
import { safeUrl } from '../core/safe-url.js';
import type { NewsAdapter } from '../core/types.js';
import { addMessages, addRoutes } from '../core/index.js';
import { messages, translations } from './messages.js';
import { commentCountRoutes } from './routes.js';

type Waiter = [threadId: string, settle: (count: number | Error) => void];

/** Counts asked for in the same moment, per adapter; one `getCounts` call answers them all. */
const batches = new Map<NewsAdapter, Waiter[]>();

function countOf(adapter: NewsAdapter, threadId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let batch = batches.get(adapter);
    if (!batch) {
      batches.set(adapter, (batch = []));
      // Every count element upgrading with the page asks within this task; a timer collects them all.
      setTimeout(() => {
        batches.delete(adapter);
        const settle = (answer: (id: string) => number | Error) => batch!.forEach(([id, done]) => done(answer(id)));
        adapter.getCounts([...new Set(batch!.map(([id]) => id))]).then(
          (counts) => settle((id) => counts?.[id] ?? 0),
          (error: Error) => settle(() => error),
        );
      });
    }
    batch.push([threadId, (count) => (count instanceof Error ? reject(count) : resolve(count))]);
  });
}

/**
 * @summary "12 comments" for a thread, anywhere on the page, linking to it. Every count on a page
 * is fetched in one request.
 * @tagname news-comment-count
 *
 * @slot - Fallback shown before the element upgrades, e.g. `<a href="#comments">Comments</a>`.
 *
 * @csspart link - The link (a `<span>` without `href`).
 * @cssprop [--news-color-accent] - Link color.
 *
 * @fires {NewsErrorEvent} news-error - The count could not be loaded, or there is no adapter.
 */
export class NewsCommentCount extends NewsElement {
  static override styles = [
    hostStyles,
    css`
      :host {
        display: inline;
      }
      a {
        color: var(--_accent);
        text-underline-offset: 0.15em;
      }
    `,
  ];

  // Declared without decorators: the same reactive properties, a smaller bundle.
  static override properties = {
    threadId: { attribute: 'thread-id' },
    href: {},
    count: { type: Number, attribute: false },
  };

  /** The thread to count; defaults to the enclosing `<news-article>`'s article id. */
  threadId?: string;

  /** Where the count links to, usually the thread: `#comments` or the article URL. */
  href?: string;

  /** The count, once known; set it to show a count without asking the adapter. */
  count?: number;

  #asked?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('news-comment-post', this.#onPost);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('news-comment-post', this.#onPost);
  }

  /** A comment posted on this page counts at once. */
  #onPost = (event: Event) => {
    const { threadId, comment } = (event as CustomEvent).detail;
    if (threadId === this.#thread && comment.status === 'published' && this.count !== undefined) this.count++;
  };

  get #thread() {
    return this.threadId || this.page?.articleId;
  }

  protected override updated(): void {
    const adapter = this.resolvedAdapter;
    const thread = this.#thread;
    if (!thread || this.#asked === thread || this.count !== undefined) return;
    this.#asked = thread;
    if (!adapter) return this.fail('no_adapter', `no adapter to count comments of "${thread}" with`);
    countOf(adapter, thread).then(
      (count) => thread === this.#thread && (this.count = count),
      (error) => this.fail('load_failed', `could not count comments of "${thread}": ${String(error)}`),
    );
  }

  override render() {
    const text = this.count === undefined ? this.msg('commentCount.fallback') : this.msg('commentCount.count', { count: this.count });
    const href = safeUrl(this.href);
    return href ? html`<a part="link" href=${href}>${text}</a>` : html`<span part="link">${text}</span>`;
  }
}

addMessages(messages, translations);
addRoutes(commentCountRoutes);
defineElement('news-comment-count', NewsCommentCount);

declare global {
  interface HTMLElementTagNameMap {
    'news-comment-count': NewsCommentCount;
  }
}
