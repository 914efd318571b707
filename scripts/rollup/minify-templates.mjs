// Minifies the text of Lit's `css` and `html` tagged templates in the CDN builds (a rollup plugin,
// and the pure functions it applies, unit-tested in test/build/minify-templates.test.mjs). Only the
// tagged templates are touched, found by parsing the module, so a plain template string keeps
// every character.

/**
 * Minifies a `css` template's text: no comments, no whitespace a stylesheet does not need. A text
 * with escapes (`\`…) is returned as it is: the rules below would have to understand them.
 */
export function minifyCss(text) {
  if (text.includes('\\')) return text;
  return (
    text
      .replace(/\/\*[^]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .replace(/\[([\w-]+)='([\w-]+)'\]/g, '[$1=$2]')
      .replace(/\s+!important/g, '!important')
      // `calc(var(--a) * 2)`: `*` needs no spaces (a selector's `*` never sits between these).
      .replace(/([)\d]) \* (?=\d|var\(|calc\()/g, '$1*')
      // `/` is never a selector, only a value separator (`0 .2rem / 100%`, `1 / 3`).
      .replace(/ \/ /g, '/')
      .replace(/([\s:(,*/])0\.(\d)/g, '$1.$2')
      .trim()
  );
}

const PRESERVE = /<(pre|textarea)\b[^]*?<\/\1\s*>/gi;

/**
 * Minifies the static parts of an `html` template, given in order: a run of whitespace that holds
 * a line break becomes one space (it renders the same), comments go, and so do the quotes of
 * simple static attribute values and the spaces before a tag's `>`. Whitespace on one line is
 * kept (text shown with `white-space: pre-wrap` stays on one line in the source), and so is all of
 * a `<pre>` or `<textarea>` element's text, even where a binding splits it.
 */
export function minifyHtml(parts) {
  // Work on the whole template, with a marker where each binding sits, then split it again.
  const marker = '\uE000';
  if (parts.some((part) => part.includes(marker))) return parts;
  const whole = parts.join(marker);
  let out = '';
  let last = 0;
  const squeeze = (text) =>
    text
      // A comment with a binding in it is left alone: the binding must stay.
      .replace(/<!--(?:(?!-->)[^\uE000])*-->/g, '')
      .replace(/[ \t]*\n\s*/g, ' ')
      // Inside a tag, a static attribute value of letters, digits and `-` needs no quotes (not
      // before `/`, which an unquoted value would swallow, nor next to a binding).
      .replace(/<[a-zA-Z][^<>]*>/g, (tag) => tag.replace(/(\s[\w:.?@-]+=)(["'])([\w-]+)\2(?=[\s>])/g, '$1$3').replace(/([^=/\s])\s+>$/, '$1>'));
  for (const match of whole.matchAll(PRESERVE)) {
    out += squeeze(whole.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  out += squeeze(whole.slice(last));
  return out.split(marker);
}

/** Applies the minifiers to the `css` and `html` tagged templates of a module, given its ESTree AST. */
export function minifyTemplates(code, ast) {
  const edits = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier') {
      const quasis = node.quasi.quasis;
      const raw = quasis.map((quasi) => code.slice(quasi.start, quasi.end));
      let next;
      // A `css` template with a `${}` is left alone: the minifier would see only pieces of a rule.
      if (node.tag.name === 'css' && raw.length === 1) next = [minifyCss(raw[0])];
      else if (node.tag.name === 'html') next = minifyHtml(raw);
      next?.forEach((text, index) => text !== raw[index] && edits.push([quasis[index].start, quasis[index].end, text]));
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
  edits.sort((a, b) => b[0] - a[0]);
  for (const [start, end, text] of edits) code = code.slice(0, start) + text + code.slice(end);
  return code;
}

/** The rollup plugin: minifies the templates of the modules under `dir` (tsc's output), before terser. */
export const minifyTemplatesPlugin = (dir) => ({
  name: 'minify-templates',
  transform(code, id) {
    if (!id.includes(`/${dir}/`) || !/\b(css|html)\s*`/.test(code)) return null;
    const out = minifyTemplates(code, this.parse(code));
    return out === code ? null : { code: out, map: null };
  },
});
