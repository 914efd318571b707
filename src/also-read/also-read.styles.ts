import { css } from 'lit';

export const styles = css`
  :host {
    /* This element's accent over the shared one; the focus ring follows it. */
    --_tint: var(--news-also-read-accent, var(--_accent));
    --_ring: var(--_tint);
    --_image-size: var(--news-also-read-image-size, 4.5rem);
    margin-block: calc(var(--_space) * 1.25);
  }
  [part='base'] {
    display: flex;
    align-items: start;
    gap: calc(var(--_space) * 0.75);
    padding-block: calc(var(--_space) * 0.5);
    border-block: 1px solid var(--_border);
    color: var(--news-color-text, inherit);
    font-family: var(--news-font-heading, inherit);
    font-size: 1.0625rem;
    line-height: 1.4;
  }
  .text {
    flex: 1;
    min-width: 0;
    margin: 0;
    overflow-wrap: anywhere;
  }
  [part='label'] {
    color: var(--_tint);
    font-weight: 800;
    font-size: 0.875em;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
  /* Arabic script has no case and suffers from letter spacing. */
  :host(:lang(ar)) [part='label'] {
    letter-spacing: 0;
  }
  .separator {
    margin-inline: 0.4em;
    color: var(--_muted);
  }
  [part='link'] {
    color: inherit;
    font-weight: 700;
    text-decoration: underline;
    text-decoration-color: color-mix(in srgb, currentColor 35%, transparent);
    text-underline-offset: 0.15em;
  }
  span[part='link'] {
    text-decoration: none;
  }
  a[part='link']:hover {
    text-decoration-color: currentColor;
  }
  [part='image'],
  .image-placeholder {
    flex: none;
    width: var(--_image-size);
    aspect-ratio: 4 / 3;
    height: auto;
    border-radius: var(--_radius);
    object-fit: cover;
    background: var(--_placeholder);
  }
  .skeleton {
    display: inline-block;
    width: min(22em, 60%);
    height: 1em;
    vertical-align: middle;
    border-radius: 0.25em;
    background: var(--_placeholder);
  }
  .problem {
    display: block;
    margin-block-start: 0.25em;
    color: var(--_muted);
    font-family: var(--news-font-body, inherit);
    font-size: 0.8125rem;
    font-weight: 400;
  }
  button {
    margin-inline-start: 0.5em;
    padding: 0.125em 0.5em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton,
    .image-placeholder {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
`;
