import type { Poll, PollResultsVisibility } from '../../../src/core/contract.ts';
import type { Queryable } from '../db/db.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { iso } from './time.ts';

interface PollRow {
  id: string;
  question: string;
  multiple: boolean;
  max_choices: number | null;
  results: PollResultsVisibility;
  closes_at: Date | null;
  is_closed: boolean;
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

async function loadPoll(q: Queryable, pollId: string): Promise<PollRow | null> {
  const { rows } = await q.query<PollRow>(
    `SELECT id, question, multiple, max_choices, results, closes_at,
            (closed OR (closes_at IS NOT NULL AND closes_at <= now())) AS is_closed
       FROM polls WHERE id = $1`,
    [pollId],
  );
  return rows[0] ?? null;
}

/** The poll as this voter may see it: counts are null while the results visibility rule hides them. */
export async function getPoll(q: Queryable, pollId: string, voterId: string | null): Promise<Poll | null> {
  const poll = await loadPoll(q, pollId);
  if (!poll) return null;
  // Sequential on purpose: one transaction client (pg or PGlite) runs one statement at a time.
  const options = await q.query<{ id: string; label: string }>(
    'SELECT id, label FROM poll_options WHERE poll_id = $1 ORDER BY position, id',
    [pollId],
  );
  const counts = await q.query<{ option_id: string; votes: number }>(
    `SELECT option_id, count(*)::int AS votes
       FROM poll_votes, unnest(option_ids) AS option_id
      WHERE poll_id = $1 GROUP BY option_id`,
    [pollId],
  );
  const total = await q.query<{ total: number }>('SELECT count(*)::int AS total FROM poll_votes WHERE poll_id = $1', [pollId]);
  const mine = voterId
    ? await q.query<{ option_ids: string[] }>('SELECT option_ids FROM poll_votes WHERE poll_id = $1 AND voter_id = $2', [pollId, voterId])
    : { rows: [] };
  const myVote = mine.rows[0]?.option_ids ?? null;
  const visible =
    poll.results === 'always' || poll.is_closed || (poll.results === 'after-vote' && myVote !== null);
  const votesByOption = new Map(counts.rows.map((row) => [row.option_id, row.votes]));
  return {
    id: poll.id,
    question: poll.question,
    options: options.rows.map((option) => ({
      id: option.id,
      label: option.label,
      votes: visible ? (votesByOption.get(option.id) ?? 0) : null,
    })),
    totalVotes: visible ? (total.rows[0]?.total ?? 0) : null,
    multiple: poll.multiple,
    maxChoices: poll.max_choices,
    status: poll.is_closed ? 'closed' : 'open',
    closesAt: iso(poll.closes_at),
    results: poll.results,
    myVote,
  };
}

/** Records one ballot; the (poll_id, voter_id) primary key turns a second ballot into 409. */
export async function castVote(q: Queryable, pollId: string, voterId: string, optionIds: string[]): Promise<void> {
  const poll = await loadPoll(q, pollId);
  if (!poll) throw notFound('Poll');
  if (poll.is_closed) throw new ApiError(410, 'poll_closed', 'This poll is closed.');
  const { rows: options } = await q.query<{ id: string }>('SELECT id FROM poll_options WHERE poll_id = $1', [pollId]);
  const known = new Set(options.map((option) => option.id));
  const unique = new Set(optionIds);
  const limit = poll.multiple ? (poll.max_choices ?? known.size) : 1;
  if (
    unique.size === 0 ||
    unique.size !== optionIds.length ||
    unique.size > limit ||
    optionIds.some((id) => !known.has(id))
  ) {
    const rule = poll.multiple ? `between 1 and ${limit} distinct options` : 'exactly one option';
    throw new ApiError(422, 'invalid_option', `Choose ${rule} of this poll.`);
  }
  const inserted = await q.query(
    `INSERT INTO poll_votes (poll_id, voter_id, option_ids) VALUES ($1, $2, $3)
     ON CONFLICT (poll_id, voter_id) DO NOTHING RETURNING voter_id`,
    [pollId, voterId, optionIds],
  );
  if (inserted.rows.length === 0) throw new ApiError(409, 'already_voted', 'You have already voted in this poll.');
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
  await q.query('DELETE FROM poll_options WHERE poll_id = $1 AND NOT (id = ANY($2::text[]))', [
    pollId,
    input.options.map((option) => option.id),
  ]);
  for (const [position, option] of input.options.entries()) {
    await q.query(
      `INSERT INTO poll_options (poll_id, id, label, position) VALUES ($1, $2, $3, $4)
       ON CONFLICT (poll_id, id) DO UPDATE SET label = EXCLUDED.label, position = EXCLUDED.position`,
      [pollId, option.id, option.label, position],
    );
  }
}
