// `npm run size`: what each CDN entry costs a page (the entry plus every chunk it imports
// statically), minified, gzip and brotli; fails when over size-budget.json.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = 'dist';
if (!existsSync(join(dist, 'news-elements.js'))) {
  console.error('dist/news-elements.js is missing: run `npm run build` first.');
  process.exit(1);
}

/** The entry and its static imports, transitively: what a page downloads before the entry runs. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["'](\.[^"']+)["']/g)) {
    closure(resolve(dirname(file), spec), seen);
  }
  return seen;
}

function measure(files) {
  const code = Buffer.concat([...files].map((f) => readFileSync(f)));
  // Each file travels as its own response, so compress them one by one.
  let gzip = 0;
  let brotli = 0;
  for (const f of files) {
    const bytes = readFileSync(f);
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { min: code.length, gzip, brotli, files: files.size };
}

export function sizeTable() {
  const entries = readdirSync(dist).filter((f) => f.endsWith('.js')).sort((a, b) => (a === 'news-elements.js' ? -1 : b === 'news-elements.js' ? 1 : a.localeCompare(b)));
  return entries.map((entry) => ({ entry, ...measure(closure(resolve(dist, entry))) }));
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const rows = sizeTable();
const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
let over = 0;
console.log('entry (with its static chunks)      files        min       gzip     brotli   gzip budget');
for (const row of rows) {
  const limit = budget[row.entry];
  const fails = limit != null && row.gzip > limit * 1024;
  if (fails) over++;
  console.log(
    `${row.entry.padEnd(36)}${String(row.files).padStart(5)} ${kb(row.min).padStart(10)} ${kb(row.gzip).padStart(10)} ${kb(row.brotli).padStart(10)}   ${limit != null ? `${limit} KB${fails ? '  OVER' : ''}` : '-'}`,
  );
}
if (over) {
  console.error(`\n${over} entr${over > 1 ? 'ies are' : 'y is'} over size-budget.json`);
  process.exit(1);
}
console.log('\nall entries within size-budget.json');
