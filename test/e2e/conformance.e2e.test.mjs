// End to end: the conformance checker (npm run conformance) against the real reference server, where every check
// must pass, and against a deliberately broken API (test/e2e/support/broken-api.mjs), where each injected fault
// must show up as its own FAIL line and the exit code must be 1.
// Run: node --test test/e2e/conformance.e2e.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Contract } from '../../conformance/schema.mjs';
import { startBrokenApi } from './support/broken-api.mjs';
import { signJwt } from './support/jwt.mjs';
import { freePort, repoRoot, startReferenceServer } from './support/reference-server.mjs';

const cli = join(repoRoot, 'conformance/cli.mjs');
const jwtSecret = `conformance-secret-${randomBytes(8).toString('hex')}`;
const origin = 'https://publisher.example';

let server;
let api;
let broken;

/** A reader token the way a publisher's login would sign it: HS256 over the shared JWT_SECRET. */
const mintToken = (sub, name) => signJwt(jwtSecret, { sub, name });

/** Each run gets its own readers, so the per-reader comment rate limit never slows a run down. */
let readerSeq = 0;
const readers = () => {
  readerSeq++;
  return [mintToken(`conformance-a${readerSeq}`, `Checker A${readerSeq}`), mintToken(`conformance-b${readerSeq}`, `Checker B${readerSeq}`)];
};

/** Runs the CLI without blocking this process (the broken API lives in it). */
function runCli(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, lines: stdout.split('\n') });
    });
  });
}

const linesOf = (run, status) => run.lines.filter((line) => line.startsWith(`${status} `));
const lineFor = (run, id) => run.lines.find((line) => /^(PASS|FAIL|SKIP) /.test(line) && line.split(' ')[1] === `${id}:`);

before(async () => {
  // The checker needs only the API: no build, whatever SKIP_BUILD says.
  server = await startReferenceServer({
    label: 'conformance',
    build: 'never',
    env: { JWT_SECRET: jwtSecret, ADMIN_TOKEN: `admin-${randomBytes(12).toString('hex')}`, ALLOWED_ORIGINS: origin },
  });
  api = `${server.baseUrl}/api`;
  broken = await startBrokenApi({ upstream: api });
});

after(async () => {
  await broken?.close();
  await server?.stop();
});

test('the published contract openapi.json is identical to server/openapi.json', () => {
  const published = readFileSync(join(repoRoot, 'openapi.json'), 'utf8');
  const server = readFileSync(join(repoRoot, 'server/openapi.json'), 'utf8');
  assert.ok(published === server, 'openapi.json differs from server/openapi.json: run `npm run openapi`');
});

test('schema problems (ajv) read as short "$.path: what" lines', () => {
  const contract = new Contract({
    paths: {},
    components: {
      schemas: {
        Item: {
          type: 'object',
          properties: { id: { type: 'string' }, n: { type: ['integer', 'null'], minimum: 0 } },
          required: ['id', 'n'],
          additionalProperties: false,
        },
        Either: { oneOf: [{ type: 'string' }, { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] }] },
        Old: { type: 'string', nullable: true, enum: ['a', 'b', null] },
        Any: { anyOf: [{ type: 'integer' }, { type: 'boolean' }] },
      },
    },
  });
  const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
  assert.deepEqual(contract.validate(ref('Item'), { id: 'x', n: null }), []);
  assert.deepEqual(contract.validate({ type: 'array', items: ref('Item') }, [{ id: 'x', n: 2 }]), []);
  assert.match(contract.validate(ref('Item'), { id: 1, n: 0 }).join(), /\$\.id: expected string, got integer/);
  assert.match(contract.validate(ref('Item'), { id: 'x' }).join(), /missing required n/);
  assert.match(contract.validate(ref('Item'), { id: 'x', n: -1 }).join(), /below 0/);
  assert.match(contract.validate(ref('Item'), { id: 'x', n: 1, extra: true }).join(), /unexpected property extra/);
  assert.deepEqual(contract.validate(ref('Either'), { text: 'hi' }), []);
  assert.match(contract.validate(ref('Either'), 3).join(), /matches 0 of the 2 oneOf/);
  assert.deepEqual(contract.validate(ref('Old'), null), []);
  assert.match(contract.validate(ref('Old'), 'c').join(), /not one of/);
  assert.match(contract.validate(ref('Any'), 'no').join(), /none of the anyOf/);
  assert.match(contract.validate({ type: 'string', format: 'date-time' }, 'yesterday').join(), /not an RFC 3339 date-time/);
});

test('the reference server passes every check, with nothing skipped', async () => {
  const [token, second] = readers();
  const run = await runCli([api, '--token', token, '--second-token', second, '--origin', origin, '--feed', 'markets']);
  assert.deepEqual(linesOf(run, 'FAIL'), [], `unexpected failures:\n${run.stdout}\n${run.stderr}\n${server.log().slice(-2000)}`);
  assert.deepEqual(linesOf(run, 'SKIP'), [], run.stdout);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const summary = run.stdout.match(/^(\d+) passed, (\d+) failed$/m);
  assert.ok(summary, `no summary line:\n${run.stdout}`);
  assert.equal(Number(summary[2]), 0);
  assert.ok(Number(summary[1]) >= 70, `only ${summary[1]} checks passed`);
  assert.match(run.stdout, /^0 skipped$/m);
  for (const id of [
    'openapi.served',
    'article.get',
    'article.not-found',
    'article.lookup',
    'comments.list',
    'counts',
    'poll.vote',
    'poll.vote.idempotent-replay',
    'poll.vote.counted-once',
    'poll.vote.already-voted',
    'comments.post',
    'comments.post.idempotent-replay',
    'comments.post.counted-once',
    'events.thread.live',
    'events.poll',
    'feed.get',
    'feed.not-found',
    'events.feed',
    'events.feed.not-found',
    'comments.edit.forbidden',
    'comments.delete',
    'cors.preflight',
    'cors.preflight.methods',
    'cors.read',
    'cors.events',
    'cors.foreign-origin',
    'cache.personal',
  ]) {
    assert.match(lineFor(run, id) ?? `(no line for ${id})`, /^PASS /, id);
  }
  // Every line names the request it made.
  for (const line of linesOf(run, 'PASS')) assert.match(line, /^PASS [\w.-]+: (GET|POST|PUT|PATCH|DELETE|OPTIONS) \//, line);
});

test('--json reports the same run for machines', async () => {
  const [token, second] = readers();
  const run = await runCli([api, '--token', token, '--second-token', second, '--origin', origin, '--feed', 'markets', '--json']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const report = JSON.parse(run.stdout);
  assert.equal(report.ok, true);
  assert.equal(report.summary.failed, 0);
  assert.equal(report.summary.skipped, 0);
  assert.equal(report.summary.passed, report.results.length);
  const vote = report.results.find((result) => result.id === 'poll.vote');
  assert.equal(vote.method, 'POST');
  assert.match(vote.path, /^\/polls\/[^/]+\/votes$/);
});

test('without a token or an origin, the checks that need them are skipped and say why', async () => {
  const run = await runCli([api]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.deepEqual(linesOf(run, 'FAIL'), [], run.stdout);
  assert.match(lineFor(run, 'comments.post'), /^SKIP comments\.post: no reader token: pass --token/);
  assert.match(lineFor(run, 'comments.edit.forbidden'), /^SKIP .*--second-token/);
  assert.match(lineFor(run, 'cors.preflight'), /^SKIP cors\.preflight: no --origin/);
  assert.match(lineFor(run, 'poll.vote'), /^PASS /, 'anonymous voting needs no token');
  assert.match(run.stdout, /^\d+ passed, 0 failed$/m);
  assert.match(run.stdout, /^[1-9]\d* skipped/m);
});

test('a missing endpoint is a usage error (exit 2); an unreachable one fails (exit 1)', async () => {
  const usage = await runCli([]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /Usage: news-elements-conformance <endpoint>/);
  const closed = await freePort();
  const down = await runCli([`http://127.0.0.1:${closed}/api`]);
  assert.equal(down.code, 1);
  assert.match(lineFor(down, 'endpoint.reachable'), /^FAIL endpoint\.reachable: GET \/openapi\.json: expected an HTTP answer/);
  assert.match(down.stdout, /^0 passed, 1 failed$/m);
});

test('the broken API: each injected fault is its own clear FAIL line, and the exit code is 1', async () => {
  const [token, second] = readers();
  const run = await runCli([broken.url, '--token', token, '--second-token', second, '--origin', origin]);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  const expectFail = (id, pattern) => {
    const line = lineFor(run, id);
    assert.ok(line, `no line for ${id}:\n${run.stdout}`);
    assert.match(line, /^FAIL /, `${id} should fail:\n${line}`);
    assert.match(line, pattern, `${id}:\n${line}`);
  };
  // Wrong shapes.
  expectFail('article.get', /GET \/articles\/[^ ]+: expected 200 Article, got 200 application\/json — body off-schema: \$: missing required headline/);
  expectFail('comments.list', /expected 200 CommentPage, .*\$\.comments\[0\]\.createdAt: expected string, got integer/);
  // 200 instead of 404.
  expectFail('article.not-found', /GET \/articles\/conformance-missing-[^ ]+: expected 404 Error, got 200 application\/json — status 200, expected 404/);
  expectFail('replies.not-found', /expected 404 Error, got 200 application\/json — status 200, expected 404/);
  // HTML error pages.
  expectFail('routes.unknown', /expected 404 Error \(JSON\), got 404 text\/html — Content-Type "text\/html", expected application\/json/);
  expectFail('poll.not-found', /GET \/polls\/[^ ]+: expected 404 Error, got 404 text\/html — .*body is not JSON: "<!doctype html>/);
  expectFail('comments.edit.not-found', /PATCH \/comments\/[^ ]+: expected 404 Error, got 404 text\/html/);
  // Error bodies that are not {"error": {code, message}}.
  expectFail('session.anonymous', /GET \/session: expected 401 Error "auth_required", got 401 application\/json — body off-schema: \$: missing required error/);
  expectFail('comments.post.anonymous', /missing required error.*error code undefined, expected "auth_required"/);
  // Idempotency-Key ignored: a replayed vote is refused, a replayed comment is a second comment.
  expectFail('poll.vote.idempotent-replay', /POST \/polls\/[^ ]+\/votes: expected 200 with the same body as the first vote, got 409/);
  expectFail(
    'comments.post.idempotent-replay',
    /expected 201 with the same comment as the first post, got 201 application\/json — a second comment "[^"]+" \(first was "[^"]+"\)/,
  );
  expectFail('comments.post.counted-once', /2 comments with the posted text .*expected 1; total 2, expected 1/);
  // 500 on bad JSON.
  expectFail('poll.vote.bad-json', /expected 400 Error or 422 Error, got 500 text\/plain — status 500, expected 400 or 422/);
  expectFail('comments.edit.bad-json', /PATCH \/comments\/[^ ]+: expected 400 Error or 422 Error, got 500 text\/plain/);
  // Event stream that is not one.
  expectFail('events.thread', /expected 200 text\/event-stream, got 200 application\/json/);
  expectFail('events.thread.live', /expected a "comment" event carrying [^ ]+, got nothing/);
  // A per-voter answer marked cacheable by shared caches.
  expectFail('cache.personal', /GET \/polls\/[^ ]+ answers Cache-Control "public, max-age=60"/);
  // No CORS on preflights; "*" without credentials elsewhere.
  expectFail('cors.preflight', /OPTIONS \/threads\/[^ ]+\/comments: .*Access-Control-Allow-Origin missing, expected "https:\/\/publisher\.example"/);
  expectFail('cors.preflight.methods', /PATCH \/comments\/[^ ]+ preflight: 204, Allow-Origin none/);
  expectFail('cors.read', /Access-Control-Allow-Origin "\*", expected "https:\/\/publisher\.example"; Access-Control-Allow-Credentials is not "true"/);
  expectFail('cors.events', /Access-Control-Allow-Origin "\*"/);
  expectFail('cors.foreign-origin', /GET \/counts answers Access-Control-Allow-Origin "\*"/);
  // What the proxy leaves alone still passes: the checker blames only what is broken.
  for (const id of [
    'article.lookup',
    'article.related',
    'counts',
    'poll.get',
    'poll.vote',
    'poll.vote.already-voted',
    'comments.post',
    'comments.edit',
    'comments.like',
    'comments.delete',
  ]) {
    assert.match(lineFor(run, id) ?? `(no line for ${id})`, /^PASS /, id);
  }
  const summary = run.stdout.match(/^(\d+) passed, (\d+) failed$/m);
  assert.ok(summary && Number(summary[2]) === linesOf(run, 'FAIL').length, run.stdout);
});
