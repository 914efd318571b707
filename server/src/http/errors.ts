import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../../src/core/contract.ts';
import {
  AlreadyVoted,
  CommentGone,
  DomainError,
  EditWindowClosed,
  Forbidden,
  InvalidCursor,
  InvalidOption,
  InvalidParent,
  NotFound,
  PollClosed,
} from '../store/errors.ts';

/** An expected failure with an HTTP status and a stable machine-readable code. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly headers: Record<string, string>;
  constructor(status: ContentfulStatusCode, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export const notFound = (what = 'Resource') => new ApiError(404, 'not_found', `${what} not found.`);
export const authRequired = () => new ApiError(401, 'auth_required', 'Sign in to do this.');
export const forbidden = (message = 'You are not allowed to do this.') => new ApiError(403, 'forbidden', message);

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** How each refusal of the store reads over HTTP. */
const domainReplies = new Map<abstract new (...args: never[]) => DomainError, [ContentfulStatusCode, ErrorCode]>([
  [NotFound, [404, 'not_found']],
  [Forbidden, [403, 'forbidden']],
  [InvalidCursor, [422, 'invalid_cursor']],
  [InvalidParent, [422, 'invalid_parent']],
  [InvalidOption, [422, 'invalid_option']],
  [CommentGone, [409, 'comment_gone']],
  [EditWindowClosed, [409, 'edit_window_closed']],
  [AlreadyVoted, [409, 'already_voted']],
  [PollClosed, [410, 'poll_closed']],
]);

/** The global error handler: known errors keep their status; anything else is logged and hidden behind a 500. */
export function handleError(error: unknown, c: Context): Response {
  const reply = error instanceof DomainError ? domainReplies.get(error.constructor as typeof DomainError) : undefined;
  if (reply) return c.json(errorBody(reply[1], (error as DomainError).message), reply[0]);
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(errorBody(error.code, error.message), error.status);
  }
  // Hono raises HTTPException for malformed requests it detects itself (e.g. a broken body stream).
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return c.json(errorBody('bad_request', 'The request could not be read.'), status as ContentfulStatusCode);
  }
  // Safety net for input the validators let through: PostgreSQL data exceptions (22) and constraint violations (23).
  const sqlState = (error as { code?: unknown }).code;
  if (typeof sqlState === 'string' && /^2[23][0-9A-Z]{3}$/.test(sqlState)) {
    console.warn('[server] database refused input:', sqlState, (error as Error).message);
    return sqlState.startsWith('22')
      ? c.json(errorBody('invalid_request', 'The request contains a value that cannot be stored.'), 422)
      : c.json(errorBody('conflict', 'The request conflicts with existing data.'), 409);
  }
  console.error('[server] unexpected error:', error);
  return c.json(errorBody('internal', 'Something went wrong on our side.'), 500);
}
