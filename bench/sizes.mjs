// Sizes: what a page downloads, from scripts/size.mjs's sizeTable() (entry + static chunks, each file
// compressed on its own), checked against the targets in size-budget.json.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { repoRoot, sleep } from './lib/util.mjs';

export const reproduce = 'npm run build && BENCH_ONLY=sizes npm run bench   (same figures as `npm run size`)';

async function loadSizeTable() {
  const { sizeTable } = await import(new URL('../scripts/size.mjs', import.meta.url).href);
  return sizeTable;
}

/** Every file in the CDN bundle (dist/*.js and dist/chunks/*.js, lazy locales included). */
function wholeBundle() {
  const files = [
    ...readdirSync(join(repoRoot, 'dist'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(repoRoot, 'dist', f)),
    ...readdirSync(join(repoRoot, 'dist/chunks'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(repoRoot, 'dist/chunks', f)),
  ];
  let min = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    min += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { entry: 'all CDN files (dist/*.js + dist/chunks/*.js, lazy locales included)', files: files.length, min, gzip, brotli };
}

/** Page combinations the issue asks about, mapped to sizeTable() rows. */
const pageRows = [
  ['page: poll alone (standalone/news-poll.js, one file)', 'standalone/news-poll.js'],
  ['page: comments alone (standalone/news-comments.js, one file)', 'standalone/news-comments.js'],
  ['  the poll from the per-element files (news-poll.js + core)', 'news-poll.js'],
  ['  the comments from the per-element files (news-comments.js + core)', 'news-comments.js'],
  ['page: everything (news-elements.js)', 'news-elements.js'],
];

export async function runSizes() {
  const sizeTable = await loadSizeTable();
  const { budget, target } = JSON.parse(readFileSync(join(repoRoot, 'size-budget.json'), 'utf8'));
  // Another engineer's `npm run build` swaps dist/ while we read: retry once after a pause.
  let rows;
  let bundle;
  const cwd = process.cwd();
  for (let attempt = 0; ; attempt++) {
    try {
      process.chdir(repoRoot);
      rows = sizeTable();
      bundle = wholeBundle();
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
      await sleep(2000);
    } finally {
      process.chdir(cwd);
    }
  }
  const judge = (entry, gzip) => {
    const goal = target[entry];
    if (goal == null) return { target: null, verdict: null };
    return { target: goal, verdict: gzip <= goal * 1024 ? 'met' : 'MISSED' };
  };
  const entries = rows.map((row) => ({ ...row, budget: budget[row.entry] ?? null, ...judge(row.entry, row.gzip) }));
  const pages = pageRows.map(([label, entry]) => {
    const row = rows.find((r) => r.entry === entry);
    return { label, entry, ...row, ...judge(entry, row.gzip), parts: breakdown(entry) };
  });
  const lit = litOnly();
  return { entries, bundle, pages, lit };
}

/** gzip per file of an entry's static import graph, biggest first: where a page's bytes go. */
function breakdown(entry) {
  const seen = new Map();
  const visit = (file) => {
    if (seen.has(file)) return;
    const bytes = readFileSync(file);
    seen.set(file, gzipSync(bytes, { level: 9 }).length);
    for (const [, spec] of bytes.toString('utf8').matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["'](\.[^"']+)["']/g)) {
      visit(join(file, '..', spec));
    }
  };
  try {
    visit(join(repoRoot, 'dist', entry));
  } catch {
    return [];
  }
  return [...seen]
    .map(([file, gzip]) => ({ file: file.slice(join(repoRoot, 'dist').length + 1).replace(/^(chunks\/.+)-[A-Za-z0-9_-]{8}\.js$/, '$1.js'), gzip }))
    .sort((a, b) => b.gzip - a.gzip);
}

/** Lit's own share, for the README comparison: lit-html + reactive-element + lit-element, minified, gzip. */
function litOnly() {
  try {
    const files = ['lit-html/lit-html.js', '@lit/reactive-element/reactive-element.js', 'lit-element/lit-element.js'];
    let gzip = 0;
    let min = 0;
    for (const f of files) {
      const bytes = readFileSync(join(repoRoot, 'node_modules', f));
      min += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { min, gzip };
  } catch {
    return null;
  }
}
