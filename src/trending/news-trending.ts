import { html, nothing, type PropertyValues } from 'lit';
import { TRENDING_MAX } from '../core/contract.js';
import { DataController } from '../core/data-controller.js';
import { holdHeightWhileVisible } from '../core/hold-height.js';
import { addMessages, addRoutes } from '../core/index.js';
import { defineElement, hostStyles, NewsElement, textStyles } from '../core/news-element.js';
import { safeUrl } from '../core/safe-url.js';
import type { ArticleSummary } from '../core/types.js';
import { messages, translations } from './messages.js';
import { trendingRoutes } from './routes.js';
import { styles } from './trending.styles.js';

type Headline = Pick<ArticleSummary, 'url' | 'headline'>;

/**
 * @summary A one-line strip of trending headlines: the top one, or each in turn with `rotate`.
 * Headlines come from the adapter (`GET /trending`: the most-read articles, or an editor's list),
 * or from child links. Child links are real links before the script runs; they stand in while the
 * API answers and stay when it fails or has nothing. With no headlines at all it renders nothing.
 * Rotation pauses while the pointer is over the strip or focus is inside it, and stops for good with
 * the pause button; with `prefers-reduced-motion: reduce` it starts paused and never animates.
 * The strip sits at the top of a page, so it loads at once (no `loading` attribute).
 * @tagname news-trending
 *
 * @slot - Fallback and progressive enhancement: `<a href>` links, each with a headline as its text.
 *
 * @csspart base - The strip.
 * @csspart label - The "Trending" label.
 * @csspart control - The pause/play button (only when rotating through several headlines).
 * @csspart list - The list of headlines.
 * @csspart item - One headline's list item.
 * @csspart link - One headline's link.
 *
 * @cssprop [--news-trending-height=2.75rem] - The strip's height (one line); give the fallback links the same.
 * @cssprop [--news-trending-surface=var(--news-color-surface)] - Strip background.
 * @cssprop [--news-trending-accent=var(--news-color-accent)] - Label background.
 *
 * @fires {NewsErrorEvent} news-error - The trending headlines could not be loaded.
 */
export class NewsTrending extends NewsElement {
  static override styles = [hostStyles, textStyles, styles];

  // Declared without decorators: the same reactive properties, a smaller bundle.
  static override properties = {
    section: {},
    limit: { type: Number },
    label: {},
    rotate: { type: Boolean },
    interval: { type: Number },
    refresh: { type: Number },
    paused: { type: Boolean, reflect: true },
    items: { attribute: false },
    _linked: { state: true },
    _index: { state: true },
  };

  /** Only this section's headlines (the publisher's section id); all sections by default. */
  section?: string;

  /** Most headlines to rotate through (1–20). */
  limit = 5;

  /** The strip's label; defaults to the localized "Trending". */
  label?: string;

  /** Shows each headline in turn instead of the top one only. */
  rotate = false;

  /** Seconds each headline shows while rotating. */
  interval = 6;

  /** Seconds between checks for a new list from the API while the page is visible; 0 never checks. */
  refresh = 60;

  /** Rotation stopped by the reader (the pause button) or the page; starts true with reduced motion. */
  paused = false;

  /** The headlines, when set directly (overrides child links and the API). */
  items?: Headline[];

  private _linked: Headline[] = [];
  private _index = 0;

  #hovered = false;
  #focused = false;
  #count = 0;
  #rotation?: ReturnType<typeof setTimeout>;
  #refresh?: ReturnType<typeof setTimeout>;
  #shown?: unknown;

  readonly #trending = new DataController(this, {
    args: () => (this.items ? undefined : ([this.resolvedAdapter, this.section ?? null, Math.max(1, Math.min(this.limit, TRENDING_MAX)) || 5] as const)),
    task: ([adapter, section, limit], signal) => adapter?.getTrending?.(section, limit, { signal }),
    onComplete: () => this.#schedule(),
    onError: (error) => {
      this.fail('load_failed', `could not load trending headlines: ${String(error)}`);
      this.#schedule();
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readLinks();
    // Reduced motion: nothing moves unless the reader asks for it with the play button.
    if (this.rotate && matchMedia('(prefers-reduced-motion: reduce)').matches) this.paused = true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#rotation);
    clearTimeout(this.#refresh);
  }

  /** Asks the API again after `refresh` seconds, or later while the page is hidden. */
  #schedule() {
    clearTimeout(this.#refresh);
    if (this.refresh > 0 && this.isConnected) {
      this.#refresh = setTimeout(() => (document.hidden ? this.#schedule() : void this.#trending.run()), this.refresh * 1000);
    }
  }

  #readLinks() {
    this._linked = [...this.querySelectorAll('a')].map((a) => ({ url: a.getAttribute('href')!, headline: a.textContent! }));
  }

  /** Rotation runs while there is more than one headline and nothing holds it. */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    clearTimeout(this.#rotation);
    const count = this.#count;
    if (count > 1 && !this.paused && !this.#hovered && !this.#focused && this.isConnected) {
      this.#rotation = setTimeout(() => (this._index = (this._index + 1) % count), this.interval * 1000);
    }
  }

  /** The pointer over the strip or focus inside it holds rotation; a headline reached with Tab is shown. */
  #hold(event: Event) {
    const type = event.type;
    if (type[0] === 'p') this.#hovered = type === 'pointerenter';
    else this.#focused = type === 'focusin';
    const item = (event.target as Element).closest('li');
    if (this.#focused && item) this._index = [...item.parentElement!.children].indexOf(item);
    this.requestUpdate();
  }

  override render() {
    const loaded = this.#trending.value;
    const source = this.items ?? (loaded?.length ? loaded : this._linked);
    const headlines = (Array.isArray(source) ? source : [])
      .map((item) => ({ url: safeUrl(item.url), headline: String(item.headline ?? '').trim() }))
      .filter((item) => item.url && item.headline)
      .slice(0, this.rotate ? this.limit : 1);
    const count = (this.#count = headlines.length);
    const status = this.#trending.status;
    const waiting = !count && !this.items && !!this.resolvedAdapter?.getTrending && (status === 'loading' || status === 'idle');
    const slot = html`<slot hidden @slotchange=${this.#readLinks}></slot>`;
    const shown = waiting || count;
    // Nothing to show after a skeleton or links: keep the room while the reader sees it.
    if (this.#shown && !shown) holdHeightWhileVisible(this);
    this.#shown = shown;
    if (!shown) return slot;
    const hold = this.#hold;

    return html`<div part="base" aria-busy=${waiting} @pointerenter=${hold} @pointerleave=${hold} @focusin=${hold} @focusout=${hold}>
        <span part="label" id="label">${this.label?.trim() || this.msg('trending.label')}</span>
        ${
          count > 1
            ? html`<button
                part="control"
                type="button"
                aria-label=${this.msg(this.paused ? 'trending.play' : 'trending.pause')}
                @click=${() => (this.paused = !this.paused)}
              ></button>`
            : nothing
        }
        <ul part="list" aria-labelledby="label">
          ${
            waiting
              ? html`<li part="item" class="current" aria-hidden="true"><span></span></li>`
              : headlines.map(
                  (item, i) =>
                    html`<li part="item" class=${i === this._index % count ? 'current' : ''}><a part="link" href=${item.url!} dir="auto">${item.headline}</a></li>`,
                )
          }
        </ul>
      </div>
      ${slot}`;
  }
}

addMessages(messages, translations);
addRoutes(trendingRoutes);
defineElement('news-trending', NewsTrending);

declare global {
  interface HTMLElementTagNameMap {
    'news-trending': NewsTrending;
  }
}
