import type { Messages } from '../i18n.js';

/** English, the fallback for every other language. Keys are `element.thing`. */
const en: Messages = {
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
  'didYouKnow.heading': 'Did you know?',
  'alsoRead.label': 'Also read',
  'alsoRead.previewFailed': 'Preview unavailable.',
  'article.loadFailed': 'This article could not be loaded.',
  'byline.by': 'By {author}',
  'byline.avatar': 'Author',
  'byline.published': '{date}',
  'byline.updated': 'Updated {date}',
  'byline.readingTime': { one: '{count} min read', other: '{count} min read' },
  'related.heading': 'Related articles',
};
export default en;
