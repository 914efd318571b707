import type { Poll, PollOption, PollResultsVisibility } from '../core/types.js';

/** Receives each problem found in poll data: a short code and a message for the console. */
export type Report = (code: string, message: string) => void;

/** The visibility rules from the most to the least open. */
export const visibilities: PollResultsVisibility[] = ['always', 'after-vote', 'after-close'];

type Data = Record<string, unknown>;
const record = (value: unknown) => (value && typeof value === 'object' ? value : {}) as Data;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A whole, non-negative vote count; null/undefined mean "hidden"; anything else counts as 0 and is reported. */
function readCount(value: unknown, what: string, report: Report): number | null {
  if (value == null) return null;
  const count = typeof value === 'number' || text(value)?.trim() ? Number(value) : NaN;
  if (count >= 0 && count < Infinity) return Math.floor(count);
  report('invalid_votes', `${what}: invalid vote count ${JSON.stringify(value)?.slice(0, 50)}, counted as 0`);
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
  const data = record(raw);
  const multiple = data.multiple === true;
  const seen = new Set<string>();
  const options: PollOption[] = [];
  for (const item of Array.isArray(data.options) ? (data.options as unknown[]) : []) {
    const option = record(item);
    const id = typeof option.id === 'number' ? String(option.id) : (text(option.id)?.trim() ?? '');
    const shortId = `"${id.slice(0, 50)}"`;
    if (!id) {
      report('invalid_option', 'dropped an option without an id');
    } else if (seen.has(id)) {
      report('duplicate_option', `dropped a duplicate option ${shortId}`);
    } else {
      seen.add(id);
      options.push({ id, label: text(option.label)?.trim() || id, votes: readCount(option.votes, `option ${shortId}`, report) });
    }
  }
  const counts = options.map((option) => option.votes);
  const hidden = counts.includes(null);
  if (hidden) options.forEach((option) => (option.votes = null));

  const given = readCount(data.totalVotes, 'totalVotes', report);
  let totalVotes = given;
  if (!hidden && options.length) {
    const known = counts as number[];
    const sum = known.reduce((a, b) => a + b, 0);
    totalVotes = multiple ? (given === null ? null : Math.min(sum, Math.max(given, ...known))) : sum;
    if (given !== null && given !== totalVotes) {
      report('inconsistent_total', `totalVotes ${given} disagrees with the options, showing ${totalVotes}`);
    }
  }

  let myVote: string[] | null = null;
  if (Array.isArray(data.myVote)) {
    myVote = (data.myVote as unknown[]).map(String).filter((id) => seen.has(id));
    if (myVote.length !== data.myVote.length) report('unknown_vote', 'ignored myVote ids that name no option');
  }

  const maxChoices = Number(data.maxChoices);
  return {
    id: text(data.id) ?? '',
    question: text(data.question)?.trim() ?? '',
    options,
    totalVotes,
    multiple,
    maxChoices: multiple && Number.isInteger(maxChoices) && maxChoices > 0 ? maxChoices : null,
    status: data.status === 'closed' ? 'closed' : 'open',
    closesAt: text(data.closesAt) ?? null,
    results: visibilities.includes(data.results as PollResultsVisibility) ? (data.results as PollResultsVisibility) : 'after-vote',
    myVote,
  };
}

/** The visibility rule in force: the stricter of the element's attribute and the poll data's. */
export function strictestRule(attribute: PollResultsVisibility | undefined, data: PollResultsVisibility): PollResultsVisibility {
  // An unknown attribute value (index -1) leaves the data's rule in force.
  return visibilities[Math.max(visibilities.indexOf(attribute!), visibilities.indexOf(data))];
}

/** `poll` with the vote `chosen` counted, so results show at once while the vote is sent. */
export function withVote(poll: Poll, chosen: string[]): Poll {
  const counted = poll.totalVotes !== null && poll.options.every((option) => option.votes !== null);
  return {
    ...poll,
    options: poll.options.map((option) => ({ ...option, votes: option.votes === null ? null : option.votes + (chosen.includes(option.id) ? 1 : 0) })),
    totalVotes: counted ? poll.totalVotes! + 1 : poll.totalVotes,
    myVote: chosen,
  };
}
