import type { Messages } from '../i18n.js';

/**
 * English strings shared by every element. Each element adds its own wording, in every language,
 * from its folder (`messages.ts` and `locales/`), so a page only ships the strings of its elements.
 */
const en = {
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
} satisfies Messages;
export default en;
