import type { Db } from '../db/db.ts';
import type { EventBus } from '../events.ts';
import type { LiveStream } from '../http/sse.ts';
import { getFeed } from '../store/feeds.ts';

interface Room {
  streams: Set<LiveStream>;
  /** Streams still writing the previous update: the next one finds them too slow and drops them. */
  writing: Set<LiveStream>;
  unsubscribe: () => void;
  dirty: boolean;
  timer: NodeJS.Timeout | null;
  lastSent: number;
}

/**
 * Live-data feeds for one process. However often a feed is written, it is read once per interval,
 * serialized once and written to every reader following it; across processes a process announces a
 * feed over NOTIFY at most once per interval (a trailing announcement follows a burst, so the last
 * change always travels). A reader still receiving the previous update is dropped: EventSource
 * reconnects and gets the latest figures.
 */
export class FeedHub {
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

  /** Follows a feed for one reader; returns the function that stops it. */
  subscribe(feedId: string, stream: LiveStream): () => void {
    let room = this.#rooms.get(feedId);
    if (!room) {
      const created: Room = { streams: new Set(), writing: new Set(), unsubscribe: () => {}, dirty: false, timer: null, lastSent: 0 };
      created.unsubscribe = this.#bus.subscribe(`feeds/${feedId}`, (event) => {
        // This process's own announcements changed nothing it has not already sent.
        if (event.kind === 'feed' && event.origin !== this.#bus.id) this.#markDirty(feedId);
      });
      this.#rooms.set(feedId, created);
      room = created;
    }
    room.streams.add(stream);
    const owner = room;
    return () => {
      owner.streams.delete(stream);
      owner.writing.delete(stream);
      if (owner.streams.size === 0 && this.#rooms.get(feedId) === owner) {
        owner.unsubscribe();
        if (owner.timer) clearTimeout(owner.timer);
        this.#rooms.delete(feedId);
      }
    };
  }

  /** A feed changed in this process (its write committed): update local readers and tell the other processes. */
  changed(feedId: string): void {
    this.#markDirty(feedId);
    this.#announce(feedId);
  }

  stop(): void {
    this.#stopped = true;
    for (const room of this.#rooms.values()) if (room.timer) clearTimeout(room.timer);
    for (const entry of this.#announced.values()) if (entry.timer) clearTimeout(entry.timer);
    this.#rooms.clear();
    this.#announced.clear();
  }

  #announce(feedId: string): void {
    const entry = this.#announced.get(feedId) ?? { at: 0, timer: null };
    this.#announced.set(feedId, entry);
    if (entry.timer) return;
    const send = () => {
      entry.timer = null;
      entry.at = Date.now();
      if (this.#stopped) return;
      this.#bus.announce({ kind: 'feed', feedId, origin: this.#bus.id }).catch((error: unknown) => {
        if (!this.#stopped) console.warn('[server] feed announcement failed:', (error as Error).message);
      });
      // Forget quiet feeds so the map holds only recently written ones.
      setTimeout(() => {
        if (!entry.timer && Date.now() - entry.at >= this.#intervalMs) this.#announced.delete(feedId);
      }, this.#intervalMs * 2).unref();
    };
    const wait = entry.at + this.#intervalMs - Date.now();
    if (wait <= 0) send();
    else entry.timer = setTimeout(send, wait);
  }

  #markDirty(feedId: string): void {
    const room = this.#rooms.get(feedId);
    if (!room || this.#stopped) return;
    room.dirty = true;
    if (room.timer) return;
    const wait = Math.max(0, room.lastSent + this.#intervalMs - Date.now());
    room.timer = setTimeout(() => void this.#flush(feedId, room), wait);
  }

  async #flush(feedId: string, room: Room): Promise<void> {
    room.dirty = false;
    room.lastSent = Date.now();
    try {
      const feed = await getFeed(this.#db, feedId);
      if (feed && !this.#stopped) this.#send(JSON.stringify(feed), room);
    } catch (error) {
      if (!this.#stopped) {
        console.warn('[server] feed refresh failed:', (error as Error).message);
        room.dirty = true;
      }
    } finally {
      room.timer = null;
      if (room.dirty && this.#rooms.get(feedId) === room) this.#markDirty(feedId);
    }
  }

  #send(json: string, room: Room): void {
    for (const stream of room.streams) {
      if (!stream.open()) continue;
      if (room.writing.has(stream)) {
        stream.close();
        continue;
      }
      room.writing.add(stream);
      stream
        .sendJson('feed', json)
        .catch(() => stream.close())
        .finally(() => room.writing.delete(stream));
    }
  }
}
