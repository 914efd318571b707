import type { Messages } from '../core/i18n.js';

/** English wording of this element; other languages live in `src/core/locales/`. */
export const messages: Messages = {
  'commentCount.count': { zero: 'No comments', one: '{count} comment', other: '{count} comments' },
  'commentCount.fallback': 'Comments',
};
