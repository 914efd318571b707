import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & Element;

/** One observer per margin for the whole page, however many elements wait on it. */
const observers = new Map<string, IntersectionObserver>();
const waiting = new WeakMap<Element, () => void>();

function observerFor(margin: string): IntersectionObserver {
  let observer = observers.get(margin);
  if (!observer) {
    observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) waiting.get(entry.target)?.();
        }
      },
      { rootMargin: margin },
    );
    observers.set(margin, observer);
  }
  return observer;
}

/**
 * Becomes `near` once the host comes within `margin` of the viewport (or at once when `eager()`),
 * so below-the-fold widgets fetch nothing until the reader approaches them.
 */
export class NearViewportController implements ReactiveController {
  near = false;
  readonly #host: Host;
  readonly #margin: string;
  readonly #eager: () => boolean;
  readonly #onNear?: () => void;

  constructor(host: Host, options: { margin?: string; eager?: () => boolean; onNear?: () => void } = {}) {
    this.#host = host;
    this.#margin = options.margin ?? '600px';
    this.#eager = options.eager ?? (() => false);
    this.#onNear = options.onNear;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.near) return;
    if (this.#eager() || typeof IntersectionObserver === 'undefined') {
      this.#arrive();
      return;
    }
    waiting.set(this.#host, () => this.#arrive());
    observerFor(this.#margin).observe(this.#host);
  }

  hostDisconnected(): void {
    this.#stopWatching();
  }

  /** Re-checks `eager()`, e.g. after `loading` changed to `eager`. */
  hostUpdate(): void {
    if (!this.near && this.#eager()) this.#arrive();
  }

  #stopWatching() {
    waiting.delete(this.#host);
    observerFor(this.#margin).unobserve(this.#host);
  }

  #arrive() {
    if (this.near) return;
    this.#stopWatching();
    this.near = true;
    this.#host.requestUpdate();
    this.#onNear?.();
  }
}
