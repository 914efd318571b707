import { html, nothing, type PropertyValues } from 'lit';
import { DataController } from '../core/data-controller.js';
import { NewsAlsoReadClickEvent } from '../core/events.js';
import { NearViewportController } from '../core/near-viewport.js';
import { defineElement, hostStyles, NewsElement, textStyles } from '../core/news-element.js';
import { safeUrl } from '../core/safe-url.js';
import type { ArticleSummary } from '../core/types.js';
import { styles } from './also-read.styles.js';
import { addMessages, addRoutes } from '../core/index.js';
import { messages, translations } from './messages.js';
import { alsoReadRoutes } from './routes.js';

/**
 * @summary An inline "ALSO READ | headline" link to another article, with an optional thumbnail.
 * Before the element upgrades (or without JavaScript) its child link shows as a plain link.
 * @tagname news-also-read
 *
 * @slot - Fallback content: a link `<a href="…">Headline</a>` (or plain headline text). Its
 * `href` and text are used when the attributes are not set.
 *
 * @csspart base - The row holding thumbnail, label and link.
 * @csspart label - The "Also read" label.
 * @csspart link - The headline link (a `<span>` when the href was refused).
 * @csspart image - The thumbnail.
 *
 * @cssprop [--news-also-read-accent=var(--news-color-accent)] - Label color.
 * @cssprop [--news-also-read-image-size=4.5rem] - Thumbnail width (4:3).
 *
 * @fires {NewsAlsoReadClickEvent} news-also-read-click - The reader followed the link; cancel it to route in a single-page app.
 * @fires {NewsErrorEvent} news-error - The href was refused or the unfurl failed.
 */
export class NewsAlsoRead extends NewsElement {
  static override styles = [hostStyles, textStyles, styles];

  // Declared without decorators: the same reactive properties, a smaller bundle.
  static override properties = {
    href: { reflect: true },
    label: {},
    headline: {},
    image: {},
    unfurl: { type: Boolean, reflect: true },
    loading: {},
    _fallback: { state: true, attribute: false },
    _imageFailed: { state: true, attribute: false },
  };

  /** The linked article. Only http(s) and relative URLs are followed; anything else renders as plain text. */
  href?: string;

  /** Label before the headline. Defaults to the localized "Also read". */
  label?: string;

  /** Headline text. Defaults to the unfurled headline, then to the child link's text. */
  headline?: string;

  /** Thumbnail URL (decorative; the headline carries the meaning). */
  image?: string;

  /** Fetch the headline and thumbnail for `href` through the adapter (`lookupArticle`). */
  unfurl = false;

  /** `lazy` (default) unfurls when the link nears the viewport; `eager` unfurls at once. */
  loading: 'lazy' | 'eager' = 'lazy';

  private _fallback: { href?: string; headline?: string; image?: string } = {};
  private _imageFailed = false;
  /** Set when the light DOM was read, until the next update checks the fallback link. */
  #fallbackChanged = false;

  readonly #nearViewport = new NearViewportController(this, { eager: () => this.loading === 'eager' });
  /** Unfurls once per href, when asked to and near the viewport. */
  readonly #summary = new DataController(this, {
    args: () => (this.unfurl && this.#safeHref && this.#nearViewport.near ? [this.#safeHref] : undefined),
    task: ([href], signal): Promise<ArticleSummary> | undefined => {
      const adapter = this.resolvedAdapter;
      if (adapter) return adapter.lookupArticle(href, { signal });
      this.fail('no_adapter', 'unfurl needs an adapter: set <meta name="news-elements:endpoint">, call configure() or set the adapter property');
      return undefined;
    },
    onError: (error, [href]) => this.fail('unfurl_failed', `could not unfurl "${href}": ${String(error)}`),
  });

  get #rawHref(): string | undefined {
    return this.href ?? this._fallback.href;
  }

  get #safeHref(): string | null {
    return safeUrl(this.#rawHref);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readLightDom();
  }

  /** Reads the progressive-enhancement content: a child link, or plain text. */
  #readLightDom() {
    const link = this.querySelector('a');
    const text = (link ?? this).textContent?.replace(/\s+/g, ' ').trim();
    this.#fallbackChanged = true;
    this._fallback = {
      href: link?.getAttribute('href') ?? undefined,
      headline: text || undefined,
      image: this.querySelector('img')?.getAttribute('src') ?? undefined,
    };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Not `changed.has('_fallback')`: the CDN build renames the property, never a string.
    if (changed.has('href') || this.#fallbackChanged) {
      this.#fallbackChanged = false;
      if (this.#rawHref != null && !this.#safeHref) {
        this.fail('unsafe_href', `refused href "${this.#rawHref.slice(0, 200)}": only http(s) and relative URLs are allowed`);
      }
    }
    if (changed.has('image')) this._imageFailed = false;
  }

  #onClick(event: MouseEvent) {
    const allowed = this.emit(new NewsAlsoReadClickEvent({ href: this.#safeHref! }));
    if (!allowed) event.preventDefault();
  }

  override render() {
    const href = this.#safeHref;
    const unfurled = this.#summary.status === 'ready' ? this.#summary.value : undefined;
    const loading = this.unfurl && (this.#summary.status === 'loading' || (this.#summary.status === 'idle' && !!href && !!this.resolvedAdapter));
    const headline = this.headline?.trim() || unfurled?.headline?.trim() || this._fallback.headline || this.#rawHref || '';
    const image = this._imageFailed ? null : safeUrl(this.image ?? unfurled?.image ?? this._fallback.image);
    const waitingForHeadline = loading && !this.headline?.trim() && !this._fallback.headline;

    return html`<div part="base" aria-busy=${loading ? 'true' : 'false'}>
      ${
        image
          ? html`<img part="image" src=${image} alt="" loading="lazy" decoding="async" width="96" height="72" @error=${() => (this._imageFailed = true)} />`
          : loading && !this.image
            ? html`<span class="image-placeholder" aria-hidden="true"></span>`
            : nothing
      }
      <p class="text">
        <span part="label">${this.label?.trim() || this.msg('alsoRead.label')}</span><span class="visually-hidden">: </span
        ><span class="separator" aria-hidden="true">|</span>
        ${
          waitingForHeadline
            ? html`<span class="skeleton"></span><span class="visually-hidden">${this.msg('common.loading')}</span>`
            : href
              ? html`<a part="link" dir="auto" href=${href} @click=${this.#onClick}>${headline}</a>`
              : html`<span part="link" dir="auto">${headline}</span>`
        }
        ${
          this.#summary.status === 'error'
            ? html`<span class="problem" role="status"
              >${this.msg('alsoRead.previewFailed')}<button type="button" @click=${() => this.#summary.run()}>${this.msg('common.retry')}</button></span
            >`
            : nothing
        }
      </p>
      <slot hidden @slotchange=${this.#readLightDom}></slot>
    </div>`;
  }
}

addMessages(messages, translations);
addRoutes(alsoReadRoutes);
defineElement('news-also-read', NewsAlsoRead);

declare global {
  interface HTMLElementTagNameMap {
    'news-also-read': NewsAlsoRead;
  }
}
