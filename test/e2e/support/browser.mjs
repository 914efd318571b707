// Chromium for the end-to-end tests, a recorder of what goes wrong on a page, and small page helpers
// that work under a strict CSP: they poll with `page.evaluate` (DevTools evaluation) instead of
// puppeteer's waitForFunction, which compiles its predicate with `new Function` inside the page and so
// trips `script-src 'self'` and Trusted Types.
import puppeteer from 'puppeteer-core';
import { sleep } from './reference-server.mjs';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser() {
  return puppeteer.launch({
    executablePath: chromiumPath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Records what goes wrong on a page. Returns `{ problems, warnings }`: `problems` (a test asserts it empty)
 * gets uncaught exceptions, console errors, failed requests, HTTP error answers and (if asked) dialogs;
 * `warnings` gets the text of every console warning. Console errors, failed requests and HTTP errors count
 * by default; `false` turns one off, a predicate keeps only what it returns true for: `consoleErrors(message)`,
 * `failedRequests(request)`, `httpErrors(response)`. An opened dialog is dismissed.
 */
export function watchProblems(page, { consoleErrors = true, failedRequests = true, httpErrors = true, dialogs = false } = {}) {
  const problems = [];
  const warnings = [];
  const counts = (rule, item) => rule === true || (typeof rule === 'function' && rule(item));
  page.on('console', (message) => {
    if (message.type() === 'warn') warnings.push(message.text());
    if (message.type() === 'error' && counts(consoleErrors, message)) {
      const location = message.location();
      problems.push(`console error: ${message.text()} (${location?.url ?? ''}:${location?.lineNumber ?? ''})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (counts(failedRequests, request)) problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && counts(httpErrors, response)) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  if (dialogs) {
    page.on('dialog', async (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      await dialog.dismiss();
    });
  }
  return { problems, warnings };
}

/** A console error other than the browser's own "Failed to load resource: …" line (its request is reported by URL). */
export const notNetworkLine = (message) => !message.text().startsWith('Failed to load resource');

/** A failed request other than a live element closing its event stream (it left the page, or the reader signed in or out). */
export const notClosedEventStream = (request) => !(request.failure()?.errorText === 'net::ERR_ABORTED' && new URL(request.url()).pathname.endsWith('/events'));

/** `fn(arg)` as source for `page.evaluate`, which DevTools compiles: no `eval` in the page, no CSP violation. */
const call = (fn, arg) => `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)})`;

/**
 * Polls `fn(arg)` in the page until it returns a truthy value, which it resolves with. On timeout it
 * throws with `message` and the last value `describe(arg)` returned (what the page showed instead).
 */
export async function waitInPage(page, fn, { arg, timeout = 15_000, interval = 100, message = 'condition', describe } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await page.evaluate(call(fn, arg));
      if (value) return value;
      lastError = undefined;
    } catch (error) {
      // A navigation in progress destroys the execution context; try again.
      lastError = error;
    }
    if (Date.now() > deadline) {
      let seen = '';
      if (describe)
        seen = await page.evaluate(call(describe, arg)).then(
          (value) => JSON.stringify(value),
          (error) => String(error),
        );
      throw new Error(
        `timed out after ${timeout} ms waiting for ${message}${seen ? `; the page shows ${seen}` : ''}${lastError ? ` (${lastError.message})` : ''}`,
      );
    }
    await sleep(interval);
  }
}

/** Scrolls through the page in steps, so elements that load near the viewport ask for their data. */
export async function scrollThrough(page) {
  await page.evaluate(async () => {
    const step = Math.max(200, Math.floor(innerHeight * 0.6));
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    // Elements that load on the way (comments, a poll's results) make the page taller: stay at the
    // bottom until its height has held still, so the last element on the page comes near the viewport.
    let stable = 0;
    for (let i = 0; i < 40 && stable < 3; i++) {
      const height = document.documentElement.scrollHeight;
      scrollTo(0, height);
      await new Promise((resolve) => setTimeout(resolve, 150));
      stable = document.documentElement.scrollHeight === height ? stable + 1 : 0;
    }
  });
}

/** Clicks a node in a shadow root (found by `fn` in the page) with real pointer events. */
export async function clickIn(page, fn, arg) {
  const handle = await page.evaluateHandle(fn, arg);
  const element = handle.asElement();
  if (!element) throw new Error(`nothing to click for ${fn}`);
  await element.scrollIntoView();
  // A DOM click: the page may still be settling (an element above loading its data), and a click
  // at mouse coordinates would then land on whatever moved under them.
  await element.evaluate((target) => target.click());
  await handle.dispose();
}
