/**
 * Hands on the latest of a stream of values at most once per `interval` ms, however fast they
 * arrive, and never while `busy()` (call `flush()` once it is not): a live poll's results.
 */
export class LatestThrottle<T> {
  readonly #interval: number;
  readonly #busy: () => boolean;
  readonly #apply: (value: T) => void;
  #queued?: T;
  #timer?: ReturnType<typeof setTimeout>;
  #last = 0;

  constructor(interval: number, busy: () => boolean, apply: (value: T) => void) {
    this.#interval = interval;
    this.#busy = busy;
    this.#apply = apply;
  }

  push(value: T): void {
    this.#queued = value;
    this.flush();
  }

  /** Applies the queued value now if allowed, else when the interval has passed. */
  flush(): void {
    if (this.#timer || this.#queued === undefined || this.#busy()) return;
    const wait = this.#last + this.#interval - Date.now();
    if (wait > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.flush();
      }, wait);
      return;
    }
    const value = this.#queued;
    this.#queued = undefined;
    this.#last = Date.now();
    this.#apply(value);
  }

  /** Forgets the queued value (something newer came another way). */
  drop(): void {
    this.#queued = undefined;
  }

  /** Cancels a pending flush. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
