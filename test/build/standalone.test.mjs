// The one-file builds for a page with a single element (dist/standalone/, rollup.config.mjs):
//   node --test test/build/
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const skip = existsSync(join(dist, 'standalone')) ? false : 'needs dist/: run `npm run build` first';
const read = (file) => readFileSync(join(dist, file), 'utf8');

test('each standalone file is the only file its page loads: no static import, catalogs on demand', { skip }, async () => {
  const { parseAst } = await import('rollup/parseAst');
  const files = readdirSync(join(dist, 'standalone')).filter((file) => file.endsWith('.js'));
  assert.deepEqual(files.sort(), ['news-comments.js', 'news-poll.js']);
  for (const file of files) {
    const code = read(`standalone/${file}`);
    const ast = parseAst(code);
    const imports = ast.body.filter((node) => node.type === 'ImportDeclaration' || (node.type.startsWith('Export') && node.source));
    assert.deepEqual(imports, [], `${file} imports nothing statically`);
    const dynamic = [...code.matchAll(/import\(\s*"([^"]+)"\s*\)/g)].map(([, spec]) => spec);
    assert.ok(dynamic.length >= 2, `${file} loads the language catalogs on demand`);
    for (const spec of dynamic) assert.match(spec, /^\.\/chunks\/(es|ar)-[\w-]+\.js$/, `${file} imports only catalogs`);
    for (const spec of dynamic) assert.ok(existsSync(join(dist, 'standalone', spec)), `${spec} is built next to ${file}`);
    const exported = ast.body
      .filter((node) => node.type === 'ExportNamedDeclaration')
      .flatMap((node) => node.specifiers.map((specifier) => specifier.exported.name))
      .sort();
    const element = file === 'news-poll.js' ? 'NewsPoll' : 'NewsComments';
    assert.deepEqual(exported, [element, 'configure'], `${file} exports its element and configure()`);
    assert.ok(code.startsWith('//# allFunctionsCalledOnLoad\n'), `${file} starts with the compile hint`);
  }
});
