import { ApiError } from './errors.ts';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * In-memory token buckets: each key may spend `perMinute` requests in a burst, refilled continuously.
 * Per process, so N processes behind a load balancer allow N times the rate; fine for abuse control.
 * Time is monotonic (`performance.now()`), so a wall-clock step (NTP, a VM resume) never empties a
 * bucket or locks a client out; elapsed time is also never taken as negative.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #maxKeys: number;
  readonly #now: () => number;

  constructor(options: { maxKeys?: number; now?: () => number } = {}) {
    this.#maxKeys = options.maxKeys ?? 100_000;
    this.#now = options.now ?? (() => performance.now());
  }

  /** Spends one token for `key`, or throws 429 with Retry-After (seconds until a token is back). */
  take(key: string, perMinute: number): void {
    if (perMinute <= 0) return;
    const now = this.#now();
    const refillPerMs = perMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: perMinute, updatedAt: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = Math.max(now, bucket.updatedAt);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
      this.#buckets.set(key, bucket);
      throw new ApiError(429, 'rate_limited', 'Too many requests; try again shortly.', {
        'Retry-After': String(retryAfter),
      });
    }
    bucket.tokens -= 1;
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    this.#evict();
  }

  /** Drops the least recently used keys once the map is full, so hostile key churn cannot exhaust memory. */
  #evict(): void {
    while (this.#buckets.size > this.#maxKeys) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest === undefined) return;
      this.#buckets.delete(oldest);
    }
  }
}
