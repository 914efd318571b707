import type { Poll, PollOption, PollResultsVisibility } from '../core/types.js';

/** Receives each problem found in poll data: a short code and a message for the console. */
export type Report = (code: string, message: string) => void;

const visibilities: PollResultsVisibility[] = ['after-vote', 'always', 'after-close'];

/** A whole, non-negative vote count; null/undefined mean "hidden"; anything else counts as 0 and is reported. */
function readCount(value: unknown, what: string, report: Report): number | null {
  if (value == null) return null;
  const count = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  if (Number.isFinite(count) && count >= 0) return Math.floor(count);
  report('invalid_votes', `${what} has an invalid vote count ${JSON.stringify(value)?.slice(0, 50)}; counted as 0`);
  return 0;
}

/**
 * Turns poll data from any source (server, `poll` property, light DOM) into a `Poll` the element can
 * render without further checks. Every repair is reported:
 * - options without an id are dropped, a repeated id keeps its first option, a missing label shows the id;
 * - negative or non-numeric votes count as 0; if any option's votes are hidden (`null`) all are,
 *   since a partial picture would be a guess;
 * - `totalVotes` is the number of voters: for a single-choice poll it is the sum of the options' votes
 *   (a different figure is replaced by the sum); for `multiple` it is kept within what the options allow
 *   (at least the largest option, at most their sum), and stays unknown (null) when missing;
 * - `myVote` ids that name no option are dropped (the reader still counts as having voted).
 */
export function normalizePoll(raw: unknown, report: Report): Poll {
  const data = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const multiple = data.multiple === true;
  const seen = new Set<string>();
  const options: PollOption[] = [];
  for (const item of Array.isArray(data.options) ? (data.options as unknown[]) : []) {
    const option = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const id = typeof option.id === 'string' || typeof option.id === 'number' ? String(option.id).trim() : '';
    if (!id) {
      report('invalid_option', 'dropped an option without an id');
    } else if (seen.has(id)) {
      report('duplicate_option', `dropped a second option with the id "${id.slice(0, 50)}"`);
    } else {
      seen.add(id);
      const label = typeof option.label === 'string' && option.label.trim() ? option.label.trim() : id;
      options.push({ id, label, votes: readCount(option.votes, `option "${id.slice(0, 50)}"`, report) });
    }
  }
  const hidden = options.some((option) => option.votes === null);
  if (hidden) options.forEach((option) => (option.votes = null));

  let totalVotes = readCount(data.totalVotes, 'totalVotes', report);
  if (!hidden && options.length) {
    const counts = options.map((option) => option.votes!);
    const sum = counts.reduce((a, b) => a + b, 0);
    const given = totalVotes;
    totalVotes = multiple ? (given === null ? null : Math.min(sum, Math.max(given, ...counts))) : sum;
    if (given !== null && given !== totalVotes) {
      report('inconsistent_total', `totalVotes ${given} does not match the options' votes; showing ${totalVotes}`);
    }
  }

  let myVote: string[] | null = null;
  if (Array.isArray(data.myVote)) {
    myVote = (data.myVote as unknown[]).map(String).filter((id) => seen.has(id));
    if (myVote.length !== data.myVote.length) report('unknown_vote', 'myVote names options this poll does not have; they are ignored');
  }

  const maxChoices = Number(data.maxChoices);
  return {
    id: typeof data.id === 'string' ? data.id : '',
    question: typeof data.question === 'string' ? data.question.trim() : '',
    options,
    totalVotes,
    multiple,
    maxChoices: multiple && Number.isInteger(maxChoices) && maxChoices > 0 ? maxChoices : null,
    status: data.status === 'closed' ? 'closed' : 'open',
    closesAt: typeof data.closesAt === 'string' ? data.closesAt : null,
    results: visibilities.includes(data.results as PollResultsVisibility) ? (data.results as PollResultsVisibility) : 'after-vote',
    myVote,
  };
}
