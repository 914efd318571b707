// Page cost: the demo article as plain static HTML (no script, custom elements replaced by their
// light-DOM content) against the full demo, alternating runs in headless Chromium at 4x CPU throttling.
import { readFileSync } from 'node:fs';
import { request as httpRequest, createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { freePort, median, onCleanup, repoRoot, sleep, startServer, tempDir } from './lib/util.mjs';

export const reproduce = 'npm run build && BENCH_ONLY=page npm run bench   (BENCH_PAGE_RUNS=11 runs per variant and viewport)';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const chromiumArgs = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
export const viewports = [
  { name: 'desktop 1280x900', width: 1280, height: 900 },
  { name: 'phone 375x800', width: 375, height: 800 },
];
const throttle = 4;

/** The demo article with every <script> removed and each custom element replaced by its light-DOM content. */
export function plainHtml(html) {
  return withoutElements(html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ''));
}

/**
 * The demo page without news-elements but with the host page's own scripts: the markets strip, and the
 * sign-in glue that renders the header's account line (its one call into the library, `configure()`,
 * becomes a no-op: see hostSessionJs). Each custom element is replaced by its light-DOM content.
 * Full minus host is what the library adds to a page that already runs its own script.
 */
export function hostHtml(html) {
  return withoutElements(
    html.replace(/<script\b[^>]*src="\/dist\/[^"]*"[^>]*>\s*<\/script>/gi, '').replace(/(<script\b[^>]*src=")\/demo\/session\.js(")/i, '$1/host-session.js$2'),
  );
}

/** The demo's sign-in glue without the library: the same storage reads and header rendering, no import. */
export function hostSessionJs(js) {
  const out = js.replace(/^import \{ configure \} from '\/dist\/news-elements\.js';$/m, 'const configure = () => {};');
  if (out === js) throw new Error('bench: demo/session.js no longer imports configure() as expected');
  return out;
}

const withoutElements = (html) => html.replace(/<\/?news-[a-z-]+\b[^>]*>/gi, '');

/**
 * One origin for all variants: `/plain.html` and `/host.html` are generated pages (with the headers the
 * server gives `/`), everything else is passed through to the reference server untouched.
 */
export async function startFrontProxy(backendUrl, generated) {
  const backend = new URL(backendUrl);
  const original = await fetch(`${backendUrl}/`);
  await original.arrayBuffer();
  const htmlHeaders = {};
  for (const name of ['content-type', 'content-security-policy', 'cache-control', 'referrer-policy', 'x-content-type-options', 'x-frame-options']) {
    const value = original.headers.get(name);
    if (value) htmlHeaders[name] = value;
  }
  const port = await freePort();
  const proxy = createServer((req, res) => {
    const body = req.method === 'GET' ? generated[req.url.split('?')[0]] : undefined;
    if (body !== undefined) {
      const type = req.url.split('?')[0].endsWith('.js') ? { 'content-type': 'text/javascript; charset=utf-8' } : {};
      res.writeHead(200, { ...htmlHeaders, ...type, 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    const upstream = httpRequest(
      { host: backend.hostname, port: backend.port, method: req.method, path: req.url, headers: { ...req.headers, host: backend.host } },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  proxy.keepAliveTimeout = 1000;
  await new Promise((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  const stop = () =>
    new Promise((resolve) => {
      proxy.closeAllConnections?.();
      proxy.close(() => resolve());
    });
  onCleanup(stop);
  return { url: `http://127.0.0.1:${port}`, stop };
}

/** Installed before any page script: web-vitals style observers whose entries we read after the page settles. */
function installObservers() {
  const store = (window.__bench = { longTasks: [], lcp: [], shifts: [], fcp: null });
  const observe = (type, callback) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(callback)).observe({ type, buffered: true });
    } catch {
      // Entry type not supported.
    }
  };
  observe('longtask', (e) => store.longTasks.push({ start: e.startTime, duration: e.duration, name: e.name }));
  observe('largest-contentful-paint', (e) =>
    store.lcp.push({
      time: e.startTime,
      size: e.size,
      url: e.url || null,
      element: e.element ? `${e.element.tagName.toLowerCase()}${e.element.id ? `#${e.element.id}` : ''}` : null,
    }),
  );
  observe('layout-shift', (e) => {
    if (!e.hadRecentInput) store.shifts.push({ time: e.startTime, value: e.value });
  });
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') store.fcp = e.startTime;
  });
}

/** CLS as web-vitals defines it: the largest session window (gaps < 1 s, windows <= 5 s). */
function cumulativeLayoutShift(shifts) {
  let best = 0;
  let current = 0;
  let windowStart = -Infinity;
  let last = -Infinity;
  for (const { time, value } of shifts) {
    if (time - last < 1000 && time - windowStart < 5000) {
      current += value;
    } else {
      current = value;
      windowStart = time;
    }
    last = time;
    best = Math.max(best, current);
  }
  return best;
}

const isApi = (url) => new URL(url).pathname.startsWith('/api/');
const isBelowFoldFetch = (url) => /^\/api\/(polls|threads)\//.test(new URL(url).pathname);

/**
 * Tracks network requests from CDP: counts, bytes on the wire, and whether the network is quiet
 * (open event streams do not count as activity).
 */
export function networkRecorder(cdp) {
  const requests = new Map();
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return;
    requests.set(e.requestId, { url: e.request.url, method: e.request.method, type: e.type, bytes: 0, status: null, done: false, at: Date.now() });
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) {
      r.status = e.response.status;
      r.mime = e.response.mimeType;
      if (e.response.mimeType === 'text/event-stream') r.stream = true;
    }
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) {
      r.bytes = e.encodedDataLength;
      r.done = true;
    }
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) {
      r.done = true;
      r.failed = e.errorText;
    }
    lastActivity = Date.now();
  });
  return {
    requests,
    quietFor: () => {
      const busy = [...requests.values()].some((r) => !r.done && !r.stream && r.type !== 'EventSource');
      return busy ? 0 : Date.now() - lastActivity;
    },
  };
}

/** Waits for load, then until the network has been quiet for 1.5 s (at most 20 s), then two frames. */
async function settle(page, network) {
  const deadline = Date.now() + 20_000;
  await sleep(500);
  while (Date.now() < deadline && network.quietFor() < 1500) await sleep(100);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Starts ICU before the page runs, as any earlier script that formats a date or a number would: the first
 * Intl formatter of a page pays ICU's one-time start-up (15-30 ms unthrottled in Chromium).
 */
function startIcu() {
  new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(0);
  new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(1, 'day');
  new Intl.NumberFormat('en').format(1);
}

async function loadOnce(browser, url, viewport, { profile = false, scrollCheck = false, cpuRate = throttle, warmIcu = false } = {}) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: viewport.width, height: viewport.height, deviceScaleFactor: 1 });
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // Wall-clock durations: CPU throttling stretches wall time, not the thread's CPU time.
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.emulateCPUThrottling(cpuRate > 1 ? cpuRate : null);
    await page.evaluateOnNewDocument(installObservers);
    if (warmIcu) await page.evaluateOnNewDocument(startIcu);
    const network = networkRecorder(cdp);
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      await cdp.send('Profiler.start');
    }
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await settle(page, network);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const vitals = await page.evaluate(() => window.__bench);
    const beforeScroll = [...network.requests.values()].map((r) => ({ ...r }));
    let attribution = null;
    if (profile) {
      const { profile: cpuProfile } = await cdp.send('Profiler.stop');
      const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
      attribution = attribute(cpuProfile, trace, new URL(url).origin);
    }
    let afterScroll = null;
    if (scrollCheck) {
      // Walk down the page like a reader; the poll and the comments must fetch once they come near.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y <= height; y += Math.round(viewport.height * 0.8)) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await sleep(250);
      }
      await sleep(1500);
      afterScroll = [...network.requests.values()].filter((r) => isApi(r.url)).map((r) => `${r.method} ${new URL(r.url).pathname}`);
    }
    const lcp = vitals.lcp.at(-1) ?? null;
    const longTasks = vitals.longTasks;
    return {
      scriptMs: metrics.ScriptDuration * 1000,
      taskMs: metrics.TaskDuration * 1000,
      layoutMs: metrics.LayoutDuration * 1000,
      styleMs: metrics.RecalcStyleDuration * 1000,
      longTasks: longTasks.length,
      longestTaskMs: longTasks.reduce((max, t) => Math.max(max, t.duration), 0),
      tbtMs: longTasks.filter((t) => vitals.fcp == null || t.start >= vitals.fcp).reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      fcpMs: vitals.fcp,
      lcpMs: lcp?.time ?? null,
      lcpElement: lcp ? (lcp.element ?? lcp.url) : null,
      cls: cumulativeLayoutShift(vitals.shifts),
      shifts: vitals.shifts,
      requests: beforeScroll.length,
      bytes: beforeScroll.reduce((sum, r) => sum + r.bytes, 0),
      urls: beforeScroll.map((r) => ({ url: r.url, method: r.method, bytes: r.bytes, status: r.status })),
      belowFoldRequests: beforeScroll.filter((r) => isBelowFoldFetch(r.url)).map((r) => `${r.method} ${new URL(r.url).pathname}`),
      apiRequests: beforeScroll.filter((r) => isApi(r.url)).map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`),
      attribution,
      afterScroll,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

/** Groups a URL into the module a publisher would recognise. */
function moduleOf(url, origin) {
  if (!url) return '(browser / no script)';
  if (url.startsWith(origin)) {
    const path = new URL(url).pathname;
    // Chunk names carry a content hash (core-CfWqiP98.js); entries do not.
    return path.startsWith('/dist/chunks/') ? path.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js') : path;
  }
  if (url.startsWith('pptr:') || url.startsWith('__puppeteer')) return '(bench observers)';
  return url.length > 60 ? `${url.slice(0, 57)}...` : url;
}

/**
 * Who spends the main thread: self time per script from the CPU profile, and the long tasks in the trace
 * with the scripts sampled inside each.
 */
function attribute(cpuProfile, trace, origin) {
  const nodes = new Map(cpuProfile.nodes.map((n) => [n.id, n]));
  const selfByModule = new Map();
  const selfByFunction = new Map();
  const samples = [];
  let t = cpuProfile.startTime;
  cpuProfile.samples.forEach((id, i) => {
    const delta = cpuProfile.timeDeltas[i] ?? 0;
    t += delta;
    const node = nodes.get(id);
    const { url, functionName, lineNumber, columnNumber } = node.callFrame;
    const ignored = ['(idle)', '(program)', '(root)'].includes(functionName);
    const next = cpuProfile.timeDeltas[i + 1] ?? 0;
    if (!ignored) {
      const mod = functionName === '(garbage collector)' ? '(garbage collector)' : moduleOf(url, origin);
      selfByModule.set(mod, (selfByModule.get(mod) ?? 0) + next);
      const fn = `${mod} ${functionName || '(anonymous)'}:${lineNumber + 1}:${columnNumber + 1}`;
      selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + next);
    }
    samples.push({ t, mod: ignored ? null : functionName === '(garbage collector)' ? '(garbage collector)' : moduleOf(url, origin), dur: next });
  });
  const events = trace.traceEvents ?? trace;
  // The page's renderer: the process the trace says committed our URL (headless Chromium also runs
  // WebUI renderers of its own, whose tasks must not be counted).
  const pagePids = new Set(
    events
      .filter((e) => ['FrameCommittedInBrowser', 'TracingStartedInBrowser'].includes(e.name))
      .flatMap((e) => (e.name === 'TracingStartedInBrowser' ? (e.args?.data?.frames ?? []) : [e.args?.data ?? {}]))
      .filter((frame) => typeof frame.url === 'string' && frame.url.startsWith(origin) && frame.processId)
      .map((frame) => frame.processId),
  );
  const mainThreads = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (pagePids.size === 0 || pagePids.has(e.pid)),
  );
  let best = null;
  let bestTotal = -1;
  for (const m of mainThreads) {
    const total = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask' && e.ph === 'X').reduce((s, e) => s + (e.dur ?? 0), 0);
    if (total > bestTotal) {
      bestTotal = total;
      best = m;
    }
  }
  const longTasks = best
    ? events
        .filter((e) => e.pid === best.pid && e.tid === best.tid && e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > 50_000)
        .map((e) => {
          const inside = new Map();
          for (const s of samples) if (s.mod && s.t >= e.ts && s.t < e.ts + e.dur) inside.set(s.mod, (inside.get(s.mod) ?? 0) + s.dur);
          // What else the task did (parsing, style, layout), from the trace's own child events.
          const kinds = new Map();
          for (const c of events) {
            if (c.pid !== best.pid || c.tid !== best.tid || c.ph !== 'X' || c === e) continue;
            if (c.ts < e.ts || c.ts >= e.ts + e.dur) continue;
            if (
              [
                'ParseHTML',
                'Layout',
                'UpdateLayoutTree',
                'Paint',
                'EvaluateScript',
                'v8.evaluateModule',
                'FunctionCall',
                'RunMicrotasks',
                'v8.compileModule',
                'v8.compile',
                'ParseAuthorStyleSheet',
                'Decode Image',
              ].includes(c.name)
            ) {
              kinds.set(c.name, (kinds.get(c.name) ?? 0) + (c.dur ?? 0) / 1000);
            }
          }
          return {
            durationMs: e.dur / 1000,
            scriptsMs: Object.fromEntries([...inside].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, +(v / 1000).toFixed(1)])),
            eventsMs: Object.fromEntries(
              [...kinds]
                .sort((a, b) => b[1] - a[1])
                .slice(0, 6)
                .map(([k, v]) => [k, +v.toFixed(1)]),
            ),
          };
        })
    : [];
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => ({ name: k, ms: +(v / 1000).toFixed(1) }));
  return { selfByModule: top(selfByModule, 20), topFunctions: top(selfByFunction, 20), longTasks };
}

/** Mean self time per module and per function over several unthrottled profiles. */
function mergeSelfTime(attributions) {
  const merge = (key) => {
    const sums = new Map();
    for (const a of attributions) for (const { name, ms } of a[key]) sums.set(name, (sums.get(name) ?? 0) + ms);
    return [...sums].map(([name, ms]) => ({ name, ms: +(ms / attributions.length).toFixed(1) })).sort((a, b) => b.ms - a.ms);
  };
  return { runs: attributions.length, byModule: merge('selfByModule'), topFunctions: merge('topFunctions').slice(0, 12) };
}

/** gzip size of each distinct GET resource, as a CDN would serve it (the reference server does not compress). */
async function gzipEstimate(requests, cache) {
  let total = 0;
  for (const r of requests) {
    if (r.method !== 'GET') continue;
    if (!cache.has(r.url)) {
      try {
        const response = await fetch(r.url);
        const body = Buffer.from(await response.arrayBuffer());
        cache.set(r.url, gzipSync(body, { level: 6 }).length + 250);
      } catch {
        cache.set(r.url, r.bytes);
      }
    }
    total += cache.get(r.url);
  }
  return total;
}

export async function runPage({ runs = Number(process.env.BENCH_PAGE_RUNS || 11), log = () => {} } = {}) {
  const dataDir = tempDir('news-bench-page-');
  const server = await startServer({ DEMO: '1', DATA_DIR: dataDir }, { label: 'demo server' });
  const demo = readFileSync(join(repoRoot, 'demo/index.html'), 'utf8');
  const generated = {
    '/plain.html': plainHtml(demo),
    '/host.html': hostHtml(demo),
    '/host-session.js': hostSessionJs(readFileSync(join(repoRoot, 'demo/session.js'), 'utf8')),
  };
  if (!/markets\.js/.test(generated['/host.html']) || !/host-session\.js/.test(generated['/host.html']) || /\/dist\//.test(generated['/host.html'])) {
    throw new Error('bench: the host variant must keep markets.js and the sign-in glue and drop the library');
  }
  const front = await startFrontProxy(server.url, generated);
  const browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const closeBrowser = onCleanup(() => browser.close());
  const variants = { plain: `${front.url}/plain.html`, host: `${front.url}/host.html`, full: `${front.url}/` };
  // The same host and full pages with ICU already started before any page script, as on a publisher
  // page whose own earlier scripts format a date or a number: what the library costs beyond ICU's
  // one-time start-up, which the first formatter of a page pays, whoever it belongs to.
  const warm = { hostIcu: variants.host, fullIcu: variants.full };
  const names = [...Object.keys(variants), ...Object.keys(warm)];
  const gzipCache = new Map();
  const results = [];
  try {
    // Warm the server (first requests compile routes and open storage) before measuring anything.
    await loadOnce(browser, variants.full, viewports[0]).catch(() => {});
    for (const viewport of viewports) {
      const samples = Object.fromEntries(names.map((name) => [name, []]));
      for (let i = 0; i < runs; i++) {
        // Rotate which variant goes first, so drift on a shared machine hits all of them equally.
        const order = [...names.slice(i % names.length), ...names.slice(0, i % names.length)];
        for (const variant of order) {
          samples[variant].push(await loadOnce(browser, variants[variant] ?? warm[variant], viewport, { warmIcu: variant in warm }));
          log(`page ${viewport.name} ${variant} run ${i + 1}/${runs}: script ${samples[variant].at(-1).scriptMs.toFixed(0)} ms`);
        }
      }
      // Long tasks are judged in a throttled, profiled run. Who spends the script time is read from
      // unthrottled profiles: throttling suspends the main thread in slices, and each pause is charged
      // to whichever function happened to be running, so throttled per-function figures are lumpy.
      const profiled = await loadOnce(browser, variants.full, viewport, { profile: true, scrollCheck: true });
      const profiledWarmIcu = await loadOnce(browser, variants.full, viewport, { profile: true, warmIcu: true });
      const unthrottled = [];
      for (let i = 0; i < 3; i++) unthrottled.push((await loadOnce(browser, variants.full, viewport, { profile: true, cpuRate: 1 })).attribution);
      log(`page ${viewport.name}: profiled runs and scroll check done`);
      const summarize = async (list) => ({
        runs: list.length,
        scriptMs: median(list.map((r) => r.scriptMs)),
        taskMs: median(list.map((r) => r.taskMs)),
        layoutMs: median(list.map((r) => r.layoutMs)),
        styleMs: median(list.map((r) => r.styleMs)),
        longTasks: median(list.map((r) => r.longTasks)),
        longestTaskMs: median(list.map((r) => r.longestTaskMs)),
        tbtMs: median(list.map((r) => r.tbtMs)),
        fcpMs: median(list.map((r) => r.fcpMs)),
        lcpMs: median(list.map((r) => r.lcpMs)),
        lcpElement: list.at(-1).lcpElement,
        cls: median(list.map((r) => r.cls)),
        clsMax: Math.max(...list.map((r) => r.cls)),
        requests: median(list.map((r) => r.requests)),
        bytes: median(list.map((r) => r.bytes)),
        gzipBytes: await gzipEstimate(list.at(-1).urls, gzipCache),
        belowFoldRequests: [...new Set(list.flatMap((r) => r.belowFoldRequests))],
        apiRequests: [...new Set(list.flatMap((r) => r.apiRequests))],
        urls: list.at(-1).urls.map((u) => `${u.method} ${new URL(u.url).pathname} ${u.bytes} B`),
        raw: list.map(({ urls, attribution, afterScroll, shifts, ...rest }) => rest),
      });
      results.push({
        viewport,
        plain: await summarize(samples.plain),
        host: await summarize(samples.host),
        full: await summarize(samples.full),
        hostIcu: await summarize(samples.hostIcu),
        fullIcu: await summarize(samples.fullIcu),
        attribution: profiled.attribution,
        attributionWarmIcu: profiledWarmIcu.attribution,
        selfTime: mergeSelfTime(unthrottled),
        afterScroll: profiled.afterScroll,
        profiledShifts: profiled.shifts,
      });
    }
  } finally {
    closeBrowser();
    await browser.close().catch(() => {});
    await front.stop();
    await server.stop();
  }
  return { throttle, runs, results };
}
