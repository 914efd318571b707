import { html, nothing, render, type PropertyValues } from 'lit';
import { providePage, type PageContext } from '../core/context.js';
import { DataController } from '../core/data-controller.js';
import { endpointAdapter } from '../core/transport.js';
import { defineElement, hostStyles, NewsElement } from '../core/news-element.js';
import type { Article, NewsAdapter } from '../core/types.js';
import { installTypography } from './article-typography.js';
import { articleTemplate } from './blocks.js';
import { bodyText, countWords, readingMinutes } from './reading-time.js';
import { styles } from './article.styles.js';
import { addMessages, addRoutes } from '../core/index.js';
import { messages, translations } from './messages.js';
import { articleRoutes } from './routes.js';

/**
 * @summary The article shell: kicker, headline, dek, byline, hero figure and body. Provides the
 * article id, adapter and reading time to every news element inside it.
 * @tagname news-article
 *
 * @slot - The article body: paragraphs, subheadings, figures, quotes, lists and widgets.
 * @slot kicker - A short label above the headline (section or topic).
 * @slot headline - The headline, usually an `<h1>`.
 * @slot dek - The standfirst under the headline.
 * @slot byline - Usually a `<news-byline>`.
 * @slot hero - The lead image, a `<figure>` with `<img>` and `<figcaption>`.
 *
 * @csspart base - The `<article>` wrapper.
 * @csspart header - Kicker, headline, dek and byline.
 * @csspart hero - The hero figure's wrapper.
 * @csspart body - The body's wrapper.
 *
 * @cssprop [--news-color-accent] - Kicker, links and quote rule in the article typography.
 * @cssprop [--news-color-muted] - Dek and captions.
 *
 * @fires {NewsErrorEvent} news-error - The article could not load, or held a block or URL that was dropped.
 */
export class NewsArticle extends NewsElement {
  static override styles = [hostStyles, styles];

  // Declared without decorators: the same reactive properties, a smaller bundle.
  static override properties = {
    articleId: { attribute: 'article-id', reflect: true },
    endpoint: {},
    wordsPerMinute: { type: Number, attribute: 'words-per-minute' },
    readingMinutes: { state: true, attribute: false },
    article: { attribute: false },
  };

  /** The article's id: given to descendant elements, and loaded from `GET /articles/{id}` when the body is empty. */
  articleId?: string;

  /** API base URL for this article and everything inside it; overrides the page's. */
  endpoint?: string;

  /** Reading pace for the reading time. */
  wordsPerMinute = 230;

  /** Minutes to read the body (captions and widgets excluded), at least 1. */
  readingMinutes = 1;

  /** The loaded article in data mode (or set it directly to render one). */
  article?: Article;

  readonly #provider = providePage(this, {});
  /** Data mode: loads the article once per id when the light DOM has no body. */
  readonly #loader = new DataController(this, {
    args: () => (!this.article && this.articleId && !this.#hasBody ? [this.articleId] : undefined),
    task: ([id], signal): Promise<Article> | undefined => {
      const adapter = this.#ownAdapter;
      if (adapter) return adapter.getArticle(id, { signal });
      this.fail('no_adapter', `article "${id}" has no body and no adapter to load it from`);
      return undefined;
    },
    onComplete: (article) => article && (this.article = article),
    onError: (error, [id]) => this.fail('load_failed', `could not load article "${id}": ${String(error)}`),
  });
  #fromEndpoint?: { endpoint: string; adapter: NewsAdapter };
  #bodyObserver?: MutationObserver;
  #countScheduled = false;

  get #ownAdapter(): NewsAdapter | undefined {
    if (this.adapter) return this.adapter;
    if (this.endpoint) {
      if (this.#fromEndpoint?.endpoint !== this.endpoint) {
        this.#fromEndpoint = { endpoint: this.endpoint, adapter: endpointAdapter({ endpoint: this.endpoint }) };
      }
      return this.#fromEndpoint.adapter;
    }
    return this.page?.adapter;
  }

  /** True when the light DOM holds body content (anything outside the header slots). */
  get #hasBody(): boolean {
    return [...this.childNodes].some((node) => (node instanceof Element ? !node.slot : node.nodeType === Node.TEXT_NODE && !!node.textContent?.trim()));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installTypography(this);
    this.#bodyObserver = new MutationObserver(() => this.#scheduleCount());
    this.#bodyObserver.observe(this, { childList: true, subtree: true, characterData: true });
    // The first count happens in the first update, before any byline renders; a reconnected
    // article may have changed while it was out of the document.
    if (this.hasUpdated) this.#scheduleCount();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#bodyObserver?.disconnect();
  }

  /** Recounts once per frame at most, however many mutations arrive. */
  #scheduleCount() {
    if (this.#countScheduled) return;
    this.#countScheduled = true;
    requestAnimationFrame(() => {
      this.#countScheduled = false;
      this.readingMinutes = this.#countMinutes();
    });
  }

  #countMinutes(): number {
    return readingMinutes(countWords(bodyText(this), this.locale), this.wordsPerMinute);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Counted now, not a frame later: a byline showing the reading time renders once, with the right figure.
    if (!this.hasUpdated || changed.has('wordsPerMinute')) this.readingMinutes = this.#countMinutes();
    const value: PageContext = {
      adapter: this.#ownAdapter,
      articleId: this.articleId ?? this.page?.articleId,
      readingMinutes: this.readingMinutes,
    };
    const current = this.#provider.value;
    if (current.adapter !== value.adapter || current.articleId !== value.articleId || current.readingMinutes !== value.readingMinutes) {
      this.#provider.setValue(value);
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('article') && this.article) this.#renderArticle(this.article);
  }

  #renderArticle(article: Article) {
    if (article.lang && !this.hasAttribute('lang')) this.lang = String(article.lang);
    render(
      articleTemplate(article, (code, message) => this.fail(code, message)),
      this,
    );
  }

  override render() {
    const status = this.#loader.status;
    if (status === 'loading' && !this.article) {
      return html`<div class="skeleton" role="status" aria-label=${this.msg('common.loading')}>
        <span class="headline"></span><span></span><span class="short"></span><span class="hero"></span><span></span><span></span
        ><span class="short"></span>
      </div>`;
    }
    if (status === 'error' && !this.article) {
      return html`<div class="error" role="alert">
        <p>${this.msg('article.loadFailed')}</p>
        <button type="button" @click=${() => this.#loader.run()}>${this.msg('common.retry')}</button>
      </div>`;
    }
    return html`<article part="base">
      <header part="header">
        <slot name="kicker"></slot><slot name="headline"></slot><slot name="dek"></slot><slot name="byline"></slot>
      </header>
      <div part="hero"><slot name="hero"></slot></div>
      <div part="body"><slot></slot></div>
    </article>${nothing}`;
  }
}

addMessages(messages, translations);
addRoutes(articleRoutes);
defineElement('news-article', NewsArticle);

declare global {
  interface HTMLElementTagNameMap {
    'news-article': NewsArticle;
  }
}
