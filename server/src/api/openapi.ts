import { OpenAPIHono, type RouteConfig, type RouteHandler, type z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../http/env.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { containsNul, invalidInput, pathId, readJsonBody } from '../http/validate.ts';
import { ErrorSchema } from './schemas.ts';

/**
 * Routes are declared with createRoute: the same zod schemas validate requests and generate
 * openapi.json (see document.ts). This module holds the pieces every route shares.
 */

/** A JSON reply of `schema`. */
export const jsonReply = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body of `schema`. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** The server-sent events reply of the `/events` routes. */
export const eventStream = {
  description: 'event stream',
  content: { 'text/event-stream': { schema: { type: 'string' as const } } },
};

export const MALFORMED = 'Malformed request (bad JSON, bad Idempotency-Key)';
export const TOO_LARGE = 'Body larger than the limit';
export const NOT_JSON = 'Body is not application/json';
export const INVALID = 'Invalid input';

/** Error replies by status (every route may also answer 429 when rate limited). */
export function errors(descriptions: Record<number, string>) {
  const replies: Record<number, ReturnType<typeof jsonReply<typeof ErrorSchema>>> = {};
  for (const [status, description] of Object.entries({ ...descriptions, 429: 'Rate limited; see Retry-After' })) {
    replies[Number(status)] = jsonReply(ErrorSchema, description);
  }
  return replies;
}

/** The Idempotency-Key header of writes (checked by http/idempotency.ts, so documented here as is). */
export const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header' as const,
  required: false,
  schema: { type: 'string' as const, maxLength: 200 },
  description: 'Repeating a key (same user or voter, same route) returns the stored first response without writing again.',
};

/** A request check that runs before the schemas, in the order given (e.g. 404 before 401 before 422). */
export type Step = (c: AppContext) => unknown;

/** A path id that cannot exist is simply not found ("Poll not found."). */
export const knownId =
  (what: string): Step =>
  (c) =>
    pathId(c, 'id', what);

/** Query text must not contain NUL (PostgreSQL refuses it), whatever the parameter. */
export const nulFreeQuery: Step = (c) => {
  if (containsNul(c.req.queries())) throw new ApiError(422, 'invalid_request', 'Invalid query. Text must not contain NUL characters.');
};

/** The body must be NUL-free JSON sent as application/json (415, 400 or 422 otherwise). */
export const jsonOnly: Step = (c) => readJsonBody(c);

/** Turns a failed schema check into the API's 422 (or 404 for a path parameter). */
const validationHook = (result: { success: boolean; target: string; error?: z.ZodError }) => {
  if (result.success) return;
  if (result.target === 'param') throw notFound();
  throw invalidInput(result.error!, result.target === 'json' ? 'body' : result.target);
};

/** A router whose schema failures become the API's error replies. */
export const newRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/**
 * Adds `route` to `router`: `steps` run first, then the route's schemas, then `handler`.
 * Every reply is checked against openapi.json by the server tests rather than by types here,
 * since idempotent writes answer with a stored Response.
 */
export function mount<R extends RouteConfig>(
  router: OpenAPIHono<AppEnv>,
  route: R,
  steps: Step[],
  handler: (c: Parameters<RouteHandler<R, AppEnv>>[0]) => Promise<Response> | Response,
): void {
  const prepare: MiddlewareHandler<AppEnv> = async (c, next) => {
    for (const step of steps) await step(c);
    await next();
  };
  // The typed-reply check of RouteHandler is what the cast skips (see above).
  router.openapi({ ...route, middleware: [prepare] }, handler as unknown as RouteHandler<R, AppEnv>);
}
