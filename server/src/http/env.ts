import type { Context } from 'hono';
import type { User } from '../../../src/core/contract.ts';

/** Per-request values the middleware computes once. */
export interface AppEnv {
  Variables: {
    /** Undefined until the bearer token has been checked; null for anonymous readers. */
    user: User | null | undefined;
    /** The anonymous voter id issued (as a cookie) during this request, if any. */
    issuedVoter: string | undefined;
    /** Client IP used for rate limits. */
    ip: string;
  };
}

export type AppContext = Context<AppEnv>;
