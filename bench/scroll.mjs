// Jump scroll: a reader who flicks. The demo article (and the same page without the library) in headless
// Chromium at 4x CPU throttling, scrolled one viewport every 150 ms and every 350 ms from the top to the
// bottom as soon as it has loaded, at 375 and 1280 px. Every run is traced: layout shifts with the element
// that moved, long tasks with the library script inside them, and main-thread script as CPU time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { hostHtml, hostSessionJs, networkRecorder, startFrontProxy } from './page.mjs';
import { median, onCleanup, repoRoot, sleep, startServer, tempDir } from './lib/util.mjs';

export const reproduce = 'npm run build && BENCH_ONLY=scroll npm run bench   (BENCH_SCROLL_RUNS=5 runs per width, speed and variant)';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const chromiumArgs = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
export const widths = [
  { name: 'phone 375x800', width: 375, height: 800 },
  { name: 'desktop 1280x900', width: 1280, height: 900 },
];
export const speeds = [150, 350];
const throttle = 4;

/** Before any page script: layout shifts with the news element each moved node belongs to, and long tasks. */
function installObservers() {
  const store = (window.__scroll = { shifts: [], longTasks: [] });
  /** The news element a node belongs to (crossing shadow roots), else a short CSS-like description of it. */
  const owner = (node) => {
    for (let n = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
      if (n instanceof Element && n.localName.startsWith('news-')) return n.localName;
    }
    if (!(node instanceof Element)) return node?.parentElement ? owner(node.parentElement) : '(text)';
    return `${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      store.shifts.push({
        time: e.startTime,
        value: e.value,
        scrollY: window.scrollY,
        sources: (e.sources ?? []).map((s) => ({
          element: s.node ? owner(s.node) : '(gone)',
          node: s.node instanceof Element ? s.node.localName : (s.node?.nodeName ?? null),
          before: { top: Math.round(s.previousRect.top), height: Math.round(s.previousRect.height) },
          after: { top: Math.round(s.currentRect.top), height: Math.round(s.currentRect.height) },
        })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) store.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** CLS as web-vitals defines it: the largest session window (gaps < 1 s, windows <= 5 s), with its shifts. */
export function largestSessionWindow(shifts) {
  let best = { value: 0, shifts: [] };
  let current = { value: 0, shifts: [] };
  let windowStart = -Infinity;
  let last = -Infinity;
  for (const shift of shifts) {
    if (shift.time - last < 1000 && shift.time - windowStart < 5000) {
      current = { value: current.value + shift.value, shifts: [...current.shifts, shift] };
    } else {
      current = { value: shift.value, shifts: [shift] };
      windowStart = shift.time;
    }
    last = shift.time;
    if (current.value > best.value) best = current;
  }
  return best;
}

/** Which elements moved in a set of shifts, weighted by each shift's score split over its sources. */
function shiftedElements(shifts) {
  const by = new Map();
  for (const shift of shifts) {
    const sources = shift.sources.length ? shift.sources : [{ element: '(no source)' }];
    for (const s of sources) by.set(s.element, (by.get(s.element) ?? 0) + shift.value / sources.length);
  }
  return [...by].sort((a, b) => b[1] - a[1]).map(([element, score]) => ({ element, score: +score.toFixed(4) }));
}

// Trace events that run script; only the outermost of nested ones counts, so nothing counts twice.
const scriptEvents = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.evaluateModule',
  'RunMicrotasks',
  'v8.compile',
  'v8.compileModule',
  'V8.Execute',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'FireIdleCallback',
]);
const isLibrary = (url) => typeof url === 'string' && url.includes('/dist/');
const eventUrl = (e) => e.args?.data?.url || e.args?.data?.scriptName || e.args?.data?.stackTrace?.[0]?.url || e.args?.fileName || '';

/** The page renderer's main thread in a trace: the process that committed our origin, its CrRendererMain. */
function mainThread(events, origin) {
  const pids = new Set(
    events
      .filter((e) => ['FrameCommittedInBrowser', 'TracingStartedInBrowser'].includes(e.name))
      .flatMap((e) => (e.name === 'TracingStartedInBrowser' ? (e.args?.data?.frames ?? []) : [e.args?.data ?? {}]))
      .filter((f) => typeof f.url === 'string' && f.url.startsWith(origin) && f.processId)
      .map((f) => f.processId),
  );
  let best = null;
  let bestTotal = -1;
  for (const m of events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!pids.size || pids.has(e.pid)))) {
    const total = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask' && e.ph === 'X').reduce((s, e) => s + (e.dur ?? 0), 0);
    if (total > bestTotal) [best, bestTotal] = [m, total];
  }
  return best;
}

/**
 * From one trace and the CPU profile taken with it: main-thread script as thread CPU time (tdur, so
 * neither the throttle's pauses nor other processes on the machine count) and as wall time, and each
 * task over 50 ms with the library self time sampled inside it.
 */
export function analyzeTrace(trace, cpuProfile, origin) {
  const events = trace.traceEvents ?? trace;
  const main = mainThread(events, origin);
  if (!main) return { scriptCpuMs: NaN, scriptWallMs: NaN, libraryCpuMs: NaN, longTasks: [] };
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let cpu = 0;
  let wall = 0;
  let libraryCpu = 0;
  let openUntil = -1;
  for (const e of onMain) {
    if (!scriptEvents.has(e.name) || e.ts < openUntil) continue;
    openUntil = e.ts + (e.dur ?? 0);
    cpu += e.tdur ?? 0;
    wall += e.dur ?? 0;
  }
  // Library CPU time: the outermost script events whose own URL (or first frame) is under /dist/.
  openUntil = -1;
  for (const e of onMain) {
    if (!scriptEvents.has(e.name) || e.ts < openUntil) continue;
    if (!isLibrary(eventUrl(e))) continue;
    openUntil = e.ts + (e.dur ?? 0);
    libraryCpu += e.tdur ?? 0;
  }
  // CPU profile samples on the trace clock: the scripts that ran inside each long task.
  const nodes = new Map(cpuProfile.nodes.map((n) => [n.id, n]));
  const samples = [];
  let t = cpuProfile.startTime;
  cpuProfile.samples.forEach((id, i) => {
    t += cpuProfile.timeDeltas[i] ?? 0;
    const { url, functionName } = nodes.get(id).callFrame;
    if (['(idle)', '(program)', '(root)', '(garbage collector)'].includes(functionName)) return;
    samples.push({ t, url, dur: cpuProfile.timeDeltas[i + 1] ?? 0 });
  });
  const longTasks = onMain
    .filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000)
    .map((task) => {
      const end = task.ts + task.dur;
      let libraryMs = 0;
      const modules = new Map();
      for (const s of samples) {
        if (s.t < task.ts || s.t >= end || !isLibrary(s.url)) continue;
        libraryMs += s.dur / 1000;
        const name = new URL(s.url).pathname.replace(/^(\/dist\/chunks\/.*)-[A-Za-z0-9_-]{8}\.js$/, '$1.js');
        modules.set(name, (modules.get(name) ?? 0) + s.dur / 1000);
      }
      // Script events inside the task that name a library URL (the trace's own attribution).
      const libraryEvents = onMain.filter((c) => c !== task && c.ts >= task.ts && c.ts < end && scriptEvents.has(c.name) && isLibrary(eventUrl(c)));
      const inner = new Map();
      for (const c of onMain) {
        if (c === task || c.ts < task.ts || c.ts >= end) continue;
        if (
          [
            'Layout',
            'UpdateLayoutTree',
            'ParseHTML',
            'EvaluateScript',
            'v8.evaluateModule',
            'FunctionCall',
            'RunMicrotasks',
            'TimerFire',
            'EventDispatch',
            'v8.compileModule',
            'Paint',
          ].includes(c.name)
        ) {
          inner.set(c.name, (inner.get(c.name) ?? 0) + (c.dur ?? 0) / 1000);
        }
      }
      return {
        durationMs: +(task.dur / 1000).toFixed(1),
        cpuMs: +((task.tdur ?? 0) / 1000).toFixed(1),
        libraryMs: +libraryMs.toFixed(1),
        library: libraryMs >= 1 || libraryEvents.length > 0,
        // Thread time counts the throttle's slowdown but not waiting for a core another process has:
        // over 50 ms of it is a long task on a quiet machine too.
        longOnQuietMachine: (task.tdur ?? 0) > 50_000,
        modules: Object.fromEntries([...modules].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, +v.toFixed(1)])),
        inside: Object.fromEntries(
          [...inner]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 4)
            .map(([k, v]) => [k, +v.toFixed(1)]),
        ),
      };
    });
  return { scriptCpuMs: cpu / 1000, scriptWallMs: wall / 1000, libraryCpuMs: libraryCpu / 1000, longTasks };
}

/** Loads `url`, flicks to the bottom one viewport every `everyMs`, waits for the page to settle, reads the trace. */
async function flick(browser, url, viewport, everyMs) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: viewport.width, height: viewport.height, deviceScaleFactor: 1 });
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.emulateCPUThrottling(throttle);
    await page.evaluateOnNewDocument(installObservers);
    const network = networkRecorder(cdp);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // The reader starts flicking as soon as the page is up: one viewport per tick, on a fixed clock
    // whether or not the page keeps up (a busy main thread delays the scroll, as it would a finger).
    const start = Date.now();
    for (let tick = 1; ; tick++) {
      const atBottom = await page.evaluate(() => {
        window.scrollBy(0, window.innerHeight);
        return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
      });
      if (atBottom) break;
      if (tick > 200) throw new Error('bench: the page never reached its bottom');
      await sleep(Math.max(0, start + tick * everyMs - Date.now()));
    }
    // Stay at the bottom until the network is quiet (the lazy elements load and render), then two frames.
    const deadline = Date.now() + 20_000;
    await sleep(500);
    while (Date.now() < deadline && network.quietFor() < 1500) await sleep(100);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const observed = await page.evaluate(() => window.__scroll);
    const { profile } = await cdp.send('Profiler.stop');
    const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
    const analysis = analyzeTrace(trace, profile, new URL(url).origin);
    const session = largestSessionWindow(observed.shifts);
    return { cls: session.value, shifted: shiftedElements(session.shifts), shifts: observed.shifts, observedLongTasks: observed.longTasks.length, ...analysis };
  } finally {
    await context.close().catch(() => {});
  }
}

const spread = (values) => {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  return finite.length ? { min: finite[0], median: median(finite), max: finite.at(-1) } : { min: NaN, median: NaN, max: NaN };
};

export async function runScroll({ runs = Number(process.env.BENCH_SCROLL_RUNS || 5), log = () => {} } = {}) {
  const server = await startServer({ DEMO: '1', DATA_DIR: tempDir('news-bench-scroll-') }, { label: 'demo server' });
  const demo = readFileSync(join(repoRoot, 'demo/index.html'), 'utf8');
  const front = await startFrontProxy(server.url, {
    '/host.html': hostHtml(demo),
    '/host-session.js': hostSessionJs(readFileSync(join(repoRoot, 'demo/session.js'), 'utf8')),
  });
  const browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const closeBrowser = onCleanup(() => browser.close());
  const variants = { host: `${front.url}/host.html`, full: `${front.url}/` };
  const results = [];
  try {
    await flick(browser, variants.full, widths[0], 350).catch(() => {});
    for (const viewport of widths) {
      for (const everyMs of speeds) {
        const samples = { host: [], full: [] };
        for (let i = 0; i < runs; i++) {
          // Alternate which variant goes first, so drift on the shared machine hits both alike.
          for (const variant of i % 2 ? ['full', 'host'] : ['host', 'full']) {
            const r = await flick(browser, variants[variant], viewport, everyMs);
            samples[variant].push(r);
            log(
              `scroll ${viewport.name} every ${everyMs} ms ${variant} ${i + 1}/${runs}: CLS ${r.cls.toFixed(4)}, script ${r.scriptCpuMs.toFixed(0)} ms CPU, ${r.longTasks.filter((t) => t.library).length} long task(s) with library code`,
            );
          }
        }
        const { host, full } = samples;
        // Added script per run pair (full minus the host page run beside it), as CPU time.
        const added = full.map((f, i) => f.scriptCpuMs - host[i].scriptCpuMs);
        const addedWall = full.map((f, i) => f.scriptWallMs - host[i].scriptWallMs);
        const worst = full.reduce((a, b) => (b.cls > a.cls ? b : a));
        results.push({
          viewport,
          everyMs,
          runs,
          cls: {
            worst: worst.cls,
            median: median(full.map((r) => r.cls)),
            hostWorst: Math.max(...host.map((r) => r.cls)),
            worstShifted: worst.shifted,
            worstShifts: worst.shifts.slice(0, 12),
          },
          shiftedAcrossRuns: shiftedElements(full.flatMap((r) => largestSessionWindow(r.shifts).shifts)),
          longTasks: full.flatMap((r, run) => r.longTasks.map((t) => ({ run, ...t }))),
          libraryLongTasks: full.flatMap((r, run) => r.longTasks.filter((t) => t.library).map((t) => ({ run, ...t }))),
          libraryLongTasksCpu: full.flatMap((r, run) => r.longTasks.filter((t) => t.library && t.longOnQuietMachine).map((t) => ({ run, ...t }))),
          addedCpuMs: spread(added),
          addedWallMs: spread(addedWall),
          libraryCpuMs: spread(full.map((r) => r.libraryCpuMs)),
          scriptCpuMs: { host: spread(host.map((r) => r.scriptCpuMs)), full: spread(full.map((r) => r.scriptCpuMs)) },
          raw: { host: host.map(({ shifts, ...r }) => r), full: full.map(({ shifts, ...r }) => r) },
        });
      }
    }
  } finally {
    closeBrowser();
    await browser.close().catch(() => {});
    await front.stop();
    await server.stop();
  }
  return { throttle, runs, results };
}
