/** Elements whose text is not part of the article body: captions, widgets, code. */
const skipped = /^(figcaption|script|style|template|noscript|svg|math|button|nav|aside)$|^news-/;

/** The article body's own text: light-DOM children of `article` outside the header slots. */
export function bodyText(article: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        parts.push(child.textContent ?? '');
      } else if (child instanceof Element && !skipped.test(child.localName) && !(node === article && child.slot)) {
        walk(child);
        // Block boundaries separate words even when the markup has no whitespace.
        parts.push(' ');
      }
    }
  };
  walk(article);
  return parts.join('');
}

let segmenters = new Map<string, Intl.Segmenter | null>();

/** Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, Chinese, Japanese. */
const unspaced = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Whitespace-separated words with at least one letter or digit. A word with an ASCII letter or digit,
 * or made only of ASCII and general punctuation (dashes, quotes), is told without a \p{…} pattern:
 * its first use loads ICU's Unicode tables, so an English article never pays for them.
 */
const countBySpaces = (text: string) => {
  let words = 0;
  for (const word of text.match(/\S+/g) ?? []) {
    if (/[A-Za-z0-9]/.test(word) || (!/^[\0-\x7f\u2010-\u205e]*$/.test(word) && /[\p{L}\p{N}]/u.test(word))) words++;
  }
  return words;
};

export function countWords(text: string, locale = 'en'): number {
  if (!unspaced.test(text)) return countBySpaces(text);
  let segmenter = segmenters.get(locale);
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(locale, { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
    if (segmenters.size > 20) segmenters = new Map();
    segmenters.set(locale, segmenter);
  }
  if (!segmenter) return countBySpaces(text);
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
  return words;
}

/** `ceil(words / wordsPerMinute)`, at least one minute. */
export function readingMinutes(words: number, wordsPerMinute: number): number {
  const pace = Number.isFinite(wordsPerMinute) && wordsPerMinute > 0 ? wordsPerMinute : 230;
  return Math.max(1, Math.ceil(words / pace));
}
