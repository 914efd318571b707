// The private-name convention the CDN builds rely on (scripts/rollup/terser-options.mjs):
// `#private` and `_name` members are renamed, the same way in every chunk; nothing else is.
//   node --test test/build/
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { mangleProperties, terserOptions } from '../../scripts/rollup/terser-options.mjs';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const skip = existsSync(join(dist, 'news-elements.js')) ? false : 'needs dist/: run `npm run build` first';

test("the regex takes our `_` names and none of Lit's or the DOM's", () => {
  for (const name of ['_linked', '_avatarFailed', '_x']) assert.match(name, mangleProperties.regex);
  for (const name of ['_$litType$', '_$litDirective$', '_$litStatic$', '__proto__', '__lit', 'linked', 'textContent', '$_x', '_1']) {
    assert.doesNotMatch(name, mangleProperties.regex);
  }
});

/** Builds two chunks from `modules` with the CDN's terser options and one shared name cache, and imports `main`. */
async function buildAndRun(modules) {
  const bundle = await rollup({
    input: { main: 'main', other: 'other' },
    plugins: [{ name: 'virtual', resolveId: (id) => id.replace(/^\.\//, ''), load: (id) => modules[id] }, terser({ ...terserOptions({}), maxWorkers: 2 })],
  });
  const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name].js' });
  await bundle.close();
  const dir = mkdtempSync(join(tmpdir(), 'names-'));
  try {
    for (const chunk of output) writeFileSync(join(dir, chunk.fileName), chunk.code);
    const code = Object.fromEntries(output.map((chunk) => [chunk.fileName, chunk.code]));
    return { code, main: await import(pathToFileURL(join(dir, 'main.js')).href) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a `_` member declared in one chunk and used from another gets one short name in both', async () => {
  const { code, main } = await buildAndRun({
    // `base` is a chunk of its own: both entries import it.
    base: `export class Base { constructor() { this._count = 1; this.#secret = 2; } #secret; _bump() { return ++this._count + this.#secret; } }`,
    main: `import { Base } from './base'; export class Counter extends Base { _twice() { this._bump(); return this._bump(); } }
      export const run = () => new Counter()._twice();
      export const kept = () => ({ _$litType$: 1, __proto__: null, ['_quoted']: 2, textContent: 3 });`,
    other: `import { Base } from './base'; export const other = () => new Base()._bump();`,
  });
  assert.ok(Object.keys(code).length >= 3, 'base, main and other are separate chunks');
  for (const [file, text] of Object.entries(code)) {
    assert.doesNotMatch(text, /_count|_bump|_twice|#secret/, `${file} still spells a private name`);
  }
  assert.equal(main.run(), 5, 'the renamed members still meet across chunks');
  const kept = main.kept();
  assert.deepEqual(Object.keys(kept), ['_$litType$', '_quoted', 'textContent'], "Lit's, quoted and DOM names keep their spelling");
});

/** Property names used in a parsed module: non-computed member accesses, keys and class members. */
async function propertyNames(code) {
  const { parseAst } = await import('rollup/parseAst');
  const names = new Set();
  const strings = new Set();
  const changedKeys = new Set();
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    // `changed.has('x')`, `changed.get('x')` in Lit's lifecycle callbacks.
    if (
      node.type === 'CallExpression' &&
      node.callee.type === 'MemberExpression' &&
      node.callee.object.name === 'changed' &&
      ['has', 'get'].includes(node.callee.property.name)
    ) {
      const [key] = node.arguments;
      if (key?.type === 'Literal' && typeof key.value === 'string') changedKeys.add(key.value);
    }
    if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') names.add(node.property.name);
    if (['Property', 'MethodDefinition', 'PropertyDefinition'].includes(node.type) && !node.computed && node.key.type === 'Identifier')
      names.add(node.key.name);
    if (node.type === 'Literal' && typeof node.value === 'string') strings.add(node.value);
    if (node.type === 'TemplateElement') strings.add(node.value.cooked ?? '');
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(parseAst(code));
  return { names, strings, changedKeys };
}

const jsUnder = (dir) =>
  readdirSync(join(dist, dir), { recursive: true })
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(dist, dir, file));

test('no `_` name of ours is ever spelled as a string or in a template (it would not be renamed with the property)', { skip }, async () => {
  const ours = new Set();
  const all = new Set();
  const strings = [];
  const changedKeys = new Set();
  for (const file of jsUnder('lib')) {
    const found = await propertyNames(readFileSync(file, 'utf8'));
    for (const name of found.names) if (mangleProperties.regex.test(name)) ours.add(name);
    found.names.forEach((name) => all.add(name));
    found.changedKeys.forEach((key) => changedKeys.add(key));
    strings.push(...found.strings);
  }
  // A property `changed.has()` asks about exists, and is not one the CDN build renames.
  assert.ok(changedKeys.size >= 5, `only ${[...changedKeys]} found`);
  for (const key of changedKeys) assert.ok(all.has(key) && !mangleProperties.regex.test(key), `changed.has('${key}') names no property that keeps its name`);
  assert.ok(ours.size >= 4, `only ${[...ours]} found`);
  for (const name of ours) {
    for (const text of strings)
      assert.ok(!new RegExp(`(^|[^\\w-])${name}\\b`).test(text), `"${name}" is spelled in the string ${JSON.stringify(text.slice(0, 80))}`);
  }
});

test('the CDN files keep no `_` property name: every one was renamed', { skip }, async () => {
  const files = [
    ...readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(dist, f)),
    ...jsUnder('chunks'),
    ...jsUnder('standalone'),
  ];
  for (const file of files) {
    const { names } = await propertyNames(readFileSync(file, 'utf8'));
    const left = [...names].filter((name) => mangleProperties.regex.test(name));
    assert.deepEqual(left, [], `${file.slice(dist.length + 1)} keeps ${left}`);
  }
});
