import type { Translation } from '../../core/index.js';
import type { messages } from '../messages.js';

/** This element's wording in Arabic: every key of `../messages.ts`, or the typecheck fails. */
const ar: Translation<typeof messages> = {
  'commentCount.count': { zero: 'لا توجد تعليقات', one: 'تعليق واحد', two: 'تعليقان', few: '{count} تعليقات', many: '{count} تعليقًا', other: '{count} تعليق' },
  'commentCount.fallback': 'التعليقات',
};
export default ar;
