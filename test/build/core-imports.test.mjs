// The core knows no element: nothing under src/core/ imports from an element's folder (or from any
// file outside src/core/), statically, dynamically or for types. Elements plug into the core
// through its public API (`addRoutes`, `addMessages`); only the entries above it bring them together.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const core = join(root, 'src/core');

/** Every module specifier in `code`, as TypeScript reads them: static, dynamic and type-only. */
const specifiers = (code) => ts.preProcessFile(code, true, true).importedFiles.map((file) => file.fileName);

const sources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.ts$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );

test('the specifier scan sees every form of import', () => {
  const code = `import a from './a.js';\nimport type { B } from "../poll/b.js";\nexport * from './c.js';\nexport { d } from './d.js';\nimport './e.js';\nconst f = () => import('../comments/f.js');\nimport {\n  g,\n  type H,\n} from './g.js';`;
  assert.deepEqual(specifiers(code).sort(), ['../comments/f.js', '../poll/b.js', './a.js', './c.js', './d.js', './e.js', './g.js']);
});

test('src/core/ imports nothing from outside src/core/ but packages', () => {
  const files = sources(core);
  assert.ok(files.length > 10, 'the core sources are found');
  const outside = [];
  let relativeImports = 0;
  for (const file of files) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      relativeImports++;
      const target = resolve(dirname(file), spec);
      if (relative(core, target).startsWith('..')) outside.push(`${relative(root, file)} imports ${spec}`);
    }
  }
  assert.ok(relativeImports > 20, 'the core modules import one another');
  assert.deepEqual(outside, []);
});
