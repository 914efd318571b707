import { fileURLToPath } from 'node:url';

/** Everything the server reads from the environment, with defaults that work on a fresh clone. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseSchema: string | undefined;
  jwtSecret: string | undefined;
  /** What a reader token must carry besides a valid signature. */
  tokens: TokenRules;
  adminToken: string | undefined;
  /** VOTER_SECRET: keys that sign anonymous voter ids, newest first (older ones still verify). */
  voterSecrets: string[];
  allowedOrigins: string[];
  demo: boolean;
  /** Honour X-Forwarded-For / X-Forwarded-Proto (set when behind a load balancer you trust). */
  trustProxy: boolean;
  limits: Limits;
}

/** What a reader token must satisfy besides its signature. */
export interface TokenRules {
  /** Required `aud` (JWT_AUDIENCE): when set, tokens without it or minted for another audience are refused. */
  audience: string | undefined;
  /** Required `iss` (JWT_ISSUER), checked when set. */
  issuer: string | undefined;
  /** Longest accepted lifetime in seconds: `exp - iat` (or `exp - now` for a token without `iat`). */
  maxLifetimeSeconds: number;
  /** Tolerated clock difference in seconds for `exp`, `nbf` and `iat`. */
  clockSkewSeconds: number;
}

export const defaultTokenRules: TokenRules = {
  audience: undefined,
  issuer: undefined,
  maxLifetimeSeconds: 24 * 60 * 60,
  clockSkewSeconds: 60,
};

export interface Limits {
  /** Largest accepted request body in bytes. */
  bodyBytes: number;
  /** Requests per minute per client IP, all API routes. */
  ipPerMinute: number;
  /** Writes per minute per client IP (votes, comments, likes, reports, edits). */
  ipWritesPerMinute: number;
  /** Writes per minute per anonymous voter id. */
  voterPerMinute: number;
  /** Writes per minute per signed-in user. */
  userPerMinute: number;
  /** New comments per minute per signed-in user. */
  commentsPerMinute: number;
  /** Open event streams per client IP. */
  streamsPerIp: number;
  /** Open event streams in this process, all clients together. */
  streamsPerProcess: number;
  /** Live results and new comments are sent at most once per this many milliseconds per poll or thread. */
  liveIntervalMs: number;
}

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const defaultLimits: Limits = {
  bodyBytes: 16 * 1024,
  ipPerMinute: 1200,
  ipWritesPerMinute: 240,
  voterPerMinute: 30,
  userPerMinute: 60,
  commentsPerMinute: 10,
  streamsPerIp: 50,
  streamsPerProcess: 20_000,
  liveIntervalMs: 250,
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const number = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
    return value;
  };
  const flag = (name: string): boolean => ['1', 'true', 'yes'].includes((env[name] ?? '').toLowerCase());
  return {
    port: number('PORT', 8787),
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR || `${repoRoot}.data`,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    jwtSecret: env.JWT_SECRET || undefined,
    tokens: {
      audience: env.JWT_AUDIENCE || undefined,
      issuer: env.JWT_ISSUER || undefined,
      maxLifetimeSeconds: number('JWT_MAX_LIFETIME_SECONDS', defaultTokenRules.maxLifetimeSeconds),
      clockSkewSeconds: number('JWT_CLOCK_SKEW_SECONDS', defaultTokenRules.clockSkewSeconds),
    },
    adminToken: env.ADMIN_TOKEN || undefined,
    voterSecrets: (env.VOTER_SECRET ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean),
    demo: demoEnabled(env),
    trustProxy: flag('TRUST_PROXY'),
    limits: {
      bodyBytes: number('BODY_LIMIT_BYTES', defaultLimits.bodyBytes),
      ipPerMinute: number('RATE_LIMIT_IP_PER_MIN', defaultLimits.ipPerMinute),
      ipWritesPerMinute: number('RATE_LIMIT_IP_WRITES_PER_MIN', defaultLimits.ipWritesPerMinute),
      voterPerMinute: number('RATE_LIMIT_VOTER_PER_MIN', defaultLimits.voterPerMinute),
      userPerMinute: number('RATE_LIMIT_USER_PER_MIN', defaultLimits.userPerMinute),
      commentsPerMinute: number('RATE_LIMIT_COMMENTS_PER_MIN', defaultLimits.commentsPerMinute),
      streamsPerIp: number('STREAMS_PER_IP', defaultLimits.streamsPerIp),
      streamsPerProcess: number('STREAMS_PER_PROCESS', defaultLimits.streamsPerProcess),
      liveIntervalMs: number('LIVE_INTERVAL_MS', defaultLimits.liveIntervalMs),
    },
  };
}

/**
 * Demo mode (seeded content, generated secrets, `/demo/sign-in` minting reader tokens) runs only when
 * DEMO=1 is explicit, or, for `npm start` on a fresh clone, when DEMO is unset and no JWT_SECRET is
 * supplied. A real JWT_SECRET means a real deployment: demo sign-in stays off unless DEMO=1 says otherwise.
 */
export function demoEnabled(env: NodeJS.ProcessEnv): boolean {
  const value = (env.DEMO ?? '').trim().toLowerCase();
  if (['1', 'true', 'yes'].includes(value)) return true;
  if (value !== 'auto') return false;
  return !env.JWT_SECRET;
}
