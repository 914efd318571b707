import type { Translation } from '../../core/index.js';
import type { messages } from '../messages.js';

/** This element's wording in Arabic: every key of `../messages.ts`, or the typecheck fails. */
const ar: Translation<typeof messages> = {
  'byline.by': 'بقلم {author}',
  'byline.avatar': 'الكاتب',
  'byline.published': '{date}',
  'byline.updated': 'حُدّث {date}',
  'byline.readingTime': {
    zero: 'أقل من دقيقة قراءة',
    one: 'دقيقة قراءة واحدة',
    two: 'دقيقتا قراءة',
    few: '{count} دقائق قراءة',
    many: '{count} دقيقة قراءة',
    other: '{count} دقيقة قراءة',
  },
};
export default ar;
