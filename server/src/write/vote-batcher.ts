import type { Poll } from '../../../src/core/contract.ts';
import type { Db, Queryable } from '../db/db.ts';
import { ApiError } from '../http/errors.ts';
import { AlreadyVoted, NotFound } from '../store/errors.ts';
import { addToCounters, checkBallot, loadPollState, pollFor, type PollState } from '../store/polls.ts';

export interface VoteRequest {
  pollId: string;
  voterId: string;
  optionIds: string[];
  /** Idempotency scope (actor, method, path) and key, when the client sent one. */
  scope: string;
  key?: string | undefined;
}

export interface VoteOutcome {
  replayed: boolean;
  status: number;
  body: unknown;
}

interface Pending extends VoteRequest {
  resolve(outcome: VoteOutcome): void;
  reject(error: unknown): void;
  outcome?: VoteOutcome;
  error?: unknown;
  claimed?: boolean;
}

export interface VoteBatcherOptions {
  /** How long the first vote of a batch waits for others to join it. */
  windowMs?: number;
  maxBatch?: number;
  /** Called after a batch committed, with the polls whose counters moved. */
  onCommitted?: (pollIds: string[]) => void;
}

const json = (value: unknown) => JSON.stringify(value);
const rows = `jsonb_array_elements($1::jsonb) x`;

/**
 * Group commit for votes: ballots that arrive within a few milliseconds of each other are written in
 * one transaction (one multi-row insert, one counter update per poll), and each request is answered
 * only after that transaction commits. A ballot that is invalid, repeated or replayed settles on its
 * own and never fails its batch-mates; only a failure of the transaction itself fails them all, and
 * then nothing of it was stored.
 */
export class VoteBatcher {
  readonly #db: Db;
  readonly #windowMs: number;
  readonly #maxBatch: number;
  readonly #onCommitted: (pollIds: string[]) => void;
  #queue: Pending[] = [];
  #timer: NodeJS.Timeout | null = null;
  #running = false;

  constructor(db: Db, options: VoteBatcherOptions = {}) {
    this.#db = db;
    this.#windowMs = options.windowMs ?? 2;
    this.#maxBatch = options.maxBatch ?? 500;
    this.#onCommitted = options.onCommitted ?? (() => {});
  }

  submit(request: VoteRequest): Promise<VoteOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ ...request, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#running || this.#timer || this.#queue.length === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#flush();
    }, this.#windowMs);
  }

  async #flush(): Promise<void> {
    this.#running = true;
    const batch = this.#queue.splice(0, this.#maxBatch);
    let moved: string[] = [];
    try {
      moved = await this.#db.transaction((tx) => this.#write(tx, batch));
      for (const item of batch) {
        if (item.error !== undefined) item.reject(item.error);
        else item.resolve(item.outcome as VoteOutcome);
      }
    } catch (error) {
      for (const item of batch) item.reject(item.error ?? error);
    } finally {
      this.#running = false;
      this.#schedule();
    }
    if (moved.length) this.#onCommitted(moved);
  }

  /** Writes one batch; returns the ids of the polls whose counters moved. */
  async #write(tx: Queryable, batch: Pending[]): Promise<string[]> {
    for (const item of batch) {
      delete item.error;
      delete item.outcome;
      delete item.claimed;
    }
    const fail = (item: Pending, error: unknown) => {
      item.error ??= error;
    };
    const alive = () => batch.filter((item) => item.error === undefined && item.outcome === undefined);

    // 1. Idempotency keys first, as for any write: a replay answers with the stored response.
    const keyed = new Map<string, Pending>();
    for (const item of batch) {
      if (item.key === undefined) continue;
      const id = `${item.scope}\n${item.key}`;
      if (keyed.has(id)) fail(item, new ApiError(409, 'idempotency_conflict', 'A request with this Idempotency-Key is still in progress.'));
      else keyed.set(id, item);
    }
    if (keyed.size) {
      const list = [...keyed.values()].map((item) => ({ s: item.scope, k: item.key }));
      const claimed = await tx.query<{ scope: string; key: string }>(
        `INSERT INTO idempotency_keys (scope, key) SELECT x->>'s', x->>'k' FROM ${rows}
         ON CONFLICT (scope, key) DO NOTHING RETURNING scope, key`,
        [json(list)],
      );
      for (const row of claimed.rows) {
        const item = keyed.get(`${row.scope}\n${row.key}`);
        if (item) item.claimed = true;
      }
      const repeats = [...keyed.values()].filter((item) => !item.claimed);
      if (repeats.length) {
        const stored = await tx.query<{ scope: string; key: string; status: number | null; body: string | null }>(
          `SELECT scope, key, status, body FROM idempotency_keys WHERE (scope, key) IN (SELECT x->>'s', x->>'k' FROM ${rows})`,
          [json(repeats.map((item) => ({ s: item.scope, k: item.key })))],
        );
        const byId = new Map(stored.rows.map((row) => [`${row.scope}\n${row.key}`, row]));
        for (const item of repeats) {
          const row = byId.get(`${item.scope}\n${item.key}`);
          if (!row || row.status === null) {
            fail(item, new ApiError(409, 'idempotency_conflict', 'A request with this Idempotency-Key is still in progress.'));
          } else {
            item.outcome = { replayed: true, status: row.status, body: row.body === null ? null : JSON.parse(row.body) };
          }
        }
      }
    }

    // 2. Each poll read once; ballots checked against it without touching the database.
    const states = new Map<string, PollState | null>();
    for (const pollId of [...new Set(alive().map((item) => item.pollId))].sort()) {
      states.set(pollId, await loadPollState(tx, pollId));
    }
    const voters = new Set<string>();
    for (const item of alive()) {
      const state = states.get(item.pollId);
      try {
        if (!state) throw new NotFound('Poll');
        checkBallot(state, item.optionIds);
      } catch (error) {
        fail(item, error);
        continue;
      }
      const voter = `${item.pollId}\n${item.voterId}`;
      if (voters.has(voter)) fail(item, new AlreadyVoted());
      voters.add(voter);
    }

    // 3. All ballots in one insert; the (poll_id, voter_id) key refuses a second ballot of a voter.
    const ballots = alive();
    if (ballots.length) {
      const inserted = await tx.query<{ poll_id: string; voter_id: string }>(
        `INSERT INTO poll_votes (poll_id, voter_id, option_ids)
         SELECT x->>'p', x->>'v', ARRAY(SELECT e FROM jsonb_array_elements_text(x->'o') WITH ORDINALITY AS a(e, n) ORDER BY n)
           FROM ${rows}
         ON CONFLICT (poll_id, voter_id) DO NOTHING RETURNING poll_id, voter_id`,
        [json(ballots.map((item) => ({ p: item.pollId, v: item.voterId, o: item.optionIds })))],
      );
      const stored = new Set(inserted.rows.map((row) => `${row.poll_id}\n${row.voter_id}`));
      for (const item of ballots) {
        if (!stored.has(`${item.pollId}\n${item.voterId}`)) fail(item, new AlreadyVoted());
      }
    }

    // 4. Counters once per poll, in poll order (the same lock order in every process).
    const counted = alive();
    const after = new Map<string, PollState>();
    for (const pollId of [...new Set(counted.map((item) => item.pollId))].sort()) {
      const mine = counted.filter((item) => item.pollId === pollId);
      const perOption: Record<string, number> = {};
      for (const item of mine) for (const id of item.optionIds) perOption[id] = (perOption[id] ?? 0) + 1;
      after.set(pollId, await addToCounters(tx, states.get(pollId) as PollState, mine.length, perOption));
    }
    for (const item of counted) {
      const body: Poll = pollFor(after.get(item.pollId) as PollState, item.optionIds);
      item.outcome = { replayed: false, status: 200, body };
    }

    // 5. Keys: failed requests give theirs back (as a rolled-back transaction would); the rest store their answer.
    const released = batch.filter((item) => item.claimed && item.error !== undefined);
    if (released.length) {
      await tx.query(`DELETE FROM idempotency_keys WHERE (scope, key) IN (SELECT x->>'s', x->>'k' FROM ${rows})`, [
        json(released.map((item) => ({ s: item.scope, k: item.key }))),
      ]);
    }
    const answered = counted.filter((item) => item.claimed);
    if (answered.length) {
      await tx.query(
        `UPDATE idempotency_keys i SET status = (x->>'st')::int, body = x->>'b' FROM ${rows}
          WHERE i.scope = x->>'s' AND i.key = x->>'k'`,
        [json(answered.map((item) => ({ s: item.scope, k: item.key, st: item.outcome?.status, b: json(item.outcome?.body) })))],
      );
    }
    return [...after.keys()];
  }
}
