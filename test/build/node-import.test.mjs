// Every entry in package.json's `exports` imports in plain Node without throwing, as a framework's
// server render does (Next.js, Nuxt, SvelteKit, Astro): the elements render in the browser, but a
// server importing them must not crash. Each entry gets a fresh Node process, so no entry leans on
// globals another one installed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const run = promisify(execFile);

/** Imports `specifier` in a new Node process (the package resolves itself by name) and prints its export names. */
async function importInNode(specifier) {
  const options = specifier.endsWith('.json') ? ", { with: { type: 'json' } }" : '';
  const script = `const m = await import(${JSON.stringify(specifier)}${options}); console.log(JSON.stringify(Object.keys(m)));`;
  try {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' } });
    return { names: JSON.parse(stdout.trim().split('\n').pop()) };
  } catch (error) {
    return { error: (error.stderr || error.message).split('\n').find((line) => /^\w*Error\b/.test(line)) ?? error.message };
  }
}

test('every package export imports in plain Node without throwing', async () => {
  const entries = Object.keys(pkg.exports).map((key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`));
  assert.ok(entries.includes('news-elements/cdn'), 'the CDN entry is among them');
  const results = await Promise.all(entries.map(async (specifier) => [specifier, await importInNode(specifier)]));
  const failed = results.filter(([, result]) => result.error).map(([specifier, result]) => `${specifier}: ${result.error}`);
  assert.deepEqual(failed, []);
  // The CDN entry offers the same API on the server as in the browser.
  const cdn = Object.fromEntries(results)['news-elements/cdn'];
  for (const name of ['configure', 'createFetchAdapter', 'loadElements', 'NewsArticle'])
    assert.ok(cdn.names.includes(name), `news-elements/cdn exports ${name}`);
});
