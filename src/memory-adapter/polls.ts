// Polls in memory: counters plus who voted what, results shown by the poll's visibility rule.
import { HttpError } from '../core/errors.js';
import type { Poll } from '../core/types.js';
import { notFound, toMs, type Backend } from './backend.js';
import type { MemoryAdapter, MemorySeed } from './types.js';

interface StoredPoll {
  poll: Poll;
  votes: Record<string, number>;
  total: number;
  ballots: Map<string, string[]>;
}

export interface PollMethods extends Pick<MemoryAdapter, 'getPoll' | 'vote' | 'simulateVotes'> {
  /** The poll as the reader sees it now, or undefined when there is no such poll. */
  current(pollId: string): Poll | undefined;
}

export function pollMethods(data: MemorySeed, { run, now, voterId, publish }: Backend): PollMethods {
  const polls = new Map<string, StoredPoll>();
  for (const poll of data.polls ?? []) {
    const votes: Record<string, number> = {};
    for (const option of poll.options) votes[option.id] = option.votes ?? 0;
    const total = poll.totalVotes ?? Object.values(votes).reduce((sum, n) => sum + n, 0);
    const ballots = new Map<string, string[]>();
    if (poll.myVote) ballots.set(voterId(), poll.myVote);
    polls.set(poll.id, { poll, votes, total, ballots });
  }

  const isClosed = (p: Poll) => p.status === 'closed' || (!!p.closesAt && toMs(p.closesAt) <= now());

  const pollView = ({ poll, votes, total, ballots }: StoredPoll): Poll => {
    const closed = isClosed(poll);
    const myVote = ballots.get(voterId()) ?? null;
    const shown = poll.results === 'always' || closed || (poll.results === 'after-vote' && myVote !== null);
    return {
      id: poll.id,
      question: poll.question,
      options: poll.options.map((o) => ({ id: o.id, label: o.label, votes: shown ? (votes[o.id] ?? 0) : null })),
      totalVotes: shown ? total : null,
      multiple: poll.multiple,
      maxChoices: poll.maxChoices ?? null,
      status: closed ? 'closed' : 'open',
      closesAt: poll.closesAt ?? null,
      results: poll.results,
      myVote: myVote && [...myVote],
    };
  };

  const findPoll = (id: string) => {
    const poll = polls.get(id);
    if (!poll) throw notFound('Poll');
    return poll;
  };

  const publishResults = (p: StoredPoll) => publish(`polls/${p.poll.id}`, () => ({ type: 'results', data: pollView(p) }));

  return {
    current(pollId) {
      const stored = polls.get(pollId);
      return stored && pollView(stored);
    },

    getPoll: (pollId, call) => run('getPoll', [pollId], call, () => pollView(findPoll(pollId))),

    vote: (pollId, optionIds, call) =>
      run('vote', [pollId, optionIds], call, () => {
        const stored = findPoll(pollId);
        const { poll } = stored;
        if (isClosed(poll)) throw new HttpError(410, 'poll_closed', 'This poll is closed.');
        const known = new Set(poll.options.map((o) => o.id));
        const unique = new Set(optionIds);
        const limit = poll.multiple ? (poll.maxChoices ?? known.size) : 1;
        if (!unique.size || unique.size !== optionIds.length || unique.size > limit || optionIds.some((id) => !known.has(id))) {
          const rule = poll.multiple ? `between 1 and ${limit} distinct options` : 'exactly one option';
          throw new HttpError(422, 'invalid_option', `Choose ${rule} of this poll.`);
        }
        if (stored.ballots.has(voterId())) throw new HttpError(409, 'already_voted', 'You have already voted in this poll.');
        stored.ballots.set(voterId(), [...optionIds]);
        for (const id of optionIds) stored.votes[id] = (stored.votes[id] ?? 0) + 1;
        stored.total++;
        publishResults(stored);
        return pollView(stored);
      }),

    simulateVotes(pollId, votes) {
      const stored = findPoll(pollId);
      for (const [optionId, count] of Object.entries(votes)) {
        stored.votes[optionId] = (stored.votes[optionId] ?? 0) + count;
        stored.total += count;
      }
      publishResults(stored);
    },
  };
}
