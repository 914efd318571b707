// Repository hygiene: the README stays a short front door, and no file points at documents the
// repository does not hold (a product spec by section number, or a sibling folder outside the repo).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Folders that hold installed, built or generated files, not the repository's own. */
const skipped = new Set(['node_modules', 'dist', '.git', 'storybook-static', '.data', 'bench-results', 'test-results']);
const skippedPrefixes = ['.build-', '.dist-old-'];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (skipped.has(entry.name) || skippedPrefixes.some((prefix) => entry.name.startsWith(prefix))) continue;
      yield* files(join(dir, entry.name));
    } else if (entry.isFile()) {
      yield join(dir, entry.name);
    }
  }
}

/** Written in pieces so this file does not match itself. */
const stale = [
  ['a section sign (a spec section)', /\u00a7/],
  ['a spec by name', new RegExp('\\bthe ' + 'spec\\b', 'i')],
  ['a spec file', new RegExp('SPEC' + '\\.md')],
  ['the shared folder', new RegExp('\\.\\./' + 'shared\\b')],
];

test('README.md is a front door of at most 15 KB', () => {
  const bytes = statSync(join(root, 'README.md')).size;
  assert.ok(bytes <= 15 * 1024, `README.md is ${bytes} bytes; move detail into docs/ to keep it at or under ${15 * 1024}`);
});

test('no file cites a spec section or the shared folder', () => {
  const found = [];
  let scanned = 0;
  for (const file of files(root)) {
    const bytes = readFileSync(file);
    if (bytes.includes(0)) continue; // binary (images, fonts)
    scanned++;
    const text = bytes.toString('utf8');
    for (const [what, pattern] of stale) {
      const match = pattern.exec(text);
      if (match) found.push(`${relative(root, file)}: ${what} ("${match[0]}")`);
    }
  }
  assert.ok(scanned > 100, `scanned ${scanned} files; the walk should see the whole repository`);
  assert.deepEqual(found, [], `these files cite documents the repository does not hold:\n${found.join('\n')}`);
});
