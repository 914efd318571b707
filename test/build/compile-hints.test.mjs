// The CDN files whose code runs as the page loads start with V8's explicit compile hint, so their
// functions are compiled on a background thread while they stream in (rollup.config.mjs):
//   node --test test/build/
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const skip = existsSync(join(dist, 'news-elements.js')) ? false : 'needs dist/: run `npm run build` first';
const HINT = '//# allFunctionsCalledOnLoad\n';
const starts = (file) => readFileSync(join(dist, file), 'utf8').startsWith(HINT);

test('the entries, the core chunk and the lazy elements file start with the compile hint; language catalogs do not', { skip }, () => {
  const entries = readdirSync(dist).filter((file) => file.endsWith('.js'));
  const chunks = readdirSync(join(dist, 'chunks')).map((file) => `chunks/${file}`);
  assert.ok(entries.length >= 9, 'the CDN entries are built');
  for (const file of entries) assert.ok(starts(file), `${file} starts with the hint`);
  const core = chunks.filter((file) => /\/core-[\w-]+\.js$/.test(file));
  assert.equal(core.length, 1, 'one core chunk');
  assert.ok(starts(core[0]), `${core[0]} starts with the hint`);
  // The CDN bundle's lazy file is fetched when its elements near the viewport, and renders them at once.
  const lazy = chunks.filter((file) => /\/lazy-elements-[\w-]+\.js$/.test(file));
  assert.equal(lazy.length, 1, 'one lazy elements file');
  assert.ok(starts(lazy[0]), `${lazy[0]} starts with the hint`);
  // Catalogs are data, and most of a page's readers never load one.
  const catalogs = chunks.filter((file) => /\/(es|ar)-[\w-]+\.js$/.test(file));
  assert.ok(catalogs.length >= 2, 'the es and ar catalogs are built');
  for (const file of catalogs) assert.ok(!starts(file), `${file} has no hint`);
});

test('the hint is a comment: every file still parses as a module', { skip }, async () => {
  // A syntax check without running the code: a module that imports nothing we provide fails at link time, not parse time.
  const { parseAst } = await import('rollup/parseAst');
  for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
    assert.doesNotThrow(() => parseAst(readFileSync(join(dist, file), 'utf8')), file);
  }
});
