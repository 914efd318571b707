#!/usr/bin/env node
// `npm run bench`: sizes, page cost, comments and server load in one table, plus
// bench-results/bench-<time>.json. BENCH_ONLY=sizes,page,scroll,comments,server runs part of it; `-- --quick`
// runs the server part with small numbers.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupAll, kb, repoRoot } from './lib/util.mjs';

const parts = ['sizes', 'page', 'scroll', 'comments', 'server'];
const only = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);
const unknown = only.filter((p) => !parts.includes(p));
if (unknown.length) {
  console.error(`BENCH_ONLY: unknown part(s) ${unknown.join(', ')}; choose from ${parts.join(', ')}`);
  process.exit(2);
}
const wanted = (part) => !only.length || only.includes(part);
const progress = (message) => process.stderr.write(`[bench] ${message}\n`);

const started = Date.now();
const report = { startedAt: new Date().toISOString(), node: process.version, parts: {} };
const lines = [];
const out = (line = '') => lines.push(line);
const missed = [];

/** A fixed-width row: first column left-aligned, the rest right-aligned, verdict last. */
const widths = [54, 10, 10, 10, 10, 10, 8, 30];
function row(cells) {
  return cells
    .map((cell, i) => {
      const text = cell == null ? '' : String(cell);
      if (i === 0) return text.length < widths[0] ? text.padEnd(widths[0]) : `${text} `;
      if (i === cells.length - 1 && i >= 5) return `  ${text}`;
      // At least one space between cells, even when a figure is wider than its column.
      return ` ${text}`.padStart(widths[i] ?? 12);
    })
    .join('');
}
const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '-');
const signed = (v, format = ms) => (Number.isFinite(v) ? `${v < 0 ? '-' : '+'}${format(Math.abs(v))}` : '-');
const ratio = (full, plain) => (Number.isFinite(full) && Number.isFinite(plain) && plain > 0 ? `x${(full / plain).toFixed(1)}` : '-');
const verdict = (ok, why) => (ok ? 'met' : `MISSED${why ? `: ${why}` : ''}`);

function section(title, reproduce) {
  out('');
  out(`== ${title} `.padEnd(140, '='));
  out(`   reproduce: ${reproduce}`);
}

async function sizesPart() {
  const { runSizes, reproduce } = await import('./sizes.mjs');
  const sizes = await runSizes();
  report.parts.sizes = sizes;
  section('SIZES: what a page downloads (entry + its static chunks, each file compressed alone)', reproduce);
  out(row(['entry', 'min', 'gzip', 'brotli', 'budget', 'target']));
  for (const e of sizes.entries) {
    out(row([e.entry, kb(e.min), kb(e.gzip), kb(e.brotli), e.budget != null ? `${e.budget} KB` : '-', e.target != null ? `${e.target} KB ${e.verdict}` : '']));
  }
  const b = sizes.bundle;
  out(row([`whole CDN bundle: all ${b.files} files, lazy es/ar too`, kb(b.min), kb(b.gzip), kb(b.brotli), '', '']));
  out(row(['bytes a page pays (Lit included):', '', '', '', '', '']));
  for (const p of sizes.pages) {
    out(row([`  ${p.label}`, kb(p.min), kb(p.gzip), kb(p.brotli), '', p.target != null ? `${p.target} KB gzip ${p.verdict}` : '']));
    const where = p.parts
      .slice(0, 4)
      .map((f) => `${f.file} ${kb(f.gzip)}`)
      .join(' + ');
    out(`      gzip by file: ${where}${p.parts.length > 4 ? ` + ${p.parts.length - 4} more` : ''}`);
    if (p.verdict === 'MISSED')
      missed.push(`size: ${p.label} is ${kb(p.gzip)} gzip, target ${p.target} KB (${where}; Lit itself ~${kb(sizes.lit?.gzip ?? 0)})`);
  }
  if (sizes.lit) out(row(['  Lit alone (lit-html, reactive-element, lit-element)', kb(sizes.lit.min), kb(sizes.lit.gzip), '', '', '']));
}

async function pagePart() {
  const { runPage, reproduce } = await import('./page.mjs');
  const page = await runPage({ log: progress });
  report.parts.page = page;
  section(
    `PAGE COST: demo article as plain HTML, with only the host page's own script, and the full demo; headless Chromium, ${page.throttle}x CPU throttling, median of ${page.runs} rotating runs`,
    reproduce,
  );
  out(
    "   plain = the article as static HTML, no script; host = the same plus the page's own scripts (the markets strip, and the sign-in glue minus its configure() call);",
  );
  out('   full = the demo. "added" = full - plain (everything the demo adds); "library" = full - host (what news-elements adds), judged against the targets.');
  for (const { viewport, plain, host, full, hostIcu, fullIcu, attribution, attributionWarmIcu, selfTime, afterScroll } of page.results) {
    out(row([`[${viewport.name}, no scrolling]`, 'plain', 'host', 'full', 'added', 'library', 'ratio', 'target / verdict']));
    const addedScript = full.scriptMs - plain.scriptMs;
    const libraryScript = full.scriptMs - host.scriptMs;
    // Who runs: shares of the sampled script time in unthrottled profiles, applied to the measured figure.
    const modules = selfTime?.byModule ?? [];
    const sampled = modules.filter((m) => !m.name.startsWith('(browser')).reduce((sum, m) => sum + m.ms, 0);
    const library = modules.filter((m) => m.name.startsWith('/dist/'));
    const libraryMs = library.reduce((sum, m) => sum + m.ms, 0);
    const short = (name) => name.replace('/dist/', '');
    const shareOf = (m) => (sampled > 0 ? m.ms / sampled : 0);
    const topLibrary = library
      .slice(0, 3)
      .map((m) => `${short(m.name)} ~${Math.round(shareOf(m) * full.scriptMs)} ms`)
      .join(', ');
    const scriptOk = libraryScript <= 30;
    const cells = (label, pick, format = ms, extra = '') => {
      const [p, h, f] = [pick(plain), pick(host), pick(full)];
      return row([label, format(p), format(h), format(f), signed(f - p, format), signed(f - h, format), ratio(f, p), extra]);
    };
    out(
      cells(
        'main-thread scripting (ScriptDuration)',
        (v) => v.scriptMs,
        ms,
        `<= 30 ms from the library: ${verdict(scriptOk, scriptOk ? '' : `library ~${Math.round((libraryMs / (sampled || 1)) * full.scriptMs)} ms: ${topLibrary}`)}`,
      ),
    );
    if (hostIcu && fullIcu) {
      const icuLibrary = fullIcu.scriptMs - hostIcu.scriptMs;
      out(
        row([
          '  the same with ICU already started',
          '',
          ms(hostIcu.scriptMs),
          ms(fullIcu.scriptMs),
          '',
          signed(icuLibrary),
          '',
          `(library beyond ICU's one-time start-up: ${icuLibrary <= 30 ? 'within' : 'over'} 30 ms)`,
        ]),
      );
    }
    out(cells('all main-thread work (TaskDuration)', (v) => v.taskMs));
    out(cells('  of which style + layout', (v) => v.styleMs + v.layoutMs));
    // A long task is the library's when it runs library code (CPU samples inside the trace task).
    const runsLibrary = (t) => Object.entries(t.scriptsMs).some(([k, v]) => k.startsWith('/dist/') && v >= 5);
    const libraryTasks = (attribution?.longTasks ?? []).filter(runsLibrary);
    const warmIcuTasks = attributionWarmIcu ? attributionWarmIcu.longTasks.filter(runsLibrary) : null;
    const tasksOk = libraryTasks.length === 0;
    const describeTask = (t) => {
      const lib = Object.entries(t.scriptsMs)
        .filter(([k]) => k.startsWith('/dist/'))
        .reduce((sum, [, v]) => sum + v, 0);
      const [event, eventMs] = Object.entries(t.eventsMs)[0] ?? [];
      return `${Math.round(t.durationMs)} ms task with ${Math.round(lib)} ms library script${event ? ` (${event} ${Math.round(eventMs)} ms)` : ''}`;
    };
    const taskWhy = libraryTasks.map(describeTask).join('; ');
    out(
      row([
        'long tasks (count / longest)',
        ...[plain, host, full].map((v) => `${v.longTasks} / ${ms(v.longestTaskMs)}`),
        signed(full.longTasks - plain.longTasks, String),
        signed(full.longTasks - host.longTasks, String),
        '',
        `none running library code: ${verdict(tasksOk, taskWhy)}`,
      ]),
    );
    if (warmIcuTasks) {
      out(
        `   the same page when ICU has already started (any earlier script that formats a date or number starts it): ${warmIcuTasks.length} long task(s) running library code${warmIcuTasks.length ? `: ${warmIcuTasks.map(describeTask).join('; ')}` : ''}`,
      );
    }
    out(cells('total blocking time (long tasks after FCP)', (v) => v.tbtMs));
    out(cells('first contentful paint', (v) => v.fcpMs));
    out(cells(`largest contentful paint (element: ${plain.lcpElement} / ${full.lcpElement})`, (v) => v.lcpMs));
    const libraryCls = full.cls - host.cls;
    out(
      cells(
        `cumulative layout shift (worst full run ${full.clsMax.toFixed(4)})`,
        (v) => v.cls,
        (v) => v.toFixed(4),
        `<= 0.01 from the library: ${verdict(libraryCls <= 0.01, 'layout shifts after the elements upgrade')}`,
      ),
    );
    out(cells('requests before scrolling', (v) => v.requests, String));
    out(cells('bytes before scrolling (as served: no compression)', (v) => v.bytes, kb));
    out(cells('  the same responses gzipped (as a CDN sends them)', (v) => v.gzipBytes, kb));
    const below = full.belowFoldRequests;
    out(
      row([
        '/api/polls or /api/threads requests before scrolling',
        plain.belowFoldRequests.length,
        host.belowFoldRequests.length,
        below.length,
        '',
        '',
        '',
        `zero: ${verdict(below.length === 0, below.join(', '))}`,
      ]),
    );
    out(`   API calls before scrolling: ${full.apiRequests.join(', ') || 'none'}`);
    if (afterScroll) {
      const polled = afterScroll.some((u) => u.includes('/api/polls/'));
      const threaded = afterScroll.some((u) => u.includes('/api/threads/'));
      out(
        `   after scrolling down the page: poll ${polled ? 'fetched' : 'NOT fetched'}, comments ${threaded ? 'fetched' : 'NOT fetched'} (so the zero above is lazy loading, not breakage)`,
      );
    }
    out(
      `   library script, unthrottled CPU profiles (mean of ${selfTime?.runs}, profiler overhead included): ${Math.round(libraryMs)} ms = ${Math.round((libraryMs / (sampled || 1)) * 100)}% of sampled script: ${library
        .slice(0, 6)
        .map((m) => `${short(m.name)} ${Math.round(m.ms)}`)
        .join(', ')} ms`,
    );
    const hot = (selfTime?.topFunctions ?? []).filter((f) => f.name.startsWith('/dist/')).slice(0, 4);
    out(`   hottest library functions (minified names): ${hot.map((f) => `${short(f.name)} ${f.ms} ms`).join(', ')}`);
    for (const t of attribution?.longTasks ?? []) {
      const scripts = Object.entries(t.scriptsMs)
        .filter(([, v]) => v >= 1)
        .slice(0, 4)
        .map(([k, v]) => `${short(k)} ${Math.round(v)}`)
        .join(', ');
      const events = Object.entries(t.eventsMs)
        .slice(0, 3)
        .map(([k, v]) => `${k} ${Math.round(v)}`)
        .join(', ');
      out(
        `   long task in the throttled profiled run: ${Math.round(t.durationMs)} ms${scripts ? `; script: ${scripts} ms` : ''}${events ? `; trace: ${events} ms` : ''}`,
      );
    }
    if (!scriptOk)
      missed.push(
        `page (${viewport.name}): library adds ${signed(libraryScript)} scripting at 4x throttling (all of the demo: ${signed(addedScript)}), target 30 ms; biggest: ${topLibrary}`,
      );
    if (!tasksOk)
      missed.push(
        `page (${viewport.name}): long tasks running library code: ${taskWhy}${warmIcuTasks ? ` (${warmIcuTasks.length} when ICU has already started)` : ''}`,
      );
    if (libraryCls > 0.01) missed.push(`page (${viewport.name}): CLS from the library ${libraryCls.toFixed(4)}`);
    if (below.length) missed.push(`page (${viewport.name}): below-the-fold requests before scrolling: ${below.join(', ')}`);
  }
}

async function scrollPart() {
  const { runScroll, reproduce } = await import('./scroll.mjs');
  const scroll = await runScroll({ log: progress });
  report.parts.scroll = scroll;
  section(
    `JUMP SCROLL: a reader who flicks to the bottom of the demo article, one viewport per tick from load on; headless Chromium, ${scroll.throttle}x CPU throttling, ${scroll.runs} runs per row, every run traced`,
    reproduce,
  );
  out('   CLS = largest session window (worst / median of the runs); added script = main-thread script CPU time (trace tdur) of the demo minus the host page');
  out('   without the library, run beside it (median, min..max across runs); tasks = tasks with library (/dist/) script in them over 50 ms of thread CPU time');
  out('   (what a quiet machine at 4x would see: thread time includes the throttle, not waiting for a core) / over 50 ms of wall time on this busy machine.');
  out(row(['[width, one viewport every]', 'CLS worst', 'median', 'host worst', 'added CPU', 'min..max', 'tasks', 'what shifted (share of CLS, worst run)']));
  let traced = 0;
  let libraryTasks = 0;
  let libraryTasksWall = 0;
  for (const r of scroll.results) {
    traced += r.runs;
    libraryTasks += r.libraryLongTasksCpu.length;
    libraryTasksWall += r.libraryLongTasks.length;
    const what =
      r.cls.worstShifted
        .slice(0, 3)
        .map((s) => `${s.element} ${s.score.toFixed(3)}`)
        .join(', ') || 'nothing';
    const a = r.addedCpuMs;
    out(
      row([
        `[${r.viewport.name}, ${r.everyMs} ms]`,
        r.cls.worst.toFixed(4),
        r.cls.median.toFixed(4),
        r.cls.hostWorst.toFixed(4),
        signed(a.median),
        `${Math.round(a.min)}..${Math.round(a.max)}`,
        `${r.libraryLongTasksCpu.length}/${r.libraryLongTasks.length}`,
        what,
      ]),
    );
    for (const t of r.libraryLongTasksCpu.slice(0, 3)) {
      out(
        `      run ${t.run + 1}: ${Math.round(t.durationMs)} ms task (${Math.round(t.cpuMs)} ms CPU), library ${Math.round(t.libraryMs)} ms: ${Object.entries(
          t.modules,
        )
          .slice(0, 3)
          .map(([k, v]) => `${k.replace('/dist/', '')} ${Math.round(v)}`)
          .join(', ')}; ${Object.entries(t.inside)
          .map(([k, v]) => `${k} ${Math.round(v)}`)
          .join(', ')}`,
      );
    }
    const clsOk = r.cls.worst <= 0.01;
    const scriptOk = a.median <= 30;
    if (!clsOk) missed.push(`scroll (${r.viewport.name}, every ${r.everyMs} ms): worst CLS ${r.cls.worst.toFixed(4)}, target 0.01; shifted: ${what}`);
    if (!scriptOk)
      missed.push(
        `scroll (${r.viewport.name}, every ${r.everyMs} ms): added script ${Math.round(a.median)} ms CPU (median; ${Math.round(a.min)}..${Math.round(a.max)}), target 30 ms`,
      );
  }
  out(
    `   long tasks with library code: ${libraryTasks} over 50 ms of CPU time in ${traced} traced runs of the demo (target zero: ${verdict(libraryTasks === 0)}); ${libraryTasksWall} over 50 ms of wall time on this machine`,
  );
  out('   wall-time figures (noisy on a shared machine) and each run are in the JSON: parts.scroll.results[].raw');
  if (libraryTasks) missed.push(`scroll: ${libraryTasks} long task(s) (over 50 ms of CPU time at 4x) with library code in ${traced} traced runs`);
}

/** bench/comments.bench.mjs belongs to the comments engineer: run it as it is and take what it reports. */
async function commentsPart() {
  const script = join(repoRoot, 'bench/comments.bench.mjs');
  section(
    'COMMENTS: render time for 20 and 1,000 comments, bytes for the first render of a 10,000-comment thread',
    'BENCH_ONLY=comments npm run bench   (or node bench/comments.bench.mjs)',
  );
  if (!existsSync(script)) {
    report.parts.comments = { missing: true };
    out('   MISSING: bench/comments.bench.mjs is not in the repository (owned by the comments engineer); nothing measured.');
    missed.push('comments: bench/comments.bench.mjs is missing');
    return;
  }
  mkdirSync(join(repoRoot, 'bench-results'), { recursive: true });
  const jsonFile = join(repoRoot, 'bench-results', `.comments-${process.pid}.json`);
  const result = await new Promise((resolve) => {
    const child = spawn(process.execPath, [script], {
      cwd: repoRoot,
      env: { ...process.env, BENCH_JSON: jsonFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGTERM'), 5 * 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  let parsed = null;
  try {
    parsed = JSON.parse(readFileSync(jsonFile, 'utf8'));
    rmSync(jsonFile, { force: true });
  } catch {
    // Not written: look for a JSON line on stdout instead.
    for (const line of result.stdout.trim().split('\n').reverse()) {
      try {
        parsed = JSON.parse(line);
        break;
      } catch {
        // Not JSON.
      }
    }
  }
  report.parts.comments = { exitCode: result.code, signal: result.signal, result: parsed, stdout: result.stdout, stderr: result.stderr.slice(-4000) };
  if (result.code !== 0) {
    out(`   BROKEN: bench/comments.bench.mjs exited with ${result.signal ?? result.code}; last output:`);
    for (const line of (result.stderr || result.stdout).trim().split('\n').slice(-8)) out(`     ${line}`);
    missed.push(`comments: bench/comments.bench.mjs failed (${result.signal ?? `exit ${result.code}`})`);
    return;
  }
  out('   (figures from bench/comments.bench.mjs as it prints them: real server on PGlite, Chromium at 1000x900, no CPU throttling)');
  for (const line of result.stdout.trimEnd().split('\n')) if (!line.startsWith('{')) out(`   ${line}`);
}

async function serverPart() {
  const { runServer, serverTable, serverMarkdown, reproduce } = await import('./server.mjs');
  const server = await runServer({ log: progress });
  report.parts.server = server;
  const s = server.settings;
  section(
    `SERVER (${s.mode} mode): loopback load at concurrency ${s.concurrencies.join('/')}; votes on an empty poll and one holding ${s.seeded.toLocaleString('en')} ballots, ` +
      `comment posts, likes, first comment pages, live fan-out to ${s.subscribers.toLocaleString('en')} subscribers, kill -9`,
    reproduce,
  );
  const { rows, missed: serverMissed } = serverTable(server);
  const cell = (v, w, left = false) => (left ? String(v ?? '').padEnd(w) : String(v ?? '').padStart(w));
  out(`${cell('run', 78, true)}${cell('per s', 8)}${cell('p50 ms', 8)}${cell('p99 ms', 8)}${cell('ok / sent', 22)}  ${cell('check', 18, true)} target`);
  for (const r of rows) out(`${cell(r[0], 78, true)}${cell(r[1], 8)}${cell(r[2], 8)}${cell(r[3], 8)}${cell(r[4], 22)}  ${cell(r[5], 18, true)} ${r[6] ?? ''}`);
  const l = server.load;
  out(`   load average (1/5/15 min): ${l.before.map((v) => v.toFixed(1)).join('/')} before, ${l.after.map((v) => v.toFixed(1)).join('/')} after`);
  for (const r of server.results) if (r.durability) out(`   ${r.storage}: ${r.durability}`);
  out('   the load generator runs on the same cores as the server and the database: these are floors, not capacity');
  missed.push(...serverMissed.map((m) => `server: ${m}`));
  mkdirSync(join(repoRoot, 'bench-results'), { recursive: true });
  writeFileSync(join(repoRoot, 'bench-results', 'server-latest.md'), `${serverMarkdown(server)}\n`);
  out('   Markdown table: bench-results/server-latest.md');
}

try {
  const runs = { sizes: sizesPart, page: pagePart, scroll: scrollPart, comments: commentsPart, server: serverPart };
  for (const part of parts) {
    if (!wanted(part)) continue;
    progress(`${part}...`);
    try {
      await runs[part]();
    } catch (error) {
      report.parts[part] = { error: error.stack ?? String(error) };
      section(`${part.toUpperCase()}: FAILED`, `BENCH_ONLY=${part} npm run bench`);
      out(`   ${error.message.split('\n').slice(0, 6).join('\n   ')}`);
      missed.push(`${part}: the bench itself failed (${error.message.split('\n')[0]})`);
    }
  }
} finally {
  await cleanupAll();
}

const seconds = (Date.now() - started) / 1000;
report.seconds = seconds;
report.missed = missed;
console.log(`news-elements bench, ${report.startedAt}, Node ${process.version}, ${seconds.toFixed(0)} s`);
console.log('Figures are medians on a shared 2-core machine where other work runs at the same time: they are noisy; compare ratios, not single runs.');
for (const line of lines) console.log(line);
console.log('');
console.log('='.repeat(140));
if (missed.length) {
  console.log(`Targets MISSED (${missed.length}):`);
  for (const m of missed) console.log(`  - ${m}`);
} else {
  console.log('All targets met.');
}
mkdirSync(join(repoRoot, 'bench-results'), { recursive: true });
const file = join(repoRoot, 'bench-results', `bench-${report.startedAt.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(report, null, 2));
writeFileSync(join(repoRoot, 'bench-results', 'latest.json'), JSON.stringify(report, null, 2));
console.log(`JSON: ${file.slice(repoRoot.length)} (also bench-results/latest.json)`);
