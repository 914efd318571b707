import type { Messages } from '../i18n.js';

/**
 * English strings shared by every element. Each element adds its own English wording from its
 * folder (`messages.ts`), so a page only ships the strings of the elements it uses.
 */
const en: Messages = {
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
};
export default en;
