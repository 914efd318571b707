/** The request never got an HTTP answer: offline, DNS, connection reset, timeout or abort. */
export class NetworkError extends Error {
  override name = 'NetworkError';
  /** True when the request ran out of time (as opposed to failing or being aborted). */
  readonly timedOut: boolean;
  constructor(message: string, options: { cause?: unknown; timedOut?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.timedOut = options.timedOut ?? false;
  }
}

/** The server answered with a non-2xx status. `code` is the server's `error.code`, or `http_<status>`. */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  readonly code: string;
  /** Seconds to wait before retrying, from `Retry-After` (429/503), when given. */
  readonly retryAfter: number | null;
  constructor(status: number, code: string, message: string, retryAfter: number | null = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}
