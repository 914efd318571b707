import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { User } from '../../src/core/contract.ts';
import { signUserToken } from './auth.ts';
import type { TokenRules } from './config.ts';

/** Sample readers the demo sign-in can mint tokens for (`?reader=2` picks the second). */
export const demoReaders: User[] = [
  { id: 'reader-1', name: 'Alex Reader', avatar: null },
  { id: 'reader-2', name: 'Sam Okafor', avatar: null },
  { id: 'reader-3', name: 'Priya Natarajan', avatar: null },
];

export interface DemoSecrets {
  jwtSecret: string;
  adminToken: string;
}

/** In demo mode, secrets not given in the environment are generated once and kept in DATA_DIR. */
export function loadDemoSecrets(dataDir: string): DemoSecrets {
  const file = join(dataDir, 'demo-secrets.json');
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<DemoSecrets>;
    if (typeof stored.jwtSecret === 'string' && typeof stored.adminToken === 'string') {
      return { jwtSecret: stored.jwtSecret, adminToken: stored.adminToken };
    }
  } catch {
    // First start: fall through and create them.
  }
  const secrets = { jwtSecret: randomBytes(32).toString('base64url'), adminToken: randomBytes(24).toString('base64url') };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function pickReader(value: string | undefined): User {
  const index = Number(value ?? '1') - 1;
  return demoReaders[Number.isInteger(index) && index >= 0 && index < demoReaders.length ? index : 0] as User;
}

/** A same-origin path only, so the sign-in can never redirect a reader to another site. */
function safeReturnPath(value: string | undefined): string {
  const hasControl = [...(value ?? '')].some((char) => char.charCodeAt(0) < 0x20);
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || hasControl) {
    return '/';
  }
  return value.split('#')[0] || '/';
}

/**
 * Demo-only sign-in (mounted only in demo mode, see `demoEnabled`):
 * - `GET /demo/sign-in?returnUrl=/path&reader=1` redirects to `/path#token=<JWT>`;
 * - `GET /demo/token?reader=1` answers `{token, user}` as JSON.
 */
export function demoRoutes(jwtSecret: string, rules: TokenRules): Hono {
  const routes = new Hono();
  // The same claims a publisher's login would send: a bounded lifetime and the configured audience and issuer.
  const mint = (user: User) =>
    signUserToken(jwtSecret, user, {
      expiresIn: Math.floor(Date.now() / 1000) + Math.min(12 * 60 * 60, rules.maxLifetimeSeconds),
      audience: rules.audience,
      issuer: rules.issuer,
    });
  routes.get('/demo/sign-in', async (c) => {
    const token = await mint(pickReader(c.req.query('reader')));
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(`${safeReturnPath(c.req.query('returnUrl'))}#token=${token}`, 302);
  });
  routes.get('/demo/token', async (c) => {
    const user = pickReader(c.req.query('reader'));
    c.header('Cache-Control', 'no-store');
    return c.json({ token: await mint(user), user });
  });
  return routes;
}
