// The template minifier of the CDN builds (scripts/rollup/minify-templates.mjs), on its edge cases:
//   node --test test/build/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAst } from 'rollup/parseAst';
import { minifyCss, minifyHtml, minifyTemplates } from '../../scripts/rollup/minify-templates.mjs';

const run = (code) => minifyTemplates(code, parseAst(code));

test('css: comments and needless whitespace go, values keep their meaning', () => {
  assert.equal(
    minifyCss(`
      /* a comment */
      :host([hidden]) { display: none !important; }
      a > b, [part='x'] { margin: 0.5rem 0 / 2; width: calc(var(--a) * 2); }
    `),
    ':host([hidden]){display:none!important}a>b,[part=x]{margin:.5rem 0/2;width:calc(var(--a)*2)}',
  );
});

test('css: `white-space: pre-wrap` and quoted content survive', () => {
  assert.equal(minifyCss(".body { white-space: pre-wrap; }\n.x::before { content: '· '; }"), ".body{white-space:pre-wrap}.x::before{content:'· '}");
});

test('an escaped backtick neither ends the template nor gets minified', () => {
  const code = 'const s = css`.a::before { content: "\\`"; }\n.b { color: red; }`;';
  assert.equal(run(code), code, 'a css text with escapes is left as it is');
  const markup = 'const t = html`<code>\\`x\\`</code>\n  <p>y</p>`;';
  assert.equal(run(markup), 'const t = html`<code>\\`x\\`</code> <p>y</p>`;');
});

test('a css template with an interpolation is left alone', () => {
  const code = 'const s = css`:host { color: ${red}; }\n`;';
  assert.equal(run(code), code);
});

test('html: line breaks and indentation become one space; text on one line keeps its spaces', () => {
  assert.deepEqual(minifyHtml(['<div>\n    <p class="body">a  b   c</p>\n  </div>']), ['<div> <p class=body>a  b   c</p> </div>']);
});

test('html: interpolations keep their place, and so do the spaces around them', () => {
  const code = 'const t = html`<ul>\n  ${items.map((i) => html`<li>${i} of ${n}</li>`)}\n</ul>`;';
  assert.equal(run(code), 'const t = html`<ul> ${items.map((i) => html`<li>${i} of ${n}</li>`)} </ul>`;');
});

test('html: <pre> and <textarea> text is kept whole, even split by a binding', () => {
  const parts = ['<pre>\n  one\n    two ', '\n</pre>\n<textarea>\n  a\n</textarea>\n'];
  assert.deepEqual(minifyHtml(parts), ['<pre>\n  one\n    two ', '\n</pre> <textarea>\n  a\n</textarea> ']);
});

test('html: comments go, unless a binding sits inside one', () => {
  assert.deepEqual(minifyHtml(['<p>a</p>\n<!-- note -->\n<p>b</p>']), ['<p>a</p> <p>b</p>']);
  assert.deepEqual(minifyHtml(['<!-- ', ' -->']), ['<!-- ', ' -->']);
});

test('html: only simple static attribute values lose their quotes', () => {
  assert.deepEqual(minifyHtml(['<a part="link" title="two words" href=', ' data-x="a"/><i class=\'y\'\n  >class="text"</i>']), [
    '<a part=link title="two words" href=',
    ' data-x="a"/><i class=y>class="text"</i>',
  ]);
});

test('plain template strings and other tags are never touched', () => {
  const code = 'const a = `line one\n    line two`; const b = svg`<g>\n  </g>`; const c = String.raw`x\n  y`;';
  assert.equal(run(code), code);
});
