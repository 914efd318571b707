import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { ID_PATTERN } from '../../../src/core/contract.ts';
import { ApiError, notFound } from './errors.ts';

export const idSchema = z.string().regex(ID_PATTERN, 'must be 1-128 URL-safe characters');

/** A schema failure as the API's 422, with the first problem spelled out. */
export function invalidInput(error: z.ZodError, where: string): ApiError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return new ApiError(422, 'invalid_request', `Invalid ${where}. ${field}${issue?.message ?? 'malformed'}`);
}

/** A path id that cannot exist is simply not found. */
export function pathId(c: Context, name: string, what: string): string {
  const value = c.req.param(name);
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) throw notFound(what);
  return value;
}

const jsonType = /^application\/json\s*(;|$)/i;
const unsupportedType = () => new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');

/**
 * Refuses a write whose body is not application/json before anything else runs, so a hostile page's
 * `text/plain` (or form, or untyped) POSTs, which need no CORS preflight, cannot spend a reader's
 * rate-limit budget. Bodiless writes (likes, admin approvals) need no content type.
 */
export const requireJsonBody: MiddlewareHandler = async (c, next) => {
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(c.req.method)) {
    // Unknown routes stay 404: only a request some route will handle is checked here.
    const routed = matchedRoutes(c).some((route) => route.method !== 'ALL');
    const type = c.req.header('content-type');
    const length = c.req.header('content-length');
    const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
    if (routed && (type !== undefined || hasBody) && !jsonType.test(type ?? '')) throw unsupportedType();
  }
  await next();
};

/** Reads a JSON body; requiring application/json also forces a CORS preflight for cross-site writes. */
export async function readJsonBody(c: Context): Promise<unknown> {
  if (!jsonType.test(c.req.header('content-type') ?? '')) throw unsupportedType();
  const text = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  if (containsNul(json)) throw new ApiError(422, 'invalid_request', 'Invalid body. Text must not contain NUL characters.');
  return json;
}

/** Text that PostgreSQL can store: NUL characters are refused rather than failing inside the database. */
export function safeText(min: number, max: number) {
  return z
    .string()
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
    .pipe(z.string().min(min).max(max))
    .openapi({ minLength: min, maxLength: max });
}

/** Plain text typed by a reader: trimmed, then 1..max characters. */
export function typedText(max: number) {
  return z
    .string()
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
    .transform((value) => value.trim())
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`))
    .openapi({ minLength: 1, maxLength: max });
}

/** Does any string anywhere inside `value` contain NUL? (PostgreSQL text and jsonb refuse it.) */
export function containsNul(value: unknown, depth = 0): boolean {
  if (depth > 64) return true;
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1));
  }
  return false;
}
