// The CDN builds, from tsc's output in dist/lib (so types are checked once), each carrying its own Lit:
// - one minified ES module per element (`dist/news-*.js`), sharing one Lit + core chunk;
// - `news-elements.js`: Lit, the core and the article elements in one file, and one lazily loaded
//   file with the poll, comments and related list;
// - `dist/standalone/`: one self-contained file per element a page often has alone.
// Templates are minified by scripts/rollup/minify-templates.mjs, code by terser with the options
// and private-name convention in scripts/rollup/terser-options.mjs.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readdirSync } from 'node:fs';
import { minifyTemplatesPlugin } from './scripts/rollup/minify-templates.mjs';
import { terserOptions } from './scripts/rollup/terser-options.mjs';

/** scripts/build.mjs builds into a scratch folder and swaps it in, so `dist/` is never half-built. */
const out = process.env.BUILD_DIR ?? 'dist';
const lib = `${out}/lib`;
/** One cache for every terser run below, so a renamed `_` property has one short name everywhere. */
const nameCache = {};

const elements = readdirSync(lib, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !['core', 'standalone'].includes(entry.name))
  .flatMap((dir) =>
    readdirSync(`${lib}/${dir.name}`)
      .filter((file) => /^news-.*\.js$/.test(file))
      .map((file) => [file.replace(/\.js$/, ''), `${lib}/${dir.name}/${file}`]),
  );

/**
 * V8's explicit compile hint (Chrome 136+; a plain comment elsewhere): compile every function in
 * the file on a background thread while it streams in, instead of each one on the main thread the
 * first time it runs. For the files whose code runs as soon as they arrive: the entries, the shared
 * core chunk and the CDN bundle's lazy file (fetched when its elements near the viewport, to render
 * them), not the language catalogs. It must be the file's first line.
 */
const compileHints = {
  name: 'compile-hints',
  renderChunk(code, chunk) {
    const runsOnArrival = chunk.isEntry || ['core', 'lazy-elements', 'news-trending'].includes(chunk.name);
    return runsOnArrival ? { code: '//# allFunctionsCalledOnLoad\n' + code, map: null } : null;
  },
};

/**
 * The CDN builds carry their own copy of Lit (the npm build imports the publisher's). Trimmed from
 * it, 0.40 KB gzip on every page (measured with Lit 3.3 by building without the trims:
 * news-elements.js 33.48 -> 33.08 KB, each per-element entry and standalone file 0.40-0.42 KB less):
 * - two long messages for misuses of the `css` tag that only a programming error reaches (our
 *   styles are all literal `css` templates);
 * - the hooks through which Lit's polyfills and SSR hydration patch it, read from globals: this
 *   copy runs in browsers that need no polyfill and is never hydrated, and a host page's globals
 *   cannot reach into it;
 * - the version lists that feed Lit's development-mode warning about several copies on a page;
 * - the `<style>` fallback for browsers without constructable stylesheets, and the `ShadyCSS`
 *   global that can force it: every browser with `light-dark()` and `:has()`, which our styles
 *   need, adopts stylesheets, and a `<style>` element would be refused under a strict CSP.
 * If a Lit upgrade changes what these match, the build fails.
 */
const litTrims = [
  ['"CSSResult is not constructable. Use `unsafeCSS` or `css` instead."', '"Lit: CSSResult is not constructable"'],
  [
    "\"Value passed to 'css' function must be a 'css' function result: \"+t+\". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.\"",
    '"Lit: not a css result: "+t',
  ],
  [/\b\w+\.(?:reactiveElement|litHtml|litElement)PolyfillSupport\b|\b\w+\.litElementHydrateSupport\b/g, '(void 0)'],
  [/\(\w+\.(?:reactiveElement|litHtml|litElement)Versions\?\?=\[\]\)\.push\("[\d.]+"\)/g, '0'],
  [
    /\w+\.ShadowRoot&&\(void 0===\w+\.ShadyCSS\|\|\w+\.ShadyCSS\.nativeShadow\)&&"adoptedStyleSheets"in Document\.prototype&&"replace"in CSSStyleSheet\.prototype/,
    '!0',
  ],
];
/** How many times each trim applies across Lit's files. */
const litTrimCounts = [1, 1, 4, 3, 1];
const trimLit = () => {
  const trimmed = litTrims.map(() => 0);
  return {
    name: 'trim-lit',
    transform(code, id) {
      if (!/\/node_modules\/(lit-html|lit-element|@lit\/reactive-element)\/[^/]+\.js$/.test(id)) return null;
      litTrims.forEach(([pattern, replacement], index) => {
        code = code.replace(pattern, () => (trimmed[index]++, replacement));
      });
      return { code, map: null };
    },
    buildEnd() {
      litTrims.forEach(([pattern], index) => {
        if (trimmed[index] !== litTrimCounts[index]) {
          this.error(`${String(pattern).slice(0, 50)}… matched ${trimmed[index]} times, not ${litTrimCounts[index]}: Lit changed, update litTrims`);
        }
      });
    },
  };
};

/**
 * Each language's catalogs, every element's (`<element>/locales/es.ts`) and the core's, in one
 * chunk per build (`chunks/es-….js`), loaded the first time a page needs that language.
 */
const catalogChunk = (id) => /\/locales\/(?!en\.js$)([\w-]+)\.js$/.exec(id)?.[1];

/**
 * Lit and our core travel together in one shared chunk. Lit's directives stay with
 * the elements that use them, so a page does not download one element's directive for another;
 * so do the relative times only the byline and the comments write, and the live stream only the
 * poll and the comments open. The language catalogs have their own chunks.
 */
const manualChunks = (id) =>
  catalogChunk(id) ??
  (/node_modules\/(lit|lit-html|lit-element|@lit)\/(?!(.*\/)?directives\/)/.test(id) ||
  (id.includes(`/${lib}/core/`) && !/\/(relative-time|live-stream)\.js$/.test(id))
    ? 'core'
    : undefined);

const output = {
  dir: out,
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: 'chunks/[name]-[hash].js',
  sourcemap: false,
  // Rollup's own glue (loading a language catalog out of its chunk) as arrows, and namespace
  // objects not frozen: shorter, and nothing of ours mutates a module namespace.
  generatedCode: { arrowFunctions: true, objectShorthand: true },
  freeze: false,
};
// Lit's production build: no dev-mode warnings, smaller.
const plugins = () => [
  minifyTemplatesPlugin(lib),
  trimLit(),
  nodeResolve({ exportConditions: ['production'] }),
  terser(terserOptions(nameCache)),
  compileHints,
];

/** `dist/standalone/`: one file per element a page often has alone (a poll, a comment thread). */
const standalone = readdirSync(`${lib}/standalone`)
  .filter((file) => file.endsWith('.js'))
  .map((file) => ({
    input: { [file.replace(/\.js$/, '')]: `${lib}/standalone/${file}` },
    output: { ...output, dir: `${out}/standalone`, manualChunks: catalogChunk },
    plugins: plugins(),
    preserveEntrySignatures: 'exports-only',
  }));

export default [
  // One file per element for pages that want only some of them; they share the core chunk.
  {
    input: Object.fromEntries(elements),
    output: { ...output, manualChunks },
    plugins: plugins(),
    preserveEntrySignatures: 'exports-only',
  },
  // `news-elements.js` stands alone: Lit, the core and the article elements in one file, and one
  // lazily loaded file with the poll, comments and related list. Two files compress better and
  // cost fewer requests than eight; a page uses either this bundle or the per-element files.
  {
    input: { 'news-elements': `${lib}/cdn.js` },
    output: { ...output, manualChunks: catalogChunk },
    plugins: plugins(),
    // The lazy file imports the core from the entry itself, so the entry may export a few more names.
    preserveEntrySignatures: 'allow-extension',
  },
  // Each built alone, so that they share no chunk: each is the only file its page loads.
  ...standalone,
];
