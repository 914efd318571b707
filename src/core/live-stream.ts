import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveEvent, NewsAdapter } from './types.js';

export interface LiveStreamOptions {
  /**
   * The adapter and channel to follow (e.g. `polls/bridge`), read after each update; `undefined`
   * (or an adapter without `subscribe`) closes the stream.
   */
  channel: () => readonly [adapter: NewsAdapter | undefined, channel: string] | undefined;
  /** One event from the stream. */
  onEvent: (event: LiveEvent) => void;
  /** The adapter could not open the stream. */
  onError?: (error: unknown) => void;
}

/**
 * Follows one live channel of an adapter (server-sent events) for an element: opens it when the
 * element asks for one, reopens it when the adapter or channel changes, closes it when the element
 * leaves the page. Shared by the live comments thread and the live poll.
 */
export class LiveStreamController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: LiveStreamOptions;
  #open?: readonly [NewsAdapter, string];
  #close?: () => void;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LiveStreamOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const [adapter, channel] = (this.#host.isConnected && this.#options.channel()) || [];
    const wanted = adapter?.subscribe && channel ? ([adapter, channel] as const) : undefined;
    if (wanted?.[0] === this.#open?.[0] && wanted?.[1] === this.#open?.[1]) return;
    this.close();
    if (!wanted) return;
    this.#open = wanted;
    try {
      this.#close = wanted[0].subscribe!(wanted[1], (event) => this.#options.onEvent(event));
    } catch (error) {
      this.#options.onError?.(error);
    }
  }

  /** Closes the stream; the next update opens it again if the element still wants it. */
  close(): void {
    this.#close?.();
    this.#close = this.#open = undefined;
  }

  hostDisconnected(): void {
    this.close();
  }
}
