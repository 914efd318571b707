// End to end under a strict Content-Security-Policy: every element on one page, against the real
// reference server, in Debian's Chromium, with zero `securitypolicyviolation` events and zero console
// errors. The page is served by a small loopback server of the test's own (test/e2e/support/chaos-proxy.mjs
// with no faults) that sends the CSP below, serves a copy of dist/ and proxies /api/ and /demo/ to a
// reference server started with `scripts/start.mjs` on a temporary DATA_DIR.
// Run: node --test test/e2e/csp.e2e.test.mjs   (SKIP_BUILD=1 reuses the dist/ already built)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChaosProxy } from './support/chaos-proxy.mjs';
import { clickIn, launchBrowser, scrollThrough, waitInPage, watchProblems } from './support/browser.mjs';
import { repoRoot, sleep, snapshotDist, startReferenceServer, startScript } from './support/reference-server.mjs';

const pagesDir = fileURLToPath(new URL('./support/pages/', import.meta.url));
const skip = existsSync(startScript) && existsSync(join(repoRoot, 'server')) ? false : 'the reference server is missing';

/** The policy of the brief: nothing inline, nothing from elsewhere, Trusted Types for every script sink. */
const strictPolicy = ["default-src 'self'", "script-src 'self'", "style-src 'self'", "require-trusted-types-for 'script'"];
/** The only Trusted Types policy the library creates: Lit's, for its template HTML. */
export const publisherCsp = [...strictPolicy, 'trusted-types lit-html'].join('; ');
/** A page that may hold two copies of Lit (two news-elements scripts, or the host's own Lit) needs 'allow-duplicates'. */
const duplicatesCsp = [...strictPolicy, "trusted-types lit-html 'allow-duplicates'"].join('; ');

const threadId = 'harbour-bridge-vote';
const pollId = 'harbour-bridge-funding';

let server;
let dist;
let site;
let browser;

before(async () => {
  if (skip) return;
  server = await startReferenceServer({ label: 'csp-e2e' });
  dist = snapshotDist();
  site = await startChaosProxy({
    upstream: server.baseUrl,
    // The demo's own pages too (demo/poll.html: the standalone poll), so they get the policy.
    statics: { '/pages/': pagesDir, '/demo/': join(repoRoot, 'demo'), '/dist/': dist.dir, '/copy/dist/': dist.dir },
    pageHeaders: (url) => ({ 'Content-Security-Policy': new URL(url, 'http://x').searchParams.has('duplicates') ? duplicatesCsp : publisherCsp }),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.stop();
  await server?.stop();
  dist?.remove();
});

const api = (path, init) => fetch(`${server.baseUrl}/api${path}`, init).then((response) => response.json());

/**
 * A fresh reader (own cookies and storage) with every CSP violation and console error recorded from the
 * first byte of every document: violations through a binding installed before any page script runs.
 */
async function openReader({ token } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const violations = [];
  await page.exposeFunction('__recordViolation', (violation) => violations.push(violation));
  await page.evaluateOnNewDocument((jwt) => {
    addEventListener(
      'securitypolicyviolation',
      (event) => {
        const target = event.composedPath()[0];
        window.__recordViolation({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
          source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
          target: target?.nodeName ?? String(target),
          host: target?.getRootNode?.()?.host?.localName ?? null,
        });
      },
      true,
    );
    if (jwt) sessionStorage.setItem('news-elements-test-token', jwt);
  }, token ?? null);
  // The view reader below, as a page global (installed by DevTools, so no eval under the CSP).
  await page.evaluateOnNewDocument(`window.__readPage = ${readPage};`);
  // Event streams are cut when the page closes; anything else failing is a problem.
  const { problems, warnings } = watchProblems(page, { failedRequests: (request) => !request.url().endsWith('/events') });
  await page.setViewport({ width: 1280, height: 900 });
  return { context, page, violations, problems, warnings };
}

/** Reads the page's elements (each rendered state) in one evaluation. */
const readPage = () => {
  const shadow = (selector) => document.querySelector(selector)?.shadowRoot;
  const clean = (node) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';
  const loaded = (img) => !!img && img.complete && img.naturalWidth > 0;
  const article = shadow('news-article');
  const byline = shadow('news-byline');
  const fact = shadow('news-did-you-know');
  const also = shadow('news-also-read');
  const related = shadow('news-related');
  const poll = shadow('news-poll');
  const comments = shadow('news-comments');
  const count = shadow('news-comment-count');
  return {
    article: !!article?.querySelector('article[part="base"]'),
    byline: clean(byline?.querySelector('[part="base"]')),
    fact: clean(fact?.querySelector('[part="heading"]')),
    alsoRead: {
      busy: also?.querySelector('[part="base"]')?.getAttribute('aria-busy') ?? null,
      headline: clean(also?.querySelector('a[part="link"]')),
      image: loaded(also?.querySelector('img[part="image"]')),
      problem: clean(also?.querySelector('.problem')),
    },
    related: {
      busy: related?.querySelector('[part="base"]')?.getAttribute('aria-busy') ?? null,
      headlines: [...(related?.querySelectorAll('[part="headline"]') ?? [])].map(clean),
      images: [...(related?.querySelectorAll('img[part="image"]') ?? [])].filter(loaded).length,
    },
    poll: {
      busy: poll?.querySelector('[part="base"]')?.getAttribute('aria-busy') ?? null,
      choices: [...(poll?.querySelectorAll('fieldset:not(:disabled) input') ?? [])].length,
      results: [...(poll?.querySelectorAll('[part="result"]') ?? [])].length,
      /** Each bar's width as a share of its row, in percent: proves the `--_share` custom property applied. */
      bars: [...(poll?.querySelectorAll('[part="result"]') ?? [])].map((row) => {
        const bar = row.querySelector('[part="bar"]');
        return bar ? Math.round((bar.getBoundingClientRect().width / row.getBoundingClientRect().width) * 100) : null;
      }),
      shares: [...(poll?.querySelectorAll('[part="result"] .share') ?? [])].map((node) => parseInt(clean(node), 10)),
      total: clean(poll?.querySelector('[part="total"]')),
      message: clean(poll?.querySelector('[part="message"]')),
    },
    comments: {
      heading: clean(comments?.querySelector('[part="heading"]')),
      shown: comments?.querySelectorAll('article[part="comment"]:not([aria-busy="true"])').length ?? 0,
      composer: !!comments?.querySelector('[part="composer"] textarea'),
      error: clean(comments?.querySelector('[part="error"]')),
      bodies: [...(comments?.querySelectorAll('article[part="comment"] [part="body"]') ?? [])].map(clean),
    },
    count: clean(count?.querySelector('[part="link"]')),
  };
};

/**
 * Votes like a reader (choice `index`, then Vote) and waits for the results. Returns the poll's view
 * after checking that each bar is as wide as its share: the custom property set through the CSSOM
 * was not blocked by the policy.
 */
async function voteInPoll(page, index) {
  await clickIn(page, (i) => document.querySelector('news-poll').shadowRoot.querySelectorAll('input')[i], index);
  // The button is enabled in the update after the choice.
  await waitInPage(page, () => !document.querySelector('news-poll').shadowRoot.querySelector('[part="vote-button"]').disabled, { message: 'Vote enabled' });
  await clickIn(page, () => document.querySelector('news-poll').shadowRoot.querySelector('[part="vote-button"]'));
  const voted = await waitInPage(
    page,
    () => {
      const poll = window.__readPage().poll;
      return poll.results === 4 && poll.total && poll.busy === 'false' ? poll : false;
    },
    { message: 'the poll results after voting', describe: () => window.__readPage().poll },
  );
  voted.bars.forEach((width, index) => {
    assert.ok(
      Math.abs(width - voted.shares[index]) <= 2,
      `bar ${index} is ${width}% wide for a ${voted.shares[index]}% share (the CSP did not block its width)`,
    );
  });
  assert.ok(voted.bars.some((width) => width > 0));
  return voted;
}

test('every element works under a strict CSP: loads, votes, posts a comment; no violation, no console error', { skip, timeout: 120_000 }, async () => {
  const { token } = await fetch(`${server.baseUrl}/demo/token?reader=2`).then((response) => response.json());
  const lookup = await api(`/articles/lookup?url=${encodeURIComponent('/articles/port-authority-surplus')}`);
  const relatedApi = await api(`/articles/${threadId}/related?limit=4`);
  const countBefore = (await api(`/counts?threads=${threadId}`)).counts[threadId];

  const { context, page, violations, problems } = await openReader({ token });
  const response = await page.goto(`${site.url}/pages/csp.html`, { waitUntil: 'load' });
  assert.equal(response.headers()['content-security-policy'], publisherCsp, 'the page is served with the strict policy');
  await scrollThrough(page);

  const view = await waitInPage(
    page,
    (wanted) => {
      const view = window.__readPage();
      return view.article &&
        /Metro Bureau/.test(view.byline) &&
        /\d+ min read/.test(view.byline) &&
        view.fact &&
        view.alsoRead.headline === wanted.headline &&
        view.alsoRead.image &&
        view.related.headlines.length === wanted.related &&
        view.related.images === wanted.related &&
        view.poll.choices === 4 &&
        view.comments.shown > 0 &&
        view.comments.composer &&
        /\d+ comments/.test(view.count)
        ? view
        : false;
    },
    {
      arg: { headline: lookup.headline, related: relatedApi.length },
      timeout: 30_000,
      message: 'every element to show its loaded state',
      describe: () => window.__readPage(),
    },
  );
  assert.equal(view.fact, 'Did you know?');
  assert.deepEqual(
    view.related.headlines,
    relatedApi.map((item) => item.headline),
  );
  assert.equal(view.count, `${countBefore} comments`);
  assert.equal(view.comments.heading, `Comments (${countBefore})`);
  assert.equal(view.poll.total, '', 'no counts before voting');

  // Vote like a reader: pick the second choice, press Vote; results draw their bars from a custom property.
  const voted = await voteInPoll(page, 1);
  const pollApi = await api(`/polls/${pollId}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.deepEqual(pollApi.myVote, ['bond'], 'the API has the reader’s vote');
  assert.equal(voted.total, `Total votes: ${pollApi.totalVotes.toLocaleString('en')}`);
  assert.deepEqual(violations, [], 'no CSP violation while the results render (bars, announcement, focus)');

  // Post a comment as the signed-in reader.
  const body = `Posted under a strict CSP at ${Date.now()}`;
  const textarea = await page.evaluateHandle(() => document.querySelector('news-comments').shadowRoot.querySelector('[part="composer"] textarea'));
  await textarea.asElement().type(body);
  await clickIn(page, () => document.querySelector('news-comments').shadowRoot.querySelector('[part="composer"] button.primary'));
  const posted = await waitInPage(
    page,
    (wanted) => {
      const view = window.__readPage();
      return view.comments.bodies.includes(wanted.body) && view.comments.shown === view.comments.bodies.length && view.count === `${wanted.count} comments`
        ? view
        : false;
    },
    { arg: { body, count: countBefore + 1 }, message: 'the posted comment', describe: () => window.__readPage().comments },
  );
  assert.equal(posted.comments.heading, `Comments (${countBefore + 1})`);
  const thread = await api(`/threads/${threadId}/comments?sort=newest&limit=5`);
  assert.equal(thread.comments.filter((comment) => comment.body === body).length, 1, 'the API has the comment once');
  assert.equal(thread.comments[0].author.name, 'Sam Okafor');

  await sleep(500);
  await context.close();
  assert.deepEqual(violations, [], 'no CSP or Trusted Types violation');
  assert.deepEqual(problems, [], 'no console error, uncaught exception or failed request');
});

test('a data-mode article (blocks rendered by Lit into the light DOM) works under the strict CSP', { skip, timeout: 90_000 }, async () => {
  const article = await api(`/articles/${threadId}`);
  const { context, page, violations, problems } = await openReader();
  await page.goto(`${site.url}/pages/csp-data.html`, { waitUntil: 'load' });
  await waitInPage(page, () => document.querySelector('news-article h1[slot="headline"]'), { message: 'the article from the API' });
  await scrollThrough(page);
  const view = await waitInPage(
    page,
    () => {
      const view = window.__readPage();
      return /Metro Bureau/.test(view.byline) &&
        /\d+ min read/.test(view.byline) &&
        view.fact &&
        view.alsoRead.headline &&
        view.poll.choices === 4 &&
        view.comments.shown > 0 &&
        view.related.headlines.length > 0 &&
        view.related.busy === 'false'
        ? { ...view, headline: document.querySelector('news-article h1').textContent, paragraphs: document.querySelectorAll('news-article > p').length }
        : false;
    },
    { timeout: 30_000, message: 'every block of the article to render', describe: () => window.__readPage() },
  );
  assert.equal(view.headline, article.headline);
  assert.ok(view.paragraphs >= article.blocks.filter((block) => block.type === 'paragraph').length);
  assert.equal(view.comments.composer, false, 'signed out: the sign-in prompt, not the composer');
  await sleep(300);
  await context.close();
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
});

test('the standalone poll (one file, its own Lit) works under the strict CSP: loads, votes, draws its bars', { skip, timeout: 60_000 }, async () => {
  const { context, page, violations, problems } = await openReader();
  // The demo's poll-only page, served with the strict policy.
  const response = await page.goto(`${site.url}/demo/poll.html`, { waitUntil: 'load' });
  assert.equal(response.headers()['content-security-policy'], publisherCsp);
  await waitInPage(page, () => window.__readPage().poll.choices === 4, { message: 'the poll to load', describe: () => window.__readPage().poll });
  await voteInPoll(page, 3);
  await sleep(300);
  await context.close();
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
});

test("two copies of the library (two Lits) need 'allow-duplicates' on the lit-html policy, and work with it", { skip, timeout: 60_000 }, async () => {
  const lookup = await api(`/articles/lookup?url=${encodeURIComponent('/articles/port-authority-surplus')}`);
  const load = async (query) => {
    const reader = await openReader();
    await reader.page.goto(`${site.url}/pages/csp-two-copies.html${query}`, { waitUntil: 'load' });
    return reader;
  };

  const allowed = await load('?duplicates=1');
  const view = await waitInPage(
    allowed.page,
    (headline) => {
      const view = window.__readPage();
      return view.fact && view.alsoRead.headline === headline ? view : false;
    },
    { arg: lookup.headline, message: 'both elements working', describe: () => window.__readPage() },
  );
  assert.equal(view.fact, 'Did you know?');
  assert.ok(
    allowed.warnings.some((text) => text.includes('is already defined')),
    'the second copy warns',
  );
  await sleep(300);
  await allowed.context.close();
  assert.deepEqual(allowed.violations, []);
  assert.deepEqual(allowed.problems, []);

  // Without it the browser refuses the second `lit-html` policy: the second copy fails to load.
  const refused = await load('');
  await waitInPage(refused.page, () => window.__readPage().fact, { message: 'the first copy rendering' });
  await sleep(300);
  await refused.context.close();
  assert.ok(
    refused.violations.some((violation) => violation.directive === 'trusted-types' && violation.sample === 'lit-html'),
    `a trusted-types violation for lit-html: ${JSON.stringify(refused.violations)}`,
  );
});
