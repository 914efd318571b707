// End to end: the demo page's <news-poll> against the real reference server, in Debian's Chromium.
// Run: node --test test/e2e/poll.e2e.test.mjs
// E2E_BASE_URL=http://127.0.0.1:8787 tests a server that is already running instead of starting one
// (its vote counts then need not start at the seed's 524, so every check is relative).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, notNetworkLine, watchProblems } from './support/browser.mjs';
import { demoServer, demoSkip as skip, sleep } from './support/reference-server.mjs';

const pollId = 'harbour-bridge-funding';
const options = ['toll', 'bond', 'rates', 'blend'];

let server;
let baseUrl;
let browser;

before(async () => {
  if (skip) return;
  server = await demoServer({ label: 'poll-e2e' });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * The poll's problems on a page: uncaught exceptions, console errors (other than the browser's own
 * "Failed to load resource", reported below by URL) and HTTP errors of poll requests, except the
 * statuses a test expects. The rest of the demo page has its own end-to-end test.
 */
const watchPoll = (page, expectedStatuses = []) =>
  watchProblems(page, {
    consoleErrors: notNetworkLine,
    failedRequests: false,
    httpErrors: (response) => response.url().includes('/polls/') && !expectedStatuses.includes(response.status()),
  }).problems;

/**
 * A reader with their own cookies (a separate voter) on the demo page, scrolled to the poll and
 * waiting until it has loaded: choices enabled, or results.
 */
async function openReader({ expectedStatuses = [] } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems = watchPoll(page, expectedStatuses);
  const votes = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes(`/polls/${pollId}/votes`)) votes.push(request.url());
  });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
  await loadPoll(page);
  return { context, page, problems, votes };
}

async function loadPoll(page) {
  await page.evaluate(() => document.querySelector('news-poll').scrollIntoView({ block: 'center' }));
  await page.waitForFunction(
    () => {
      const root = document.querySelector('news-poll')?.shadowRoot;
      return root?.querySelector('[part="base"][aria-busy="false"]') && root.querySelector('fieldset:not(:disabled) input, [part="result"]');
    },
    { timeout: 20_000 },
  );
}

/** What the reader sees of the poll: choices, marked choice, total, announcement. */
function pollView(page) {
  return page.$eval('news-poll', (poll) => {
    const root = poll.shadowRoot;
    const text = (node) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';
    return {
      choices: root.querySelectorAll('input').length,
      results: root.querySelectorAll('[part="result"]').length,
      // The chosen label, without the "Your choice" tag that follows its last word.
      mine: [...root.querySelectorAll('[part="result"].mine .label')].map((label) =>
        text(label)
          .replace(text(label.querySelector('.tag')), '')
          .trim(),
      ),
      total: text(root.querySelector('[part="total"]')),
      status: text(root.querySelector('[role="status"]')),
      focused: root.activeElement?.getAttribute('part') ?? null,
    };
  });
}

/** The total as the API reports it to this reader (visible once they have voted). */
const apiTotal = (page) =>
  page.evaluate(
    (id) =>
      fetch(`/api/polls/${id}`)
        .then((r) => r.json())
        .then((poll) => poll.totalVotes),
    pollId,
  );

/** Casts a vote straight through the API with the page's cookies; returns the HTTP status and poll. */
const apiVote = (page, optionIds) =>
  page.evaluate(
    (id, ids) =>
      fetch(`/api/polls/${id}/votes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ optionIds: ids }) }).then(
        async (r) => ({ status: r.status, body: await r.json() }),
      ),
    pollId,
    optionIds,
  );

/** Picks choice `index` and clicks Vote like a reader (real pointer events). */
async function voteInPage(page, index) {
  const input = await page.evaluateHandle((i) => document.querySelector('news-poll').shadowRoot.querySelectorAll('input')[i], index);
  await input.click();
  const button = await page.evaluateHandle(() => document.querySelector('news-poll').shadowRoot.querySelector('[part="vote-button"]'));
  await page.waitForFunction((b) => !b.disabled, {}, button);
  await button.click();
}

const totalOf = (text) => Number(text.replace(/[^\d]/g, ''));

test('a reader votes, reloads, and sees their vote and the total one higher', { skip, timeout: 90_000 }, async () => {
  // A witness voter, so we know the total just before our reader votes (results are hidden until one votes).
  const witness = await openReader();
  const witnessVote = await apiVote(witness.page, ['rates']);
  assert.equal(witnessVote.status, 200);
  const before = witnessVote.body.totalVotes;
  assert.equal(typeof before, 'number');

  const { context, page, problems, votes } = await openReader();
  let view = await pollView(page);
  assert.equal(view.choices, 4, 'the reader sees four choices');
  assert.equal(view.total, '', 'no counts before voting');

  await voteInPage(page, 1);
  await page.waitForFunction(() => document.querySelector('news-poll').shadowRoot.querySelector('[role="status"]').textContent.includes('Vote recorded'));
  view = await pollView(page);
  assert.equal(view.total, `Total votes: ${(before + 1).toLocaleString('en')}`);
  assert.equal(view.status, `Vote recorded. Total votes: ${(before + 1).toLocaleString('en')}`);
  assert.deepEqual(view.mine, ['A 30-year bond that spreads the cost']);
  assert.equal(view.focused, 'question', 'focus moved to the results');
  assert.equal(votes.length, 1);

  await page.reload({ waitUntil: 'load' });
  await loadPoll(page);
  view = await pollView(page);
  assert.equal(view.choices, 0, 'no second ballot offered');
  assert.equal(view.results, 4);
  assert.deepEqual(view.mine, ['A 30-year bond that spreads the cost']);
  assert.equal(totalOf(view.total), before + 1);
  assert.deepEqual(problems, []);
  await context.close();
  await witness.context.close();
});

test('another voter votes and the first page updates live, without a reload', { skip, timeout: 90_000 }, async () => {
  const first = await openReader();
  // The demo markup has no `live` attribute; a publisher would add it, so the test does. Set before
  // voting, the stream first speaks for an anonymous reader and must be reopened for a voter.
  await first.page.$eval('news-poll', (poll) => (poll.live = true));
  await sleep(300);
  await voteInPage(first.page, 0);
  await first.page.waitForFunction(() => document.querySelector('news-poll').shadowRoot.querySelector('[part="total"]'));
  await sleep(1200);
  const start = totalOf((await pollView(first.page)).total);
  const tollCount = () => first.page.$eval('news-poll', (poll) => poll.shadowRoot.querySelector('[part="result"] .count').textContent.replace(/[^\d]/g, ''));
  const tollBefore = Number(await tollCount());

  const second = await openReader();
  await voteInPage(second.page, 0);
  await second.page.waitForFunction(() => document.querySelector('news-poll').shadowRoot.querySelector('[part="total"]'));

  await first.page.waitForFunction(
    (expected) => document.querySelector('news-poll').shadowRoot.querySelector('[part="total"]').textContent.replace(/[^\d]/g, '') === String(expected),
    { timeout: 10_000 },
    start + 1,
  );
  assert.equal(Number(await tollCount()), tollBefore + 1);
  const view = await pollView(first.page);
  assert.deepEqual(view.mine, ['A $2.50 toll until the repair is paid off'], 'the first reader’s own choice stays marked');
  assert.deepEqual(first.problems, []);
  assert.deepEqual(second.problems, []);
  await first.context.close();
  await second.context.close();
});

test('voting twice from the same context records one vote', { skip, timeout: 90_000 }, async () => {
  const { context, page, problems, votes } = await openReader({ expectedStatuses: [409] });
  // A double click on Vote sends one ballot.
  const input = await page.evaluateHandle(() => document.querySelector('news-poll').shadowRoot.querySelectorAll('input')[3]);
  await input.click();
  await page.$eval('news-poll', (poll) => {
    const button = poll.shadowRoot.querySelector('[part="vote-button"]');
    button.click();
    button.click();
  });
  await page.waitForFunction(() => document.querySelector('news-poll').shadowRoot.querySelector('[role="status"]').textContent.includes('Vote recorded'));
  assert.equal(votes.length, 1, 'one POST for a double click');
  const afterFirst = await apiTotal(page);

  // A second ballot straight through the API is refused.
  const again = await apiVote(page, [options[0]]);
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'already_voted');
  assert.equal(await apiTotal(page), afterFirst);

  // After a reload the reader gets their results, not a second ballot, and still one vote counted.
  await page.reload({ waitUntil: 'load' });
  await loadPoll(page);
  const view = await pollView(page);
  assert.equal(view.choices, 0);
  assert.deepEqual(view.mine, ['A smaller toll combined with a shorter bond']);
  assert.equal(totalOf(view.total), afterFirst);
  assert.deepEqual(problems, []);
  await context.close();
});
