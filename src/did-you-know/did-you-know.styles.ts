import { css } from 'lit';

export const styles = css`
  :host {
    /* This element's accent over the shared one; the focus ring follows it. */
    --_tint: var(--news-did-you-know-accent, var(--_accent));
    --_ring: var(--_tint);
    --_surface: var(--news-did-you-know-surface, var(--news-color-surface, light-dark(#eef4fb, #17212c)));
    margin-block: calc(var(--_space) * 1.5);
  }
  /* The container is the wrapper, not the host, so a floated or inline-block host keeps its size. */
  .container {
    container-type: inline-size;
  }
  [part='base'] {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    padding: var(--_space) calc(var(--_space) * 1.25);
    border-inline-start: 4px solid var(--_tint);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--news-color-text, inherit);
    font-family: var(--news-font-body, inherit);
    font-size: 1rem;
    line-height: 1.5;
  }
  :host([variant='highlight']) [part='base'] {
    border: 2px solid var(--_tint);
    background: color-mix(in srgb, var(--_tint) 12%, var(--_surface));
  }
  :host([variant='quiet']) [part='base'] {
    border-radius: 0;
    background: transparent;
    border-inline-start-width: 2px;
    padding-block: calc(var(--_space) * 0.5);
  }
  [part='icon'] {
    grid-row: span 2;
    width: 1.5em;
    height: 1.5em;
    color: var(--_tint);
  }
  [part='icon'] svg {
    display: block;
    width: 100%;
    height: 100%;
  }
  [part='heading'] {
    margin: 0;
    font-family: var(--news-font-heading, inherit);
    font-size: 1.0625rem;
    font-weight: 700;
    line-height: 1.4;
    color: var(--_tint);
  }
  [part='body'] {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  ::slotted(p) {
    margin-block: 0 0.5em;
  }
  ::slotted(:last-child) {
    margin-block-end: 0;
  }
  /* Narrow boxes: the fact uses the full width under the icon and heading. */
  @container (max-width: 24rem) {
    [part='icon'] {
      grid-row: auto;
    }
    [part='body'] {
      grid-column: 1 / -1;
    }
  }
  @media (forced-colors: active) {
    [part='base'] {
      border: 1px solid CanvasText;
    }
  }
`;
