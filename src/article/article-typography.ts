import { css } from 'lit';

/**
 * Typography for the article's light DOM. Every selector sits inside `:where()`, so its
 * specificity is zero and any rule the publisher writes wins. Installed once per document
 * (or shadow root) as a constructed stylesheet, which a strict CSP allows.
 */
const typography = css`
  :where(news-article) {
    display: block;
    color: var(--news-color-text, inherit);
    font-family: var(--news-font-body, inherit);
  }
  :where(news-article > [slot='kicker']) {
    margin: 0 0 0.5rem;
    color: var(--_accent);
    font-size: 0.8125rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }
  :where(news-article > [slot='headline']) {
    margin: 0 0 0.75rem;
    font-family: var(--news-font-heading, inherit);
    font-size: clamp(1.75rem, 1.2rem + 2.5vw, 2.75rem);
    font-weight: 800;
    line-height: 1.15;
    text-wrap: balance;
  }
  :where(news-article > [slot='dek']) {
    margin: 0 0 1rem;
    color: var(--_muted);
    font-size: 1.1875rem;
    line-height: 1.5;
  }
  :where(news-article > p, news-article > ul, news-article > ol, news-article > blockquote, news-article > figure) {
    margin-block: 0 1.25em;
  }
  :where(news-article > p, news-article > ul, news-article > ol) {
    font-size: 1.125rem;
    line-height: 1.65;
  }
  /* Long URLs and words wrap instead of pushing the page sideways on a phone. */
  :where(news-article > *, news-article figcaption) {
    overflow-wrap: break-word;
  }
  :where(news-article > h2, news-article > h3, news-article > h4) {
    margin-block: 1.75em 0.5em;
    font-family: var(--news-font-heading, inherit);
    line-height: 1.25;
    text-wrap: balance;
  }
  :where(news-article > h2) {
    font-size: 1.5rem;
  }
  :where(news-article > h3) {
    font-size: 1.25rem;
  }
  :where(news-article > ul, news-article > ol) {
    padding-inline-start: 1.5em;
  }
  :where(news-article > ul > li, news-article > ol > li) {
    margin-block: 0.3em;
  }
  :where(news-article > blockquote) {
    margin-inline: 0;
    padding-inline-start: 1em;
    border-inline-start: 3px solid var(--_accent);
    font-size: 1.25rem;
    font-style: italic;
    line-height: 1.5;
  }
  /* Scripts without italics (Arabic, Hebrew, CJK) keep their upright form. */
  :where(news-article > blockquote:is(:lang(ar), :lang(fa), :lang(he), :lang(ur), :lang(zh), :lang(ja), :lang(ko))) {
    font-style: normal;
  }
  :where(news-article > blockquote > footer, news-article > blockquote cite) {
    display: block;
    margin-block-start: 0.5em;
    color: var(--_muted);
    font-size: 0.9rem;
    font-style: normal;
  }
  :where(news-article > figure, news-article > [slot='hero']) {
    margin-inline: 0;
  }
  :where(news-article > [slot='hero']) {
    margin-block: 0 1.5rem;
  }
  :where(news-article > figure img, news-article > [slot='hero'] img) {
    display: block;
    width: 100%;
    height: auto;
    border-radius: var(--_radius);
  }
  :where(news-article > figure figcaption, news-article > [slot='hero'] figcaption) {
    margin-block-start: 0.5rem;
    color: var(--_muted);
    font-size: 0.875rem;
    line-height: 1.45;
  }
  :where(news-article .credit) {
    font-size: 0.8125rem;
    letter-spacing: 0.01em;
  }
  :where(news-article > p a, news-article > ul a, news-article > ol a, news-article > blockquote a) {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
`;

const installed = new WeakSet<Document | ShadowRoot>();

/** Adds the article typography to the document or shadow root holding `element`, once. */
export function installTypography(element: Element): void {
  const root = element.getRootNode() as Document | ShadowRoot;
  if (installed.has(root) || !('adoptedStyleSheets' in root) || !typography.styleSheet) return;
  installed.add(root);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, typography.styleSheet];
}
