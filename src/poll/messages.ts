import type { Messages, Translations } from '../core/index.js';

/** English wording of this element; other languages live in `./locales/`. */
export const messages = {
  'poll.vote': 'Vote',
  'poll.votes': { one: '{count} vote', other: '{count} votes' },
  'poll.totalVotes': 'Total votes: {count}',
  'poll.voteRecorded': 'Vote recorded.',
  'poll.yourChoice': 'Your choice',
  'poll.closed': 'Poll closed',
  'poll.closesOn': 'Voting closes {date}',
  'poll.unavailable': 'Voting is unavailable right now.',
  'poll.alreadyVoted': 'You have already voted in this poll.',
  'poll.closedNow': 'This poll has closed, so your vote was not counted.',
  'poll.voteFailed': 'Your vote could not be sent. Please try again.',
  'poll.loadFailed': 'The poll could not be loaded.',
  'poll.noOptions': 'This poll has no choices yet.',
  'poll.chooseUpTo': { one: 'Choose 1 option.', other: 'Choose up to {count} options.' },
  'poll.chooseAny': 'Choose one or more options.',
  'poll.showResults': 'Show results',
  'poll.backToVote': 'Back to voting',
  'poll.hiddenUntilClose': 'Thanks for voting. Results will be shown when the poll closes.',
  'poll.sending': 'Sending your vote…',
} satisfies Messages;

/** The other languages, each loaded the first time a page needs it. */
export const translations: Translations<typeof messages> = {
  es: () => import('./locales/es.js'),
  ar: () => import('./locales/ar.js'),
};
