import { css } from 'lit';

export const styles = css`
  [part='header'] {
    display: block;
  }
  .skeleton {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-height: 48rem;
  }
  .skeleton span {
    display: block;
    height: 1.125rem;
    border-radius: var(--_radius);
    background: var(--_placeholder);
  }
  .skeleton .headline {
    height: 2.5rem;
    width: 85%;
  }
  .skeleton .hero {
    height: auto;
    aspect-ratio: 16 / 9;
  }
  .skeleton .short {
    width: 60%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton span {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  .error {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .error p {
    margin: 0 0 0.75em;
  }
  button {
    padding: 0.4em 0.9em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
`;
