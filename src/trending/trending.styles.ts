import { css } from 'lit';

export const styles = css`
  /* One line whatever it shows (skeleton, links, headlines), so nothing below it moves. */
  [part='base'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: var(--news-trending-height, 2.75rem);
    padding: 0 0.75rem;
    border-radius: var(--_radius);
    background: var(--news-trending-surface, var(--news-color-surface, light-dark(#f4f4f4, #1e1e1e)));
    color: var(--news-color-text, light-dark(#1b1b1b, #ececec));
  }
  [part='label'] {
    padding: 0 0.5rem;
    border-radius: 1rem;
    background: var(--news-trending-accent, var(--_accent));
    color: light-dark(#fff, #111);
    font-size: 0.75rem;
    font-weight: 700;
    text-transform: uppercase;
  }
  /* The icons are drawn in CSS: pause is two bars (a box's side borders), play a triangle. */
  [part='control'] {
    display: grid;
    place-items: center;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: 50%;
    background: none;
    color: inherit;
  }
  [part='control']::before {
    content: '';
    inline-size: 0.625rem;
    block-size: 0.625rem;
    border-inline: 0.2rem solid;
  }
  :host([paused]) [part='control']::before {
    border: 0;
    background: currentColor;
    clip-path: polygon(10% 0, 100% 50%, 10% 100%);
  }
  [part='label'],
  [part='control'] {
    flex: none;
  }
  /* Every headline sits in the same cell; the current one shows, the others stay reachable by Tab. */
  [part='list'] {
    display: grid;
    flex: 1;
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='item'] {
    grid-area: 1 / 1;
    min-inline-size: 0;
    opacity: 0;
    pointer-events: none;
  }
  .current {
    opacity: 1;
    pointer-events: auto;
  }
  [part='link'] {
    display: block;
    overflow: hidden;
    color: inherit;
    font-weight: 600;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  /* The skeleton: one headline-sized bar. */
  span:empty {
    display: block;
    block-size: 1.5em;
    max-inline-size: 24rem;
    border-radius: var(--_radius);
    background: var(--_placeholder);
  }
  @media (prefers-reduced-motion: no-preference) {
    .current {
      animation: in 0.4s ease-out;
    }
  }
  @keyframes in {
    from {
      opacity: 0;
      transform: translateY(0.5em);
    }
  }
`;
