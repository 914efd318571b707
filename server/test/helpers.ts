import { serve, type ServerType } from '@hono/node-server';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import type { User } from '../../src/core/contract.ts';
import { createApi, type Api } from '../src/app.ts';
import { signUserToken, signVoterId, voterKeys } from '../src/auth.ts';
import { readConfig, type Limits, type ServerConfig, type TokenRules } from '../src/config.ts';
import type { Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { checkResponse } from './openapi-check.ts';

export const postgresUrl = process.env.TEST_DATABASE_URL || undefined;
export const storageName = postgresUrl ? 'PostgreSQL' : 'PGlite';
export const jwtSecret = 'test-secret-that-is-long-enough-for-hs256';
export const adminToken = 'test-admin-token';
export const allowedOrigin = 'https://publisher.example';

export const alex: User = { id: 'reader-1', name: 'Alex Reader', avatar: null };
export const sam: User = { id: 'reader-2', name: 'Sam Okafor', avatar: 'https://img.example/sam.png' };

/**
 * A migrated PGlite directory made once per set of migrations and copied for each test file:
 * initdb is the slow part of starting PGlite, and a copy of a cleanly closed directory skips it.
 */
async function pgliteTemplate(): Promise<string> {
  const migrations = readdirSync(new URL('../migrations/', import.meta.url)).sort();
  const hash = createHash('sha256');
  for (const name of migrations) hash.update(name).update(readFileSync(new URL(`../migrations/${name}`, import.meta.url)));
  const template = join(tmpdir(), `news-server-pglite-template-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(template)) return template;
  const building = mkdtempSync(join(tmpdir(), 'news-server-pglite-building-'));
  const db = await openPglite(building);
  await migrate(db);
  await db.close();
  try {
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/** A fresh, migrated database: a PGlite directory, or a new schema on TEST_DATABASE_URL. */
export async function openTestDb(): Promise<{ db: Db; schema?: string; dataDir?: string; drop(): Promise<void> }> {
  if (postgresUrl) {
    const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const db = await openPostgres({ connectionString: postgresUrl, schema });
    await migrate(db);
    return {
      db,
      schema,
      async drop() {
        await db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
        await db.close();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'news-server-test-'));
  cpSync(await pgliteTemplate(), dataDir, { recursive: true });
  const db = await openPglite(dataDir);
  await migrate(db);
  return {
    db,
    dataDir,
    async drop() {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  // Parsed JSON of any route; each test asserts the fields it cares about, and the shape is checked against openapi.json.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: tests read fields of many response shapes
  body: any;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body text, sent as is (for malformed-input tests). */
  raw?: string;
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
  /** Skip the OpenAPI comparison (for deliberately undocumented requests). */
  unchecked?: boolean;
}

export interface TestServer {
  url: string;
  db: Db;
  api: Api;
  config: ServerConfig;
  schema: string | undefined;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  token(user: User): Promise<string>;
  close(): Promise<void>;
}

const roomyLimits: Limits = {
  bodyBytes: 16 * 1024,
  ipPerMinute: 1_000_000,
  ipWritesPerMinute: 1_000_000,
  voterPerMinute: 1_000_000,
  userPerMinute: 1_000_000,
  commentsPerMinute: 1_000_000,
  streamsPerIp: 1_000,
  streamsPerProcess: 10_000,
  liveIntervalMs: 250,
};

/** Starts the API at `/` on a loopback port, over a fresh database; every reply is checked against openapi.json. */
export async function startTestServer(options: { limits?: Partial<Limits>; tokens?: Partial<TokenRules>; voterSecrets?: string[] } = {}): Promise<TestServer> {
  const storage = await openTestDb();
  const config: ServerConfig = {
    ...readConfig({}),
    port: 0,
    jwtSecret,
    adminToken,
    allowedOrigins: [allowedOrigin],
    trustProxy: true,
    databaseSchema: storage.schema,
    limits: { ...roomyLimits, ...options.limits },
  };
  config.tokens = { ...config.tokens, ...options.tokens };
  if (options.voterSecrets) config.voterSecrets = options.voterSecrets;
  const api = await createApi({ db: storage.db, config, basePath: '/' });
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function call(method: string, path: string, callOptions: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...callOptions.headers };
    if (callOptions.token) headers.authorization = `Bearer ${callOptions.token}`;
    if (callOptions.cookie) headers.cookie = callOptions.cookie;
    let body: string | undefined = callOptions.raw;
    if (callOptions.body !== undefined) {
      body = JSON.stringify(callOptions.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(url + path, { method, headers, body });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const json = contentType.includes('application/json') && text ? JSON.parse(text) : null;
    if (!callOptions.unchecked) {
      const problems = checkResponse(method, path.split('?')[0] ?? path, response.status, contentType, json);
      assert.deepEqual(problems, [], `response does not match openapi.json: ${problems.join('; ')}`);
    }
    return { status: response.status, headers: response.headers, body: json, text };
  }

  return {
    url,
    db: storage.db,
    api,
    config,
    schema: storage.schema,
    call,
    token: (user) =>
      signUserToken(jwtSecret, user, {
        expiresIn: Math.floor(Date.now() / 1000) + Math.min(12 * 3600, config.tokens.maxLifetimeSeconds),
        audience: config.tokens.audience,
        issuer: config.tokens.issuer,
      }),
    async close() {
      (server as Server).closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await api.close();
      await storage.drop();
    },
  };
}

/**
 * A valid anonymous voter cookie for `name`, signed as every test server signs them (with the key
 * derived from the shared test JWT_SECRET), for tests that need many distinct, stable voters.
 */
export function anonVoter(name: string): string {
  const id = createHash('sha256').update(name).digest('base64url').slice(0, 22);
  return `news_voter=${signVoterId(voterKeys([], jwtSecret)[0] as string, id)}`;
}

/** The `news_voter=...` pair from a Set-Cookie header, to send back as Cookie. */
export function voterCookie(reply: Reply): string {
  const header = reply.headers.get('set-cookie') ?? '';
  const match = header.match(/news_voter=[^;]+/);
  assert.ok(match, `expected a news_voter cookie, got "${header}"`);
  return match[0];
}

export async function createPoll(server: TestServer, id: string, overrides: Record<string, unknown> = {}): Promise<void> {
  const reply = await server.call('PUT', `/polls/${id}`, {
    token: adminToken,
    body: {
      question: 'Which option?',
      options: [
        { id: 'a', label: 'Option A' },
        { id: 'b', label: 'Option B' },
        { id: 'c', label: 'Option C' },
      ],
      ...overrides,
    },
  });
  assert.equal(reply.status, 200, reply.text);
}

/** One Server-Sent Event with its JSON data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the data is any route's JSON; tests assert the fields they need
export type SentEvent = { event: string; data: any };

/** Reads Server-Sent Events from a streaming fetch until `until` says stop or time runs out. */
export async function collectEvents(
  url: string,
  until: (events: SentEvent[]) => boolean,
  options: { headers?: Record<string, string>; timeoutMs?: number; onOpen?: () => Promise<void> | void } = {},
): Promise<SentEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 8000);
  const events: SentEvent[] = [];
  try {
    const response = await fetch(url, { headers: options.headers, signal: controller.signal });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let opened = false;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const chunk = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(chunk)?.[1];
        const data = chunk
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n');
        if (!event) continue;
        events.push({ event, data: data ? JSON.parse(data) : null });
        if (event === 'ready' && !opened) {
          opened = true;
          await options.onOpen?.();
        }
      }
      if (until(events)) break;
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}
