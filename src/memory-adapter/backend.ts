// What every domain of the memory adapter shares: the clock, the reader, the call pipeline (log,
// hang, latency, failure switch, idempotency, copy out), errors as the server words them, and
// the live channels.
import { HttpError, NetworkError } from '../core/errors.js';
import type { CallOptions, LiveEvent, User } from '../core/types.js';
import type { AdapterMethod, MemoryAdapter, MemorySeed } from './types.js';

const ANONYMOUS_VOTER = 'memory-voter';

export const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
export const toMs = (value: string | number | Date) => new Date(value).getTime();

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found.`);
export const invalid = (message: string) => new HttpError(422, 'invalid_request', message);

/** Plain text 1..max characters after trimming, as the server accepts it. */
export function typedText(value: unknown, max: number, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text || text.length > max || text.includes('\u0000')) {
    throw invalid(`Invalid body. ${what} must be 1 to ${max} characters.`);
  }
  return text;
}

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'auth_required',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'invalid_request',
  429: 'rate_limited',
  500: 'internal',
};

function toError(error: Error | 'network' | 'timeout' | number): Error {
  if (error === 'network') return new NetworkError('Network request failed (simulated)');
  if (error === 'timeout') return new NetworkError('Request timed out (simulated)', { timedOut: true });
  if (typeof error === 'number') {
    return new HttpError(error, STATUS_CODES[error] ?? `http_${error}`, `Simulated ${error} error.`, error === 429 ? 30 : null);
  }
  return error;
}

/** What the domains (articles, polls, comments) build their methods on. */
export interface Backend {
  /** The adapter's clock, ms since the epoch. */
  now(): number;
  /** The signed-in reader, or null. */
  user(): User | null;
  /** The signed-in reader; a 401 when signed out. */
  requireUser(): User;
  /** Who votes and reports: the reader, or the anonymous memory voter. */
  voterId(): string;
  /** One adapter call through the pipeline: `work` answers it, and its result goes out as a copy. */
  run<T>(method: AdapterMethod, args: unknown[], call: CallOptions | undefined, work: () => T): Promise<T>;
  /** Pushes an event, computed for the reader when it is delivered, to the channel's subscribers. */
  publish(channel: string, event: () => LiveEvent): void;
  /** Adds a subscriber to a channel; returns whether it is still subscribed, and how to stop. */
  listen(channel: string, onEvent: (event: LiveEvent) => void): { active: () => boolean; stop: () => void };
}

/** The switches of a memory adapter that belong to no domain. */
export type Controls = Pick<MemoryAdapter, 'calls' | 'fail' | 'hang' | 'recover' | 'setUser' | 'setNow' | 'advanceTime'>;

export function createBackend(data: MemorySeed, latencyMs: () => number): { backend: Backend; controls: Controls } {
  let user: User | null = data.user ?? null;
  let fixedNow: number | null = data.now === undefined ? null : toMs(data.now);
  let offset = 0;
  const now = () => (fixedNow ?? Date.now()) + offset;
  const voterId = () => user?.id ?? ANONYMOUS_VOTER;

  const calls: Controls['calls'] = [];
  const failures = new Map<string, { error: Error; times: number }>();
  const hangs = new Set<string>();
  /** Releases the calls waiting in a hang; `recover()` lets them go on. */
  const hungCalls = new Set<() => void>();
  const listeners = new Map<string, Set<(event: LiveEvent) => void>>();
  const completedWrites = new Map<string, unknown>();

  /** Waits `ms`, or while hanging until `recover()`; rejects with NetworkError when aborted. */
  const wait = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        hungCalls.delete(done);
        signal?.removeEventListener('abort', abort);
        resolve();
      };
      const abort = () => {
        clearTimeout(timer);
        hungCalls.delete(done);
        reject(new NetworkError('Request aborted', { cause: signal?.reason }));
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      if (ms === Infinity) hungCalls.add(done);
      else timer = setTimeout(done, ms);
    });

  function takeFailure(method: AdapterMethod): Error | null {
    for (const name of [method, '*']) {
      const failure = failures.get(name);
      if (failure) {
        if (--failure.times <= 0) failures.delete(name);
        return failure.error;
      }
    }
    return null;
  }

  const backend: Backend = {
    now,
    user: () => user,
    requireUser() {
      if (!user) throw new HttpError(401, 'auth_required', 'Sign in to do this.');
      return user;
    },
    voterId,

    async run(method, args, call, work) {
      calls.push({ method, args: clone(args), at: now() });
      const hanging = hangs.has(method) || hangs.has('*');
      await wait(hanging ? Infinity : latencyMs(), call?.signal);
      const failure = takeFailure(method);
      if (failure) throw failure;
      // A write repeated with the same Idempotency-Key answers the first result without writing again.
      const writeKey = call?.idempotencyKey && `${voterId()}|${method}|${String(args[0])}|${call.idempotencyKey}`;
      if (writeKey && completedWrites.has(writeKey)) return clone(completedWrites.get(writeKey) as ReturnType<typeof work>);
      const result = work();
      if (writeKey) completedWrites.set(writeKey, clone(result));
      return clone(result);
    },

    publish(channel, event) {
      const set = listeners.get(channel);
      if (!set?.size) return;
      // Delivered later, like a network push, and computed for the reader at that moment.
      setTimeout(() => {
        for (const listener of [...(listeners.get(channel) ?? [])]) listener(clone(event()));
      });
    },

    listen(channel, onEvent) {
      calls.push({ method: 'subscribe', args: [channel], at: now() });
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      const listener = (event: LiveEvent) => onEvent(event);
      set.add(listener);
      return { active: () => set.has(listener), stop: () => set.delete(listener) };
    },
  };

  const controls: Controls = {
    calls,

    fail(method, error = 'network', times = Infinity) {
      failures.set(method, { error: toError(error), times });
    },

    hang(method) {
      hangs.add(method);
    },

    recover() {
      failures.clear();
      hangs.clear();
      for (const release of [...hungCalls]) release();
    },

    setUser(next) {
      user = clone(next);
    },

    setNow(next) {
      fixedNow = next === null ? null : toMs(next);
      offset = 0;
    },

    advanceTime(ms) {
      offset += ms;
    },
  };
  return { backend, controls };
}
