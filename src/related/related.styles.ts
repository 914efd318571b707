import { css } from 'lit';

export const styles = css`
  /* The container is the section, not the host, so a floated host keeps its size. */
  [part='base'] {
    container-type: inline-size;
  }
  [part='base'] {
    margin-block: calc(var(--_space) * 2);
    color: var(--news-color-text, inherit);
    font-family: var(--news-font-body, inherit);
  }
  [part='heading'] {
    margin: 0 0 var(--_space);
    padding-block-start: calc(var(--_space) * 0.75);
    border-block-start: 3px solid currentColor;
    font-family: var(--news-font-heading, inherit);
    font-size: 1.375rem;
    font-weight: 800;
    line-height: 1.25;
  }
  [part='list'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: calc(var(--_space) * 1.25);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='item'] {
    min-width: 0;
  }
  [part='link'] {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    color: inherit;
    text-decoration: none;
  }
  [part='link']:hover [part='headline'] {
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  [part='link']:focus-visible {
    outline-offset: 3px;
  }
  [part='image'],
  .image-skeleton {
    display: block;
    width: 100%;
    aspect-ratio: 16 / 9;
    height: auto;
    border-radius: var(--_radius);
    object-fit: cover;
    background: var(--_placeholder);
  }
  [part='headline'] {
    font-family: var(--news-font-heading, inherit);
    font-size: 1.0625rem;
    font-weight: 700;
    line-height: 1.35;
    overflow-wrap: anywhere;
  }
  [part='date'] {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .line {
    display: block;
    height: 1rem;
    border-radius: var(--_radius);
    background: var(--_placeholder);
  }
  .line.short {
    width: 40%;
    height: 0.75rem;
  }
  /* Phones: one story per row, thumbnail beside the headline. */
  @container (max-width: 30rem) {
    [part='list'] {
      grid-template-columns: 1fr;
      gap: var(--_space);
    }
    [part='link'].with-image {
      display: grid;
      grid-template-columns: 7rem 1fr;
      grid-template-rows: auto 1fr;
      column-gap: 0.75rem;
      row-gap: 0.25rem;
    }
    [part='image'],
    .image-skeleton {
      grid-row: span 2;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .image-skeleton,
    .line {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
`;
