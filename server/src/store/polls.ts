import type { Poll, PollResultsVisibility } from '../../../src/core/contract.ts';
import type { Queryable } from '../db/db.ts';
import { AlreadyVoted, InvalidOption, NotFound, PollClosed } from './errors.ts';
import { iso } from './time.ts';

interface PollRow {
  id: string;
  question: string;
  multiple: boolean;
  max_choices: number | null;
  results: PollResultsVisibility;
  closes_at: Date | null;
  is_closed: boolean;
  total_votes: number;
}

/** A poll with its options and their counters: everything needed to answer about it, in two reads. */
export interface PollState {
  poll: PollRow;
  options: { id: string; label: string; votes: number }[];
}

export interface PollInput {
  question: string;
  options: { id: string; label: string }[];
  multiple: boolean;
  maxChoices: number | null;
  results: PollResultsVisibility;
  closesAt: string | null;
  status: 'open' | 'closed';
}

/** The poll row and its options with their counters; never an aggregate over ballots. */
export async function loadPollState(q: Queryable, pollId: string): Promise<PollState | null> {
  const { rows } = await q.query<PollRow>(
    `SELECT id, question, multiple, max_choices, results, closes_at, total_votes,
            (closed OR (closes_at IS NOT NULL AND closes_at <= now())) AS is_closed
       FROM polls WHERE id = $1`,
    [pollId],
  );
  const poll = rows[0];
  if (!poll) return null;
  // Sequential on purpose: one transaction client (pg or PGlite) runs one statement at a time.
  const options = await q.query<{ id: string; label: string; votes: number }>(
    'SELECT id, label, votes FROM poll_options WHERE poll_id = $1 ORDER BY position, id',
    [pollId],
  );
  return { poll, options: options.rows };
}

/** Whether a reader who voted `myVote` (null: not yet) may see the counts. */
export function countsVisible(state: PollState, myVote: string[] | null): boolean {
  const { poll } = state;
  return poll.results === 'always' || poll.is_closed || (poll.results === 'after-vote' && myVote !== null);
}

/** The poll as a reader who voted `myVote` sees it: counts are null while the visibility rule hides them. */
export function pollFor(state: PollState, myVote: string[] | null): Poll {
  const { poll } = state;
  const visible = countsVisible(state, myVote);
  return {
    id: poll.id,
    question: poll.question,
    options: state.options.map((option) => ({ id: option.id, label: option.label, votes: visible ? option.votes : null })),
    totalVotes: visible ? poll.total_votes : null,
    multiple: poll.multiple,
    maxChoices: poll.max_choices,
    status: poll.is_closed ? 'closed' : 'open',
    closesAt: iso(poll.closes_at),
    results: poll.results,
    myVote,
  };
}

/** The ballot `voterId` cast in a poll, or null. */
export async function ballotOf(q: Queryable, pollId: string, voterId: string | null): Promise<string[] | null> {
  if (!voterId) return null;
  const { rows } = await q.query<{ option_ids: string[] }>('SELECT option_ids FROM poll_votes WHERE poll_id = $1 AND voter_id = $2', [pollId, voterId]);
  return rows[0]?.option_ids ?? null;
}

/** The poll as this voter may see it. */
export async function getPoll(q: Queryable, pollId: string, voterId: string | null): Promise<Poll | null> {
  const state = await loadPollState(q, pollId);
  if (!state) return null;
  return pollFor(state, await ballotOf(q, pollId, voterId));
}

/** Checks a ballot against the poll without touching the database: 410 when closed, 422 when malformed. */
export function checkBallot(state: PollState, optionIds: string[]): void {
  if (state.poll.is_closed) throw new PollClosed();
  const known = new Set(state.options.map((option) => option.id));
  const unique = new Set(optionIds);
  const limit = state.poll.multiple ? (state.poll.max_choices ?? known.size) : 1;
  if (unique.size === 0 || unique.size !== optionIds.length || unique.size > limit || optionIds.some((id) => !known.has(id))) {
    const rule = state.poll.multiple ? `between 1 and ${limit} distinct options` : 'exactly one option';
    throw new InvalidOption(`Choose ${rule} of this poll.`);
  }
}

/**
 * Adds ballots to a poll's counters in the caller's transaction and returns the state after it.
 * `perOption` maps option id to the number of new ballots naming it. Polls row first, then options:
 * the same lock order as putPoll, so the two never deadlock.
 */
export async function addToCounters(q: Queryable, state: PollState, ballots: number, perOption: Record<string, number>): Promise<PollState> {
  const polls = await q.query<{ total_votes: number }>('UPDATE polls SET total_votes = total_votes + $2 WHERE id = $1 RETURNING total_votes', [
    state.poll.id,
    ballots,
  ]);
  const options = await q.query<{ id: string; votes: number }>(
    `UPDATE poll_options SET votes = votes + COALESCE(($2::jsonb ->> id)::int, 0)
      WHERE poll_id = $1 RETURNING id, votes`,
    [state.poll.id, JSON.stringify(perOption)],
  );
  const votes = new Map(options.rows.map((row) => [row.id, row.votes]));
  return {
    poll: { ...state.poll, total_votes: polls.rows[0]?.total_votes ?? state.poll.total_votes },
    options: state.options.map((option) => ({ ...option, votes: votes.get(option.id) ?? option.votes })),
  };
}

/** Records one ballot and moves the counters; the (poll_id, voter_id) primary key turns a second ballot into 409. */
export async function castVote(q: Queryable, pollId: string, voterId: string, optionIds: string[]): Promise<PollState> {
  const state = await loadPollState(q, pollId);
  if (!state) throw new NotFound('Poll');
  checkBallot(state, optionIds);
  const inserted = await q.query(
    `INSERT INTO poll_votes (poll_id, voter_id, option_ids) VALUES ($1, $2, $3)
     ON CONFLICT (poll_id, voter_id) DO NOTHING RETURNING voter_id`,
    [pollId, voterId, optionIds],
  );
  if (inserted.rows.length === 0) throw new AlreadyVoted();
  return addToCounters(q, state, 1, Object.fromEntries(optionIds.map((id) => [id, 1])));
}

/** Recomputes a poll's counters from its ballots (after ballots were written directly, as the seed does). */
export async function recountPoll(q: Queryable, pollId: string): Promise<void> {
  await q.query('UPDATE polls p SET total_votes = (SELECT count(*) FROM poll_votes v WHERE v.poll_id = p.id) WHERE id = $1', [pollId]);
  await q.query(
    `UPDATE poll_options o SET votes = (SELECT count(*) FROM poll_votes v WHERE v.poll_id = o.poll_id AND o.id = ANY (v.option_ids))
      WHERE poll_id = $1`,
    [pollId],
  );
}

/** Creates or replaces a poll; votes for options that remain are kept. */
export async function putPoll(q: Queryable, pollId: string, input: PollInput): Promise<void> {
  await q.query(
    `INSERT INTO polls (id, question, multiple, max_choices, results, closes_at, closed, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now())
     ON CONFLICT (id) DO UPDATE SET question = EXCLUDED.question, multiple = EXCLUDED.multiple,
       max_choices = EXCLUDED.max_choices, results = EXCLUDED.results, closes_at = EXCLUDED.closes_at,
       closed = EXCLUDED.closed, updated_at = now()`,
    [pollId, input.question, input.multiple, input.maxChoices, input.results, input.closesAt, input.status === 'closed'],
  );
  await q.query('DELETE FROM poll_options WHERE poll_id = $1 AND NOT (id = ANY($2::text[]))', [pollId, input.options.map((option) => option.id)]);
  for (const [position, option] of input.options.entries()) {
    await q.query(
      `INSERT INTO poll_options (poll_id, id, label, position) VALUES ($1, $2, $3, $4)
       ON CONFLICT (poll_id, id) DO UPDATE SET label = EXCLUDED.label, position = EXCLUDED.position`,
      [pollId, option.id, option.label, position],
    );
  }
}
