// Type-level tests, compiled by `npm run typecheck` (tsconfig.json includes test/**): each
// `@ts-expect-error` fails the typecheck if the line below it is accepted.
import type { Translation, Translations } from '../../src/core/index.js';
import { messages as pollMessages, translations as pollTranslations } from '../../src/poll/messages.js';
import pollSpanish from '../../src/poll/locales/es.js';
import { messages as bylineMessages } from '../../src/byline/messages.js';

type PollTranslation = Translation<typeof pollMessages>;

// The real catalogs are complete.
export const complete: PollTranslation = pollSpanish;
export const loaders: Translations<typeof pollMessages> = pollTranslations;

// A catalog missing one key fails.
const { 'poll.vote': _vote, ...withoutVote } = pollSpanish;
// @ts-expect-error 'poll.vote' is missing
export const missingKey: PollTranslation = withoutVote;

// A key the English messages do not have fails (a typo in a translation).
// @ts-expect-error 'poll.voet' is not a poll message
export const extraKey: PollTranslation = { ...pollSpanish, 'poll.voet': 'Votar' };

// A plain string where English has plural forms fails.
// @ts-expect-error 'poll.votes' has plural forms
export const notPlural: PollTranslation = { ...pollSpanish, 'poll.votes': '{count} votos' };

// A loader whose catalog misses a key fails too.
export const badLoaders: Translations<typeof bylineMessages> = {
  // @ts-expect-error the byline catalog misses 'byline.readingTime'
  es: async () => ({
    default: { 'byline.by': 'Por {author}', 'byline.avatar': 'Autor', 'byline.published': '{date}', 'byline.updated': 'Actualizado {date}' },
  }),
};
