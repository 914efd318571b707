import type { Auth } from './auth.ts';
import type { ServerConfig } from './config.ts';
import type { Db } from './db/db.ts';
import type { EventBus } from './events.ts';
import type { AppContext } from './http/env.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { FeedHub } from './live/feed-hub.ts';
import type { PollHub } from './live/poll-hub.ts';
import type { ReadCounter } from './write/read-counter.ts';
import type { VoteBatcher } from './write/vote-batcher.ts';

/** What every route module needs, built once per app. */
export interface Services {
  db: Db;
  bus: EventBus;
  auth: Auth;
  limiter: RateLimiter;
  config: ServerConfig;
  /** Group commit for ballots. */
  votes: VoteBatcher;
  /** Coalesced live poll results. */
  polls: PollHub;
  /** Article reads, tallied in memory and written every few seconds, for the trending list. */
  reads: ReadCounter;
  /** Coalesced live-data feeds. */
  feeds: FeedHub;
}

/** Charges a write to the client IP and to the acting user or voter. */
export function chargeWrite(services: Services, c: AppContext, actor: string): void {
  const { limiter, config } = services;
  limiter.take(`ip-write:${c.get('ip')}`, config.limits.ipWritesPerMinute);
  const perMinute = actor.startsWith('user:') ? config.limits.userPerMinute : config.limits.voterPerMinute;
  limiter.take(`actor:${actor}`, perMinute);
}
