// Server: the reference server under loopback load on PostgreSQL and PGlite, measured against issue 14's
// targets. Votes at concurrency 16/64/256 on an empty poll and on one already holding a million ballots
// (seeded by SQL, not HTTP); comment posts; likes; first comment pages of a 10,000- and a 100-comment
// thread; live fan-out to many subscribers on one process while votes arrive; RSS per idle subscriber;
// counts checked exact after every run; a kill -9 in the middle of a run with every acknowledged write
// checked after the restart. `--quick` (or BENCH_QUICK=1) runs the same with small numbers in about a
// minute per storage; the full run wants a quiet machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, chownSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import pg from 'pg';
import { freePort, onCleanup, percentile, sleep, startServer, tempDir } from './lib/util.mjs';

export const reproduce =
  'BENCH_ONLY=server npm run bench [-- --quick]   (PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL, else a throwaway cluster from PG_BIN; BENCH_STORAGES=postgres,pglite)';

const quick = process.argv.includes('--quick') || ['1', 'true', 'yes'].includes((process.env.BENCH_QUICK ?? '').toLowerCase());

export const settings = {
  mode: quick ? 'quick' : 'full',
  concurrencies: [16, 64, 256],
  // Votes per run, each run capped at `seconds`.
  votes: quick ? 1500 : 20_000,
  seconds: quick ? 4 : 20,
  seeded: quick ? 100_000 : 1_000_000,
  comments: quick ? 600 : 5000,
  likes: quick ? 600 : 5000,
  readSeconds: quick ? 3 : 10,
  bigThread: 10_000,
  smallThread: 100,
  subscribers: quick ? 2000 : 10_000,
  liveVotesPerSecond: 500,
  liveSeconds: quick ? 4 : 15,
  killSeconds: quick ? 3 : 8,
};

export const targets = {
  postgresVotesPerSecond: 5000,
  pgliteVotesPerSecond: 2000,
  voteP99Ms: 250,
  seededWithin: 0.2,
  commentPostsPerSecond: 1000,
  bigThreadReadsPerSecond: 1000,
  bigVsSmallWithin: 0.2,
  liveDeliveryP99Ms: 1000,
  idleSubscriberKb: 20,
};

const options = ['a', 'b', 'c', 'd'];
const json = (value) => JSON.stringify(value);

/** A keep-alive HTTP client with at most `sockets` connections: cheap enough to share the machine with the server. */
function httpClient(base, sockets) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  const request = (method, path, { headers = {}, body } = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : json(body);
      const allHeaders = payload === undefined ? headers : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers };
      const req = http.request(`${base}${path}`, { method, agent, headers: allHeaders }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  return { request, close: () => agent.destroy() };
}

/**
 * Bounded-concurrency load: `concurrency` workers take request numbers until `count` is reached or the
 * time is up. With `perSecond`, request i is not sent before start + i / perSecond (an arrival rate).
 */
async function load({ count, concurrency, seconds, perSecond }, send) {
  const outcomes = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      if (perSecond) {
        const due = started + (i * 1000) / perSecond;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
      }
      const t0 = performance.now();
      let outcome;
      try {
        outcome = await send(i);
      } catch (error) {
        outcome = { status: 'network', error: error.code ?? error.message };
      }
      const t1 = performance.now();
      outcomes.push({ i, ms: t1 - t0, at: t1, ...outcome });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const ok = outcomes.filter((o) => o.ok);
  const statuses = {};
  for (const o of outcomes) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
  const latencies = outcomes.map((o) => o.ms);
  return {
    concurrency,
    sent: outcomes.length,
    ok: ok.length,
    statuses,
    seconds: elapsed,
    perSecond: ok.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    outcomes,
  };
}
const strip = ({ outcomes, ...rest }) => rest;

function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
}

/** Direct SQL on the storage under test (seeding, checks); PGlite only while the server is stopped. */
async function openSql(storage) {
  if (storage.kind === 'postgres') {
    const client = new pg.Client({ connectionString: storage.url });
    await client.connect();
    return { query: (sql, params) => client.query(sql, params), close: () => client.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: storage.dataDir });
  return { query: (sql, params) => db.query(sql, params), close: () => db.close() };
}

async function seed(sql, { pollId, ballots, threads }) {
  await sql.query(
    `INSERT INTO poll_votes (poll_id, voter_id, option_ids)
     SELECT $1, 'seed-' || g, ARRAY[(ARRAY['a','b','c','d'])[1 + g % 4]] FROM generate_series(1, $2::int) g`,
    [pollId, ballots],
  );
  await sql.query('UPDATE polls p SET total_votes = (SELECT count(*) FROM poll_votes v WHERE v.poll_id = p.id) WHERE id = $1', [pollId]);
  await sql.query(
    `UPDATE poll_options o SET votes = (SELECT count(*) FROM poll_votes v WHERE v.poll_id = o.poll_id AND o.id = ANY (v.option_ids)) WHERE poll_id = $1`,
    [pollId],
  );
  for (const [threadId, count] of threads) {
    await sql.query(
      `INSERT INTO comments (id, thread_id, author_id, author_name, body, status, created_at)
       SELECT $1 || '-' || g, $1, 'seed-author', 'Seed Author', 'Seeded comment ' || g || ': the bridge toll should be smaller.', 'published',
              now() - make_interval(secs => $2::int - g)
         FROM generate_series(1, $2::int) g`,
      [threadId, count],
    );
  }
  await sql.query('ANALYZE');
}

/** Counters against the ballots and thread totals against the comments, straight from the tables. */
async function tableCheck(sql) {
  const polls = await sql.query(
    `SELECT p.id FROM polls p WHERE p.total_votes <> (SELECT count(*) FROM poll_votes v WHERE v.poll_id = p.id)
     UNION ALL
     SELECT o.poll_id FROM poll_options o WHERE o.votes <> (SELECT count(*) FROM poll_votes v WHERE v.poll_id = o.poll_id AND o.id = ANY (v.option_ids))`,
  );
  const threads = await sql.query(
    `SELECT t.thread_id FROM thread_totals t WHERE t.published <> (SELECT count(*) FROM comments c WHERE c.thread_id = t.thread_id AND c.status = 'published')`,
  );
  const likes = await sql.query(`SELECT c.id FROM comments c WHERE c.likes <> (SELECT count(*) FROM comment_likes l WHERE l.comment_id = c.id)`);
  const wrong = [
    ...polls.rows.map((r) => `poll ${r.id ?? r.poll_id}`),
    ...threads.rows.map((r) => `thread ${r.thread_id}`),
    ...likes.rows.map((r) => `likes of ${r.id}`),
  ];
  return wrong.length ? `counters differ from rows: ${[...new Set(wrong)].slice(0, 5).join(', ')}` : 'exact';
}

async function votePoll(api, pollId, results = 'always') {
  const response = await api.request('PUT', `/api/polls/${pollId}`, {
    headers: api.admin,
    body: { question: `Bench ${pollId}`, options: options.map((id) => ({ id, label: `Option ${id}` })), results },
  });
  if (response.status !== 200) throw new Error(`PUT poll ${pollId}: ${response.status} ${response.text.slice(0, 200)}`);
}

async function readPoll(api, pollId, cookie) {
  const response = await api.request('GET', `/api/polls/${pollId}`, { headers: cookie ? { cookie } : {} });
  return JSON.parse(response.text);
}

/** New anonymous voter per request (no cookie), an Idempotency-Key as the fetch adapter sends one. */
async function voteRun(api, pollId, { count, concurrency, seconds, perSecond, keepCookies = false }) {
  const run = await load({ count, concurrency, seconds, perSecond }, async (i) => {
    const option = options[i % options.length];
    const response = await api.request('POST', `/api/polls/${pollId}/votes`, {
      headers: { 'idempotency-key': randomUUID() },
      body: { optionIds: [option] },
    });
    const cookie = keepCookies ? String(response.headers['set-cookie'] ?? '').split(';')[0] : undefined;
    return { status: response.status, ok: response.status === 200, option, cookie };
  });
  return run;
}

function ackedByOption(run) {
  const by = Object.fromEntries(options.map((id) => [id, 0]));
  for (const o of run.outcomes) if (o.ok) by[o.option]++;
  return by;
}

/** Counts read back against what was there before plus what was acknowledged. */
async function voteCheck(api, pollId, before, run) {
  const poll = await readPoll(api, pollId);
  const acked = ackedByOption(run);
  const diffs = [];
  for (const option of poll.options) {
    const expected = (before[option.id] ?? 0) + acked[option.id];
    if (option.votes !== expected) diffs.push(`${option.id}: expected ${expected}, stored ${option.votes}`);
  }
  const total = Object.values(before).reduce((a, b) => a + b, 0) + run.ok;
  if (poll.totalVotes !== total) diffs.push(`total: expected ${total}, stored ${poll.totalVotes}`);
  return { check: diffs.length ? diffs.join('; ') : 'exact', after: Object.fromEntries(poll.options.map((o) => [o.id, o.votes])) };
}

async function listAll(api, threadId) {
  const ids = [];
  let likes = 0;
  let cursor = '';
  let total = null;
  for (let page = 0; page < 10_000; page++) {
    const response = await api.request(
      'GET',
      `/api/threads/${threadId}/comments?sort=oldest&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    const result = JSON.parse(response.text);
    total ??= result.total;
    for (const c of result.comments) {
      ids.push(c.id);
      likes += c.likes;
    }
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return { ids, likes, total };
}

async function commentCheck(api, threadId, acknowledged) {
  const { ids, total } = await listAll(api, threadId);
  const counts = JSON.parse((await api.request('GET', `/api/counts?threads=${threadId}`)).text);
  const diffs = [];
  const listed = new Set(ids);
  if (total !== acknowledged.size) diffs.push(`thread total: acknowledged ${acknowledged.size}, stored ${total}`);
  if (counts.counts[threadId] !== acknowledged.size) diffs.push(`count endpoint: acknowledged ${acknowledged.size}, stored ${counts.counts[threadId]}`);
  if (listed.size !== ids.length) diffs.push(`${ids.length - listed.size} duplicates in the listing`);
  const missing = [...acknowledged].filter((id) => !listed.has(id)).length;
  const extra = ids.filter((id) => !acknowledged.has(id)).length;
  if (missing) diffs.push(`${missing} acknowledged comments missing`);
  if (extra) diffs.push(`${extra} comments stored that were never acknowledged`);
  return diffs.length ? diffs.join('; ') : 'exact';
}

async function commentRun(api, threadId, { count, concurrency, seconds }) {
  return load({ count, concurrency, seconds }, async (i) => {
    const response = await api.request('POST', `/api/threads/${threadId}/comments`, {
      headers: { authorization: `Bearer ${api.tokens[i % api.tokens.length]}`, 'idempotency-key': randomUUID() },
      body: { body: `Bench comment ${i}: the bridge toll should be smaller and the bond shorter.` },
    });
    const id = response.status === 201 ? JSON.parse(response.text).id : undefined;
    return { status: response.status, ok: response.status === 201, id };
  });
}

/**
 * Subscribers on raw sockets (an EventSource each would cost the bench more than the server): each
 * records when it saw which total. Resolves once every one of them has its first `results` event.
 */
async function openSubscribers(url, pollId, count) {
  const { hostname, port } = new URL(url);
  const subscribers = [];
  const open = (index) =>
    new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), hostname);
      const sub = { socket, seen: [], closed: false, index };
      let buffer = '';
      let ready = false;
      socket.setEncoding('utf8');
      socket.setNoDelay(true);
      socket.on('connect', () => socket.write(`GET /api/polls/${pollId}/events HTTP/1.1\r\nHost: ${hostname}\r\nAccept: text/event-stream\r\n\r\n`));
      socket.on('data', (chunk) => {
        const now = performance.now();
        buffer += chunk;
        const end = buffer.lastIndexOf('\n\n');
        if (end < 0) return;
        const complete = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const match of complete.matchAll(/"totalVotes":(\d+)/g)) sub.seen.push([now, Number(match[1])]);
        if (!ready && sub.seen.length) {
          ready = true;
          resolve(sub);
        }
      });
      socket.on('error', (error) => {
        sub.closed = true;
        if (!ready) reject(error);
      });
      socket.on('close', () => {
        sub.closed = true;
        if (!ready) reject(new Error('stream closed before its first event'));
      });
    });
  for (let i = 0; i < count; i += 250) {
    const batch = await Promise.all(Array.from({ length: Math.min(250, count - i) }, (_, j) => open(i + j)));
    subscribers.push(...batch);
  }
  return subscribers;
}

/**
 * Delivery latency of every results change: the k-th acknowledged vote is seen by a subscriber at the
 * first event whose total reaches base + k (0 when it arrived before the acknowledgement did).
 */
function deliveryLatencies(subscribers, ackTimes, base) {
  const latencies = [];
  let undelivered = 0;
  for (const sub of subscribers) {
    let e = 0;
    for (let k = 0; k < ackTimes.length; k++) {
      const need = base + k + 1;
      while (e < sub.seen.length && sub.seen[e][1] < need) e++;
      if (e === sub.seen.length) {
        undelivered += ackTimes.length - k;
        break;
      }
      latencies.push(Math.max(0, sub.seen[e][0] - ackTimes[k]));
    }
  }
  return { latencies, undelivered };
}

async function livePart(api, server, storage) {
  const pollId = 'bench-live';
  await votePoll(api, pollId);
  await sleep(500);
  const rssBefore = rssKb(server.pid);
  const subscribers = await openSubscribers(server.url, pollId, settings.subscribers);
  await sleep(2000);
  const rssAfter = rssKb(server.pid);
  const idleKb = (rssAfter - rssBefore) / subscribers.length;
  const base = 0;
  const votes = await voteRun(api, pollId, {
    count: settings.liveVotesPerSecond * settings.liveSeconds,
    concurrency: 64,
    seconds: settings.liveSeconds + 5,
    perSecond: settings.liveVotesPerSecond,
  });
  // Wait for the last change to reach every open subscriber (or 3 s).
  const poll = await readPoll(api, pollId);
  const deadline = performance.now() + 3000;
  while (performance.now() < deadline && subscribers.some((s) => !s.closed && (s.seen.at(-1)?.[1] ?? -1) < poll.totalVotes)) await sleep(50);
  const ackTimes = votes.outcomes
    .filter((o) => o.ok)
    .map((o) => o.at)
    .sort((a, b) => a - b);
  const sample = subscribers.filter((_, i) => i % Math.max(1, Math.floor(subscribers.length / 500)) === 0);
  const { latencies, undelivered } = deliveryLatencies(sample, ackTimes, base);
  const dropped = subscribers.filter((s) => s.closed).length;
  const sawFinal = subscribers.filter((s) => (s.seen.at(-1)?.[1] ?? -1) === poll.totalVotes).length;
  const events = subscribers.reduce((sum, s) => sum + s.seen.length, 0) / subscribers.length;
  for (const s of subscribers) s.socket.destroy();
  const check = poll.totalVotes === votes.ok ? 'exact' : `total: acknowledged ${votes.ok}, stored ${poll.totalVotes}`;
  return {
    storage,
    subscribers: subscribers.length,
    idleKbPerSubscriber: idleKb,
    rssBeforeKb: rssBefore,
    rssAfterKb: rssAfter,
    votes: strip(votes),
    deliveryP50: percentile(latencies, 50),
    deliveryP99: percentile(latencies, 99),
    deliveriesMeasured: latencies.length,
    undeliveredInSample: undelivered,
    sampled: sample.length,
    dropped,
    sawFinal,
    eventsPerSubscriber: events,
    check,
  };
}

/** kill -9 in the middle of votes and comment posts; after a restart every acknowledged write must be there. */
async function killPart(storage, env, startOn) {
  let server = await startOn();
  let api = await apiFor(server, env);
  const pollId = 'bench-kill';
  const threadId = 'bench-kill-thread';
  await votePoll(api, pollId);
  const count = 1_000_000;
  let killedAt = null;
  const killer = sleep(settings.killSeconds * 1000).then(() => {
    killedAt = performance.now();
    process.kill(server.pid, 'SIGKILL');
  });
  const [votes, comments] = await Promise.all([
    voteRun(api, pollId, { count, concurrency: 64, seconds: settings.killSeconds + 3, keepCookies: true }),
    commentRun(api, threadId, { count, concurrency: 16, seconds: settings.killSeconds + 3 }),
    killer,
  ]);
  api.close();
  await server.stop();
  server = await startOn();
  api = await apiFor(server, env);
  try {
    const ackedVotes = votes.outcomes.filter((o) => o.ok);
    const ackedComments = comments.outcomes.filter((o) => o.ok);
    const poll = await readPoll(api, pollId);
    const problems = [];
    if (poll.totalVotes < ackedVotes.length) problems.push(`${ackedVotes.length - poll.totalVotes} acknowledged votes short`);
    if (poll.totalVotes > votes.sent) problems.push(`more votes stored (${poll.totalVotes}) than sent (${votes.sent})`);
    // Every acknowledged voter sees their own ballot after the restart.
    let lostBallots = 0;
    await load({ count: ackedVotes.length, concurrency: 32, seconds: 120 }, async (i) => {
      const o = ackedVotes[i];
      const seen = await readPoll(api, pollId, o.cookie);
      if (seen.myVote?.[0] !== o.option) lostBallots++;
      return { status: 200, ok: true };
    });
    if (lostBallots) problems.push(`${lostBallots} acknowledged ballots lost`);
    const { ids } = await listAll(api, threadId);
    const listed = new Set(ids);
    const lostComments = ackedComments.filter((o) => !listed.has(o.id)).length;
    if (lostComments) problems.push(`${lostComments} acknowledged comments lost`);
    return {
      storage,
      votesAcknowledged: ackedVotes.length,
      votesSent: votes.sent,
      votesStored: poll.totalVotes,
      commentsAcknowledged: ackedComments.length,
      commentsSent: comments.sent,
      commentsStored: ids.length,
      lostBallots,
      lostComments,
      killedAfterSeconds: settings.killSeconds,
      killed: killedAt !== null,
      check: problems.length ? problems.join('; ') : 'none lost',
      server,
      api,
    };
  } catch (error) {
    api.close();
    await server.stop();
    throw error;
  }
}

async function apiFor(server, env) {
  const api = httpClient(server.url, 512);
  api.admin = { authorization: `Bearer ${env.ADMIN_TOKEN}` };
  const key = new TextEncoder().encode(env.JWT_SECRET);
  api.tokens = await Promise.all(
    Array.from({ length: 500 }, (_, n) =>
      new SignJWT({ name: `Bench Reader ${n}` })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(`bench-${n}`)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key),
    ),
  );
  return api;
}

async function benchStorage(storage, log) {
  const env = {
    JWT_SECRET: randomBytes(32).toString('base64url'),
    ADMIN_TOKEN: randomBytes(24).toString('base64url'),
    // 0 turns a limit off (server/src/http/rate-limit.ts): every request here comes from one loopback IP.
    RATE_LIMIT_IP_PER_MIN: '0',
    RATE_LIMIT_IP_WRITES_PER_MIN: '0',
    RATE_LIMIT_VOTER_PER_MIN: '0',
    RATE_LIMIT_USER_PER_MIN: '0',
    RATE_LIMIT_COMMENTS_PER_MIN: '0',
    STREAMS_PER_IP: '0',
    STREAMS_PER_PROCESS: String(settings.subscribers + 1000),
    ...(storage.kind === 'postgres' ? { DATABASE_URL: storage.url } : {}),
  };
  const dataDir = storage.dataDir;
  const startOn = () => startServer({ ...env, DATA_DIR: dataDir }, { label: `server on ${storage.label}` });
  const result = { storage: storage.label, durability: storage.durability, votes: [], comments: [], likes: null, reads: null, live: null, kill: null };

  // Polls and threads through the API, a million ballots and the big thread by SQL.
  let server = await startOn();
  let api = await apiFor(server, env);
  const seededPoll = 'bench-seeded';
  for (const c of settings.concurrencies) await votePoll(api, `bench-empty-${c}`);
  await votePoll(api, seededPoll);
  await votePoll(api, 'bench-warm');
  if (storage.kind === 'pglite') {
    api.close();
    await server.stop();
  }
  log(`server: ${storage.label}: seeding ${settings.seeded.toLocaleString('en')} ballots and a ${settings.bigThread.toLocaleString('en')}-comment thread`);
  const seedStarted = performance.now();
  const sql = await openSql(storage);
  await seed(sql, {
    pollId: seededPoll,
    ballots: settings.seeded,
    threads: [
      ['bench-big', settings.bigThread],
      ['bench-small', settings.smallThread],
      ['bench-likes', Math.ceil(settings.likes / 500) + 1],
    ],
  });
  if (storage.kind === 'pglite') await sql.close();
  result.seedSeconds = (performance.now() - seedStarted) / 1000;
  if (storage.kind === 'pglite') {
    server = await startOn();
    api = await apiFor(server, env);
  }
  try {
    // Warm-up: route compilation, prepared plans, connection pool.
    await voteRun(api, 'bench-warm', { count: 200, concurrency: 16, seconds: 10 });
    await commentRun(api, 'bench-warm', { count: 50, concurrency: 8, seconds: 10 });

    let seededCounts = (await voteCheck(api, seededPoll, {}, { outcomes: [], ok: 0 })).after;
    for (const c of settings.concurrencies) {
      for (const [label, pollId] of [
        ['empty', `bench-empty-${c}`],
        ['seeded', seededPoll],
      ]) {
        log(`server: ${storage.label}: votes at c${c} on the ${label} poll`);
        const before = label === 'empty' ? {} : seededCounts;
        const held = Object.values(before).reduce((a, b) => a + b, 0);
        const run = await voteRun(api, pollId, { count: settings.votes, concurrency: c, seconds: settings.seconds });
        const { check, after } = await voteCheck(api, pollId, before, run);
        if (label === 'seeded') seededCounts = after;
        result.votes.push({ ...strip(run), poll: label, held, check });
      }
    }

    for (const c of settings.concurrencies) {
      log(`server: ${storage.label}: comment posts at c${c}`);
      const threadId = `bench-posts-${c}`;
      const run = await commentRun(api, threadId, { count: settings.comments, concurrency: c, seconds: settings.seconds });
      const check = await commentCheck(api, threadId, new Set(run.outcomes.filter((o) => o.ok).map((o) => o.id)));
      result.comments.push({ ...strip(run), check });
    }

    log(`server: ${storage.label}: likes at c64`);
    const likeRun = await load({ count: settings.likes, concurrency: 64, seconds: settings.seconds }, async (i) => {
      // 500 readers, each liking seeded comments in turn: every (reader, comment) pair once.
      const response = await api.request('PUT', `/api/comments/bench-likes-${1 + Math.floor(i / 500)}/like`, {
        headers: { authorization: `Bearer ${api.tokens[i % 500]}`, 'idempotency-key': randomUUID() },
      });
      return { status: response.status, ok: response.status === 200 };
    });
    const liked = await listAll(api, 'bench-likes');
    result.likes = { ...strip(likeRun), check: liked.likes === likeRun.ok ? 'exact' : `likes: acknowledged ${likeRun.ok}, stored ${liked.likes}` };

    log(`server: ${storage.label}: first comment pages at c16`);
    const reads = {};
    for (const [label, threadId] of [
      ['big', 'bench-big'],
      ['small', 'bench-small'],
    ]) {
      const run = await load({ count: Infinity, concurrency: 16, seconds: settings.readSeconds }, async () => {
        const response = await api.request('GET', `/api/threads/${threadId}/comments`);
        return { status: response.status, ok: response.status === 200 };
      });
      reads[label] = strip(run);
    }
    result.reads = reads;

    log(`server: ${storage.label}: live fan-out to ${settings.subscribers.toLocaleString('en')} subscribers`);
    result.live = await livePart(api, server, storage.label);

    if (storage.kind === 'postgres') result.tables = await tableCheck(sql);
  } finally {
    api.close();
    await server.stop();
    if (storage.kind === 'postgres') await sql.close();
  }

  log(`server: ${storage.label}: kill -9 in the middle of a run`);
  const kill = await killPart(storage.label, env, startOn);
  kill.api.close();
  await kill.server.stop();
  delete kill.api;
  delete kill.server;
  result.kill = kill;
  // The tables after the crash too: counters equal to the rows they count.
  const after = await openSql(storage);
  try {
    const tables = await tableCheck(after);
    result.tables = result.tables && result.tables !== 'exact' ? result.tables : tables;
  } finally {
    await after.close();
  }
  return result;
}

/** A database of our own on the given cluster (dropped afterwards), or a throwaway cluster. */
async function postgresStorage() {
  const given = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (given) {
    const name = `news_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: given });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const settingsRow = await admin.query(
      "SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync",
    );
    await admin.end();
    const url = new URL(given);
    url.pathname = `/${name}`;
    const drop = async () => {
      const c = new pg.Client({ connectionString: given });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
    const removeCleanup = onCleanup(drop);
    const { version, fsync, sync } = settingsRow.rows[0];
    return {
      kind: 'postgres',
      url: url.toString(),
      label: `PostgreSQL ${version.split(' ')[0]}`,
      durability: `fsync=${fsync}, synchronous_commit=${sync}: acknowledged = flushed to the WAL`,
      stop: async () => {
        removeCleanup();
        await drop();
      },
    };
  }
  const cluster = await startPostgres();
  return {
    kind: 'postgres',
    url: cluster.url,
    label: cluster.version.replace(/^postgres \(PostgreSQL\) /, 'PostgreSQL ').split(' (')[0],
    durability: 'fsync=on, synchronous_commit=on: acknowledged = flushed to the WAL',
    stop: cluster.stop,
  };
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
  if (!bin) throw new Error('PostgreSQL binaries not found (install postgresql, set PG_BIN, or give BENCH_DATABASE_URL)');
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

const storageNames = (process.env.BENCH_STORAGES || 'postgres,pglite')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

export async function runServer({ log = () => {} } = {}) {
  const results = [];
  const load = { before: loadavg() };
  for (const name of storageNames) {
    let storage;
    try {
      storage =
        name === 'pglite'
          ? {
              kind: 'pglite',
              label: 'PGlite',
              dataDir: tempDir('news-bench-pglite-'),
              durability: 'not fsynced (demo and development storage): survives kill -9, not a power loss',
              stop: async () => {},
            }
          : await postgresStorage();
    } catch (error) {
      results.push({ storage: name, skipped: error.message });
      continue;
    }
    try {
      log(`server: ${storage.label} (${settings.mode} mode)`);
      results.push(await benchStorage(storage, log));
    } catch (error) {
      results.push({ storage: storage.label, failed: error.stack ?? String(error) });
    } finally {
      await storage.stop();
    }
  }
  load.after = loadavg();
  return { settings, targets, load, results };
}

const round = (v) => (Number.isFinite(v) ? Math.round(v) : '-');

/**
 * The table and the verdicts: rows of [what, per second, p50, p99, ok/sent, check, verdict] and the
 * list of missed targets with the figure that missed.
 */
export function serverTable(server) {
  const rows = [];
  const missed = [];
  const verdict = (ok, what) => {
    if (!ok) missed.push(what);
    return ok ? 'met' : 'MISSED';
  };
  const checked = (what, check) => {
    if (check !== 'exact' && check !== 'none lost') missed.push(`${what}: ${check}`);
    return check;
  };
  for (const r of server.results) {
    if (r.skipped || r.failed) {
      rows.push([r.storage, '', '', '', '', r.skipped ? `SKIPPED: ${r.skipped}` : 'FAILED', '']);
      missed.push(`server: ${r.storage} ${r.skipped ? `skipped (${r.skipped})` : `failed: ${r.failed.split('\n')[0]}`}`);
      continue;
    }
    const pgsql = r.storage.startsWith('PostgreSQL');
    const s = r.storage;
    const floor = pgsql ? targets.postgresVotesPerSecond : targets.pgliteVotesPerSecond;
    for (const v of r.votes) {
      const name = `${s}: votes c${v.concurrency}, poll holding ${v.held.toLocaleString('en')}`;
      let target = '';
      if (v.concurrency === 256) {
        const empty = r.votes.find((e) => e.concurrency === 256 && e.poll === 'empty');
        const rateOk = v.perSecond >= floor;
        const p99Ok = !pgsql || v.p99 <= targets.voteP99Ms;
        const flatOk = v.poll === 'empty' || v.perSecond >= empty.perSecond * (1 - targets.seededWithin);
        const ok = rateOk && p99Ok && flatOk;
        const why = [
          !rateOk && `${round(v.perSecond)}/s < ${floor}/s`,
          !p99Ok && `p99 ${round(v.p99)} ms > ${targets.voteP99Ms} ms`,
          !flatOk && `${round(v.perSecond)}/s is more than 20% under the empty poll's ${round(empty.perSecond)}/s`,
        ]
          .filter(Boolean)
          .join(', ');
        target = `>= ${floor}/s${pgsql ? `, p99 <= ${targets.voteP99Ms} ms` : ''}${v.poll === 'seeded' ? ', within 20% of empty' : ''}: ${verdict(ok, `${name}: ${why}`)}`;
      }
      rows.push([name, round(v.perSecond), round(v.p50), round(v.p99), `${v.ok}/${v.sent}`, checked(name, v.check), target]);
    }
    for (const c of r.comments) {
      const name = `${s}: comment posts c${c.concurrency}`;
      const target =
        pgsql && c.concurrency === 64
          ? `>= ${targets.commentPostsPerSecond}/s: ${verdict(c.perSecond >= targets.commentPostsPerSecond, `${name}: ${round(c.perSecond)}/s`)}`
          : '';
      rows.push([name, round(c.perSecond), round(c.p50), round(c.p99), `${c.ok}/${c.sent}`, checked(name, c.check), target]);
    }
    if (r.likes) {
      const l = r.likes;
      rows.push([`${s}: likes c64`, round(l.perSecond), round(l.p50), round(l.p99), `${l.ok}/${l.sent}`, checked(`${s}: likes`, l.check), '']);
    }
    if (r.reads) {
      const { big, small } = r.reads;
      const name = `${s}: first page, ${settings.bigThread.toLocaleString('en')}-comment thread, c16`;
      const ok = big.perSecond >= targets.bigThreadReadsPerSecond && big.perSecond >= small.perSecond * (1 - targets.bigVsSmallWithin);
      rows.push([
        name,
        round(big.perSecond),
        round(big.p50),
        round(big.p99),
        `${big.ok}/${big.sent}`,
        '',
        pgsql
          ? `>= ${targets.bigThreadReadsPerSecond}/s, within 20% of 100: ${verdict(ok, `${name}: ${round(big.perSecond)}/s vs ${round(small.perSecond)}/s for 100 comments`)}`
          : `${((big.perSecond / small.perSecond) * 100).toFixed(0)}% of the 100-comment thread`,
      ]);
      rows.push([
        `${s}: first page, ${settings.smallThread}-comment thread, c16`,
        round(small.perSecond),
        round(small.p50),
        round(small.p99),
        `${small.ok}/${small.sent}`,
        '',
        '',
      ]);
    }
    if (r.live) {
      const l = r.live;
      const full = l.subscribers >= 10_000;
      const name = `${s}: live, ${l.subscribers.toLocaleString('en')} subscribers, ${settings.liveVotesPerSecond} votes/s offered`;
      const deliveryOk = l.deliveryP99 <= targets.liveDeliveryP99Ms && l.undeliveredInSample === 0 && l.sawFinal === l.subscribers;
      const voteOk = l.votes.p99 <= targets.voteP99Ms;
      rows.push([
        `${name}: votes`,
        round(l.votes.perSecond),
        round(l.votes.p50),
        round(l.votes.p99),
        `${l.votes.ok}/${l.votes.sent}`,
        checked(name, l.check),
        `p99 <= ${targets.voteP99Ms} ms: ${verdict(voteOk || !pgsql, `${name}: vote p99 ${round(l.votes.p99)} ms`)}`,
      ]);
      rows.push([
        `${name}: delivery of each change`,
        '',
        round(l.deliveryP50),
        round(l.deliveryP99),
        `${l.sawFinal}/${l.subscribers} saw last`,
        `${l.dropped} dropped`,
        `p99 <= 1 s${full ? '' : ' (quick: fewer subscribers)'}: ${verdict(
          deliveryOk || !pgsql,
          `${name}: delivery p99 ${round(l.deliveryP99)} ms, ${l.sawFinal}/${l.subscribers} saw the last total, ${l.dropped} dropped`,
        )}`,
      ]);
      const memOk = l.idleKbPerSubscriber <= targets.idleSubscriberKb;
      rows.push([
        `${s}: server RSS per idle subscriber`,
        '',
        '',
        '',
        '',
        `${l.idleKbPerSubscriber.toFixed(1)} KB`,
        `<= ${targets.idleSubscriberKb} KB: ${verdict(memOk, `${s}: ${l.idleKbPerSubscriber.toFixed(1)} KB RSS per idle subscriber`)}`,
      ]);
    }
    if (r.kill) {
      const k = r.kill;
      rows.push([
        `${s}: kill -9 after ${k.killedAfterSeconds} s of votes (c64) + posts (c16)`,
        '',
        '',
        '',
        `${k.votesAcknowledged}+${k.commentsAcknowledged} acked`,
        checked(`${s}: kill -9`, k.check),
        `zero lost: ${k.lostBallots + k.lostComments === 0 && k.check === 'none lost' ? 'met' : 'MISSED'}`,
      ]);
    }
    if (r.tables) rows.push([`${s}: counters vs rows after all runs`, '', '', '', '', checked(`${s}: tables`, r.tables), '']);
  }
  return { rows, missed };
}

/** The same table as Markdown (for docs/server-scaling.md). */
export function serverMarkdown(server) {
  const { rows } = serverTable(server);
  const header = ['run', 'per s', 'p50 ms', 'p99 ms', 'ok / sent', 'check', 'target'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i >= 1 && i <= 3 ? ' ---: ' : ' --- ')).join('|')}|`];
  for (const row of rows) lines.push(`| ${row.map((c) => String(c ?? '').replace(/\|/g, '/')).join(' | ')} |`);
  const l = server.load;
  lines.push('');
  lines.push(
    `${server.settings.mode} mode; load average (1/5/15 min) ${l.before.map((v) => v.toFixed(1)).join('/')} before, ${l.after.map((v) => v.toFixed(1)).join('/')} after, on ${
      process.platform
    } with Node ${process.version}.`,
  );
  for (const r of server.results) if (r.durability) lines.push(`${r.storage}: ${r.durability}.`);
  return lines.join('\n');
}
