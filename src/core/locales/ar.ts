import type { Messages } from '../i18n.js';

const ar: Messages = {
  'common.retry': 'أعد المحاولة',
  'common.loading': 'جارٍ التحميل…',
  'didYouKnow.heading': 'هل تعلم؟',
  'alsoRead.label': 'اقرأ أيضًا',
  'alsoRead.previewFailed': 'المعاينة غير متاحة.',
};
export default ar;
