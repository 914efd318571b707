/**
 * Localized strings and formatting on `Intl`. English ships with each element; its other languages
 * load on demand the first time an element on the page needs them, and English is the fallback
 * meanwhile. Each element brings its own wording (`addMessages`), so a page pays only for the
 * strings of the elements it uses.
 */
import en from './locales/en.js';

/** Plural forms chosen by `{count}`. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>>;
/** A message is a string with `{name}` placeholders, or plural forms chosen by `{count}`. */
export type Message = string | PluralMessage;
export type Messages = Record<string, Message>;

/**
 * One language's wording of an element's English `messages`: every key and no other, plural forms
 * where English has them. A catalog that misses a key fails the typecheck.
 */
export type Translation<English extends Messages> = {
  [Key in keyof English]: English[Key] extends string ? string : PluralMessage;
};

/** An element's catalogs in other languages by language, each loaded when first needed. */
export type Translations<English extends Messages> = Record<string, () => Promise<{ default: Translation<English> }>>;

type Loader = () => Promise<{ default: Messages }>;

const catalogs = new Map<string, Messages>([['en', {}]]);
/** Catalogs added and not loaded yet, by language. */
const pending = new Map<string, Loader[]>();
/** Languages an element asked for: a catalog added for one of them later loads at once. */
const wanted = new Set<string>();
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

const languages = new Map<string, string>();
/** `es-MX` → `es`. (Memoized: every message asks.) */
export function languageOf(locale: string): string {
  let language = languages.get(locale);
  if (language === undefined) languages.set(locale, (language = locale.toLowerCase().split(/[-_]/)[0] || 'en'));
  return language;
}

const notify = () => listeners.forEach((listener) => listener());

/** Calls `listener` whenever a catalog arrives or changes; returns an unsubscribe function. */
export function onMessagesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Adds or overrides messages for a language, e.g. `registerMessages('fr', {...})` or a publisher's own wording. */
export function registerMessages(language: string, messages: Messages): void {
  const key = languageOf(language);
  catalogs.set(key, { ...catalogs.get(key), ...messages });
  notify();
}

/**
 * An element's own wording, added when its module loads: its English `messages` at once, the other
 * languages (`translations`) when a page first needs them. Messages a publisher registered keep
 * precedence.
 */
export function addMessages<English extends Messages>(english: English, translations: Translations<English> = {}): void {
  catalogs.set('en', { ...english, ...catalogs.get('en') });
  for (const [language, load] of Object.entries(translations)) {
    pending.set(language, [...(pending.get(language) ?? []), load]);
    if (wanted.has(language)) void loadMessages(language);
  }
}

/** Loads the catalogs added for the language of `locale` that are not loaded yet. */
export function loadMessages(locale: string): Promise<void> {
  const language = languageOf(locale);
  wanted.add(language);
  const loads = pending.get(language);
  const before = loading.get(language);
  if (!loads) return before ?? Promise.resolve();
  pending.delete(language);
  const load = Promise.all(
    loads.map((loader) =>
      loader().then(
        (module) => module.default,
        (error: unknown) => {
          console.warn(`news-elements: could not load the "${language}" messages`, error);
          return {};
        },
      ),
    ),
  ).then(async (loaded) => {
    await before;
    registerMessages(language, Object.assign({}, ...loaded, catalogs.get(language)) as Messages);
  });
  loading.set(language, load);
  return load;
}

/**
 * English without an extension (`en`, `en-GB`, not `en-u-nu-arab`). Its plurals, small whole numbers
 * (here) and relative times (relative-time.ts) are written without `Intl`, so an English page never
 * starts ICU for them: the first `Intl` formatter on a page costs 15-20 ms of main thread (60-80 ms
 * on a slow phone). Tests hold every such string equal to what `Intl` says.
 */
export const english = (locale: string) => /^en(-[a-z]{2})?$/i.test(locale);

/** The message `key` in `locale` (falling back to English), with `{name}` placeholders filled. */
export function msg(locale: string, key: string, params: Record<string, string | number> = {}): string {
  const language = languageOf(locale);
  if (pending.has(language)) void loadMessages(locale);
  const message = catalogs.get(language)?.[key] ?? catalogs.get('en')![key] ?? key;
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const count = Number(params.count ?? 0);
    // An explicit zero form ("No comments") wins over the language's plural category.
    text =
      (count === 0 ? message.zero : undefined) ??
      message[english(locale) ? (count * count == 1 ? 'one' : 'other') : intl(Intl.PluralRules, locale).select(count)] ??
      message.other ??
      key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

const intlObjects = new Map<string, unknown>();

/**
 * One Intl object per kind, locale and options, built on first use and kept; a malformed locale
 * (`lang="!!"`) falls back to English.
 */
export function intl<T>(Kind: new (locale: string, options?: object) => T, locale: string, options?: object): T {
  const key = `${Kind.name}|${locale}|${JSON.stringify(options)}`;
  let object = intlObjects.get(key) as T | undefined;
  if (!object) {
    try {
      object = new Kind(locale, options);
    } catch {
      object = new Kind('en', options);
    }
    intlObjects.set(key, object);
  }
  return object;
}

/** A number in the page's locale; `options` as for `Intl.NumberFormat` (e.g. `{style: 'percent'}`). */
export function formatNumber(locale: string, value: number, options?: Intl.NumberFormatOptions): string {
  // 0-999 in English are their digits (`1 / value > 0` leaves out -0, which Intl writes "-0").
  return !options && 1 / value > 0 && value < 1e3 && value % 1 == 0 && english(locale) ? '' + value : intl(Intl.NumberFormat, locale, options).format(value);
}

/** A calendar date with time, e.g. "28 Nov 2026, 09:30" in the page's locale. */
export function formatDate(locale: string, date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return intl(Intl.DateTimeFormat, locale, options).format(date);
}

/** Parses an ISO date string; null when missing or invalid. */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

addMessages(en, {
  es: () => import('./locales/es.js'),
  ar: () => import('./locales/ar.js'),
});
