#!/usr/bin/env node
// Benchmark for <news-comments> in Chromium against the real reference server (not part of the tests):
//   - render time of the first page (20 comments) of a 10,000-comment thread;
//   - "Load more" up to 1,000 comments: time per page, and the slowest page with ~1,000 on screen;
//   - API bytes fetched for the first render of a 100- and a 10,000-comment thread (should not grow).
// Run: npm run build && node bench/comments.bench.mjs     (BENCH_RUNS=5 to repeat the render timing)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { signJwt } from '../test/e2e/support/jwt.mjs';
import { freePort, onCleanup, sleep } from './lib/util.mjs';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const JWT_SECRET = 'comments-bench-secret-long-enough-for-hs256';

const token = (sub, name) => signJwt(JWT_SECRET, { sub, name });

if (!existsSync(join(repoRoot, 'dist/news-elements.js'))) spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'news-comments-bench-'));
const server = spawn(process.execPath, [join(repoRoot, 'scripts/start.mjs')], {
  cwd: repoRoot,
  env: {
    ...process.env,
    SKIP_BUILD: '1',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO: '1',
    JWT_SECRET,
    RATE_LIMIT_IP_PER_MIN: '10000000',
    RATE_LIMIT_IP_WRITES_PER_MIN: '10000000',
    RATE_LIMIT_USER_PER_MIN: '10000000',
    RATE_LIMIT_COMMENTS_PER_MIN: '10000000',
  },
  stdio: 'ignore',
  detached: true,
});
let browser;

async function stop() {
  await browser?.close();
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // Gone already.
  }
  await sleep(500);
  rmSync(dataDir, { recursive: true, force: true });
}
// Ctrl-C stops the server and browser too (the bench's shared signal handler runs clean-ups).
const removeCleanup = onCleanup(stop);

try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/counts?threads=x`)).ok) break;
    } catch {
      // Not yet.
    }
    if (i > 600) throw new Error('the server did not start');
    await sleep(200);
  }

  /** Posts `count` comments to `thread` from a few readers, 16 at a time. */
  async function seed(thread, count) {
    const authors = Array.from({ length: 8 }, (_, i) => token(`bench-${i}`, `Bench Reader ${i + 1}`));
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const n = next++;
        const body = `Comment ${n + 1} of ${count}. The council should publish the full inspection report before the vote, https://example.org/report-${n}`;
        const response = await fetch(`${baseUrl}/api/threads/${thread}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${authors[n % authors.length]}` },
          body: JSON.stringify({ body }),
        });
        if (response.status !== 201) throw new Error(`seeding ${thread}: HTTP ${response.status} ${await response.text()}`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  }
  const seedStart = performance.now();
  await seed('bench-100', 100);
  await seed('bench-10k', 10_000);
  console.log(`seeded 10,100 comments in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

  /** Opens the demo page, then measures one thread element from creation to its first rendered page. */
  async function firstRender(thread) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 900 });
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle0' });
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    const sizes = new Map();
    cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
      if (request.url.includes('/api/')) sizes.set(requestId, 0);
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      if (sizes.has(requestId)) sizes.set(requestId, encodedDataLength);
    });
    const ms = await page.evaluate(async (id) => {
      const el = document.createElement('news-comments');
      el.id = 'bench';
      el.setAttribute('thread-id', id);
      el.setAttribute('loading', 'eager');
      const started = performance.now();
      document.querySelector('main').prepend(el);
      for (;;) {
        await new Promise(requestAnimationFrame);
        if (el.shadowRoot?.querySelectorAll('[part="list"] > li > article').length === 20) break;
      }
      return performance.now() - started;
    }, thread);
    await sleep(300);
    const bytes = [...sizes.values()].reduce((sum, n) => sum + n, 0);
    return { page, ms, bytes, requests: sizes.size };
  }

  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const renders = [];
  let small;
  let large;
  for (let i = 0; i < runs; i++) {
    const a = await firstRender('bench-100');
    small = a;
    await a.page.close();
    const b = await firstRender('bench-10k');
    renders.push(b.ms);
    large = b;
    if (i < runs - 1) await b.page.close();
  }

  // "Load more" from 20 to 1,000 comments on the last page opened.
  const page = large.page;
  const perPage = await page.evaluate(async () => {
    const el = document.getElementById('bench');
    const root = el.shadowRoot;
    const times = [];
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    while (root.querySelectorAll('[part="list"] > li').length < 1000) {
      const count = root.querySelectorAll('[part="list"] > li').length;
      const started = performance.now();
      root.querySelector('[part="load-more"]').click();
      for (;;) {
        await new Promise(requestAnimationFrame);
        if (root.querySelectorAll('[part="list"] > li').length > count) break;
      }
      times.push(performance.now() - started);
    }
    // One more render with everything on screen: what a relative-time tick or a like costs.
    const started = performance.now();
    el.requestUpdate();
    await el.updateComplete;
    return { times, rerender: performance.now() - started, total: root.querySelectorAll('[part="list"] > li').length };
  });
  const longTasks = await page.evaluate(() => window.__longTasks);

  const row = (label, value) => console.log(`${label.padEnd(58)}${value}`);
  console.log('\n<news-comments> benchmark (Chromium, real server, PGlite)');
  console.log('-'.repeat(78));
  row('first page (20 comments) of a 10,000-comment thread', `${median(renders).toFixed(1)} ms (median of ${runs})`);
  row('API bytes for the first render, 100-comment thread', `${small.bytes.toLocaleString('en')} B`);
  row('API bytes for the first render, 10,000-comment thread', `${large.bytes.toLocaleString('en')} B`);
  row('"Load more" 20 → 1,000 comments (49 pages of 20)', `${perPage.times.reduce((a, b) => a + b, 0).toFixed(0)} ms total`);
  row('  one "Load more", median / slowest', `${median(perPage.times).toFixed(1)} ms / ${Math.max(...perPage.times).toFixed(1)} ms`);
  row('  last "Load more" (980 → 1,000 on screen)', `${perPage.times.at(-1).toFixed(1)} ms`);
  row('re-render with 1,000 comments on screen', `${perPage.rerender.toFixed(1)} ms`);
  row('long tasks (> 50 ms) during the 49 "Load more"', longTasks.length ? `${longTasks.length}, longest ${Math.max(...longTasks).toFixed(0)} ms` : 'none');
} finally {
  removeCleanup();
  await stop();
}
