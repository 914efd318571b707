import type { Messages } from '../i18n.js';

const ar: Messages = {
  'common.retry': 'أعد المحاولة',
  'common.loading': 'جارٍ التحميل…',
  'didYouKnow.heading': 'هل تعلم؟',
  'alsoRead.label': 'اقرأ أيضًا',
  'alsoRead.previewFailed': 'المعاينة غير متاحة.',
  'article.loadFailed': 'تعذّر تحميل هذا المقال.',
  'byline.by': 'بقلم {author}',
  'byline.avatar': 'الكاتب',
  'byline.published': '{date}',
  'byline.updated': 'حُدّث {date}',
  'byline.readingTime': { zero: 'أقل من دقيقة قراءة', one: 'دقيقة قراءة واحدة', two: 'دقيقتا قراءة', few: '{count} دقائق قراءة', many: '{count} دقيقة قراءة', other: '{count} دقيقة قراءة' },
  'related.heading': 'مقالات ذات صلة',
};
export default ar;
