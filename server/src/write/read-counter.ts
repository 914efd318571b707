import type { Db } from '../db/db.ts';
import { recordReads } from '../store/trending.ts';

/**
 * Counts article reads for the trending list without a database write per read: a read adds one to
 * an in-memory tally (O(1)), and the tallies go to the database in one upsert every few seconds.
 * A crash loses at most those seconds of reads, which a trending list can afford.
 */
export class ReadCounter {
  readonly #db: Db;
  readonly #flushMs: number;
  #tally = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;

  constructor(db: Db, options: { flushMs?: number } = {}) {
    this.#db = db;
    this.#flushMs = options.flushMs ?? 5000;
  }

  /** One read of a known article. */
  count(articleId: string): void {
    this.#tally.set(articleId, (this.#tally.get(articleId) ?? 0) + 1);
    if (this.#timer) return;
    this.#timer = setTimeout(() => void this.flush(), this.#flushMs);
    this.#timer.unref();
  }

  /** Writes the tallies so far (tests call it instead of waiting). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const tally = this.#tally;
    this.#tally = new Map();
    try {
      await recordReads(this.#db, tally);
    } catch (error) {
      console.warn('trending: could not record reads', error);
    }
  }
}
