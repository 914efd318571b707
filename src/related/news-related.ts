import { html, nothing } from 'lit';
import { DataController } from '../core/data-controller.js';
import { formatDate, parseDate } from '../core/i18n.js';
import { holdHeightWhileVisible } from '../core/hold-height.js';
import { NearViewportController } from '../core/near-viewport.js';
import { defineElement, hostStyles, NewsElement, textStyles } from '../core/news-element.js';
import { RELATED_MAX } from '../core/contract.js';
import { safeUrl } from '../core/safe-url.js';
import type { ArticleSummary } from '../core/types.js';
import { styles } from './related.styles.js';
import { addMessages, addRoutes } from '../core/index.js';
import { messages, translations } from './messages.js';
import { relatedRoutes } from './routes.js';

/**
 * @summary A list of related articles with images, headlines and dates, from the API or child links.
 * Child links are the progressive enhancement: they show before the script runs, stand in while
 * the API answers, and stay when it fails or has nothing. Related links are optional page furniture:
 * with no items at all, or on an error with no links to fall back on, it renders nothing.
 * @tagname news-related
 *
 * @slot - Fallback and progressive enhancement: `<a href>` links, each with the headline as text
 * and optionally an `<img>` and a `<time datetime>`. Used as they are when there is no adapter
 * or article id.
 *
 * @csspart base - The section.
 * @csspart heading - The list heading.
 * @csspart list - The list of cards.
 * @csspart item - One card.
 * @csspart link - The card's link.
 * @csspart image - The card's image (16:9).
 * @csspart headline - The card's headline.
 * @csspart date - The card's date.
 *
 * @fires {NewsErrorEvent} news-error - The related articles could not be loaded.
 */
export class NewsRelated extends NewsElement {
  static override styles = [hostStyles, textStyles, styles];

  // Declared without decorators: the same reactive properties, a smaller bundle.
  static override properties = {
    articleId: { attribute: 'article-id' },
    limit: { type: Number },
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    loading: {},
    items: { attribute: false },
    _linked: { state: true, attribute: false },
  };

  /** The article whose related stories to show; defaults to the enclosing `<news-article>`'s. */
  articleId?: string;

  /** Most stories to show. */
  limit = 4;

  /** List heading; defaults to the localized "Related articles". */
  heading?: string;

  /** Heading level (2–6) in the page outline. */
  headingLevel = 2;

  /** `lazy` (default) loads when the list nears the viewport; `eager` at once. */
  loading: 'lazy' | 'eager' = 'lazy';

  /** The stories, when set directly (overrides child links and the API). */
  items?: ArticleSummary[];

  private _linked: ArticleSummary[] = [];

  readonly #nearViewport = new NearViewportController(this, { eager: () => this.loading === 'eager' });
  /** Loads once per article id and limit, when near the viewport and nothing was given directly. */
  readonly #related = new DataController(this, {
    args: () => (!this.items && this.#nearViewport.near && this.#resolvedArticleId ? ([this.#resolvedArticleId, this.#requestLimit] as const) : undefined),
    task: ([id, limit], signal): Promise<ArticleSummary[]> | undefined => {
      const adapter = this.resolvedAdapter;
      if (adapter) return adapter.getRelated(id, limit, { signal });
      if (!this._linked.length) this.fail('no_adapter', `no links and no adapter to load related articles for "${id}" from`);
      return undefined;
    },
    onError: (error, [id]) => this.fail('load_failed', `could not load related articles for "${id}": ${String(error)}`),
  });

  /** What the last render showed (the skeleton, a list of stories, or nothing). */
  #shown?: ArticleSummary[] | 'skeleton';

  get #resolvedArticleId(): string | undefined {
    return this.articleId ?? this.page?.articleId;
  }

  get #safeLimit(): number {
    const limit = Math.floor(Number(this.limit));
    return Number.isFinite(limit) && limit > 0 ? Math.min(limit, 24) : 4;
  }

  /** Stories to ask the API for: the limit, within what the related-articles endpoint accepts. */
  get #requestLimit(): number {
    return Math.min(this.#safeLimit, RELATED_MAX);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readLinks();
  }

  /** Child links are the progressive-enhancement source: the list readers see before the script runs. */
  #readLinks() {
    this._linked = [...this.querySelectorAll('a')].map((a, index) => ({
      id: `link-${index}`,
      url: a.getAttribute('href') ?? '',
      headline: (a.textContent ?? '').replace(/\s+/g, ' ').trim(),
      image: a.querySelector('img')?.getAttribute('src') ?? null,
      publishedAt: a.querySelector('time')?.getAttribute('datetime') ?? a.dataset.published ?? null,
    }));
  }

  #card(item: ArticleSummary) {
    const href = safeUrl(item.url);
    const headline = String(item.headline ?? '').trim();
    if (!href || !headline) return nothing;
    const image = safeUrl(item.image);
    const date = parseDate(item.publishedAt);
    return html`<li part="item">
      <a part="link" class=${image ? 'with-image' : ''} href=${href}>
        ${image ? html`<img part="image" src=${image} alt="" loading="lazy" decoding="async" width="320" height="180" />` : nothing}
        <span part="headline" dir="auto">${headline}</span>
        ${date ? html`<time part="date" datetime=${date.toISOString()}>${formatDate(this.locale, date, { dateStyle: 'medium' })}</time>` : nothing}
      </a>
    </li>`;
  }

  override render() {
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2));
    const loaded = this.#related.status === 'ready' && Array.isArray(this.#related.value) && this.#related.value.length ? this.#related.value : undefined;
    const source = this.items ?? loaded ?? (this._linked.length ? this._linked : undefined);
    const items = (Array.isArray(source) ? source : []).slice(0, this.#safeLimit);
    const waiting = !source && !!this.#resolvedArticleId && !!this.resolvedAdapter && (this.#related.status === 'loading' || this.#related.status === 'idle');
    const cards = items.map((item) => this.#card(item)).filter((card) => card !== nothing);
    const slot = html`<slot hidden @slotchange=${this.#readLinks}></slot>`;
    const shown = waiting ? 'skeleton' : cards.length ? source : undefined;
    // The answer replacing the skeleton or the links may be shorter, or nothing at all: while the
    // reader can see the list, it keeps its height (it lets go once scrolled out of view).
    if (this.#shown && shown !== this.#shown) holdHeightWhileVisible(this);
    this.#shown = shown;
    if (!shown) return slot;

    return html`<section part="base" aria-labelledby="heading" aria-busy=${waiting ? 'true' : 'false'}>
        <div part="heading" id="heading" role="heading" aria-level=${level}>${this.heading?.trim() || this.msg('related.heading')}</div>
        <ul part="list">
          ${
            waiting
              ? Array.from(
                  { length: this.#requestLimit },
                  () =>
                    html`<li part="item" aria-hidden="true"><span class="image-skeleton"></span><span class="line"></span><span class="line short"></span></li>`,
                )
              : cards
          }
        </ul>
      </section>
      ${slot}`;
  }
}

addMessages(messages, translations);
addRoutes(relatedRoutes);
defineElement('news-related', NewsRelated);

declare global {
  interface HTMLElementTagNameMap {
    'news-related': NewsRelated;
  }
}
