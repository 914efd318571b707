// End to end for <news-comments> on the demo page against the real server, in Chromium:
// sign in through the demo sign-in, post, reload and see the comment; stop the server, post, keep the
// draft with an error; start the server again on the same port and data, retry, and the comment
// exists exactly once; a second reader's comment arrives live behind the "new comments" button.
// Run: node --test test/e2e/comments.e2e.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './support/browser.mjs';
import { startReferenceServer } from './support/reference-server.mjs';

const THREAD = 'harbour-bridge-vote';
// Drafts are kept per reader: `news-comments:draft:<reader>:<thread>:<target>` ('' for a new comment).
const DRAFT_KEY_END = `:${THREAD}:`;
/** The stored new-comment draft of this thread, whoever the reader is (null when there is none). */
const storedDraft = (page) =>
  page.evaluate((end) => {
    const name = Object.keys(localStorage).find((key) => key.startsWith('news-comments:draft:') && key.endsWith(end));
    return name ? localStorage.getItem(name) : null;
  }, DRAFT_KEY_END);

let server;
let baseUrl;
let browser;

before(async () => {
  // Serves the dist/ that is there (built here only if missing); a test below halts and resumes it on the same port and data.
  server = await startReferenceServer({ label: 'comments-e2e', build: 'if-missing' });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The comments element's shadow root, as a handle (so no page-side eval is needed under the demo's CSP). */
const threadRoot = (page) => page.waitForFunction(() => document.querySelector('news-comments')?.shadowRoot, { timeout: 20_000 });

/** Runs `fn(root, ...args)` in the page with the comments element's shadow root. */
async function inThread(page, fn, ...args) {
  return (await threadRoot(page)).evaluate(fn, ...args);
}

/** Waits until `fn(root, ...args)` is truthy in the page. */
async function waitInThread(page, fn, ...args) {
  const error = new Error('waiting in the thread');
  const root = await threadRoot(page);
  await page.waitForFunction(fn, { timeout: 20_000, polling: 100 }, root, ...args).catch(async (cause) => {
    const state = await page.evaluate(() => ({
      url: location.href,
      defined: Boolean(customElements.get('news-comments')),
      thread: document.querySelector('news-comments')?.shadowRoot?.textContent.replace(/\s+/g, ' ').slice(0, 400),
    }));
    error.message = `${cause.message} waiting for ${fn.toString().slice(0, 160)}: ${JSON.stringify(state)}`;
    throw error;
  });
}

const bodies = (page) => inThread(page, (root) => [...root.querySelectorAll('[part="list"] > li > article [part="body"]')].map((p) => p.textContent.trim()));

/**
 * Opens the demo (signed in as demo reader `reader` through the demo sign-in, which keeps the token
 * in this tab's sessionStorage), scrolls to the thread and waits for it to load.
 */
async function openThread(context, reader) {
  const page = await context.newPage();
  await page.setViewport({ width: 1000, height: 900 });
  await page.goto(reader ? `${baseUrl}/demo/sign-in?reader=${reader}&returnUrl=/` : `${baseUrl}/`, { waitUntil: 'load' });
  await page.evaluate(() => document.querySelector('news-comments').scrollIntoView());
  await waitInThread(
    page,
    (root, signedIn) => root.querySelector('[part="list"]')?.getAttribute('aria-busy') === 'false' && root.querySelector(signedIn ? '#c' : '[part="sign-in"]'),
    Boolean(reader),
  );
  return page;
}

async function typeComment(page, text) {
  const field = await page.waitForSelector('news-comments >>> textarea#c');
  await field.click();
  await field.type(text);
}

const submit = (page) => inThread(page, (root) => root.querySelector('#c').form.querySelector('button.primary').click());

test('a reader signs in through the demo sign-in, posts, reloads and sees the comment', { timeout: 120_000 }, async () => {
  const page = await openThread(browser);
  // The signed-out prompt links to the demo sign-in with this page as the return URL.
  const href = await inThread(page, (root) => root.querySelector('[part="sign-in"] a').href);
  assert.equal(new URL(href).pathname, '/demo/sign-in');
  assert.equal(new URL(href).searchParams.get('returnUrl'), '/');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), inThread(page, (root) => root.querySelector('[part="sign-in"] a').click())]);
  assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address bar');
  await page.evaluate(() => document.querySelector('news-comments').scrollIntoView());
  await waitInThread(page, (root) => root.querySelector('#c'));

  await typeComment(page, 'Posted from the end-to-end test');
  await submit(page);
  await waitInThread(
    page,
    (root) => root.querySelector('[part="list"] > li > article:not(.posting) [part="body"]')?.textContent.trim() === 'Posted from the end-to-end test',
  );
  assert.equal(await inThread(page, (root) => root.querySelector('[role="status"]').textContent.trim()), 'Your comment was posted.');
  assert.equal(await storedDraft(page), null, 'the draft is gone once the server confirmed');

  await page.reload({ waitUntil: 'load' });
  await page.evaluate(() => document.querySelector('news-comments').scrollIntoView());
  await waitInThread(page, (root) => root.querySelector('[part="list"]')?.getAttribute('aria-busy') === 'false' && root.querySelector('#c'));
  assert.equal((await bodies(page))[0], 'Posted from the end-to-end test');
  assert.match(await inThread(page, (root) => root.querySelector('[part="heading"]').textContent.trim()), /^Comments \(\d+\)$/);
  await page.close();
});

test('with the server down the draft is kept with an error; after a restart the retry posts exactly once', { timeout: 180_000 }, async () => {
  const page = await openThread(browser, 1);
  const text = `Written while the server was down ${Date.now()}`;
  await typeComment(page, text);
  await page.waitForFunction(
    (end) => Object.keys(localStorage).some((key) => key.startsWith('news-comments:draft:') && key.endsWith(end)),
    { timeout: 5000 },
    DRAFT_KEY_END,
  );

  await server.halt();
  await submit(page);
  await waitInThread(page, (root) => root.querySelector('.composer [part="error"]'));
  assert.match(await inThread(page, (root) => root.querySelector('.composer [part="error"]').textContent), /could not be posted/);
  assert.equal(await inThread(page, (root) => root.querySelector('#c').value), text, 'the text stays in the composer');
  assert.equal(JSON.parse(await storedDraft(page)).body, text, 'the draft is still saved');

  await server.resume();
  await inThread(page, (root) => root.querySelector('.composer [part="error"] button').click());
  await waitInThread(page, (root, body) => root.querySelector('[part="list"] > li > article:not(.posting) [part="body"]')?.textContent.trim() === body, text);
  assert.equal(await storedDraft(page), null, 'the draft is cleared once the server confirmed');
  const thread = await (await fetch(`${baseUrl}/api/threads/${THREAD}/comments?limit=100`)).json();
  assert.equal(thread.comments.filter((c) => c.body === text).length, 1, 'the comment exists exactly once');

  await page.reload({ waitUntil: 'load' });
  await page.evaluate(() => document.querySelector('news-comments').scrollIntoView());
  await waitInThread(page, (root) => root.querySelector('[part="list"]')?.getAttribute('aria-busy') === 'false' && root.querySelector('#c'));
  assert.equal((await bodies(page))[0], text);
  assert.equal(await inThread(page, (root) => root.querySelector('#c').value), '');
  await page.close();
});

test("a post whose answer was lost is retried with the draft's idempotency key and stored once", { timeout: 120_000 }, async () => {
  const page = await openThread(browser, 1);
  const text = `Answer lost on the way back ${Date.now()}`;
  await typeComment(page, text);
  // The first POST reaches the server, but the browser never sees the answer.
  await page.setRequestInterception(true);
  let dropped = 0;
  page.on('request', async (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/threads/${THREAD}/comments`) && dropped === 0) {
      dropped++;
      await fetch(request.url(), { method: 'POST', headers: request.headers(), body: request.postData() });
      await request.abort('connectionreset');
    } else {
      await request.continue();
    }
  });
  await submit(page);
  await waitInThread(page, (root, body) => root.querySelector('[part="list"] > li > article:not(.posting) [part="body"]')?.textContent.trim() === body, text);
  assert.equal(dropped, 1);
  const thread = await (await fetch(`${baseUrl}/api/threads/${THREAD}/comments?limit=100`)).json();
  assert.equal(thread.comments.filter((c) => c.body === text).length, 1);
  assert.equal((await bodies(page)).filter((body) => body === text).length, 1);
  await page.close();
});

test('a second reader\'s comment arrives live behind the "new comments" button', { timeout: 120_000 }, async () => {
  const reader = await openThread(browser, 1);
  const before = await bodies(reader);

  const other = await browser.createBrowserContext();
  const second = await openThread(other, 2);
  const text = `Hello from the second reader ${Date.now()}`;
  await typeComment(second, text);
  await submit(second);
  await waitInThread(second, (root, body) => root.querySelector('[part="list"] > li > article:not(.posting) [part="body"]')?.textContent.trim() === body, text);

  await waitInThread(reader, (root) => root.querySelector('[part="new-comments"]'));
  assert.equal(await inThread(reader, (root) => root.querySelector('[part="new-comments"]').textContent.trim()), 'Show 1 new comment');
  assert.deepEqual(await bodies(reader), before, 'nothing moves until the reader asks');
  await inThread(reader, (root) => root.querySelector('[part="new-comments"]').click());
  await waitInThread(reader, (root, body) => root.querySelector('[part="list"] > li > article:not(.posting) [part="body"]')?.textContent.trim() === body, text);
  assert.equal(await inThread(reader, (root) => root.querySelector('[part="list"] > li > article [part="author"]').textContent.trim()), 'Sam Okafor');
  await other.close();
  await reader.close();
});
