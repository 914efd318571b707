// Opens every story of the built Storybook (storybook-static/) in Chromium and fails on anything a
// designer or reader would hit: a story that does not render, a console error, an uncaught page
// error, or an axe WCAG 2.x A/AA violation. Builds nothing itself.
//
//   npm run analyze && npm run build-storybook && node scripts/test-stories.mjs [filter]
//
// `filter` keeps only story ids containing it (e.g. `also-read`). STORY_TIMEOUT_MS bounds one story,
// STORY_CONCURRENCY sets how many pages run at once.
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { browserPaths, missingBrowsersMessage } from './browsers.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const staticDir = join(root, 'storybook-static');
const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');
const storyTimeoutMs = Number(process.env.STORY_TIMEOUT_MS ?? 20000);
const concurrency = Number(process.env.STORY_CONCURRENCY ?? 3);
/** Time after the render signal for async states (unfurl fetches, memory-adapter latency) to settle. */
const settleMs = 400;
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const filter = process.argv[2];

if (!existsSync(join(staticDir, 'index.json')) || !existsSync(join(staticDir, 'iframe.html'))) {
  console.error(
    'storybook-static/ is missing or incomplete (no index.json or iframe.html): build Storybook first with\n' +
      '  npm run analyze && npm run build-storybook\n' +
      'then run node scripts/test-stories.mjs again.',
  );
  process.exit(2);
}
const browserMessage = missingBrowsersMessage(['chromium']);
if (browserMessage) {
  console.error(browserMessage);
  process.exit(2);
}

const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries)
  .filter((entry) => entry.type === 'story')
  .filter((entry) => !filter || entry.id.includes(filter))
  .sort((a, b) => a.id.localeCompare(b.id));
if (stories.length === 0) {
  console.error(filter ? `No story id contains "${filter}".` : 'storybook-static/index.json lists no stories.');
  process.exit(1);
}

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Static files from storybook-static/ only; anything outside it or missing is a 404. */
const server = createServer(async (req, res) => {
  try {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (pathname === '/favicon.ico') {
      // Chromium asks for it on every page; Storybook ships only SVG icons.
      res.writeHead(204).end();
      return;
    }
    let file = normalize(join(staticDir, pathname));
    if (file !== staticDir && !file.startsWith(staticDir + sep)) throw new Error('outside root');
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    await stat(file);
    res.writeHead(200, { 'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: browserPaths().chromium,
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
});

/** Opens one story and returns a list of problems (empty when the story passes). */
async function checkStory(story) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url;
    problems.push(`console.error: ${message.text()}${where ? ` (${where.replace(origin, '')})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  let timer;
  try {
    await page.setViewport({ width: 1280, height: 800 });
    const run = async () => {
      await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load' });
      // Storybook's render phase reaches `finished` after render, play function and afterEach hooks.
      await page
        .waitForFunction(
          () => {
            const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
            return ['finished', 'completed', 'errored', 'aborted'].includes(phase) || document.body.classList.contains('sb-show-errordisplay');
          },
          { timeout: storyTimeoutMs, polling: 50 },
        )
        .catch(() => {
          throw new Error(`did not finish rendering within ${storyTimeoutMs} ms`);
        });
      const state = await page.evaluate(async () => {
        const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
        const errorShown = document.body.classList.contains('sb-show-errordisplay');
        const errorText = document.querySelector('#error-message')?.textContent?.trim() ?? '';
        const rootElement = document.querySelector('#storybook-root');
        const content = rootElement?.querySelector('.news-story-frame') ?? rootElement;
        // Let every Lit element finish its pending update before the page is judged.
        const elements = [...(rootElement?.querySelectorAll('*') ?? [])].filter((el) => el.localName.includes('-'));
        await Promise.all(elements.map((el) => el.updateComplete).filter(Boolean));
        // A story whose element module was never loaded still "renders" its light-DOM text.
        const undefinedTags = [...new Set(elements.map((el) => el.localName))].filter((tag) => !customElements.get(tag));
        return {
          undefinedTags,
          phase,
          errorShown,
          errorText,
          // The preview decorator always adds its page frame; the story itself must render inside it.
          empty: !content || (content.childElementCount === 0 && !content.textContent?.trim()),
        };
      });
      if (state.errorShown || state.phase === 'errored') {
        problems.push(`story threw: ${state.errorText.split('\n')[0] || 'see the error display'}`);
        return;
      }
      if (state.undefinedTags.length > 0) {
        problems.push(`never defined: ${state.undefinedTags.map((tag) => `<${tag}>`).join(', ')}`);
      }
      if (state.empty) {
        problems.push('rendered nothing into #storybook-root');
        return;
      }
      await new Promise((done) => setTimeout(done, settleMs));
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async (tags) => {
        const results = await window.axe.run('#storybook-root', {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        });
        return results.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×: ${v.nodes[0]?.target.join(' ') ?? ''})`);
      }, wcagTags);
      for (const violation of violations) problems.push(`axe: ${violation}`);
    };
    await Promise.race([
      run(),
      new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error(`timed out after ${storyTimeoutMs + 10000} ms`)), storyTimeoutMs + 10000);
      }),
    ]);
  } catch (error) {
    problems.push(error.message.split('\n')[0]);
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => {});
  }
  return problems;
}

let passed = 0;
let failed = 0;
const queue = [...stories];
async function worker() {
  for (let story = queue.shift(); story; story = queue.shift()) {
    const problems = await checkStory(story);
    if (problems.length === 0) {
      passed++;
      console.log(`ok    ${story.id}`);
    } else {
      failed++;
      console.log(`FAIL  ${story.id}: ${problems.join('; ')}`);
    }
  }
}

try {
  await Promise.all(Array.from({ length: Math.min(concurrency, stories.length) }, worker));
} finally {
  await browser.close();
  server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
