import { css, LitElement, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import { consumePage, providePageDefaults, type PageContext } from './context.js';
import { NewsErrorEvent } from './events.js';
import { msg, onMessagesChanged } from './i18n.js';
import type { NewsAdapter } from './types.js';

providePageDefaults();

/**
 * Shared host rules: the default palette and spacing every element draws with, defined here and
 * nowhere else, so the elements match (an element may layer its own custom property on top, falling
 * back to these), block layout, border-box sizing, and `hidden` that page CSS can't undo. Custom
 * properties inherit, so `<news-article>`'s light-DOM typography draws with them too.
 */
export const hostStyles = css`
  :host {
    --_accent: var(--news-color-accent, light-dark(#0b5cad, #7db7ff));
    --_muted: var(--news-color-muted, light-dark(#555, #b0b0b0));
    --_border: var(--news-color-border, light-dark(#d9d9d9, #3a3a3a));
    --_space: var(--news-space, 1rem);
    --_radius: var(--news-radius, 0.375rem);
    /* Skeletons and image placeholders; initials avatars. */
    --_placeholder: light-dark(#e8e8e8, #2a2a2a);
    --_avatar-bg: light-dark(#dfe9f5, #24364a);
    --_avatar-fg: light-dark(#0a3f75, #d6e7fb);
    display: block;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  /* One keyboard focus ring for every element, in its accent (or --_ring where that differs). */
  :focus-visible {
    outline: 2px solid var(--_ring, var(--_accent));
    outline-offset: 2px;
  }
  a:focus-visible {
    border-radius: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * The elements' own typography, set on the top-level boxes inside the shadow root. A page rule such
 * as `* { line-height: 3 !important; font-size: 22px !important }` matches the host element but never
 * the shadow tree, so nothing it puts on the host reaches the text by inheritance. `font-family`
 * still inherits (or comes from `--news-font-body`), colors come from the `--news-*` tokens, and an
 * element picks its line height with `--_line-height` on `:host`. Slotted publisher content keeps
 * the page's typography. Not for inline elements that should match the text around them.
 */
export const textStyles = css`
  :host > :not(slot, style) {
    font-size: 1rem;
    font-style: normal;
    font-weight: 400;
    line-height: var(--_line-height, 1.5);
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-align: start;
    white-space: normal;
  }
`;

const connected = new Set<NewsElement>();
let langObserver: MutationObserver | undefined;

function refreshAll() {
  connected.forEach((element) => element.requestUpdate());
}

/** The nearest `lang` up the tree, crossing shadow roots; `en` when none is set. */
export function findLang(node: Node): string {
  for (let current: Node | null = node; current;) {
    if (current instanceof Element && current.getAttribute('lang')) return current.getAttribute('lang')!;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return 'en';
}

/**
 * Base of every news element: page context, locale, localized messages, typed events and
 * error reporting. Subclasses register with `defineElement()`.
 */
export class NewsElement extends LitElement {
  static override styles: CSSResultGroup = hostStyles;

  // Declared without decorators: the same reactive properties, a smaller bundle.
  static override properties: PropertyDeclarations = {
    adapter: { attribute: false },
    page: { state: true, attribute: false },
    locale: { state: true, attribute: false },
  };

  /** The adapter this element talks to; by default the enclosing article's or the page's. */
  adapter?: NewsAdapter;

  /** Page facts from the nearest `<news-article>` or the document-level defaults. */
  protected page?: PageContext;

  /** The locale in force: the nearest `lang` attribute up the tree. */
  protected locale = 'en';

  #warned = new Set<string>();
  #stopMessages?: () => void;

  constructor() {
    super();
    consumePage(this, (page) => (this.page = page));
  }

  protected get resolvedAdapter(): NewsAdapter | undefined {
    return this.adapter ?? this.page?.adapter;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    this.#stopMessages = onMessagesChanged(() => this.requestUpdate());
    if (!langObserver) {
      langObserver = new MutationObserver(refreshAll);
      langObserver.observe(document, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    this.#stopMessages?.();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.locale = findLang(this);
  }

  /** Never let one broken render escape a lifecycle callback and break the page. */
  protected override update(changed: PropertyValues): void {
    try {
      super.update(changed);
    } catch (error) {
      this.fail('render_failed', `could not render: ${String(error)}`);
    }
  }

  /** A localized message for this element's locale. */
  protected msg(key: string, params?: Record<string, string | number>): string {
    return msg(this.locale, key, params);
  }

  /** Dispatches `event` from this element; returns false when a listener cancelled it. */
  emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  /**
   * Reports bad input or a failed request: one `console.warn` per problem naming the element,
   * and a `news-error` event for the host page.
   */
  protected fail(code: string, message: string): void {
    const tag = this.localName;
    if (!this.#warned.has(code)) {
      this.#warned.add(code);
      console.warn(`<${tag}>: ${message}`);
    }
    this.emit(new NewsErrorEvent({ element: tag, code, message }));
  }
}

let deferred: ((tag: string, define: () => void) => void) | undefined;

/**
 * From now on `defineElement()` hands each definition to `hook`, which runs it when it chooses. The
 * CDN bundle defines an element when one of its tags nears the viewport, one element per task.
 */
export function deferDefinitions(hook: (tag: string, define: () => void) => void): void {
  deferred = hook;
}

/**
 * Defines a custom element unless the tag is taken, e.g. by a second copy of the library
 * on the same page: then it warns and keeps the first definition instead of throwing.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (deferred) deferred(tag, () => define(tag, element));
  else define(tag, element);
}

function define(tag: string, element: CustomElementConstructor) {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, element);
  } else if (existing !== element) {
    console.warn(`news-elements: <${tag}> is already defined (two copies of news-elements on this page?); keeping the first definition.`);
  }
}
