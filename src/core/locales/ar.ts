import type { Translation } from '../i18n.js';
import type en from './en.js';

/** The Arabic wording of the strings every element shares. */
const ar: Translation<typeof en> = {
  'common.retry': 'أعد المحاولة',
  'common.loading': 'جارٍ التحميل…',
};
export default ar;
