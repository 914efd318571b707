// End to end: the demo page's trending strip, `<news-trending rotate>` over the reference server's
// most-read list, in Chromium. Run: SKIP_BUILD=1 node --test test/e2e/trending.e2e.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, notClosedEventStream, waitInPage, watchProblems } from './support/browser.mjs';
import { demoServer, demoSkip as skip } from './support/reference-server.mjs';

// The seed's morning reads, most read first.
const seededOrder = [
  'Eastshore ferry keeps its subsidy for one more winter',
  'Port authority posts its first surplus in six years as container traffic recovers',
  'How Kestrel Bay’s property rates compare with its neighbours',
  'Harbourside traders bet on a winter night market to bring back evening crowds',
];

let server;
let browser;

before(async () => {
  if (skip) return;
  server = await demoServer({ label: 'e2e-trending' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openDemo({ javaScript = true } = {}) {
  const page = await browser.newPage();
  const { problems } = watchProblems(page, { failedRequests: notClosedEventStream });
  await page.setViewport({ width: 1280, height: 900 });
  await page.setJavaScriptEnabled(javaScript);
  await page.goto(`${server.baseUrl}/`, { waitUntil: 'load' });
  return { page, problems };
}

const stripHeight = (page) => page.$eval('news-trending', (strip) => strip.getBoundingClientRect().height);

test('the strip is a real link before the script runs, and the same height once it shows the most-read list', { skip, timeout: 60_000 }, async () => {
  const plain = await openDemo({ javaScript: false });
  const link = await plain.page.$eval('news-trending a', (a) => ({ href: a.getAttribute('href'), visible: a.getBoundingClientRect().width > 0 }));
  assert.deepEqual(link, { href: '/articles/eastshore-ferry-subsidy', visible: true });
  const before = await stripHeight(plain.page);
  await plain.page.close();

  const { page, problems } = await openDemo();
  const headlines = await waitInPage(
    page,
    () => {
      const links = document.querySelector('news-trending')?.shadowRoot?.querySelectorAll('[part="link"]');
      return links && links.length === 4 && [...links].map((a) => a.textContent);
    },
    { message: 'the seeded most-read headlines' },
  );
  assert.deepEqual(headlines, seededOrder);
  assert.equal(await stripHeight(page), before);
  await page.close();
  assert.deepEqual(problems, []);
});

test('the pause control works from the keyboard: Tab reaches it, Enter pauses, Space plays again', { skip, timeout: 90_000 }, async () => {
  const { page, problems } = await openDemo();
  // Rotation runs: the headline on show changes by itself.
  await waitInPage(page, () => document.querySelector('news-trending')?.shadowRoot?.querySelectorAll('[part="link"]').length === 4, { message: 'the list' });
  await waitInPage(
    page,
    () =>
      document.querySelector('news-trending').shadowRoot.querySelector('.current [part="link"]')?.textContent !==
      'Eastshore ferry keeps its subsidy for one more winter',
    {
      timeout: 30_000,
      message: 'the strip to rotate to its second headline',
    },
  );

  let reached = false;
  for (let presses = 0; presses < 25 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.querySelector('news-trending').shadowRoot.activeElement?.getAttribute('part') === 'control');
  }
  assert.ok(reached, 'Tab reaches the pause control');
  const label = () => page.evaluate(() => document.querySelector('news-trending').shadowRoot.querySelector('[part="control"]').getAttribute('aria-label'));
  assert.equal(await label(), 'Pause trending headlines');

  await page.keyboard.press('Enter');
  await waitInPage(page, () => document.querySelector('news-trending').hasAttribute('paused'), { message: 'paused after Enter' });
  assert.equal(await label(), 'Play trending headlines');
  await page.keyboard.press('Space');
  await waitInPage(page, () => !document.querySelector('news-trending').hasAttribute('paused'), { message: 'playing after Space' });
  assert.equal(await label(), 'Pause trending headlines');

  await page.close();
  assert.deepEqual(problems, []);
});
