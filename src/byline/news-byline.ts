import { html, nothing, type PropertyValues } from 'lit';
import { formatDate, parseDate } from '../core/i18n.js';
import { formatRelative } from '../core/relative-time.js';
import { defineElement, hostStyles, NewsElement, textStyles } from '../core/news-element.js';
import { safeUrl } from '../core/safe-url.js';
import { avatarText } from './initials.js';
import { styles } from './byline.styles.js';
import { addMessages } from '../core/index.js';
import { messages, translations } from './messages.js';

/**
 * @summary "By <author>" with an avatar (initials when there is no photo), published and updated
 * dates, and the reading time.
 * @tagname news-byline
 *
 * @csspart base - The row.
 * @csspart avatar - The round avatar: a photo or the author's initials.
 * @csspart author - The "By <author>" line.
 * @csspart meta - Dates and reading time.
 *
 * @cssprop [--news-byline-avatar-size=2.75rem] - Avatar diameter.
 * @cssprop [--news-byline-avatar-background] - Background behind the initials.
 * @cssprop [--news-byline-avatar-color] - Color of the initials.
 */
export class NewsByline extends NewsElement {
  static override styles = [hostStyles, textStyles, styles];

  // Declared without decorators: the same reactive properties, a smaller bundle.
  static override properties = {
    author: {},
    avatar: {},
    authorHref: { attribute: 'author-href' },
    publishedAt: { attribute: 'published' },
    updatedAt: { attribute: 'updated' },
    readingTime: { attribute: 'reading-time' },
    _avatarFailed: { state: true, attribute: false },
  };

  /** Author or desk name, e.g. "Metro Bureau". */
  author?: string;

  /** Author photo URL; the initials show when it is missing or fails to load. */
  avatar?: string;

  /** Link to the author's page. */
  authorHref?: string;

  /** Publication date (ISO 8601). */
  publishedAt?: string;

  /** Last update (ISO 8601), shown when later than `published`. (`updated` is taken by Lit's lifecycle.) */
  updatedAt?: string;

  /** Minutes to read, or `auto` to take the enclosing `<news-article>`'s figure. */
  readingTime?: string;

  private _avatarFailed = false;
  #ticker?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    // "3 minutes ago" must not go stale while the page stays open.
    this.#ticker = setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#ticker);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('avatar')) this._avatarFailed = false;
    for (const name of ['publishedAt', 'updatedAt'] as const) {
      const value = this[name];
      if (changed.has(name) && value && !parseDate(value)) this.fail('invalid_date', `ignored ${name}="${value.slice(0, 60)}": not a date`);
    }
    if (changed.has('authorHref') && this.authorHref && !safeUrl(this.authorHref)) {
      this.fail('unsafe_href', `refused author-href "${this.authorHref.slice(0, 100)}": only http(s) and relative URLs are allowed`);
    }
  }

  #minutes(): number | null {
    const value = this.readingTime?.trim();
    if (!value) return null;
    if (value === 'auto') return this.page?.readingMinutes ?? null;
    const minutes = Math.round(Number(value));
    return Number.isFinite(minutes) && minutes > 0 ? minutes : null;
  }

  /** Splits a message at its `{name}` placeholder, so markup (a link, a `<time>`) can sit inside it. */
  #around(key: string, name: string): [string, string] {
    const [before, after = ''] = this.msg(key, { [name]: '\u0000' }).split('\u0000');
    return [before, after];
  }

  #date(date: Date, key: string) {
    const shown = formatRelative(this.locale, date) ?? formatDate(this.locale, date, { dateStyle: 'long' });
    const [before, after] = this.#around(key, 'date');
    return html`<span>${before}<time datetime=${date.toISOString()} @pointerenter=${this.#addTitle}>${shown}</time>${after}</span>`;
  }

  /**
   * The exact date and time as a tooltip, written when the pointer first comes over the date: only a
   * mouse shows it, and a second date format at load would cost the page ICU's date data for nothing.
   */
  #addTitle = (event: Event) => {
    const time = event.currentTarget as HTMLTimeElement;
    const date = parseDate(time.dateTime);
    if (date) time.title = formatDate(this.locale, date, { dateStyle: 'long', timeStyle: 'short' });
  };

  override render() {
    const author = this.author?.trim() ?? '';
    const avatar = this._avatarFailed ? null : safeUrl(this.avatar);
    const href = safeUrl(this.authorHref);
    const [before, after] = this.#around('byline.by', 'author');
    const minutes = this.#minutes();
    const published = parseDate(this.publishedAt);
    const updated = parseDate(this.updatedAt);
    const showUpdated = updated && (!published || updated.getTime() - published.getTime() > 60_000);
    const letters = avatarText(author, this.locale);

    return html`<div part="base">
      ${
        author || avatar
          ? html`<span part="avatar" role="img" aria-label=${author || this.msg('byline.avatar')}>
            ${
              avatar
                ? html`<img src=${avatar} alt="" width="44" height="44" @error=${() => (this._avatarFailed = true)} />`
                : html`<span aria-hidden="true">${letters}</span>`
            }
          </span>`
          : nothing
      }
      <div class="text">
        ${author ? html`<p part="author">${before}${href ? html`<a href=${href}>${author}</a>` : author}${after}</p>` : nothing}
        <p part="meta">${published ? this.#date(published, 'byline.published') : nothing}${showUpdated ? this.#date(updated!, 'byline.updated') : nothing}${
          minutes ? html`<span>${this.msg('byline.readingTime', { count: minutes })}</span>` : nothing
        }</p>
      </div>
    </div>`;
  }
}

addMessages(messages, translations);
defineElement('news-byline', NewsByline);

declare global {
  interface HTMLElementTagNameMap {
    'news-byline': NewsByline;
  }
}
