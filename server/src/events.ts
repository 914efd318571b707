import { createHash, randomBytes } from 'node:crypto';
import type { Comment } from '../../src/core/contract.ts';
import type { Db, Queryable } from './db/db.ts';

/**
 * What travels over NOTIFY. A comment event carries the comment as an anonymous reader sees it
 * (`mine` and `likedByMe` false) when that fits PostgreSQL's 8000-byte payload limit, so listeners
 * need not read it back; otherwise only its ids travel and listeners re-read it.
 */
export type BusEvent =
  | { kind: 'poll'; pollId: string; voterId?: string; origin?: string }
  | { kind: 'feed'; feedId: string; origin?: string }
  | { kind: 'comment'; action: 'created' | 'updated' | 'deleted'; threadId: string; commentId: string; comment?: Comment };

type Handler = (event: BusEvent) => void;

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; keep a margin. */
export const maxPayloadBytes = 7900;

/**
 * The NOTIFY channel of one schema. Channels are global to a database, so every schema gets its own;
 * a name too long for an identifier (63 bytes) keeps a readable prefix and ends in a hash of the whole
 * schema name, so two long names that share a prefix still get different channels.
 */
export function channelFor(schema: string | undefined): string {
  if (!schema || schema === 'public') return 'news_events';
  const plain = `news_events_${schema}`;
  if (plain.length <= 63) return plain;
  const hash = createHash('sha256').update(schema).digest('hex').slice(0, 24);
  return `news_events_${schema.slice(0, 26)}_${hash}`;
}

/**
 * Live-update fan-out. Writers NOTIFY inside their transaction (delivered only on commit); every server
 * process LISTENs on its schema's channel, so a browser connected to any process sees every write.
 */
export class EventBus {
  readonly channel: string;
  /** Names this process in the events it announces, so it can skip its own. */
  readonly id = randomBytes(6).toString('base64url');
  readonly #db: Db;
  readonly #topics = new Map<string, Set<Handler>>();
  #stopListening: (() => Promise<void>) | null = null;
  #stopped = false;

  constructor(db: Db, schema: string | undefined) {
    this.#db = db;
    this.channel = channelFor(schema);
  }

  /** True once the bus stopped: work still in flight then ends quietly (the database may be gone). */
  get stopped(): boolean {
    return this.#stopped;
  }

  async start(): Promise<void> {
    this.#stopListening = await this.#db.listen(this.channel, (payload) => this.#dispatch(payload));
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#stopListening?.();
    this.#stopListening = null;
    this.#topics.clear();
  }

  /** Queues an event inside the caller's transaction; a comment too large for the payload travels as ids. */
  async publish(tx: Queryable, event: BusEvent): Promise<void> {
    let payload = JSON.stringify(event);
    if (event.kind === 'comment' && event.comment && Buffer.byteLength(payload) > maxPayloadBytes) {
      payload = JSON.stringify({ ...event, comment: undefined });
    }
    await tx.query('SELECT pg_notify($1, $2)', [this.channel, payload]);
  }

  /** Sends an event at once, outside any transaction (for changes that already committed). */
  async announce(event: BusEvent): Promise<void> {
    await this.#db.query('SELECT pg_notify($1, $2)', [this.channel, JSON.stringify(event)]);
  }

  /** Topics are `polls/<id>`, `threads/<id>` and `feeds/<id>`; returns an unsubscribe function. */
  subscribe(topic: string, handler: Handler): () => void {
    let handlers = this.#topics.get(topic);
    if (!handlers) {
      handlers = new Set();
      this.#topics.set(topic, handlers);
    }
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
      if (handlers.size === 0) this.#topics.delete(topic);
    };
  }

  subscriberCount(): number {
    let count = 0;
    for (const handlers of this.#topics.values()) count += handlers.size;
    return count;
  }

  #dispatch(payload: string): void {
    if (this.#stopped) return;
    let event: BusEvent;
    try {
      event = JSON.parse(payload) as BusEvent;
    } catch {
      return;
    }
    const topic = event.kind === 'poll' ? `polls/${event.pollId}` : event.kind === 'feed' ? `feeds/${event.feedId}` : `threads/${event.threadId}`;
    for (const handler of this.#topics.get(topic) ?? []) {
      try {
        handler(event);
      } catch (error) {
        console.warn('[server] event handler failed:', error);
      }
    }
  }
}
