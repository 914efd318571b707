// End to end: `scripts/start.mjs` (build + reference server + demo page) opened in Debian's Chromium.
// Run: node --test test/e2e/demo.e2e.test.mjs   (screenshots land in test-results/, git-ignored)
// E2E_BASE_URL=http://127.0.0.1:8787 tests a server that is already running instead of starting one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, notClosedEventStream, scrollThrough as scrollEveryStep, watchProblems } from './support/browser.mjs';
import { demoServer, demoSkip as skip, repoRoot } from './support/reference-server.mjs';

const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const resultsDir = join(repoRoot, 'test-results');

const headline = 'Will Kestrel Bay make drivers pay to fix its harbour bridge?';
const pollQuestion = 'What is the most credible next step after the bridge inspection report?';
const viewports = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
];

let server;
let baseUrl;
let browser;

/** Every console error, uncaught exception, failed request and HTTP error status of a page; a live element closing its event stream is not a failed request. */
const watchDemo = (page) => watchProblems(page, { failedRequests: notClosedEventStream }).problems;

async function settle(page) {
  try {
    // Up to two long-lived requests count as idle: live comments and results are event streams that stay open.
    await page.waitForNetworkIdle({ idleTime: 400, timeout: 15_000, concurrency: 2 });
  } catch {
    // Still busy after 15 s; the checks below decide.
  }
}

/** Scrolls through the page so elements that load near the viewport (poll, comments, related) fetch their data. */
async function scrollThrough(page) {
  await scrollEveryStep(page);
  await settle(page);
  await page.evaluate(() => scrollTo(0, 0));
}

async function openDemo({ width, height, scheme = 'light' } = viewports[1]) {
  const page = await browser.newPage();
  const problems = watchDemo(page);
  await page.setViewport({ width, height });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
  await settle(page);
  return { page, problems };
}

/**
 * What a reader sees of an element: its rendered shadow and slotted text once it is defined,
 * or, while it is not, its light DOM plus the `::before` label the publisher CSS adds.
 */
function renderedText(page, selector) {
  return page.$eval(selector, (element) => {
    const parts = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent);
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName)) return;
        if (node.tagName === 'SLOT') {
          const assigned = node.assignedNodes({ flatten: true });
          (assigned.length ? assigned : [...node.childNodes]).forEach(walk);
          return;
        }
        const before = getComputedStyle(node, '::before').content;
        if (before && before !== 'none' && before !== 'normal') parts.push(before.replace(/^"|"$/g, ''));
      }
      const root = node.nodeType === Node.ELEMENT_NODE && node.shadowRoot ? node.shadowRoot : node;
      [...root.childNodes].forEach(walk);
    };
    walk(element);
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  });
}

/**
 * A full-page screenshot with the whole page inside the viewport, so parts that render only near
 * the viewport (`content-visibility: auto` comment cards, lazy images) are painted, not blank.
 */
async function screenshotWholePage(page, viewport, path) {
  let height = 0;
  for (let round = 0; round < 4; round++) {
    const next = await page.evaluate(() => document.documentElement.scrollHeight);
    if (next === height) break;
    height = next;
    await page.setViewport({ width: viewport.width, height });
    await settle(page);
  }
  await page.screenshot({ path });
  await page.setViewport(viewport);
}

async function assertVisible(page, selector, label) {
  const handle = await page.$(selector);
  assert.ok(handle, `${label}: ${selector} is on the page`);
  await handle.scrollIntoView();
  const box = await handle.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, `${label} has a box (${JSON.stringify(box)})`);
  const style = await handle.evaluate((el) => {
    const s = getComputedStyle(el);
    return { visibility: s.visibility, opacity: Number(s.opacity), display: s.display };
  });
  assert.notEqual(style.display, 'none', `${label} is displayed`);
  assert.equal(style.visibility, 'visible', `${label} is visible`);
  assert.ok(style.opacity > 0, `${label} is not transparent`);
}

before(async () => {
  if (skip) return;
  server = await demoServer({ label: 'e2e' });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  mkdirSync(resultsDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the demo page loads and scrolls through with no console errors and no failed requests', { skip, timeout: 60_000 }, async () => {
  const { page, problems } = await openDemo();
  await scrollThrough(page);
  await page.close();
  assert.deepEqual(problems, []);
});

test('headline, byline, poll question and footer are visible', { skip, timeout: 60_000 }, async () => {
  const { page, problems } = await openDemo();

  await assertVisible(page, 'news-article h1', 'headline');
  assert.equal(await page.$eval('news-article h1', (h1) => h1.textContent.trim()), headline);
  assert.equal(await page.$$eval('h1', (all) => all.length), 1, 'one h1 on the page');

  await assertVisible(page, 'news-byline', 'byline');
  assert.match(await renderedText(page, 'news-byline'), /Metro Bureau/);

  await assertVisible(page, 'news-poll', 'poll');
  await settle(page);
  await page.waitForFunction(
    (question) => {
      const poll = document.querySelector('news-poll');
      const before = getComputedStyle(poll, '::before').content;
      return (poll.shadowRoot?.textContent ?? '').includes(question) || before.includes(question);
    },
    { timeout: 10_000 },
    pollQuestion,
  );
  assert.ok((await renderedText(page, 'news-poll')).includes(pollQuestion), 'the poll question is rendered');

  await assertVisible(page, 'body > footer', 'footer');
  assert.match(await page.$eval('body > footer', (footer) => footer.textContent), /© 2026 Kestrel Bay Courier/);

  await page.close();
  assert.deepEqual(problems, []);
});

test('the page has the landmarks, language and image descriptions a reader needs', { skip, timeout: 60_000 }, async () => {
  const { page, problems } = await openDemo();
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    banner: document.querySelectorAll('body > header').length,
    main: document.querySelectorAll('main').length,
    contentinfo: document.querySelectorAll('body > footer').length,
    imagesWithoutAlt: [...document.querySelectorAll('img')].filter((img) => !img.hasAttribute('alt')).map((img) => img.src),
    brokenImages: [...document.querySelectorAll('img')].filter((img) => img.complete && img.naturalWidth === 0).map((img) => img.src),
    inlineScripts: [...document.querySelectorAll('script:not([src])')].length,
  }));
  assert.deepEqual(facts, {
    lang: 'en',
    banner: 1,
    main: 1,
    contentinfo: 1,
    imagesWithoutAlt: [],
    brokenImages: [],
    inlineScripts: 0,
  });
  await page.close();
  assert.deepEqual(problems, []);
});

test('axe finds no WCAG 2.2 AA violations, light or dark, phone or desktop', { skip, timeout: 120_000 }, async () => {
  for (const viewport of viewports) {
    for (const scheme of ['light', 'dark']) {
      const { page, problems } = await openDemo({ ...viewport, scheme });
      await scrollThrough(page);
      // Evaluated over the DevTools protocol, so the page's strict CSP still applies to everything else.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const results = await globalThis.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        });
        return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      await page.close();
      assert.deepEqual(violations, [], `${viewport.width} px ${scheme}`);
      assert.deepEqual(problems, [], `${viewport.width} px ${scheme}`);
    }
  }
});

test('a reader signs in through the demo sign-in, sees the composer, and signs out again', { skip, timeout: 60_000 }, async () => {
  const { page, problems } = await openDemo();
  assert.equal(await page.$eval('.account', (account) => account.textContent.trim()), 'Sign in');

  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.account a')]);
  await page.waitForFunction(() => document.querySelector('.account')?.textContent.includes('Signed in as'), { timeout: 10_000 });
  assert.equal(new URL(page.url()).hash, '', 'the token is cleared from the address bar');
  assert.match(await page.$eval('.account', (account) => account.textContent), /Signed in as Alex Reader/);

  if (await page.evaluate(() => Boolean(customElements.get('news-comments')))) {
    await page.$eval('news-comments', (comments) => comments.scrollIntoView());
    await page.waitForFunction(() => document.querySelector('news-comments').shadowRoot?.querySelector('textarea'), {
      timeout: 10_000,
    });
  }
  // Signing out hands the elements a new adapter, which cancels loads still in flight; let them finish first.
  await settle(page);

  await page.click('.account-sign-out');
  await page.waitForFunction(() => document.querySelector('.account')?.textContent.trim() === 'Sign in', { timeout: 5_000 });
  await settle(page);
  await page.close();
  assert.deepEqual(problems, []);
});

test('the markets widget shows "Getting data" and "Loading..." first, then figures in the same space', { skip, timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  const problems = watchDemo(page);
  await page.setViewport(viewports[0]);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.setRequestInterception(true);
  page.on('request', async (request) => {
    if (new URL(request.url()).pathname.endsWith('/markets.json')) await held;
    await request.continue();
  });
  await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.markets .markets-item.is-loading');

  const loading = await page.$eval('.markets', (widget) => ({
    text: widget.textContent.replace(/\s+/g, ' '),
    height: widget.getBoundingClientRect().height,
    busy: widget.getAttribute('aria-busy'),
  }));
  assert.match(loading.text, /Getting data/);
  assert.match(loading.text, /Loading\.\.\./);
  assert.equal(loading.busy, 'true');

  release();
  await page.waitForFunction(() => document.querySelectorAll('.markets .markets-value').length === 4, { timeout: 10_000 });
  const loaded = await page.$eval('.markets', (widget) => ({
    text: widget.textContent.replace(/\s+/g, ' '),
    height: widget.getBoundingClientRect().height,
    busy: widget.getAttribute('aria-busy'),
  }));
  assert.doesNotMatch(loaded.text, /Loading\.\.\./);
  assert.match(loaded.text, /Harbour 50 4,812\.6/);
  assert.equal(loaded.busy, 'false');
  assert.equal(loaded.height, loading.height, 'the widget keeps its reserved height');

  await page.close();
  assert.deepEqual(problems, []);
});

test('the markets widget says clearly when its data is unavailable, and can try again', { skip, timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await page.setViewport(viewports[1]);
  let failMarkets = true;
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (failMarkets && new URL(request.url()).pathname.endsWith('/markets.json')) request.abort('failed');
    else request.continue();
  });
  await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
  await page.waitForSelector('.markets.is-error .markets-retry');
  assert.match(await page.$eval('.markets', (w) => w.textContent), /Market data is unavailable right now/);

  failMarkets = false;
  await page.click('.markets-retry');
  await page.waitForFunction(() => document.querySelectorAll('.markets .markets-value').length === 4, { timeout: 10_000 });
  await page.close();
});

test('screenshots at 375 and 1280 px, light and dark', { skip, timeout: 180_000 }, async () => {
  for (const viewport of viewports) {
    for (const scheme of ['light', 'dark']) {
      const { page, problems } = await openDemo({ ...viewport, scheme });
      await scrollThrough(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `no horizontal scrolling at ${viewport.width} px (${scheme})`);
      const file = join(resultsDir, `demo-${viewport.width}-${scheme}.png`);
      await screenshotWholePage(page, viewport, file);
      assert.ok(readFileSync(file).length > 10_000, `${file} was written`);
      await page.close();
      assert.deepEqual(problems, [], `${viewport.width} px ${scheme}`);
    }
  }
});
