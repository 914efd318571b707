import type { Messages } from '../core/i18n.js';

/** English wording of this element; other languages live in `src/core/locales/`. */
export const messages: Messages = {
  'article.loadFailed': 'This article could not be loaded.',
};
