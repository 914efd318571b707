// `npm run size`: what each CDN entry costs a page (the entry plus every chunk it imports
// statically), minified, gzip and brotli; fails when over size-budget.json.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist', import.meta.url));

/**
 * The entry and its static imports, transitively: what a page downloads before the entry runs.
 * With `dynamic`, element modules it imports on demand count too (language catalogs never do):
 * the CDN bundle's "everything" includes the elements it loads when they near the viewport.
 */
function closure(file, seen = new Set(), dynamic = false) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["'](\.[^"']+)["']/g)) {
    closure(resolve(dirname(file), spec), seen, dynamic);
  }
  if (dynamic) {
    for (const [, spec] of code.matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g)) {
      if (!/\/(es|ar)-[^/]*\.js$/.test(spec)) closure(resolve(dirname(file), spec), seen, dynamic);
    }
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

/** Pages that load several per-element entries pay for the union of their files. */
const pages = {
  'page: news-elements.js before scroll': ['news-elements.js'],
  'page: did-you-know + also-read': ['news-did-you-know.js', 'news-also-read.js'],
  'page: article shell (article, byline, related)': ['news-article.js', 'news-byline.js', 'news-related.js'],
};

export function sizeTable() {
  const entries = readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .sort((a, b) => (a === 'news-elements.js' ? -1 : b === 'news-elements.js' ? 1 : a.localeCompare(b)));
  // The one-file builds for a page with a single element (dist/standalone/, each its own Lit).
  if (existsSync(join(dist, 'standalone'))) {
    entries.push(
      ...readdirSync(join(dist, 'standalone'))
        .filter((f) => f.endsWith('.js'))
        .sort()
        .map((f) => `standalone/${f}`),
    );
  }
  const rows = entries.map((entry) => ({ entry, ...measure(closure(resolve(dist, entry), new Set(), entry === 'news-elements.js')) }));
  for (const [name, files] of Object.entries(pages)) {
    const union = new Set();
    for (const file of files) closure(resolve(dist, file), union);
    rows.push({ entry: name, ...measure(union) });
  }
  return rows;
}

/** The command: print the table, fail over budget. Importing this module only gives `sizeTable()`. */
function main() {
  if (!existsSync(join(dist, 'news-elements.js'))) {
    console.error('dist/news-elements.js is missing: run `npm run build` first.');
    process.exit(1);
  }
  const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
  const rows = sizeTable();
  const { budget } = JSON.parse(readFileSync(new URL('../size-budget.json', import.meta.url), 'utf8'));
  let over = 0;
  console.log('entry (with its static chunks)              files        min       gzip     brotli   budget');
  for (const row of rows) {
    const limit = budget[row.entry];
    const fails = limit != null && row.gzip > limit * 1024;
    if (fails) over++;
    console.log(
      `${row.entry.padEnd(44)}${String(row.files).padStart(5)} ${kb(row.min).padStart(10)} ${kb(row.gzip).padStart(10)} ${kb(row.brotli).padStart(10)}   ${limit != null ? `${limit} KB${fails ? ' OVER' : ''}` : '-'}`,
    );
  }
  if (over) {
    console.error(`\n${over} entr${over > 1 ? 'ies are' : 'y is'} over size-budget.json`);
    process.exit(1);
  }
  console.log('\nall entries within size-budget.json');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
