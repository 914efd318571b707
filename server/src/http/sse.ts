import { streamSSE } from 'hono/streaming';
import type { Limits } from '../config.ts';
import type { AppContext } from './env.ts';
import { ApiError } from './errors.ts';

const openStreamsByIp = new Map<string, number>();
let openStreams = 0;

export interface LiveStream {
  send(event: string, data: unknown): Promise<void>;
  /** Sends data already serialized to JSON (shared by every subscriber of one update). */
  sendJson(event: string, json: string): Promise<void>;
  /** False once the client left or the stream closed. */
  open(): boolean;
  /** Ends the stream; the client reconnects (EventSource does) and gets the latest state. */
  close(): void;
}

/** A place for one event stream, taken before any database work and given back once. */
export interface StreamSlot {
  release(): void;
}

/** Open event streams in this process (for tests and the bench). */
export function openStreamCount(): number {
  return openStreams;
}

/**
 * Takes a stream place for the client, or refuses with 429 when its IP or the whole process holds as
 * many as allowed. Call it first: a refused stream costs no database work.
 */
export function reserveStream(c: AppContext, limits: Pick<Limits, 'streamsPerIp' | 'streamsPerProcess'>): StreamSlot {
  const ip = c.get('ip');
  const open = openStreamsByIp.get(ip) ?? 0;
  if (limits.streamsPerIp > 0 && open >= limits.streamsPerIp) {
    throw new ApiError(429, 'too_many_streams', 'Too many open event streams from this address.', { 'Retry-After': '30' });
  }
  if (limits.streamsPerProcess > 0 && openStreams >= limits.streamsPerProcess) {
    throw new ApiError(429, 'too_many_streams', 'This server holds as many event streams as it can; try again shortly.', { 'Retry-After': '30' });
  }
  openStreamsByIp.set(ip, open + 1);
  openStreams++;
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      openStreams--;
      const left = (openStreamsByIp.get(ip) ?? 1) - 1;
      if (left > 0) openStreamsByIp.set(ip, left);
      else openStreamsByIp.delete(ip);
    },
  };
}

/**
 * Opens a Server-Sent Events response on a reserved slot: `start` subscribes and returns its cleanup.
 * Keeps the connection alive with comments; the slot is given back when the stream ends.
 */
export function openEventStream(c: AppContext, slot: StreamSlot, start: (stream: LiveStream) => Promise<() => void>): Response {
  c.header('Cache-Control', 'no-store');
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(
    c,
    async (stream) => {
      let stop: (() => void) | null = null;
      let wake = () => {};
      try {
        // Ask EventSource to wait 3 s before reconnecting after a drop.
        await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
        const isOpen = () => !stream.aborted && !stream.closed;
        stop = await start({
          send: async (event, data) => {
            if (isOpen()) await stream.writeSSE({ event, data: JSON.stringify(data) });
          },
          sendJson: async (event, json) => {
            if (isOpen()) await stream.writeSSE({ event, data: json });
          },
          open: isOpen,
          close: () => {
            void stream.close();
            wake();
          },
        });
        stream.onAbort(() => wake());
        while (isOpen()) {
          // Wakes early when the client leaves, so a closed stream never holds a timer (or the process) open.
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 25_000);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          if (isOpen()) await stream.write(': keep-alive\n\n');
        }
      } finally {
        stop?.();
        slot.release();
      }
    },
    async (error) => {
      console.warn('[server] event stream failed:', error.message);
    },
  );
}
