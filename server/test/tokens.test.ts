import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SignJWT, type JWTPayload } from 'jose';
import { demoEnabled, readConfig } from '../src/config.ts';
import { jwtSecret, openTestDb, postgresUrl, startTestServer, storageName, type TestServer } from './helpers.ts';
import { spawnServer, type ServerProcess } from './process.ts';

const now = () => Math.floor(Date.now() / 1000);

/** A reader token with exactly the given registered claims (no defaults added). */
function mint(claims: JWTPayload, secret = jwtSecret): Promise<string> {
  return new SignJWT({ name: 'Token Reader', ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('token-reader')
    .sign(new TextEncoder().encode(secret));
}

async function sessionStatus(server: TestServer, token: string): Promise<number> {
  return (await server.call('GET', '/session', { token })).status;
}

describe(`reader token lifetime (${storageName})`, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ tokens: { maxLifetimeSeconds: 3600, clockSkewSeconds: 60 } });
  });
  after(() => server.close());

  test('a token without exp is refused', async () => {
    assert.equal(await sessionStatus(server, await mint({ iat: now() })), 401);
    assert.equal(await sessionStatus(server, await mint({})), 401);
  });

  test('a token issued five years ago with a far exp is refused (lifetime cap)', async () => {
    const fiveYearsAgo = now() - 5 * 365 * 24 * 3600;
    assert.equal(await sessionStatus(server, await mint({ iat: fiveYearsAgo, exp: now() + 3600 * 24 * 365 })), 401);
  });

  test('the lifetime cap is configurable: 30 minutes passes a one-hour cap, two hours does not', async () => {
    assert.equal(await sessionStatus(server, await mint({ iat: now(), exp: now() + 1800 })), 200);
    assert.equal(await sessionStatus(server, await mint({ iat: now(), exp: now() + 7200 })), 401);
    // Without iat the remaining lifetime counts.
    assert.equal(await sessionStatus(server, await mint({ exp: now() + 7200 })), 401);
    assert.equal(await sessionStatus(server, await mint({ exp: now() + 600 })), 200);
  });

  test('a small clock skew is allowed, a larger one is not', async () => {
    assert.equal(await sessionStatus(server, await mint({ iat: now() - 1000, exp: now() - 20 })), 200);
    assert.equal(await sessionStatus(server, await mint({ iat: now() - 1000, exp: now() - 300 })), 401);
    assert.equal(await sessionStatus(server, await mint({ iat: now() + 30, exp: now() + 600 })), 200);
    assert.equal(await sessionStatus(server, await mint({ iat: now() + 600, exp: now() + 1200 })), 401);
  });

  test('the test helper mints tokens the server accepts', async () => {
    assert.equal(await sessionStatus(server, await server.token({ id: 'helper', name: 'Helper', avatar: null })), 200);
  });
});

describe(`reader token audience and issuer (${storageName})`, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ tokens: { audience: 'news-comments', issuer: 'https://login.publisher.example' } });
  });
  after(() => server.close());

  const base = () => ({ iat: now(), exp: now() + 600 });

  test('a token minted for another audience is refused', async () => {
    const claims = { ...base(), aud: 'password-reset', iss: 'https://login.publisher.example' };
    assert.equal(await sessionStatus(server, await mint(claims)), 401);
  });

  test('a token without aud or iss is refused when they are configured', async () => {
    assert.equal(await sessionStatus(server, await mint({ ...base(), iss: 'https://login.publisher.example' })), 401);
    assert.equal(await sessionStatus(server, await mint({ ...base(), aud: 'news-comments' })), 401);
  });

  test('a token from another issuer is refused', async () => {
    assert.equal(await sessionStatus(server, await mint({ ...base(), aud: 'news-comments', iss: 'https://evil.example' })), 401);
  });

  test('the configured audience and issuer are accepted', async () => {
    const claims = { ...base(), aud: 'news-comments', iss: 'https://login.publisher.example' };
    assert.equal(await sessionStatus(server, await mint(claims)), 200);
    assert.equal(await sessionStatus(server, await server.token({ id: 'helper', name: 'Helper', avatar: null })), 200);
  });

  test('JWT_AUDIENCE, JWT_ISSUER, JWT_MAX_LIFETIME_SECONDS and JWT_CLOCK_SKEW_SECONDS are read from the environment', () => {
    const config = readConfig({ JWT_AUDIENCE: 'a', JWT_ISSUER: 'i', JWT_MAX_LIFETIME_SECONDS: '900', JWT_CLOCK_SKEW_SECONDS: '5' });
    assert.deepEqual(config.tokens, { audience: 'a', issuer: 'i', maxLifetimeSeconds: 900, clockSkewSeconds: 5 });
    assert.deepEqual(readConfig({}).tokens, { audience: undefined, issuer: undefined, maxLifetimeSeconds: 86_400, clockSkewSeconds: 60 });
  });
});

describe(`demo mode (${storageName})`, () => {
  test('is off whenever JWT_SECRET is supplied, unless DEMO=1 is explicit', () => {
    assert.equal(demoEnabled({ DEMO: 'auto', JWT_SECRET: 's' }), false);
    assert.equal(demoEnabled({ JWT_SECRET: 's' }), false);
    assert.equal(demoEnabled({ DEMO: '1', JWT_SECRET: 's' }), true);
    assert.equal(demoEnabled({ DEMO: 'auto' }), true);
    assert.equal(demoEnabled({ DEMO: '0' }), false);
    assert.equal(demoEnabled({}), false);
  });

  /** Runs scripts/start.mjs (no build) over a fresh migrated database, as `npm start` would. */
  async function withStartScript(env: Record<string, string>, check: (server: ServerProcess) => Promise<void>): Promise<void> {
    const storage = await openTestDb();
    const storageEnv: Record<string, string> = storage.schema
      ? { DATABASE_URL: postgresUrl as string, DATABASE_SCHEMA: storage.schema, DATA_DIR: mkdtempSync(join(tmpdir(), 'news-demo-')) }
      : { DATA_DIR: storage.dataDir as string };
    if (!storage.schema) await storage.db.close();
    const server = await spawnServer({ SKIP_BUILD: '1', ...storageEnv, ...env }, { viaStartScript: true });
    try {
      await check(server);
    } finally {
      await server.stop();
      if (storage.schema) await storage.drop();
      rmSync(storageEnv.DATA_DIR as string, { recursive: true, force: true });
    }
  }

  test('plain `npm start` with a real JWT_SECRET does not mint demo tokens', async () => {
    // DEMO left empty, as in a plain `npm start`.
    await withStartScript({ JWT_SECRET: 'a-real-secret-for-a-real-deployment-xx', DEMO: '' }, async (server) => {
      const reply = await fetch(`${server.url}/demo/token`);
      assert.equal(reply.status, 404);
      assert.doesNotMatch(server.output(), /DEMO MODE IS ON/);
    });
  });

  test('DEMO=1 with JWT_SECRET mints expiring tokens and logs a loud line', async () => {
    const env = { JWT_SECRET: 'a-real-secret-for-a-real-deployment-xx', DEMO: '1', JWT_AUDIENCE: 'news' };
    await withStartScript(env, async (server) => {
      const reply = await fetch(`${server.url}/demo/token?reader=2`);
      assert.equal(reply.status, 200);
      const { token } = (await reply.json()) as { token: string };
      const payload = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as JWTPayload;
      assert.equal(typeof payload.exp, 'number');
      assert.ok((payload.exp as number) - now() <= 12 * 3600 + 5);
      assert.equal(payload.aud, 'news');
      const session = await fetch(`${server.url}/api/session`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(session.status, 200);
      assert.match(server.output(), /DEMO MODE IS ON/);
    });
  });
});
