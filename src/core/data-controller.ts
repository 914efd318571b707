import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type DataStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface DataOptions<T, A extends readonly unknown[]> {
  /**
   * The request's inputs, read before each update (as `@lit/task`'s `args`). When they differ,
   * item by item, from the last ones loaded, the controller loads again; `undefined` means there
   * is nothing to load yet and keeps what was loaded.
   */
  args: () => A | undefined;
  /**
   * Loads the data for `args`. Returning nothing instead of a promise skips these args (no adapter
   * to ask, say): the controller stays as it is until the args change or `run()` is called.
   */
  task: (args: A, signal: AbortSignal) => Promise<T> | undefined;
  /** A load for these args succeeded (stale answers never get here). */
  onComplete?: (value: T, args: A) => void;
  /** A load for these args failed; the error is kept in `error` for the UI. */
  onError?: (error: unknown, args: A) => void;
}

const sameArgs = (a: readonly unknown[] | undefined, b: readonly unknown[]) => !!a && a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Loads one piece of data for an element whenever its inputs change: aborts the request in flight
 * when they change again or the element leaves the page, ignores stale answers, and keeps the last
 * error for the UI.
 */
export class DataController<T, A extends readonly unknown[] = readonly unknown[]> implements ReactiveController {
  status: DataStatus = 'idle';
  value?: T;
  error?: unknown;
  readonly #host: ReactiveControllerHost;
  readonly #options: DataOptions<T, A>;
  #lastArgs?: A;
  #inFlight?: AbortController;

  constructor(host: ReactiveControllerHost, options: DataOptions<T, A>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.#options.args();
    if (args && !sameArgs(this.#lastArgs, args)) void this.#start(args);
  }

  /** Loads again with the current args (a retry, or data known to have changed). */
  run(): Promise<void> {
    const args = this.#options.args() ?? this.#lastArgs;
    return args ? this.#start(args) : Promise.resolve();
  }

  /** Forgets the args last loaded: the next update loads again even if they stay the same. */
  forget(): void {
    this.#lastArgs = undefined;
  }

  async #start(args: A): Promise<void> {
    this.#lastArgs = args;
    this.#inFlight?.abort();
    const controller = (this.#inFlight = new AbortController());
    try {
      const request = this.#options.task(args, controller.signal);
      if (!request) {
        this.#inFlight = undefined;
        if (this.status === 'loading') this.status = 'idle';
        return;
      }
      this.status = 'loading';
      this.error = undefined;
      this.#host.requestUpdate();
      const value = await request;
      if (controller !== this.#inFlight) return;
      this.value = value;
      this.status = 'ready';
      this.#options.onComplete?.(value, args);
    } catch (error) {
      if (controller !== this.#inFlight || controller.signal.aborted) return;
      this.error = error;
      this.status = 'error';
      this.#options.onError?.(error, args);
    }
    this.#inFlight = undefined;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this.#inFlight) {
      this.#inFlight.abort();
      this.#inFlight = undefined;
      // Coming back to the page starts over rather than waiting on an aborted request.
      if (this.status === 'loading') this.status = 'idle';
      this.#lastArgs = undefined;
    }
  }
}
