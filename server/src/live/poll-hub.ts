import type { Db } from '../db/db.ts';
import type { EventBus } from '../events.ts';
import type { LiveStream } from '../http/sse.ts';
import { countsVisible, loadPollState, pollFor, type PollState } from '../store/polls.ts';

interface Subscriber {
  stream: LiveStream;
  voterId: string | null;
  myVote: string[] | null;
  /** A write still in flight: the next update finds the reader too slow and drops them. */
  writing: boolean;
}

interface Room {
  subscribers: Set<Subscriber>;
  unsubscribe: () => void;
  dirty: boolean;
  timer: NodeJS.Timeout | null;
  lastSent: number;
}

/**
 * Live poll results for one process. However many votes arrive, each poll is read once per interval
 * and each distinct view of it (hidden or visible counts, the reader's own choice) is serialized once
 * and written to every reader who sees it. Across processes the same holds for NOTIFY: a process
 * announces a poll at most once per interval. A reader still receiving the previous update when the
 * next is ready is dropped; EventSource reconnects and gets the latest state, so memory per reader
 * stays at most one pending event.
 */
export class PollHub {
  readonly #db: Db;
  readonly #bus: EventBus;
  readonly #intervalMs: number;
  readonly #rooms = new Map<string, Room>();
  readonly #announced = new Map<string, { at: number; timer: NodeJS.Timeout | null }>();
  #stopped = false;

  constructor(db: Db, bus: EventBus, intervalMs: number) {
    this.#db = db;
    this.#bus = bus;
    this.#intervalMs = intervalMs;
  }

  /** Follows a poll for one reader; returns the function that stops it. */
  subscribe(pollId: string, stream: LiveStream, voterId: string | null, myVote: string[] | null): () => void {
    let room = this.#rooms.get(pollId);
    if (!room) {
      const created: Room = { subscribers: new Set(), unsubscribe: () => {}, dirty: false, timer: null, lastSent: 0 };
      created.unsubscribe = this.#bus.subscribe(`polls/${pollId}`, (event) => {
        // This process's own announcements changed nothing it has not already shown.
        if (event.kind === 'poll' && event.origin === this.#bus.id) return;
        this.#markDirty(pollId);
      });
      this.#rooms.set(pollId, created);
      room = created;
    }
    const subscriber: Subscriber = { stream, voterId, myVote, writing: false };
    room.subscribers.add(subscriber);
    const owner = room;
    return () => {
      owner.subscribers.delete(subscriber);
      if (owner.subscribers.size === 0 && this.#rooms.get(pollId) === owner) {
        owner.unsubscribe();
        if (owner.timer) clearTimeout(owner.timer);
        this.#rooms.delete(pollId);
      }
    };
  }

  /** A reader of this process voted: their own stream shows their choice from the next update on. */
  noteVote(pollId: string, voterId: string, optionIds: string[]): void {
    for (const subscriber of this.#rooms.get(pollId)?.subscribers ?? []) {
      if (subscriber.voterId === voterId) subscriber.myVote = optionIds;
    }
  }

  /**
   * Counters of these polls moved (a batch committed in this process): update local readers and
   * announce to other processes, at most once per poll per interval (a trailing announcement follows
   * a burst, so the last change is never left unannounced).
   */
  changed(pollIds: string[]): void {
    for (const pollId of pollIds) {
      this.#markDirty(pollId);
      this.#announce(pollId);
    }
  }

  stop(): void {
    this.#stopped = true;
    for (const room of this.#rooms.values()) if (room.timer) clearTimeout(room.timer);
    for (const entry of this.#announced.values()) if (entry.timer) clearTimeout(entry.timer);
    this.#rooms.clear();
    this.#announced.clear();
  }

  #announce(pollId: string): void {
    const entry = this.#announced.get(pollId) ?? { at: 0, timer: null };
    this.#announced.set(pollId, entry);
    if (entry.timer) return;
    const wait = entry.at + this.#intervalMs - Date.now();
    const send = () => {
      entry.timer = null;
      entry.at = Date.now();
      if (this.#stopped) return;
      this.#bus.announce({ kind: 'poll', pollId, origin: this.#bus.id }).catch((error: unknown) => {
        if (!this.#stopped) console.warn('[server] poll announcement failed:', (error as Error).message);
      });
      // Forget quiet polls so the map holds only recently active ones.
      setTimeout(() => {
        if (!entry.timer && Date.now() - entry.at >= this.#intervalMs) this.#announced.delete(pollId);
      }, this.#intervalMs * 2).unref();
    };
    if (wait <= 0) send();
    else entry.timer = setTimeout(send, wait);
  }

  #markDirty(pollId: string): void {
    const room = this.#rooms.get(pollId);
    if (!room || this.#stopped) return;
    room.dirty = true;
    if (room.timer) return;
    const wait = Math.max(0, room.lastSent + this.#intervalMs - Date.now());
    room.timer = setTimeout(() => void this.#flush(pollId, room), wait);
  }

  async #flush(pollId: string, room: Room): Promise<void> {
    room.dirty = false;
    room.lastSent = Date.now();
    try {
      const state = await loadPollState(this.#db, pollId);
      if (state && !this.#stopped) {
        await this.#learnBallots(state, room);
        this.#send(state, room);
      }
    } catch (error) {
      if (!this.#stopped) {
        console.warn('[server] poll results refresh failed:', (error as Error).message);
        room.dirty = true;
      }
    } finally {
      room.timer = null;
      if (room.dirty && this.#rooms.get(pollId) === room) this.#markDirty(pollId);
    }
  }

  /**
   * Where counts show only after voting, readers who voted through another process would keep seeing
   * hidden counts: one read per update finds their ballots (only for readers not yet known to have voted).
   */
  async #learnBallots(state: PollState, room: Room): Promise<void> {
    if (countsVisible(state, null) || state.poll.results !== 'after-vote') return;
    const unknown = [...room.subscribers].filter((s) => s.voterId && s.myVote === null);
    if (!unknown.length) return;
    const { rows } = await this.#db.query<{ voter_id: string; option_ids: string[] }>(
      'SELECT voter_id, option_ids FROM poll_votes WHERE poll_id = $1 AND voter_id = ANY($2::text[])',
      [state.poll.id, [...new Set(unknown.map((s) => s.voterId))]],
    );
    const ballots = new Map(rows.map((row) => [row.voter_id, row.option_ids]));
    for (const subscriber of unknown) subscriber.myVote = ballots.get(subscriber.voterId as string) ?? null;
  }

  #send(state: PollState, room: Room): void {
    const serialized = new Map<string, string>();
    for (const subscriber of room.subscribers) {
      if (!subscriber.stream.open()) continue;
      if (subscriber.writing) {
        subscriber.stream.close();
        continue;
      }
      const variant = countsVisible(state, subscriber.myVote) ? `v${JSON.stringify(subscriber.myVote)}` : `h${JSON.stringify(subscriber.myVote)}`;
      let json = serialized.get(variant);
      if (json === undefined) {
        json = JSON.stringify(pollFor(state, subscriber.myVote));
        serialized.set(variant, json);
      }
      subscriber.writing = true;
      subscriber.stream
        .sendJson('results', json)
        .catch(() => subscriber.stream.close())
        .finally(() => {
          subscriber.writing = false;
        });
    }
  }
}
