import type { Translation } from '../../core/index.js';
import type { messages } from '../messages.js';

/** This element's wording in Arabic: every key of `../messages.ts`, or the typecheck fails. */
const ar: Translation<typeof messages> = {
  'trending.label': 'الأكثر رواجًا',
  'trending.pause': 'إيقاف تبديل العناوين الرائجة مؤقتًا',
  'trending.play': 'استئناف تبديل العناوين الرائجة',
};
export default ar;
