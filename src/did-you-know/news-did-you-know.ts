import { html } from 'lit';
import { defineElement, hostStyles, NewsElement, textStyles } from '../core/news-element.js';
import { styles } from './did-you-know.styles.js';
import { addMessages } from '../core/index.js';
import { messages, translations } from './messages.js';

export type DidYouKnowVariant = 'note' | 'highlight' | 'quiet';

const lightBulb = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" focusable="false">
  <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.6 10.8c.6.5 1 1.2 1 2V16h5.2v-.2c0-.8.4-1.5 1-2A6 6 0 0 0 12 3z" />
</svg>`;

/**
 * @summary A highlighted "Did you know?" fact box: an aside with a heading and a sentence or two of background.
 * @tagname news-did-you-know
 *
 * @slot - The fact: text or simple inline HTML such as `<p>`, `<a>`, `<strong>`.
 * @slot heading - Rich heading content; replaces the `heading` attribute.
 *
 * @csspart base - The aside box.
 * @csspart icon - The light-bulb icon.
 * @csspart heading - The heading.
 * @csspart body - The wrapper around the fact.
 *
 * @cssprop [--news-did-you-know-accent=var(--news-color-accent)] - Border, icon and heading color.
 * @cssprop [--news-did-you-know-surface=var(--news-color-surface)] - Box background.
 */
export class NewsDidYouKnow extends NewsElement {
  static override styles = [hostStyles, textStyles, styles];

  // Declared without decorators: the same reactive properties, a smaller bundle.
  static override properties = {
    heading: {},
    variant: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Heading text. Defaults to the localized "Did you know?". */
  heading?: string;

  /** Visual weight: `note` (default), `highlight` (boxed) or `quiet` (no background). */
  variant: DidYouKnowVariant = 'note';

  /** Heading level (2–6) in the page outline. */
  headingLevel = 2;

  override render() {
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2));
    return html`<div class="container"><aside part="base" aria-labelledby="heading">
      <span part="icon" aria-hidden="true">${lightBulb}</span>
      <div part="heading" id="heading" role="heading" aria-level=${level}>
        <slot name="heading">${this.heading?.trim() || this.msg('didYouKnow.heading')}</slot>
      </div>
      <div part="body"><slot></slot></div>
    </aside></div>`;
  }
}

addMessages(messages, translations);
defineElement('news-did-you-know', NewsDidYouKnow);

declare global {
  interface HTMLElementTagNameMap {
    'news-did-you-know': NewsDidYouKnow;
  }
}
