import { css } from 'lit';

export const styles = css`
  :host {
    --_avatar-size: var(--news-byline-avatar-size, 2.75rem);
    margin-block: 0 1.25rem;
  }
  [part='base'] {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    color: var(--news-color-text, inherit);
    font-family: var(--news-font-body, inherit);
    font-size: 0.9375rem;
    line-height: 1.4;
  }
  [part='avatar'] {
    display: grid;
    flex: none;
    place-items: center;
    width: var(--_avatar-size);
    height: var(--_avatar-size);
    overflow: hidden;
    border-radius: 50%;
    background: var(--news-byline-avatar-background, var(--_avatar-bg));
    color: var(--news-byline-avatar-color, var(--_avatar-fg));
    font-weight: 700;
    font-size: calc(var(--_avatar-size) * 0.38);
    letter-spacing: 0.02em;
    user-select: none;
  }
  [part='avatar'] img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .text {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  [part='author'] {
    margin: 0;
    font-weight: 700;
  }
  [part='author'] a {
    color: inherit;
    text-decoration: underline;
    text-decoration-color: color-mix(in srgb, currentColor 35%, transparent);
    text-underline-offset: 0.15em;
  }
  [part='meta'] {
    margin: 0.125rem 0 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  [part='meta'] > span:not(:first-child)::before {
    content: '·';
    margin-inline: 0.45em;
  }
`;
