// End to end through a chaos proxy (test/e2e/support/chaos-proxy.mjs): the reference server behind a
// loopback proxy that delays, hangs, drops connections, or answers 500, 503, 429 with Retry-After,
// malformed JSON, an HTML error page or a truncated body, switched while the test runs. Every element
// that loads data (article in data mode, comment count, also-read unfurl, poll, comments, related) must
// show a clear state, recover when the server does, never post twice and never lose what the reader typed.
// Run: node --test test/e2e/chaos.e2e.test.mjs   (SKIP_BUILD=1 reuses the dist/ already built)
//
// The page (support/pages/chaos.html) configures the fetch adapter with a 2 s timeout per attempt and
// the default two retries, so a hung server is given up on within about 7 s.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChaosProxy } from './support/chaos-proxy.mjs';
import { clickIn, launchBrowser, notNetworkLine, watchProblems } from './support/browser.mjs';
import { repoRoot, sleep, snapshotDist, startReferenceServer, startScript } from './support/reference-server.mjs';

const pagesDir = fileURLToPath(new URL('./support/pages/', import.meta.url));
const skip = existsSync(startScript) && existsSync(join(repoRoot, 'server')) ? false : 'the reference server is missing';
const adminToken = 'chaos-e2e-admin-token-0123456789';
const articleHeadline = 'Night ferry trial extended after record winter';
const serverQuestion = 'Should the night ferry run all year?';
const relatedFallback = ['Fallback related story'];

let server;
let dist;
let proxy;
let browser;
/** What the API says once the server is healthy: the loaded state each element must reach. */
const expected = {};

const api = async (path, { method = 'GET', token, body } = {}) => {
  const response = await fetch(`${server.baseUrl}/api${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
};
const admin = (path, body) => api(path, { method: 'PUT', token: adminToken, body });
const readerToken = (reader) =>
  fetch(`${server.baseUrl}/demo/token?reader=${reader}`)
    .then((response) => response.json())
    .then((answer) => answer.token);
const putPoll = (id, results = 'after-vote') =>
  admin(`/polls/${id}`, {
    question: serverQuestion,
    options: [
      { id: 'yes', label: 'Yes, every night' },
      { id: 'no', label: 'No, winter only' },
    ],
    results,
  });

before(async () => {
  if (skip) return;
  // Rate limits off: the proxy makes its own 429s, and retries from one loopback IP add up.
  server = await startReferenceServer({
    label: 'chaos-e2e',
    env: {
      ADMIN_TOKEN: adminToken,
      RATE_LIMIT_IP_PER_MIN: '0',
      RATE_LIMIT_IP_WRITES_PER_MIN: '0',
      RATE_LIMIT_COMMENTS_PER_MIN: '0',
      RATE_LIMIT_USER_PER_MIN: '0',
    },
  });
  dist = snapshotDist();
  proxy = await startChaosProxy({ upstream: server.baseUrl, statics: { '/pages/': pagesDir, '/dist/': dist.dir } });
  browser = await launchBrowser();

  await admin('/articles/chaos-article', {
    url: '/articles/chaos-article',
    headline: articleHeadline,
    author: 'Transport Desk',
    publishedAt: '2026-11-29T08:00:00Z',
    blocks: [
      { type: 'paragraph', content: ['The harbour ferry will keep its night sailings until spring, the transport authority said.'] },
      { type: 'paragraph', content: ['Ridership after midnight doubled during the trial.'] },
    ],
  });
  await putPoll('chaos-poll');
  const token = await readerToken(3);
  for (const body of ['First comment on the chaos thread.', 'Second comment on the chaos thread.']) {
    await api('/threads/chaos-thread/comments', { method: 'POST', token, body: { body } });
  }
  expected.count = (await api('/counts?threads=chaos-thread')).counts['chaos-thread'];
  expected.alsoRead = (await api(`/articles/lookup?url=${encodeURIComponent('/articles/port-authority-surplus')}`)).headline;
  expected.related = (await api('/articles/harbour-bridge-vote/related?limit=4')).map((item) => item.headline);
});

after(async () => {
  await browser?.close();
  await proxy?.stop();
  await server?.stop();
  dist?.remove();
});

/** Everything the reader sees of each element, read in one evaluation (installed as a page global). */
const readChaos = () => {
  const clean = (node) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';
  const shadow = (selector) => document.querySelector(selector)?.shadowRoot;
  const article = document.querySelector('news-article');
  const also = shadow('news-also-read');
  const poll = shadow('news-poll');
  const comments = shadow('news-comments');
  const related = shadow('news-related');
  const listError = comments?.querySelector('section > [part="error"]');
  const postError = comments?.querySelector('[part="composer"] [part="error"]');
  return {
    article: {
      headline: clean(article?.querySelector('h1')),
      error: clean(article?.shadowRoot?.querySelector('.error p')),
      retry: !!article?.shadowRoot?.querySelector('.error button'),
      loading: !!article?.shadowRoot?.querySelector('.skeleton'),
    },
    count: clean(shadow('news-comment-count')?.querySelector('[part="link"]')),
    alsoRead: {
      headline: clean(also?.querySelector('[part="link"]')),
      problem: clean(also?.querySelector('.problem')),
      retry: !!also?.querySelector('.problem button'),
      busy: also?.querySelector('[part="base"]')?.getAttribute('aria-busy') ?? null,
    },
    poll: {
      question: clean(poll?.querySelector('[part="question"]')),
      inputs: poll?.querySelectorAll('input').length ?? 0,
      choices: poll?.querySelectorAll('fieldset:not(:disabled) input').length ?? 0,
      message: clean(poll?.querySelector('[part="message"]')),
      retry: !!poll?.querySelector('[part="message"] button, button.secondary'),
      results: poll?.querySelectorAll('[part="result"]').length ?? 0,
      // The chosen label, without the "Your choice" tag that follows its last word.
      mine: [...(poll?.querySelectorAll('[part="result"].mine .label') ?? [])].map((label) =>
        clean(label)
          .replace(clean(label.querySelector('.tag')), '')
          .trim(),
      ),
      busy: poll?.querySelector('[part="base"]')?.getAttribute('aria-busy') ?? null,
    },
    comments: {
      error: clean(listError),
      retry: !!listError?.querySelector('button'),
      postError: clean(postError),
      postRetry: !!postError?.querySelector('button'),
      shown: comments?.querySelectorAll('article[part="comment"]:not([aria-busy="true"])').length ?? 0,
      posting: comments?.querySelectorAll('article[part="comment"][aria-busy="true"]').length ?? 0,
      bodies: [...(comments?.querySelectorAll('article[part="comment"]:not([aria-busy="true"]) [part="body"]') ?? [])].map(clean),
      draft: comments?.querySelector('[part="composer"] textarea')?.value ?? null,
      signIn: !!comments?.querySelector('[part="sign-in"]'),
      heading: clean(comments?.querySelector('[part="heading"]')),
      busy: comments?.querySelector('[part="list"]')?.getAttribute('aria-busy') ?? null,
    },
    related: {
      headlines: [...(related?.querySelectorAll('[part="headline"]') ?? [])].map(clean),
      busy: related?.querySelector('[part="base"]')?.getAttribute('aria-busy') ?? null,
    },
  };
};

/**
 * A reader with their own cookies and storage. Problems are uncaught exceptions and console errors
 * other than the browser's own network lines ("Failed to load resource: …", which chaos causes on purpose).
 */
async function openReader({ token } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.evaluateOnNewDocument((jwt) => {
    if (jwt) sessionStorage.setItem('news-elements-test-token', jwt);
  }, token ?? null);
  await page.evaluateOnNewDocument(`window.__readChaos = ${readChaos};`);
  const { problems, warnings } = watchProblems(page, { consoleErrors: notNetworkLine, failedRequests: false, httpErrors: false });
  await page.setViewport({ width: 1280, height: 2400 });
  return { context, page, problems, warnings };
}

const view = (page) => page.evaluate(() => window.__readChaos());

/** Waits until `predicate(view)` (run in Node) holds; fails with the last view. */
async function waitForView(page, predicate, message, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await view(page);
      if (predicate(last)) return last;
    } catch {
      // Navigating.
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${message}; the page shows ${JSON.stringify(last, null, 1)}`);
    await sleep(100);
  }
}

/** Every data element in its failed state: an error with a retry, or (count, related) its fallback. */
const failedState = (v) =>
  v.article.error === 'This article could not be loaded.' &&
  v.article.retry &&
  v.count === 'Comments' &&
  v.alsoRead.problem.startsWith('Preview unavailable.') &&
  v.alsoRead.retry &&
  v.alsoRead.headline === 'Port authority story' &&
  v.poll.message.startsWith('The poll could not be loaded.') &&
  v.poll.retry &&
  v.poll.inputs === 2 &&
  v.poll.choices === 0 &&
  v.comments.error.startsWith('Comments could not be loaded.') &&
  v.comments.retry &&
  JSON.stringify(v.related.headlines) === JSON.stringify(relatedFallback);

/** Every data element showing what the API has. */
const loadedState = (v) =>
  v.article.headline === articleHeadline &&
  !v.article.error &&
  v.count === `${expected.count} comments` &&
  v.alsoRead.headline === expected.alsoRead &&
  !v.alsoRead.problem &&
  v.poll.question === serverQuestion &&
  v.poll.choices === 2 &&
  !v.poll.message &&
  v.comments.shown === expected.count &&
  !v.comments.error &&
  JSON.stringify(v.related.headlines) === JSON.stringify(expected.related);

/** The elements that warn on a failed load, each naming itself. */
const failingElements = ['news-article', 'news-comment-count', 'news-also-read', 'news-poll', 'news-comments', 'news-related'];

/** Every outage the proxy can stage; each applies to every /api/ request (event streams aside). */
const outages = [
  { name: '500 with a JSON error body', fault: { mode: 'status', status: 500 } },
  { name: '503 with Retry-After: 1 (waited out, then given up)', fault: { mode: 'status', status: 503, headers: { 'Retry-After': '1' } } },
  { name: '429 with Retry-After: 1 (waited out, then given up)', fault: { mode: 'status', status: 429, headers: { 'Retry-After': '1' } } },
  { name: '429 with Retry-After: 120 (too long to wait: shown at once)', fault: { mode: 'status', status: 429, headers: { 'Retry-After': '120' } } },
  { name: 'an HTML error page (502 from a proxy)', fault: { mode: 'html', status: 502 } },
  { name: 'an HTML page with status 200 (captive portal)', fault: { mode: 'html', status: 200 } },
  { name: 'malformed JSON with status 200', fault: { mode: 'malformed' } },
  { name: 'a truncated body', fault: { mode: 'truncate' } },
  { name: 'dropped connections', fault: { mode: 'drop' } },
  { name: 'a server that hangs', fault: { mode: 'hang' } },
];

for (const { name, fault } of outages) {
  test(`${name}: every element shows a clear state, then recovers with its retry or a reload`, { skip, timeout: 90_000 }, async () => {
    const { context, page, problems, warnings } = await openReader();
    const started = Date.now();
    proxy.set(fault);
    await page.goto(`${proxy.url}/pages/chaos.html`, { waitUntil: 'load' });
    const failed = await waitForView(page, failedState, `every element's failed state under ${name}`, 30_000);
    // The count looks the same loading and failed ("Comments"); its warning says it has given up.
    const warned = (tag) => warnings.some((text) => text.startsWith(`<${tag}>`));
    while (!failingElements.every(warned) && Date.now() - started < 30_000) await sleep(100);
    const failedAfter = Date.now() - started;
    assert.ok(failedAfter < 15_000, `the reader learns within 15 s (took ${failedAfter} ms)`);
    assert.equal(failed.comments.signIn, true, 'no session known: the sign-in prompt, not a broken composer');
    for (const tag of failingElements) assert.ok(warned(tag), `<${tag}> warned: ${JSON.stringify(warnings)}`);
    assert.equal((await view(page)).count, 'Comments', 'the count keeps its fallback text');

    // The server recovers: each element's retry brings it back without a reload.
    proxy.recover();
    await clickIn(page, () => document.querySelector('news-article').shadowRoot.querySelector('.error button'));
    await clickIn(page, () => document.querySelector('news-also-read').shadowRoot.querySelector('.problem button'));
    await clickIn(page, () => document.querySelector('news-poll').shadowRoot.querySelector('[part="message"] button'));
    await clickIn(page, () => document.querySelector('news-comments').shadowRoot.querySelector('section > [part="error"] button'));
    const retried = await waitForView(
      page,
      (v) =>
        v.article.headline === articleHeadline &&
        v.alsoRead.headline === expected.alsoRead &&
        !v.alsoRead.problem &&
        v.poll.choices === 2 &&
        !v.poll.message &&
        v.comments.shown === expected.count &&
        !v.comments.error,
      'each retry to load its element',
    );
    // The count and the related list have no retry of their own (documented fallbacks): still their fallback.
    assert.equal(retried.count, 'Comments');
    assert.deepEqual(retried.related.headlines, relatedFallback);

    // A reload brings everything back.
    await page.reload({ waitUntil: 'load' });
    await waitForView(page, loadedState, 'the loaded page after a reload');
    await context.close();
    assert.deepEqual(problems, []);
  });
}

/** A fault for the first request to each /api/ path only, so the adapter's retry gets through. */
const oncePerPath = () => {
  const seen = new Set();
  return ({ path }) => path.startsWith('/api/') && !path.endsWith('/events') && !seen.has(path) && !!seen.add(path);
};

for (const { name, fault, gapMs } of [
  { name: 'a 429 with Retry-After: 1', fault: { mode: 'status', status: 429, headers: { 'Retry-After': '1' } }, gapMs: 950 },
  { name: 'a dropped connection', fault: { mode: 'drop' }, gapMs: 0 },
  { name: 'a 503 without Retry-After', fault: { mode: 'status', status: 503 }, gapMs: 0 },
]) {
  test(`${name} on the first request to each resource is retried without the reader noticing`, { skip, timeout: 60_000 }, async () => {
    const { context, page, problems, warnings } = await openReader();
    const mark = proxy.requests.length;
    proxy.set({ ...fault, match: oncePerPath() });
    await page.goto(`${proxy.url}/pages/chaos.html`, { waitUntil: 'load' });
    await waitForView(page, loadedState, 'the loaded page');
    proxy.recover();
    const seen = proxy.since(mark);
    const faulted = seen.filter((entry) => entry.fault !== 'pass');
    assert.ok(faulted.length >= 6, `every resource met the fault once (${faulted.map((entry) => entry.path).join(', ')})`);
    for (const first of faulted) {
      const retry = seen.find((entry) => entry.path === first.path && entry.at >= first.at && entry !== first);
      assert.ok(retry, `${first.path} was retried`);
      assert.ok(retry.at - first.at >= gapMs, `${first.path} was retried after ${retry.at - first.at} ms (Retry-After honoured)`);
    }
    await context.close();
    assert.deepEqual(problems, []);
    assert.deepEqual(
      warnings.filter((text) => /^<news-/.test(text)),
      [],
      'no element reported an error',
    );
  });
}

test('a slow server (1.5 s per answer): skeletons and fallbacks hold the place, then everything loads', { skip, timeout: 60_000 }, async () => {
  const { context, page, problems } = await openReader();
  proxy.set({ mode: 'delay', ms: 1500 });
  await page.goto(`${proxy.url}/pages/chaos.html`, { waitUntil: 'load' });
  // The poll, comments and related list load their code just after the page (the CDN loader), so
  // wait until every element is on the page and waiting for its data.
  const waiting = await waitForView(
    page,
    (v) =>
      v.article.loading &&
      v.poll.busy === 'true' &&
      v.comments.busy === 'true' &&
      v.alsoRead.busy === 'true' &&
      v.count === 'Comments' &&
      JSON.stringify(v.related.headlines) === JSON.stringify(relatedFallback),
    'every element waiting for the slow server, the count and the related list showing their fallbacks',
    10_000,
  );
  assert.equal(waiting.article.loading, true, 'the article shows its skeleton');
  assert.equal(waiting.alsoRead.busy, 'true');
  assert.equal(waiting.alsoRead.headline, 'Port authority story', 'the link is usable while the preview loads');
  assert.equal(waiting.poll.busy, 'true');
  assert.equal(waiting.poll.question, 'Should the ferry run all night?', 'the inline question shows at once');
  assert.equal(waiting.comments.busy, 'true');
  assert.deepEqual(waiting.related.headlines, relatedFallback, 'the child links stand in');
  assert.equal(waiting.count, 'Comments');
  await waitForView(page, loadedState, 'the loaded page');
  proxy.recover();
  await context.close();
  assert.deepEqual(problems, []);
});

/** Types into the comment composer like a reader. */
async function typeComment(page, text) {
  const textarea = await page.evaluateHandle(() => document.querySelector('news-comments').shadowRoot.querySelector('[part="composer"] textarea'));
  await textarea.asElement().type(text);
  await textarea.dispose();
}
const pressPost = (page) => clickIn(page, () => document.querySelector('news-comments').shadowRoot.querySelector('[part="composer"] button.primary'));
const composerReady = (v) => v.comments.draft !== null && v.comments.busy === 'false';

test(
  'a comment whose answer is lost is stored once: retries share one idempotency key, the draft survives a reload, posting again confirms it',
  { skip, timeout: 90_000 },
  async () => {
    const token = await readerToken(1);
    const thread = `chaos-post-${Date.now()}`;
    const path = `/api/threads/${thread}/comments`;
    const body = 'A lost answer must not double my comment.';
    const { context, page, problems } = await openReader({ token });
    await page.goto(`${proxy.url}/pages/chaos.html?thread=${thread}`, { waitUntil: 'load' });
    await waitForView(page, composerReady, 'the composer');
    await typeComment(page, body);

    // The server stores the comment, and the reader never hears back (three times: the post and two retries).
    const mark = proxy.requests.length;
    proxy.set({ mode: 'drop-after', match: { method: 'POST', path } });
    await pressPost(page);
    const failed = await waitForView(
      page,
      (v) => v.comments.postError.startsWith('Your comment could not be posted.') && v.comments.posting === 0,
      'the post error',
    );
    assert.equal(failed.comments.postRetry, true, 'the error offers a retry');
    assert.equal(failed.comments.draft, body, 'the text stays in the composer');
    const posts = proxy.since(mark, { method: 'POST', path });
    // The adapter's post and two retries, and Chromium's own silent re-sends on a dropped keep-alive
    // connection: all the same request, with the same key.
    assert.ok(posts.length >= 3, `the post and at least two retries (${posts.length})`);
    assert.equal(new Set(posts.map((entry) => entry.idempotencyKey)).size, 1, 'one idempotency key for every attempt');
    assert.ok(
      posts.every((entry) => entry.upstreamStatus === 201),
      'the server answered each (the first stored it, the rest were replays)',
    );
    assert.equal((await api(`/threads/${thread}/comments`)).total, 1, 'the server has it once');

    // A reload (the network still failing for posts): the draft is still there, and the thread shows the comment once.
    await page.reload({ waitUntil: 'load' });
    const reloaded = await waitForView(page, (v) => composerReady(v) && v.comments.shown === 1, 'the composer and the thread after a reload');
    assert.equal(reloaded.comments.draft, body, 'the draft survived the reload');
    assert.deepEqual(reloaded.comments.bodies, [body]);
    assert.equal(reloaded.comments.heading, 'Comments (1)');

    // The network is back: posting the draft again replays the stored answer; nothing doubles, the draft clears.
    proxy.recover();
    await page.evaluate(() => {
      window.__postEvents = 0;
      document.addEventListener('news-comment-post', () => window.__postEvents++);
    });
    await pressPost(page);
    const done = await waitForView(page, (v) => v.comments.draft === '' && v.comments.posting === 0, 'the confirmed post');
    assert.equal(await page.evaluate(() => window.__postEvents), 0, 'no second news-comment-post (a <news-comment-count> would count it again)');
    const last = proxy.since(mark, { method: 'POST', path }).at(-1);
    assert.equal(last.fault, 'pass');
    assert.equal(last.idempotencyKey, posts[0].idempotencyKey, 'the draft kept its idempotency key across the reload');
    assert.deepEqual(done.comments.bodies, [body], 'shown once');
    assert.equal(done.comments.postError, '');
    const stored = await api(`/threads/${thread}/comments`);
    assert.equal(stored.total, 1, 'stored once');
    assert.equal(stored.comments.filter((comment) => comment.body === body).length, 1);
    assert.equal(done.comments.heading, 'Comments (1)', 'the heading did not count the replayed post again');
    await context.close();
    assert.deepEqual(problems, []);
  },
);

test('typed text survives a failing thread, a hung server and reloads', { skip, timeout: 90_000 }, async () => {
  const token = await readerToken(2);
  const thread = `chaos-draft-${Date.now()}`;
  const { context, page, problems } = await openReader({ token });
  await page.goto(`${proxy.url}/pages/chaos.html?thread=${thread}`, { waitUntil: 'load' });
  await waitForView(page, composerReady, 'the composer');
  const first = 'Half a thought, typed just before the server fell over';
  await typeComment(page, first);
  // Reload at once (no time for the debounced save): the page-hide flush keeps it.
  proxy.set({ mode: 'status', status: 500, match: { method: 'GET', path: `/api/threads/${thread}/comments` } });
  await page.reload({ waitUntil: 'load' });
  let v = await waitForView(page, (v) => v.comments.error && v.comments.draft !== null, 'the thread error with the composer');
  assert.equal(v.comments.draft, first, 'the draft is back in the composer while the thread fails');
  await typeComment(page, ', and finished while it was down.');

  // Everything hangs now; reload again before the save delay has passed.
  proxy.set({ mode: 'hang' });
  await page.reload({ waitUntil: 'load' });
  proxy.recover();
  v = await waitForView(page, (v) => v.comments.draft !== null && v.comments.busy === 'false', 'the composer once the server answers', 30_000);
  assert.equal(v.comments.draft, `${first}, and finished while it was down.`);
  await context.close();
  assert.deepEqual(problems, []);
});

/** Picks choice `index` and presses Vote like a reader. */
async function vote(page, index) {
  await clickIn(page, (i) => document.querySelector('news-poll').shadowRoot.querySelectorAll('input')[i], index);
  await clickIn(page, () => document.querySelector('news-poll').shadowRoot.querySelector('[part="vote-button"]'));
}
const pollReady = (v) => v.poll.choices === 2 && v.poll.busy === 'false';
const pollTotal = async (id) => (await api(`/polls/${id}`)).totalVotes;

test('a vote whose answer is lost once is counted once (signed in): the retry replays it', { skip, timeout: 60_000 }, async () => {
  const pollId = `chaos-vote-once-${Date.now()}`;
  await putPoll(pollId, 'always');
  const token = await readerToken(1);
  const { context, page, problems } = await openReader({ token });
  await page.goto(`${proxy.url}/pages/chaos.html?poll=${pollId}`, { waitUntil: 'load' });
  await waitForView(page, pollReady, 'the poll');
  const mark = proxy.requests.length;
  const path = `/api/polls/${pollId}/votes`;
  proxy.set({ mode: 'drop-after', times: 1, match: { method: 'POST', path } });
  await vote(page, 0);
  const v = await waitForView(page, (v) => v.poll.results === 2 && v.poll.busy === 'false', 'the results');
  assert.deepEqual(v.poll.mine, ['Yes, every night']);
  const posts = proxy.since(mark, { method: 'POST', path });
  assert.equal(posts.length, 2);
  assert.equal(posts[0].idempotencyKey, posts[1].idempotencyKey);
  assert.equal(await pollTotal(pollId), 1, 'one ballot stored');
  await context.close();
  assert.deepEqual(problems, []);
});

test('a vote whose answers are all lost shows an error; voting again finds it recorded, counted once (signed in)', { skip, timeout: 60_000 }, async () => {
  const pollId = `chaos-vote-lost-${Date.now()}`;
  await putPoll(pollId, 'always');
  const token = await readerToken(2);
  const { context, page, problems } = await openReader({ token });
  await page.goto(`${proxy.url}/pages/chaos.html?poll=${pollId}`, { waitUntil: 'load' });
  await waitForView(page, pollReady, 'the poll');
  const path = `/api/polls/${pollId}/votes`;
  proxy.set({ mode: 'drop-after', match: { method: 'POST', path } });
  await vote(page, 1);
  let v = await waitForView(page, (v) => v.poll.message === 'Your vote could not be sent. Please try again.' && v.poll.busy === 'false', 'the vote error');
  assert.equal(v.poll.choices, 2, 'the choices stay, with the reader’s pick, to try again');
  assert.equal(await pollTotal(pollId), 1, 'the server did record it');

  proxy.recover();
  await clickIn(page, () => document.querySelector('news-poll').shadowRoot.querySelector('[part="vote-button"]'));
  v = await waitForView(page, (v) => v.poll.results === 2 && v.poll.mine.length === 1 && v.poll.busy === 'false', 'the results after voting again');
  assert.deepEqual(v.poll.mine, ['No, winter only']);
  assert.equal(await pollTotal(pollId), 1, 'still one ballot');
  await page.reload({ waitUntil: 'load' });
  v = await waitForView(page, (v) => v.poll.results === 2 && v.poll.busy === 'false', 'the results after a reload');
  assert.deepEqual(v.poll.mine, ['No, winter only']);
  await context.close();
  assert.deepEqual(problems, []);
});

// The anonymous voter's cookie is issued when the poll is read, so the lost answer's retry is the same voter.
test('an anonymous vote whose answer is lost once is counted once', { skip, timeout: 60_000 }, async () => {
  const pollId = `chaos-vote-anonymous-${Date.now()}`;
  await putPoll(pollId, 'always');
  const { context, page, problems } = await openReader();
  await page.goto(`${proxy.url}/pages/chaos.html?poll=${pollId}`, { waitUntil: 'load' });
  await waitForView(page, pollReady, 'the poll');
  const mark = proxy.requests.length;
  const path = `/api/polls/${pollId}/votes`;
  proxy.set({ mode: 'drop-after', times: 1, match: { method: 'POST', path } });
  await vote(page, 0);
  await waitForView(page, (v) => v.poll.results === 2 && v.poll.busy === 'false', 'the results');
  const posts = proxy.since(mark, { method: 'POST', path });
  assert.equal(posts.length, 2);
  assert.equal(posts[0].idempotencyKey, posts[1].idempotencyKey, 'the retry reused the idempotency key');
  await context.close();
  assert.deepEqual(problems, []);
  const total = await pollTotal(pollId);
  assert.equal(
    total,
    1,
    `one ballot stored for one reader, not ${total}: the first vote had ${posts[0].voterCookie ? 'a' : 'no'} voter cookie, the retry had ${posts[1].voterCookie ? 'a' : 'no'} voter cookie`,
  );
});
