import type { Messages } from '../i18n.js';

/** English, the fallback for every other language. Keys are `element.thing`. */
const en: Messages = {
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
  'didYouKnow.heading': 'Did you know?',
  'alsoRead.label': 'Also read',
  'alsoRead.previewFailed': 'Preview unavailable.',
};
export default en;
