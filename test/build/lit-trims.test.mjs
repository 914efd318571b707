// The copy of Lit the CDN builds carry is trimmed (rollup.config.mjs, `litTrims`):
//   node --test test/build/
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const skip = existsSync(join(dist, 'news-elements.js')) ? false : 'needs dist/: run `npm run build` first';
const list = (dir) =>
  existsSync(join(dist, dir))
    ? readdirSync(join(dist, dir))
        .filter((file) => file.endsWith('.js'))
        .map((file) => `${dir}/${file}`)
    : [];

test("the CDN builds' Lit has no polyfill, hydration or ShadyCSS hooks, no <style> fallback and no version lists", { skip }, () => {
  const files = [...readdirSync(dist).filter((file) => file.endsWith('.js')), ...list('chunks'), ...list('standalone')];
  let copies = 0;
  for (const file of files) {
    const code = readFileSync(join(dist, file), 'utf8');
    if (code.includes('_$litElement$')) copies++;
    for (const hook of ['PolyfillSupport', 'HydrateSupport', 'Versions??=', 'ShadyCSS', 'litNonce', 'CSSResult is not constructable. Use']) {
      assert.ok(!code.includes(hook), `${file} has no ${hook}`);
    }
  }
  // The per-element core chunk, news-elements.js, and each standalone file carry a copy of Lit.
  assert.equal(copies, 2 + list('standalone').length, 'every copy of Lit was checked');
});
