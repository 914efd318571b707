import type { Db, Queryable } from './db/db.ts';

/** What travels over NOTIFY: ids only, so payloads stay far below PostgreSQL's 8000-byte limit. */
export type BusEvent =
  | { kind: 'poll'; pollId: string; voterId?: string }
  | { kind: 'comment'; action: 'created' | 'updated' | 'deleted'; threadId: string; commentId: string };

type Handler = (event: BusEvent) => void;

/**
 * Live-update fan-out. Writers NOTIFY inside their transaction (delivered only on commit); every server
 * process LISTENs on the same channel, so a browser connected to any process sees every write.
 */
export class EventBus {
  readonly channel: string;
  readonly #db: Db;
  readonly #topics = new Map<string, Set<Handler>>();
  #stopListening: (() => Promise<void>) | null = null;

  constructor(db: Db, schema: string | undefined) {
    this.#db = db;
    this.channel = schema && schema !== 'public' ? `news_events_${schema}`.slice(0, 63) : 'news_events';
  }

  async start(): Promise<void> {
    this.#stopListening = await this.#db.listen(this.channel, (payload) => this.#dispatch(payload));
  }

  async stop(): Promise<void> {
    await this.#stopListening?.();
    this.#stopListening = null;
    this.#topics.clear();
  }

  /** Queues an event inside the caller's transaction. */
  async publish(tx: Queryable, event: BusEvent): Promise<void> {
    await tx.query('SELECT pg_notify($1, $2)', [this.channel, JSON.stringify(event)]);
  }

  /** Topics are `polls/<id>` and `threads/<id>`; returns an unsubscribe function. */
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
    let event: BusEvent;
    try {
      event = JSON.parse(payload) as BusEvent;
    } catch {
      return;
    }
    const topic = event.kind === 'poll' ? `polls/${event.pollId}` : `threads/${event.threadId}`;
    for (const handler of this.#topics.get(topic) ?? []) {
      try {
        handler(event);
      } catch (error) {
        console.warn('[server] event handler failed:', error);
      }
    }
  }
}
