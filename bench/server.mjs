// Server: votes and comment posts per second against the reference server on loopback, on PGlite and on
// PostgreSQL, with latency percentiles and the final counts read back and checked against what was sent.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, chownSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { freePort, onCleanup, percentile, sleep, startServer, tempDir } from './lib/util.mjs';

export const reproduce =
  'BENCH_ONLY=server npm run bench   (BENCH_VOTES, BENCH_COMMENTS, BENCH_CONCURRENCY, BENCH_SERVER_SECONDS; PG_BIN for the PostgreSQL binaries)';

const settings = {
  votes: Number(process.env.BENCH_VOTES || 2000),
  comments: Number(process.env.BENCH_COMMENTS || 1000),
  concurrency: Number(process.env.BENCH_CONCURRENCY || 16),
  // Each phase stops sending new requests after this long, whatever the count reached.
  seconds: Number(process.env.BENCH_SERVER_SECONDS || 40),
};

const pollId = 'bench-poll';
const threadId = 'bench-thread';
const options = ['a', 'b', 'c', 'd'];

/**
 * Bounded-concurrency load: `concurrency` workers take request numbers until `count` is reached or the
 * time is up. Returns every outcome with its latency.
 */
async function load({ count, concurrency, seconds }, send) {
  const outcomes = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      let outcome;
      try {
        outcome = await send(i);
      } catch (error) {
        outcome = { status: 'network', error: error.cause?.code ?? error.message };
      }
      outcomes.push({ i, ms: performance.now() - t0, end: performance.now() - started, ...outcome });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const ok = outcomes.filter((o) => o.ok);
  const latencies = outcomes.map((o) => o.ms);
  const statuses = {};
  for (const o of outcomes) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
  // Throughput in the first and last quarter of the run: does it fall as the table grows?
  const quarter = Math.max(1, Math.floor(ok.length / 4));
  const ends = ok.map((o) => o.end).sort((a, b) => a - b);
  const rate = (from, to) => (to > from ? (quarter - 1) / ((ends[to] - ends[from]) / 1000) : NaN);
  return {
    sent: outcomes.length,
    firstQuarterPerSecond: ok.length >= 8 ? rate(0, quarter - 1) : NaN,
    lastQuarterPerSecond: ok.length >= 8 ? rate(ok.length - quarter, ok.length - 1) : NaN,
    ok: ok.length,
    statuses,
    seconds: elapsed,
    perSecond: ok.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    outcomes,
  };
}

async function json(url, init) {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : null;
}

async function benchStorage(label, env) {
  const jwtSecret = randomBytes(32).toString('base64url');
  const adminToken = randomBytes(24).toString('base64url');
  const server = await startServer(
    {
      ...env,
      JWT_SECRET: jwtSecret,
      ADMIN_TOKEN: adminToken,
      // 0 turns a limit off (server/src/http/rate-limit.ts): every request here comes from one loopback IP.
      RATE_LIMIT_IP_PER_MIN: '0',
      RATE_LIMIT_IP_WRITES_PER_MIN: '0',
      RATE_LIMIT_VOTER_PER_MIN: '0',
      RATE_LIMIT_USER_PER_MIN: '0',
      RATE_LIMIT_COMMENTS_PER_MIN: '0',
    },
    { label: `server on ${label}` },
  );
  const api = `${server.url}/api`;
  try {
    await json(`${api}/polls/${pollId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        question: 'Bench poll',
        options: options.map((id) => ({ id, label: `Option ${id}` })),
        results: 'always',
      }),
    });
    // Warm-up: route compilation, prepared plans, connection pool (not counted; a separate poll and thread).
    await json(`${api}/polls/${pollId}-warm`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'Warm-up', options: options.map((id) => ({ id, label: id })), results: 'always' }),
    });
    for (let i = 0; i < 20; i++) {
      await fetch(`${api}/polls/${pollId}-warm/votes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"optionIds":["a"]}' }).then(
        (r) => r.arrayBuffer(),
      );
    }

    // Votes: no cookie, so each request is a new anonymous voter; an Idempotency-Key as the fetch adapter sends.
    const votes = await load({ count: settings.votes, concurrency: settings.concurrency, seconds: settings.seconds }, async (i) => {
      const option = options[i % options.length];
      const response = await fetch(`${api}/polls/${pollId}/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ optionIds: [option] }),
      });
      await response.arrayBuffer();
      return { status: response.status, ok: response.status === 200, option };
    });
    const sentByOption = Object.fromEntries(options.map((id) => [id, 0]));
    for (const o of votes.outcomes) if (o.ok) sentByOption[o.option]++;
    const poll = await json(`${api}/polls/${pollId}`);
    const storedByOption = Object.fromEntries(poll.options.map((o) => [o.id, o.votes]));
    const voteDiffs = options
      .filter((id) => storedByOption[id] !== sentByOption[id])
      .map((id) => `${id}: sent ${sentByOption[id]}, stored ${storedByOption[id]}`);
    if (poll.totalVotes !== votes.ok) voteDiffs.push(`total: sent ${votes.ok}, stored ${poll.totalVotes}`);

    // Comments: signed-in readers (HS256 JWTs with the server's JWT_SECRET), 50 of them taking turns.
    const key = new TextEncoder().encode(jwtSecret);
    const tokens = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        new SignJWT({ name: `Bench Reader ${n}` })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setSubject(`bench-${n}`)
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(key),
      ),
    );
    for (let i = 0; i < 10; i++) {
      await fetch(`${api}/threads/${threadId}-warm/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` },
        body: JSON.stringify({ body: `warm-up ${i}` }),
      }).then((r) => r.arrayBuffer());
    }
    const comments = await load({ count: settings.comments, concurrency: settings.concurrency, seconds: settings.seconds }, async (i) => {
      const response = await fetch(`${api}/threads/${threadId}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % tokens.length]}`, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ body: `Bench comment ${i}: the bridge toll should be smaller and the bond shorter.` }),
      });
      const body = await response.json().catch(() => null);
      return { status: response.status, ok: response.status === 201, id: body?.id };
    });
    const sentIds = new Set(comments.outcomes.filter((o) => o.ok).map((o) => o.id));
    const storedIds = [];
    let cursor = '';
    let total = null;
    for (let page = 0; page < 1000; page++) {
      const result = await json(`${api}/threads/${threadId}/comments?sort=oldest&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      total ??= result.total;
      storedIds.push(...result.comments.map((c) => c.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    const counts = await json(`${api}/counts?threads=${threadId}`);
    const commentDiffs = [];
    if (total !== sentIds.size) commentDiffs.push(`thread total: sent ${sentIds.size}, stored ${total}`);
    if (counts.counts[threadId] !== sentIds.size) commentDiffs.push(`count endpoint: sent ${sentIds.size}, stored ${counts.counts[threadId]}`);
    const listed = new Set(storedIds);
    if (listed.size !== storedIds.length) commentDiffs.push(`${storedIds.length - listed.size} duplicates in the listing`);
    const missing = [...sentIds].filter((id) => !listed.has(id)).length;
    const extra = [...listed].filter((id) => !sentIds.has(id)).length;
    if (missing) commentDiffs.push(`${missing} acknowledged comments missing`);
    if (extra) commentDiffs.push(`${extra} comments stored that were never acknowledged`);

    const strip = ({ outcomes, ...rest }) => rest;
    return {
      storage: label,
      votes: { ...strip(votes), check: voteDiffs.length ? voteDiffs.join('; ') : 'exact', sentByOption, storedByOption },
      comments: { ...strip(comments), check: commentDiffs.length ? commentDiffs.join('; ') : 'exact', stored: total },
    };
  } finally {
    await server.stop();
  }
}

/** A throwaway PostgreSQL cluster on loopback, run as the postgres user like .ci/run does. */
async function startPostgres() {
  const candidates = [
    process.env.PG_BIN,
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort()
          .reverse()
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ].filter(Boolean);
  const bin = candidates.find((dir) => existsSync(join(dir, 'initdb')));
  if (!bin) throw new Error('PostgreSQL binaries not found (install postgresql or set PG_BIN)');
  const asPostgres = process.getuid?.() === 0;
  const run = (cmd, args) => {
    const result = asPostgres
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' })
      : spawnSync(join(bin, cmd), args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
  };
  const dir = tempDir('news-bench-pg-');
  if (asPostgres) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, -1);
    chmodSync(dir, 0o700);
  }
  let port = await freePort();
  while (port === 54329 || port === 54400) port = await freePort();
  run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const stop = async () => {
    try {
      run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
    } catch {
      // Not running.
    }
  };
  const removeCleanup = onCleanup(stop);
  run('pg_ctl', [
    '-D',
    join(dir, 'data'),
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=on`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version: execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim(),
    stop: async () => {
      removeCleanup();
      await stop();
    },
  };
}

export async function runServer({ log = () => {}, storages = ['pglite', 'postgres'] } = {}) {
  const results = [];
  for (const storage of storages) {
    if (storage === 'pglite') {
      log('server: PGlite');
      results.push(await benchStorage('PGlite (embedded, on disk)', {}));
    } else {
      let pg;
      try {
        pg = await startPostgres();
      } catch (error) {
        results.push({ storage: 'PostgreSQL', skipped: error.message });
        continue;
      }
      try {
        log(`server: ${pg.version}`);
        results.push(await benchStorage(pg.version.replace(/^postgres \(PostgreSQL\) /, 'PostgreSQL '), { DATABASE_URL: pg.url }));
      } finally {
        await pg.stop();
        await sleep(100);
      }
    }
  }
  return { settings, results };
}
