// Which of our class members terser may rename in the CDN bundle, and to what.
//
// `private` members can only be reached from inside their class, so their names are ours to
// shorten, unless something outside TypeScript's view reaches them by name: a string (Lit's
// decorators and `changed.has('x')`), a template binding, the DOM, Lit's own code, JSON. A name is
// kept out of the list whenever any of that may touch it.
//
// terser renames a property the same way only within one minify() call, i.e. one chunk, while a
// class in the core chunk is used from the element chunks. So the mapping is not left to terser:
// mangleOptions() hands every chunk the same precomputed `cache` (name -> short name), with short
// names that no unrenamed property in the bundle uses, and a `regex` that matches exactly the
// names in that cache. Every chunk then renames identically, whatever the order or worker.
//
//   node scripts/private-names.mjs [libDir] [--why]   lists the names, their short names and what
//       they cost in the bundle beside libDir (dist/); --why also says why each other private name is kept
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The packages rollup bundles beside our code: their property names are never renamed. */
const BUNDLED_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context', 'tslib'];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function filesUnder(dir, test) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** The names terser leaves alone unless `builtins: true`: its DOM property list and the JS builtins. */
function terserBuiltins() {
  // terser does not export its list, and it is an ES module: read its strings.
  const names = new Set();
  const domprops = join(root, 'node_modules/terser/tools/domprops.js');
  const visit = (node) => {
    if (ts.isStringLiteral(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(parse(domprops));
  if (names.size < 1000) throw new Error(`${domprops} no longer looks like terser's DOM property list`);
  for (const name of ['null', 'true', 'false', 'NaN', 'Infinity', '-Infinity', 'undefined']) names.add(name);
  // Same list as terser's find_builtins().
  const ctors = [Object, Array, Function, Number, String, Boolean, Error, Math, Date, RegExp, Symbol, ArrayBuffer, DataView,
    decodeURI, decodeURIComponent, encodeURI, encodeURIComponent, eval, EvalError, Float32Array, Float64Array, Int8Array,
    Int16Array, Int32Array, isFinite, isNaN, JSON, Map, parseFloat, parseInt, Promise, Proxy, RangeError, ReferenceError,
    Reflect, Set, SyntaxError, TypeError, Uint8Array, Uint8ClampedArray, Uint16Array, Uint32Array, URIError, WeakMap, WeakSet];
  for (const ctor of ctors) {
    for (const name of Object.getOwnPropertyNames(ctor)) names.add(name);
    if (ctor.prototype) for (const name of Object.getOwnPropertyNames(ctor.prototype)) names.add(name);
  }
  return names;
}

const isPrivate = (node) => ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Private;

const CLASS_MEMBER = new Set([
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);

/** A `private` member of one of our classes (a field, method, accessor or parameter property). */
function isPrivateClassMember(decl) {
  if (decl.kind === ts.SyntaxKind.Parameter) return ts.isParameterPropertyDeclaration(decl, decl.parent) && isPrivate(decl);
  return CLASS_MEMBER.has(decl.kind) && ts.isClassLike(decl.parent) && !!isPrivate(decl);
}

/** Names an HTML template or a string might reach as a property or attribute: `.x=`, `?x=`, `@x=`, `x=`. */
function templateNames(text, add) {
  for (const [, name] of text.matchAll(/(?:^|[\s"'<])[.?@]?([A-Za-z_$][\w$-]*)\s*=/g)) add(name);
}

/**
 * Walks a parsed JS or TS file and reports every property name it uses: member accesses, keys of
 * object literals, class members, binding patterns, string literals and names bound in templates.
 */
function propertyNamesIn(sourceFile, add) {
  const visit = (node) => {
    if (ts.isStringLiteral(node)) add(node.text);
    else if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      add(node.text);
      templateNames(node.text, add);
    } else if (ts.isPropertyAccessExpression(node)) add(node.name.text);
    else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isMethodDeclaration(node) ||
      ts.isGetAccessor(node) || ts.isSetAccessor(node) || ts.isPropertyDeclaration(node) || ts.isPropertySignature(node) ||
      ts.isMethodSignature(node) || ts.isEnumMember(node)) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) add(node.name.text);
    else if (ts.isBindingElement(node)) {
      const key = node.propertyName ?? node.name;
      if (ts.isIdentifier(key) || ts.isStringLiteral(key)) add(key.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
}

const parse = (file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);

function bundledPackageFiles() {
  return BUNDLED_PACKAGES.flatMap((pkg) =>
    filesUnder(join(root, 'node_modules', pkg), (name) => /\.m?js$/.test(name)).filter((file) => !/[/\\](development|node|test)[/\\]/.test(relative(join(root, 'node_modules', pkg), file))),
  );
}

const analyses = new Map();

/**
 * Every name declared `private` in src/ that nothing else may reach by name, with the reason each
 * other private name was left out.
 */
function analyse(libDir = 'dist/lib') {
  libDir = resolve(root, libDir);
  if (!analyses.has(libDir)) analyses.set(libDir, analyseOnce(libDir));
  return analyses.get(libDir);
}

function analyseOnce(libDir) {
  const configPath = join(root, 'tsconfig.build.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, { noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} });
  const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true } });
  const checker = program.getTypeChecker();
  const srcDir = join(root, 'src');
  const ours = program.getSourceFiles().filter((file) => !file.isDeclarationFile && file.fileName.startsWith(srcDir));

  const candidates = new Map(); // name -> declarations count
  const excluded = new Map(); // name -> first reason
  const exclude = (name, why) => {
    if (!excluded.has(name)) excluded.set(name, why);
  };
  const where = (node) => {
    const file = node.getSourceFile();
    return `${relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  };

  // 1. src/: the private declarations, and every other way a name is declared or reached.
  for (const file of ours) {
    const visit = (node) => {
      const parent = node.parent;
      if (ts.isStringLiteral(node)) exclude(node.text, `string literal at ${where(node)}`);
      else if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
        exclude(node.text, `template text at ${where(node)}`);
        templateNames(node.text, (name) => exclude(name, `template binding or attribute at ${where(node)}`));
      } else if (ts.isIdentifier(node) && parent) {
        const name = node.text;
        if ((CLASS_MEMBER.has(parent.kind) && parent.name === node && ts.isClassLike(parent.parent)) ||
          (ts.isParameter(parent) && parent.name === node && ts.isParameterPropertyDeclaration(parent, parent.parent))) {
          if (!isPrivate(parent)) exclude(name, `non-private member at ${where(node)}`);
          // Lit's decorators (@state, @query…) define the member by its name, as a string.
          else if (ts.getDecorators(parent)?.length) exclude(name, `decorated member at ${where(node)}`);
          else candidates.set(name, (candidates.get(name) ?? 0) + 1);
        } else if ((ts.isPropertySignature(parent) || ts.isMethodSignature(parent) || ts.isPropertyAssignment(parent) ||
          ts.isShorthandPropertyAssignment(parent) || ts.isEnumMember(parent) ||
          ((ts.isMethodDeclaration(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && ts.isObjectLiteralExpression(parent.parent))) &&
          parent.name === node) {
          exclude(name, `type or object literal property at ${where(node)}`);
        } else if (ts.isBindingElement(parent) && (parent.propertyName ?? parent.name) === node && ts.isObjectBindingPattern(parent.parent)) {
          exclude(name, `destructured at ${where(node)}`);
        } else if ((ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isQualifiedName(parent) && parent.right === node)) {
          // A member access must land on one of our private declarations and nothing else.
          const symbol = checker.getSymbolAtLocation(node);
          const declarations = symbol?.declarations ?? [];
          if (ts.isQualifiedName(parent)) {
            // A type reference (`Foo.Bar`) emits nothing.
          } else if (!declarations.length) exclude(name, `access TypeScript cannot resolve at ${where(node)}`);
          else if (!declarations.every((decl) => isPrivateClassMember(decl) && decl.getSourceFile().fileName.startsWith(srcDir))) {
            exclude(name, `access to a non-private or foreign member at ${where(node)}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  // 2. The emitted declarations: anything public or protected there is API (belt and braces: the
  //    checker above already sees it in src/).
  for (const file of filesUnder(libDir, (name) => name.endsWith('.d.ts'))) {
    const sf = parse(file);
    const visit = (node) => {
      if ((CLASS_MEMBER.has(node.kind) || ts.isPropertySignature(node) || ts.isMethodSignature(node)) && node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
        if (!(CLASS_MEMBER.has(node.kind) && isPrivate(node))) exclude(node.name.text, `non-private in ${relative(root, file)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  // 3. The emitted JS: strings (decorators pass the decorated member's name as one) and templates.
  const libJs = filesUnder(libDir, (name) => name.endsWith('.js'));
  if (!libJs.length) throw new Error(`no tsc output in ${relative(root, libDir) || libDir}: the names are checked against it, so build it first`);
  for (const file of libJs) {
    const sf = parse(file);
    const visit = (node) => {
      if (ts.isStringLiteral(node)) exclude(node.text, `string literal in ${relative(root, file)}`);
      else if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
        templateNames(node.text, (name) => exclude(name, `template binding or attribute in ${relative(root, file)}`));
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  // 4. Lit (and @lit/context, tslib while they are installed): any property name they use stays as it is.
  const vendorNames = new Set();
  for (const file of bundledPackageFiles()) propertyNamesIn(parse(file), (name) => vendorNames.add(name));
  for (const name of candidates.keys()) if (vendorNames.has(name)) exclude(name, 'a property name in Lit, @lit/context or tslib');

  // 5. Names terser keeps anyway, and prefixes that are Lit's or look like internals of someone else.
  const builtins = terserBuiltins();
  for (const name of candidates.keys()) {
    if (builtins.has(name)) exclude(name, 'a DOM or JS builtin property name (terser keeps those)');
    if (name.startsWith('_$') || name.startsWith('__')) exclude(name, 'Lit-internal style prefix');
    if (!IDENTIFIER.test(name)) exclude(name, 'not a plain identifier');
  }

  const names = [...candidates.keys()].filter((name) => !excluded.has(name)).sort();
  const left = new Map([...candidates.keys()].filter((name) => excluded.has(name)).sort().map((name) => [name, excluded.get(name)]));

  // Short names must not be any property name that stays: ours, Lit's, the DOM's.
  const taken = new Set([...builtins, ...vendorNames, ...candidates.keys()]);
  // …nor any member TypeScript's own lib files (DOM, ES) know, newer ones terser's list lacks included.
  for (const file of program.getSourceFiles().filter((sf) => program.isSourceFileDefaultLibrary(sf))) propertyNamesIn(file, (name) => taken.add(name));
  for (const file of libJs) propertyNamesIn(parse(file), (name) => taken.add(name));
  return { names, left, taken, libJs };
}

/** base54 in the order terser uses before it re-sorts by frequency; digits only after the first character. */
function* shortNames() {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$_';
  const rest = first + '0123456789';
  for (let length = 1; ; length++) {
    const index = new Array(length).fill(0);
    for (;;) {
      yield index.map((i, position) => (position ? rest : first)[i]).join('');
      let position = length - 1;
      while (position >= 0 && ++index[position] === (position ? rest : first).length) index[position--] = 0;
      if (position < 0) break;
    }
  }
}

/** How often each name is used as a property in the given JS files. */
function propertyUses(files, names) {
  const wanted = new Set(names);
  const uses = new Map(names.map((name) => [name, 0]));
  for (const file of files) {
    propertyNamesIn(parse(file), (name) => {
      if (wanted.has(name)) uses.set(name, uses.get(name) + 1);
    });
  }
  return uses;
}

/** The mapping every chunk shares: the most used names get the shortest replacements. */
function mapping({ names, taken, libJs }) {
  const uses = propertyUses(libJs, names);
  const order = [...names].sort((a, b) => uses.get(b) * b.length - uses.get(a) * a.length || a.localeCompare(b));
  const short = shortNames();
  const map = new Map();
  for (const name of order) {
    let next;
    do next = short.next().value;
    while (taken.has(next) || /^(do|if|in|of)$/.test(next));
    map.set(name, next);
  }
  return map;
}

/** The property names terser may rename in the CDN bundle: private members nothing else reaches by name. */
export function privateNames(libDir = 'dist/lib') {
  return analyse(libDir).names;
}

/**
 * The `mangle.properties` option for @rollup/plugin-terser:
 *   terser({ ..., mangle: { properties: mangleOptions(lib) } })
 * `regex` matches exactly the names; `cache` fixes what each becomes, the same in every chunk.
 */
export function mangleOptions(libDir = 'dist/lib') {
  const analysis = analyse(libDir);
  const map = mapping(analysis);
  if (!map.size) return false;
  return {
    regex: new RegExp(`^(?:${[...map.keys()].map((name) => name.replace(/\$/g, '\\$')).join('|')})$`),
    keep_quoted: true,
    // terser's name cache format: keys are the original names prefixed with `$`.
    cache: { props: Object.fromEntries([...map].map(([name, short]) => [`$${name}`, short])) },
  };
}

function main() {
  const libDir = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'dist/lib';
  const analysis = analyse(libDir);
  const map = mapping(analysis);
  const dist = join(root, dirname(libDir.replace(/\/+$/, '')));
  const chunks = [...filesUnder(dist, (name) => name.endsWith('.js'))].filter((file) => !file.startsWith(resolve(root, libDir)));
  const uses = propertyUses(chunks, analysis.names);
  let bytes = 0;
  let saved = 0;
  console.log(`${analysis.names.length} private names terser may rename (${analysis.left.size} more private names are kept):\n`);
  console.log('name                      uses   bytes  ->  short');
  for (const name of [...analysis.names].sort((a, b) => uses.get(b) * b.length - uses.get(a) * a.length || a.localeCompare(b))) {
    const n = uses.get(name);
    bytes += n * name.length;
    saved += n * (name.length - map.get(name).length);
    console.log(`${name.padEnd(24)} ${String(n).padStart(5)} ${String(n * name.length).padStart(7)}  ->  ${map.get(name)}`);
  }
  console.log(`\nin ${relative(root, dist) || '.'}/*.js and chunks: ${bytes} bytes of these names; renamed they would take ${bytes - saved} (${saved} fewer, before gzip)`);
  if (process.argv.includes('--why')) {
    console.log('\nkept:');
    for (const [name, why] of analysis.left) console.log(`  ${name.padEnd(22)} ${why}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
