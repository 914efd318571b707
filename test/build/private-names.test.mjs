// scripts/private-names.mjs against the tsc output in dist/lib (skipped until `npm run build` made it):
//   node --test test/build/
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import ts from 'typescript';
import { mangleOptions, privateNames } from '../../scripts/private-names.mjs';

const lib = fileURLToPath(new URL('../../dist/lib', import.meta.url));
const skip = existsSync(join(lib, 'index.js')) ? false : 'needs dist/lib: run `npm run build` first';

const files = (ext) =>
  skip ? [] : readdirSync(lib, { recursive: true }).filter((file) => file.endsWith(ext)).map((file) => readFileSync(join(lib, file), 'utf8'));

/** The emitted JS, parsed: its string literals, and the property names it uses (accesses, keys, class members). */
function emitted() {
  const strings = new Set();
  const properties = new Set();
  for (const code of files('.js')) {
    const visit = (node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.add(node.text);
      else if (ts.isPropertyAccessExpression(node)) properties.add(node.name.text);
      else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isClassElement(node)) && node.name && ts.isIdentifier(node.name)) {
        properties.add(node.name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile('x.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS));
  }
  return { strings, properties, code: files('.js').join('\n') };
}

test('every name is declared private, and nowhere public, protected or in a type', { skip }, () => {
  const names = privateNames(lib);
  assert.ok(names.length > 20, `only ${names.length} names`);
  const declarations = files('.d.ts').join('\n');
  for (const name of names) {
    assert.match(declarations, new RegExp(`^\\s*private (?:readonly |static |get |set )*${name}\\b`, 'm'), `${name} is declared private`);
    for (const line of declarations.split('\n').filter((l) => new RegExp(`^\\s*(?:[\\w ]+ )?${name}[?]?[:(;]`).test(l))) {
      assert.match(line, /^\s*private /, `${name} is also declared as: ${line.trim()}`);
    }
  }
});

test('no name is ever a string in the emitted JS (decorators, changed.has(), templates)', { skip }, () => {
  const { strings, code } = emitted();
  for (const name of privateNames(lib)) {
    assert.ok(!strings.has(name), `"${name}" appears as a string`);
    assert.doesNotMatch(code, new RegExp(`[\\s.?@]${name}=`), `${name} is bound in a template`);
    assert.ok(!name.startsWith('_$') && !name.startsWith('__'), name);
  }
});

test('mangleOptions renames exactly those names, to distinct short names', { skip }, () => {
  const names = privateNames(lib);
  const { regex, keep_quoted, cache } = mangleOptions(lib);
  assert.equal(keep_quoted, true);
  for (const name of names) assert.ok(regex.test(name), name);
  for (const other of ['items', 'total', 'render', 'updated', 'requestUpdate', 'renderRoot', '_$litType$', `${names[0]}x`]) {
    assert.ok(!regex.test(other), other);
  }
  const shorts = Object.values(cache.props);
  assert.deepEqual(Object.keys(cache.props).sort(), names.map((name) => `$${name}`).sort());
  assert.equal(new Set(shorts).size, shorts.length, 'two names share a short name');
  const { properties } = emitted();
  for (const short of shorts) assert.ok(!properties.has(short), `.${short} is already used`);
});

test('separate terser runs (one per chunk) rename a name the same way', { skip }, async () => {
  const [a, b] = privateNames(lib);
  const options = () => ({ module: true, mangle: { properties: mangleOptions(lib) } });
  // The core chunk declares the members; an element chunk reaches them (as a subclass would).
  const core = await minify(`export class Base { constructor() { this.${a} = 1; } ${b}() { return this.${a}; } }`, options());
  const element = await minify(`import { Base } from './core.js'; export class El extends Base { go() { return this.${b}() + this.${a}; } }`, options());
  const { cache } = options().mangle.properties;
  for (const [name, code] of [[a, core.code], [b, core.code], [a, element.code], [b, element.code]]) {
    assert.ok(!code.includes(name), `${name} left in ${code}`);
    assert.ok(code.includes(`.${cache.props[`$${name}`]}`) || code.includes(`${cache.props[`$${name}`]}(`), `${name} not renamed to its cached name in ${code}`);
  }
});
