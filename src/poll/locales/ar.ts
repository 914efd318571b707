import type { Translation } from '../../core/index.js';
import type { messages } from '../messages.js';

/** This element's wording in Arabic: every key of `../messages.ts`, or the typecheck fails. */
const ar: Translation<typeof messages> = {
  'poll.vote': 'صوّت',
  'poll.votes': { zero: 'لا أصوات', one: 'صوت واحد', two: 'صوتان', few: '{count} أصوات', many: '{count} صوتًا', other: '{count} صوت' },
  'poll.totalVotes': 'إجمالي الأصوات: {count}',
  'poll.voteRecorded': 'تم تسجيل صوتك.',
  'poll.yourChoice': 'اختيارك',
  'poll.closed': 'الاستطلاع مغلق',
  'poll.closesOn': 'يُغلق التصويت في {date}',
  'poll.unavailable': 'التصويت غير متاح حاليًا.',
  'poll.alreadyVoted': 'سبق لك التصويت في هذا الاستطلاع.',
  'poll.closedNow': 'أُغلق هذا الاستطلاع، لذا لم يُحتسب صوتك.',
  'poll.voteFailed': 'تعذّر إرسال صوتك. يُرجى المحاولة مرة أخرى.',
  'poll.loadFailed': 'تعذّر تحميل الاستطلاع.',
  'poll.noOptions': 'لا توجد خيارات في هذا الاستطلاع بعد.',
  'poll.chooseUpTo': {
    one: 'اختر خيارًا واحدًا.',
    two: 'اختر خيارين على الأكثر.',
    few: 'اختر حتى {count} خيارات.',
    many: 'اختر حتى {count} خيارًا.',
    other: 'اختر حتى {count} خيار.',
  },
  'poll.chooseAny': 'اختر خيارًا واحدًا أو أكثر.',
  'poll.showResults': 'عرض النتائج',
  'poll.backToVote': 'العودة إلى التصويت',
  'poll.hiddenUntilClose': 'شكرًا لتصويتك. ستظهر النتائج عند إغلاق الاستطلاع.',
  'poll.sending': 'جارٍ إرسال صوتك…',
};
export default ar;
