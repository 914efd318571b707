import type { Messages, Translations } from '../core/index.js';

/** English wording of this element; other languages live in `./locales/`. */
export const messages = {
  'trending.label': 'Trending',
  'trending.pause': 'Pause trending headlines',
  'trending.play': 'Play trending headlines',
} satisfies Messages;

/** The other languages, each loaded the first time a page needs it. */
export const translations: Translations<typeof messages> = {
  es: () => import('./locales/es.js'),
  ar: () => import('./locales/ar.js'),
};
