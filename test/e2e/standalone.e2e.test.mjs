// End to end: the one-file builds (`dist/standalone/`) on pages that have nothing else of the
// library, demo/poll.html and demo/comments.html, against the real reference server in Chromium.
// Run: node --test test/e2e/standalone.e2e.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickIn, launchBrowser, notNetworkLine, waitInPage, watchProblems } from './support/browser.mjs';
import { demoServer, demoSkip as skip } from './support/reference-server.mjs';

let server;
let baseUrl;
let browser;

before(async () => {
  if (skip) return;
  server = await demoServer({ label: 'standalone-e2e' });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A reader with their own cookies on `path`; collects problems and the library files the page fetched. */
async function open(path) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const { problems } = watchProblems(page, { consoleErrors: notNetworkLine, failedRequests: false });
  const library = [];
  const api = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/dist/')) library.push(pathname);
    if (pathname.startsWith('/api/')) api.push(pathname);
  });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  return { context, page, problems, library, api };
}

test('a page with only the poll loads one file of the library, and a reader votes there', { skip, timeout: 90_000 }, async () => {
  const { context, page, problems, library } = await open('/demo/poll.html');
  await waitInPage(page, () => document.querySelector('news-poll')?.shadowRoot?.querySelector('fieldset:not(:disabled) input'), {
    timeout: 20_000,
    message: 'the poll to load',
  });
  assert.deepEqual(library, ['/dist/standalone/news-poll.js'], 'one file, no chunk');

  await clickIn(page, () => document.querySelector('news-poll').shadowRoot.querySelectorAll('input')[2]);
  // The button is enabled in the update after the choice.
  await waitInPage(page, () => !document.querySelector('news-poll').shadowRoot.querySelector('[part="vote-button"]').disabled, { message: 'Vote enabled' });
  await clickIn(page, () => document.querySelector('news-poll').shadowRoot.querySelector('[part="vote-button"]'));
  await waitInPage(page, () => document.querySelector('news-poll').shadowRoot.querySelector('[role="status"]').textContent.includes('Vote recorded'), {
    message: 'the vote to be recorded',
  });
  const view = await page.$eval('news-poll', (poll) => ({
    // The chosen label, without the "Your choice" tag after its last word.
    mine: [...(poll.shadowRoot.querySelector('[part="result"].mine .label')?.childNodes ?? [])]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join('')
      .trim(),
    total: poll.shadowRoot.querySelector('[part="total"]')?.textContent.trim(),
  }));
  assert.equal(view.mine, 'A five-year rise in property rates');
  assert.match(view.total, /^Total votes: [\d,]+$/);

  // Its catalogs come from the standalone build's own folder.
  await page.evaluate(() => (document.documentElement.lang = 'es'));
  await waitInPage(page, () => document.querySelector('news-poll').shadowRoot.querySelector('[part="total"]')?.textContent.startsWith('Total de votos'), {
    message: 'the Spanish results',
  });
  assert.equal(library.length, 2);
  assert.match(library[1], /^\/dist\/standalone\/chunks\/es-[\w-]+\.js$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page with only the comments loads one file of the library and shows the thread', { skip, timeout: 90_000 }, async () => {
  const { context, page, problems, library, api } = await open('/demo/comments.html');
  await page.waitForFunction(() => document.querySelector('news-comments')?.shadowRoot?.querySelectorAll('[part="comment"]').length > 0, { timeout: 20_000 });
  const comments = await page.$eval('news-comments', (thread) => thread.shadowRoot.querySelectorAll('[part="comment"]').length);
  assert.ok(comments >= 3, `the seeded thread shows (${comments} comments)`);
  assert.deepEqual(library, ['/dist/standalone/news-comments.js'], 'one file, no chunk');
  // The glue configures the page before the thread asks for its comments: one request, not two.
  assert.equal(api.filter((path) => path.endsWith('/comments')).length, 1);
  // The module exports `configure` for the publisher's sign-in glue.
  const exported = await page.evaluate(async () => Object.keys(await import('/dist/standalone/news-comments.js')).sort());
  assert.deepEqual(exported, ['NewsComments', 'configure']);

  // The page's sign-in glue configures the token through that configure(): a signed-in reader posts.
  const signIn = await page.$eval('news-comments', (thread) => thread.shadowRoot.querySelector('[part="sign-in"] a').href);
  assert.equal(new URL(signIn).searchParams.get('returnUrl'), '/demo/comments.html');
  await page.goto(signIn, { waitUntil: 'load' });
  assert.equal(new URL(page.url()).pathname, '/demo/comments.html');
  // (A waitForSelector does not see changes inside a shadow root, so poll.)
  await waitInPage(page, () => document.querySelector('news-comments').shadowRoot.querySelector('textarea#c'), { timeout: 20_000, message: 'the composer' });
  const field = await page.$('news-comments >>> textarea#c');
  const text = `Posted from the one-file build ${Date.now()}`;
  await field.click();
  await field.type(text);
  await page.$eval('news-comments', (thread) => thread.shadowRoot.querySelector('#c').form.querySelector('button.primary').click());
  await page.waitForFunction(
    (body) => [...document.querySelector('news-comments').shadowRoot.querySelectorAll('[part="body"]')].some((p) => p.textContent.includes(body)),
    { timeout: 20_000 },
    text,
  );
  assert.deepEqual(library, ['/dist/standalone/news-comments.js', '/dist/standalone/news-comments.js'], 'one file on each load');
  assert.deepEqual(problems, []);
  await context.close();
});
