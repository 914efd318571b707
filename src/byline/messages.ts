import type { Messages, Translations } from '../core/index.js';

/** English wording of this element; other languages live in `./locales/`. */
export const messages = {
  'byline.by': 'By {author}',
  'byline.avatar': 'Author',
  'byline.published': '{date}',
  'byline.updated': 'Updated {date}',
  'byline.readingTime': { one: '{count} min read', other: '{count} min read' },
} satisfies Messages;

/** The other languages, each loaded the first time a page needs it. */
export const translations: Translations<typeof messages> = {
  es: () => import('./locales/es.js'),
  ar: () => import('./locales/ar.js'),
};
