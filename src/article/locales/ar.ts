import type { Translation } from '../../core/index.js';
import type { messages } from '../messages.js';

/** This element's wording in Arabic: every key of `../messages.ts`, or the typecheck fails. */
const ar: Translation<typeof messages> = {
  'article.loadFailed': 'تعذّر تحميل هذا المقال.',
};
export default ar;
