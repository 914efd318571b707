import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

/**
 * gzip (or deflate) for text responses of 1 KB or more (scripts, JSON), chosen by Accept-Encoding.
 * Event streams are left alone (Hono's filter skips text/event-stream), so live events are never held
 * back in a compressor's buffer; a strong ETag turns weak, as the bytes differ from the file's.
 */
export function compression(): MiddlewareHandler {
  return compress();
}
