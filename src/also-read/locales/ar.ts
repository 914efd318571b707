import type { Translation } from '../../core/index.js';
import type { messages } from '../messages.js';

/** This element's wording in Arabic: every key of `../messages.ts`, or the typecheck fails. */
const ar: Translation<typeof messages> = {
  'alsoRead.label': 'اقرأ أيضًا',
  'alsoRead.previewFailed': 'المعاينة غير متاحة.',
};
export default ar;
