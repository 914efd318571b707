import { timingSafeEqual, randomBytes, createHash, createHmac } from 'node:crypto';
import { getCookie, setCookie } from 'hono/cookie';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { User } from '../../src/core/contract.ts';
import { defaultTokenRules, type TokenRules } from './config.ts';
import type { AppContext } from './http/env.ts';
import { authRequired, forbidden, ApiError } from './http/errors.ts';

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100),
  avatar: z.string().max(2000).nullish(),
});

const voterCookie = 'news_voter';
const voterCookiePattern = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** The MAC of an anonymous voter id under one key: `<id>.<mac>` is what the cookie holds. */
function voterMac(key: string, id: string): string {
  return createHmac('sha256', key).update(`news-voter:${id}`).digest('base64url');
}

/** A voter cookie value for `id`, signed with `key` (the server issues these; tests mint them too). */
export function signVoterId(key: string, id: string): string {
  return `${id}.${voterMac(key, id)}`;
}

/**
 * The keys anonymous voter ids are signed with: VOTER_SECRET's comma-separated keys (the first signs,
 * all verify, so a key can be rotated without dropping voters), else one derived from JWT_SECRET, else
 * a random key for this process only (voters then get new ids after a restart).
 */
export function voterKeys(voterSecrets: string[], jwtSecret: string | undefined): string[] {
  if (voterSecrets.length > 0) return voterSecrets;
  if (jwtSecret) return [createHmac('sha256', jwtSecret).update('news-elements voter id key').digest('base64url')];
  return [randomBytes(32).toString('base64url')];
}

export class Auth {
  readonly #secret: Uint8Array | null;
  readonly #adminToken: Buffer | null;
  readonly #trustProxy: boolean;
  readonly #rules: TokenRules;
  readonly #voterKeys: string[];

  constructor(options: { jwtSecret: string | undefined; adminToken: string | undefined; trustProxy: boolean; tokens?: TokenRules; voterSecrets?: string[] }) {
    this.#voterKeys = voterKeys(options.voterSecrets ?? [], options.jwtSecret);
    this.#secret = options.jwtSecret ? new TextEncoder().encode(options.jwtSecret) : null;
    this.#adminToken = options.adminToken ? sha256(options.adminToken) : null;
    this.#trustProxy = options.trustProxy;
    this.#rules = options.tokens ?? defaultTokenRules;
  }

  /** The signed-in reader, or null for no token or a token that fails verification (reads stay anonymous). */
  async user(c: AppContext): Promise<User | null> {
    const cached = c.get('user');
    if (cached !== undefined) return cached;
    const user = await this.#verify(bearer(c));
    c.set('user', user);
    return user;
  }

  async requireUser(c: AppContext): Promise<User> {
    const user = await this.user(c);
    if (!user) throw authRequired();
    return user;
  }

  /** Admin routes: the bearer must equal ADMIN_TOKEN (compared in constant time over hashes). */
  requireAdmin(c: AppContext): void {
    const token = bearer(c);
    if (!token) throw new ApiError(401, 'auth_required', 'Send Authorization: Bearer <ADMIN_TOKEN>.');
    if (!this.#adminToken || !timingSafeEqual(sha256(token), this.#adminToken)) throw forbidden('Not an admin token.');
  }

  /**
   * Who is voting: `user:<sub>` when signed in, else the anonymous id in the signed voter cookie
   * (issued here on first need). A cookie the server did not sign (made up, tampered, or signed with a
   * key no longer configured) counts as no cookie: the client gets a new signed id.
   */
  async voterId(c: AppContext, issue: boolean): Promise<string | null> {
    const user = await this.user(c);
    if (user) return `user:${user.id}`;
    const existing = this.#verifiedVoter(getCookie(c, voterCookie));
    if (existing) return `anon:${existing}`;
    // Asked twice in one request (a check, then the handler), the voter keeps the id issued first.
    const issued = c.get('issuedVoter');
    if (issued) return issued;
    if (!issue) return null;
    const fresh = randomBytes(16).toString('base64url');
    const secure = this.isHttps(c);
    setCookie(c, voterCookie, signVoterId(this.#voterKeys[0] as string, fresh), {
      httpOnly: true,
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      // Cross-site embeds need SameSite=None, which browsers only accept on Secure cookies.
      sameSite: secure ? 'None' : 'Lax',
      secure,
    });
    c.set('issuedVoter', `anon:${fresh}`);
    return `anon:${fresh}`;
  }

  #verifiedVoter(value: string | undefined): string | null {
    const match = value ? voterCookiePattern.exec(value) : null;
    if (!match) return null;
    const [, id, mac] = match as unknown as [string, string, string];
    const given = Buffer.from(mac);
    for (const key of this.#voterKeys) {
      const expected = Buffer.from(voterMac(key, id));
      if (expected.length === given.length && timingSafeEqual(expected, given)) return id;
    }
    return null;
  }

  isHttps(c: AppContext): boolean {
    if (new URL(c.req.url).protocol === 'https:') return true;
    return this.#trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  }

  async #verify(token: string | null): Promise<User | null> {
    if (!token || !this.#secret || token.length > 4096) return null;
    try {
      const rules = this.#rules;
      const { payload } = await jwtVerify(token, this.#secret, {
        algorithms: ['HS256'],
        requiredClaims: ['exp'],
        clockTolerance: rules.clockSkewSeconds,
        ...(rules.audience ? { audience: rules.audience } : {}),
        ...(rules.issuer ? { issuer: rules.issuer } : {}),
      });
      // A token that lives longer than the cap (or was issued in the future) is refused, however it was signed.
      const now = Math.floor(Date.now() / 1000);
      const issuedAt = typeof payload.iat === 'number' ? payload.iat : now;
      if (issuedAt > now + rules.clockSkewSeconds) return null;
      if ((payload.exp as number) - Math.min(issuedAt, now) > rules.maxLifetimeSeconds + rules.clockSkewSeconds) return null;
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) return null;
      const avatar = claims.data.avatar && /^https?:\/\//i.test(claims.data.avatar) ? claims.data.avatar : null;
      return { id: claims.data.sub, name: claims.data.name, avatar };
    } catch {
      return null;
    }
  }
}

/** Mints a reader token (demo sign-in and tests): always with `iat` and `exp`, plus `aud`/`iss` when given. */
export async function signUserToken(
  secret: string,
  user: User,
  options: { expiresIn?: string | number; audience?: string | undefined; issuer?: string | undefined } = {},
): Promise<string> {
  const jwt = new SignJWT({ name: user.name, ...(user.avatar ? { avatar: user.avatar } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.id)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h');
  if (options.audience) jwt.setAudience(options.audience);
  if (options.issuer) jwt.setIssuer(options.issuer);
  return jwt.sign(new TextEncoder().encode(secret));
}

function bearer(c: AppContext): string | null {
  const header = c.req.header('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
