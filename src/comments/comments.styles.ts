import { css } from 'lit';

export const styles = css`
  :host {
    /* This element's accent over the shared one; the focus ring follows it. */
    --_tint: var(--news-comments-accent, var(--_accent));
    --_ring: var(--_tint);
    --_surface: var(--news-comments-surface, var(--news-color-surface, light-dark(#f3f4f6, #1d2027)));
    --_line: var(--news-comments-border, var(--_border));
    --_error: light-dark(#b3261e, #ff9b93);
    --_avatar: var(--news-comments-avatar-size, 2.25rem);
    color: var(--news-color-text, inherit);
    font-family: var(--news-font-body, inherit);
    --_line-height: 1.5;
  }
  .head,
  .row,
  .actions,
  .confirm,
  .meta,
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .head {
    justify-content: space-between;
    margin-block-end: var(--_space);
    padding-block-start: 0.75rem;
    border-block-start: 3px solid;
  }
  [part='heading'] {
    margin: 0;
    font-family: var(--news-font-heading, inherit);
    font-size: 1.375rem;
    font-weight: 800;
  }
  .sort,
  .meta,
  .counter,
  .actions,
  .link,
  .empty,
  .gone {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  button,
  select,
  textarea,
  .button {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: Canvas;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .primary {
    border-color: var(--_tint);
    background: var(--_tint);
    color: light-dark(#fff, #0d1117);
    font-weight: 700;
    text-decoration: none;
  }
  :disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  a {
    color: var(--_tint);
  }
  .composer,
  .sign-in,
  .confirm {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    margin-block: 0.5rem var(--_space);
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .composer label {
    font-weight: 700;
  }
  textarea {
    width: 100%;
    min-height: 5.5rem;
    max-height: 24rem;
    cursor: text;
    resize: vertical;
    field-sizing: content;
  }
  .row {
    width: 100%;
  }
  .counter {
    margin-inline-end: auto;
  }
  .over,
  .error {
    color: var(--_error);
    font-weight: 600;
  }
  p {
    margin: 0;
  }
  .confirm {
    display: flex;
  }
  .danger {
    border-color: var(--_error);
    color: var(--_error);
  }
  .new {
    position: sticky;
    top: 0.75rem;
    z-index: 1;
    display: flex;
    justify-content: center;
    height: 0;
  }
  .new button {
    border-radius: 2rem;
    box-shadow: 0 0.25rem 1rem #0004;
  }
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .list > li {
    padding-block: 0.75rem;
    border-block-end: 1px solid var(--_line);
    content-visibility: auto;
    contain-intrinsic-size: auto 8rem;
  }
  .replies {
    display: grid;
    gap: 0.75rem;
    margin-block-start: 0.5rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 2px solid var(--_line);
  }
  .comment {
    /* Nothing a reader writes (long words, stacked accents, bidi controls) draws outside its comment. */
    overflow: hidden;
    overflow: clip;
    overflow-clip-margin: 0.25rem;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  .posting {
    background: var(--_surface);
  }
  .avatar {
    display: grid;
    flex: none;
    place-items: center;
    width: var(--_avatar);
    height: var(--_avatar);
    overflow: hidden;
    border-radius: 50%;
    background: var(--_avatar-bg);
    color: var(--_avatar-fg);
    font-size: calc(var(--_avatar) * 0.38);
    font-weight: 700;
  }
  img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .meta {
    flex: 1;
    gap: 0 0.5rem;
  }
  .author {
    color: var(--news-color-text, CanvasText);
    font-size: 1rem;
    font-weight: 700;
  }
  .flag {
    padding-inline: 0.375rem;
    border: 1px solid;
    border-radius: var(--_radius);
    font-weight: 700;
  }
  .body {
    margin-block: 0.375rem;
    white-space: pre-wrap;
    /* Stacked combining marks ("zalgo") paint far above and below their line: keep their ink inside the
       body (a few pixels of margin leave focus rings on links whole) so they never cover the author line
       or the buttons. */
    overflow: hidden;
    overflow: clip;
    overflow-clip-margin: 0.25rem;
  }
  .mention {
    color: var(--_tint);
  }
  .actions {
    gap: 0.25rem;
  }
  .actions button,
  .link {
    min-height: 2rem;
    padding-inline: 0.5rem;
    border-color: transparent;
    background: none;
    color: inherit;
    font-weight: 600;
  }
  .link,
  .actions [aria-pressed='true'] {
    color: var(--_tint);
  }
  [aria-pressed]::before {
    content: '♥ ';
  }
  .count:not(:empty)::before {
    content: ' · ';
  }
  .more {
    width: 100%;
    margin-block-start: var(--_space);
    font-weight: 700;
  }
  .skeleton span,
  .gate {
    display: block;
    width: 70%;
    height: 0.875rem;
    margin-block: 0.5rem;
    border-radius: var(--_radius);
    background: var(--_placeholder);
  }
  .gate {
    width: auto;
    height: 8rem;
  }
`;
