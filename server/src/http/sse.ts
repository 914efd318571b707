import { streamSSE } from 'hono/streaming';
import type { AppContext } from './env.ts';
import { ApiError } from './errors.ts';

const openStreamsByIp = new Map<string, number>();

export interface LiveStream {
  send(event: string, data: unknown): Promise<void>;
  /** False once the client left or the stream closed. */
  open(): boolean;
}

/**
 * Opens a Server-Sent Events response: `start` subscribes and returns its cleanup. Keeps the
 * connection alive with comments, and caps open streams per client IP.
 */
export function openEventStream(
  c: AppContext,
  maxPerIp: number,
  start: (stream: LiveStream) => Promise<() => void>,
): Response {
  const ip = c.get('ip');
  const open = openStreamsByIp.get(ip) ?? 0;
  if (maxPerIp > 0 && open >= maxPerIp) {
    throw new ApiError(429, 'too_many_streams', 'Too many open event streams from this address.', { 'Retry-After': '30' });
  }
  openStreamsByIp.set(ip, open + 1);
  c.header('Cache-Control', 'no-store');
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(
    c,
    async (stream) => {
      let stop: (() => void) | null = null;
      try {
        // Ask EventSource to wait 3 s before reconnecting after a drop.
        await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
        stop = await start({
          send: async (event, data) => {
            if (!stream.aborted && !stream.closed) await stream.writeSSE({ event, data: JSON.stringify(data) });
          },
          open: () => !stream.aborted && !stream.closed,
        });
        let wake = () => {};
        stream.onAbort(() => wake());
        while (!stream.aborted && !stream.closed) {
          // Wakes early when the client leaves, so a closed stream never holds a timer (or the process) open.
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 25_000);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          if (!stream.aborted && !stream.closed) await stream.write(': keep-alive\n\n');
        }
      } finally {
        stop?.();
        const left = (openStreamsByIp.get(ip) ?? 1) - 1;
        if (left > 0) openStreamsByIp.set(ip, left);
        else openStreamsByIp.delete(ip);
      }
    },
    async (error) => {
      console.warn('[server] event stream failed:', error.message);
    },
  );
}
