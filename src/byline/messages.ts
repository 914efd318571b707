import type { Messages } from '../core/i18n.js';

/** English wording of this element; other languages live in `src/core/locales/`. */
export const messages: Messages = {
  'byline.by': 'By {author}',
  'byline.avatar': 'Author',
  'byline.published': '{date}',
  'byline.updated': 'Updated {date}',
  'byline.readingTime': { one: '{count} min read', other: '{count} min read' },
};
