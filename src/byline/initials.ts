let graphemes: Intl.Segmenter | null | undefined;

/** The first letter or digit of `word` as a whole grapheme (so accents and emoji stay intact). */
function firstLetter(word: string): string {
  // An ASCII letter or digit before any other letter needs no Unicode tables: the first use of a
  // \p{…} pattern, the segmenter or locale case mapping loads ICU data, ms each on a slow phone.
  const first = word.match(/[A-Za-z0-9]|[^\0-\x7f]/)?.[0];
  if (!first || first < '\x80') return first ?? '';
  // Arabic's definite article "ال" is not the name: "مكتب المدينة" → "مم".
  if (word.startsWith('ال')) word = word.replace(/^ال(?=\p{L}{2})/u, '');
  if (/^[\u0020-\u02ff]*$/.test(word)) return word.match(/[\p{L}\p{N}]/u)?.[0] ?? '';
  if (graphemes === undefined) graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  const pieces = graphemes ? Array.from(graphemes.segment(word), (s) => s.segment) : Array.from(word);
  return pieces.find((piece) => /[\p{L}\p{N}]/u.test(piece)) ?? '';
}

/**
 * Avatar initials: the first letters of the first two words, upper-cased for the locale.
 * "Metro Bureau" → "MB", "Reuters" → "R", "Ana María López" → "AM". Arabic initials are kept
 * apart with a zero-width non-joiner so they don't join into a word.
 */
export function initials(name: string | null | undefined, locale = 'en'): string {
  const letters = (name ?? '').trim().split(/\s+/).map(firstLetter).filter(Boolean).slice(0, 2);
  const joined = letters.join('');
  // ASCII upper-cases the same in every locale but Turkish and Azeri (i → İ).
  if (/^[\0-\x7f]*$/.test(joined) && !/^(tr|az)\b/i.test(locale)) return joined.toUpperCase();
  let upper: string[];
  try {
    upper = letters.map((letter) => letter.toLocaleUpperCase(locale));
  } catch {
    upper = letters.map((letter) => letter.toUpperCase());
  }
  return upper.join(/\p{Script=Arabic}/u.test(upper.join('')) ? '\u200c' : '');
}

/** Shown in an avatar when a name has no letter or digit to take initials from (emoji-only, punctuation). */
export const AVATAR_FALLBACK = '\u2022';

/** What an avatar without a photo shows: the initials, or a neutral glyph instead of an empty circle. */
export function avatarText(name: string | null | undefined, locale = 'en'): string {
  return initials(name, locale) || AVATAR_FALLBACK;
}
