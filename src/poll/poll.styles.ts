import { css } from 'lit';

/*
 * A choice and a result share one row box (`.row`), the vote button and the total share one
 * footer box, and the skeleton uses the same boxes: switching from loading to voting to results
 * moves nothing on the page.
 */
export const styles = css`
  :host {
    --_bar: var(--news-poll-bar-color, var(--_accent));
    --_ring: var(--_bar);
    --_fill: var(--news-poll-bar-fill, color-mix(in srgb, var(--_bar) 16%, transparent));
    --_line: var(--news-poll-border-color, var(--_border));
    /* Text on the accent: the vote button and the "Your choice" tag. */
    --_on-bar: light-dark(#fff, #1a1a1a);
    --_row: 2.75rem;
    margin-block: calc(var(--_space) * 2);
    color: var(--news-color-text, inherit);
    font-family: var(--news-font-body, inherit);
    --_line-height: 1.45;
  }
  [part='base'] {
    padding: calc(var(--_space) * 1.25);
    border: 1px solid var(--_line);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--news-poll-surface, var(--news-color-surface, transparent));
  }
  form,
  fieldset {
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  /* Padding, not margin: a legend's margin does not collapse like a paragraph's. */
  .question {
    display: block;
    margin: 0;
    padding: 0 0 0.25rem;
    font-family: var(--news-font-heading, inherit);
    font-size: 1.25rem;
    font-weight: 700;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .hint,
  .message,
  .note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .hint {
    margin-block-end: 0.25rem;
  }
  .results {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .row {
    position: relative;
    display: flex;
    align-items: center;
    gap: 0.625rem;
    min-block-size: var(--_row);
    margin-block-start: 0.5rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .label {
    position: relative;
    flex: 1;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .choice {
    cursor: pointer;
  }
  .choice:hover {
    border-color: var(--_bar);
  }
  .choice:has(:checked),
  .mine {
    border-color: var(--_bar);
    box-shadow: inset 0 0 0 1px var(--_bar);
  }
  fieldset:disabled .choice {
    cursor: default;
    border-color: var(--_line);
    color: var(--_muted);
  }
  input {
    flex: none;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--_bar);
  }
  .bar {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    inline-size: var(--_share, 0%);
    border-block-end: 4px solid var(--_bar);
    background: var(--_fill);
  }
  /*
   * A result keeps its label where the choice had it, and its numbers stacked at the row's end (the
   * share over the count), drawn into the row's padding so they fit a one-line row: voting makes a
   * row taller only when its label needs one more line beside them.
   */
  .numbers {
    position: relative;
    flex: none;
    display: flex;
    flex-direction: column-reverse;
    align-items: end;
    margin-block: -0.25rem;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
  }
  .mine .label {
    font-weight: 700;
  }
  /* Inside the label, after its last word: it takes a line of its own only when that line is full. */
  .tag {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: 1em;
    background: var(--_bar);
    color: var(--_on-bar);
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.6;
  }
  .count {
    color: var(--_muted);
    font-size: 0.75rem;
  }
  .share {
    font-weight: 700;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    min-block-size: var(--_row);
    margin-block-start: 0.75rem;
  }
  .total {
    font-weight: 700;
  }
  .closed {
    color: inherit;
    font-weight: 700;
  }
  .problem {
    margin-block-start: 0.5rem;
    color: var(--_accent);
    font-weight: 600;
  }
  button {
    min-block-size: var(--_row);
    padding: 0.5rem 1.5rem;
    border: 1px solid var(--_bar);
    border-radius: var(--_radius);
    background: var(--_bar);
    color: var(--_on-bar);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  button.secondary {
    min-block-size: 2.25rem;
    padding-inline: 0.75rem;
    background: none;
    color: inherit;
    font-weight: 600;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.45;
  }
  .question:focus:not(:focus-visible) {
    outline: none;
  }
  .skeleton {
    --_skeleton: var(--_placeholder);
  }
  .skeleton .line,
  .skeleton .row {
    display: block;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_skeleton);
  }
  /* Two lines of question, the usual length: a full line and a shorter one. */
  .skeleton .question-line {
    block-size: 3.5rem;
    background:
      linear-gradient(var(--_skeleton) 0 0) 0 0.2rem / 100% 1.2rem no-repeat,
      linear-gradient(var(--_skeleton) 0 0) 0 1.8rem / 55% 1.2rem no-repeat;
  }
  .skeleton .question-line:dir(rtl) {
    background-position-x: 100%;
  }
  .skeleton .button-line {
    inline-size: 6rem;
    block-size: var(--_row);
  }
  @media (prefers-reduced-motion: no-preference) {
    .bar {
      transition: inline-size 0.6s ease-out;
    }
    .skeleton .line,
    .skeleton .row {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (forced-colors: active) {
    .bar {
      background: Highlight;
      opacity: 0.4;
    }
  }
`;
