import type { Db, Queryable } from '../db/db.ts';
import { putArticle } from '../store/articles.ts';
import { putFeed } from '../store/feeds.ts';
import { putPoll, recountPoll } from '../store/polls.ts';
import { recordReads } from '../store/trending.ts';
import { demoArticle, demoFeed, demoPoll, demoThread, relatedArticles } from './demo-content.ts';

/**
 * Loads the demo article, related stories, poll, comment thread and markets feed on first start. One
 * transaction, and a second start (or a second process) changes nothing: every insert tolerates
 * existing rows. A database seeded before feeds existed gets the feed on its next start.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const feed = await tx.query('SELECT 1 FROM feeds WHERE id = $1', [demoFeed.id]);
    if (feed.rows.length === 0) await putFeed(tx, demoFeed.id, demoFeed);
    const existing = await tx.query('SELECT 1 FROM articles WHERE id = $1', [demoArticle.id]);
    if (existing.rows.length > 0) return false;
    for (const summary of relatedArticles) {
      await putArticle(tx, { ...summary, blocks: [] }, null);
    }
    await putArticle(
      tx,
      demoArticle,
      relatedArticles.map((summary) => summary.id),
    );
    await seedPoll(tx);
    await seedThread(tx, now);
    // This morning's reads, so the trending strip has a most-read list before any reader arrives.
    await recordReads(tx, new Map(relatedArticles.map((summary, index) => [summary.id, 400 - index * 90])), now.getTime());
    return true;
  });
}

async function seedPoll(tx: Queryable): Promise<void> {
  const existing = await tx.query('SELECT 1 FROM polls WHERE id = $1', [demoPoll.id]);
  if (existing.rows.length > 0) return;
  await putPoll(tx, demoPoll.id, {
    question: demoPoll.question,
    options: demoPoll.options,
    multiple: demoPoll.multiple,
    maxChoices: null,
    results: demoPoll.results,
    closesAt: demoPoll.closesAt,
    status: 'open',
  });
  // Real ballots from synthetic voters, so totals stay exact as readers add their own.
  for (const [optionId, count] of Object.entries(demoPoll.votes)) {
    await tx.query(
      `INSERT INTO poll_votes (poll_id, voter_id, option_ids)
       SELECT $1, 'seed:' || $2 || ':' || n, ARRAY[$2::text] FROM generate_series(1, $3::int) AS n
       ON CONFLICT (poll_id, voter_id) DO NOTHING`,
      [demoPoll.id, optionId, count],
    );
  }
  await recountPoll(tx, demoPoll.id);
}

async function seedThread(tx: Queryable, now: Date): Promise<void> {
  const seeded = new Map<string, { topLevelId: string; authorName: string }>();
  for (const comment of demoThread.comments) {
    const parent = comment.parentId ? seeded.get(comment.parentId) : undefined;
    if (comment.parentId && !parent) throw new Error(`Demo comment ${comment.id} answers ${comment.parentId}, which comes later or is missing`);
    // A reply to a reply is stored one level deep, under its top-level ancestor, naming whom it answers.
    const parentId = parent ? parent.topLevelId : null;
    const replyToName = parent && parent.topLevelId !== comment.parentId ? parent.authorName : null;
    await tx.query(
      `INSERT INTO comments (id, thread_id, parent_id, author_id, author_name, author_avatar, body, status, reply_to_name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'published', $8, $9) ON CONFLICT (id) DO NOTHING`,
      [
        comment.id,
        demoThread.id,
        parentId,
        comment.author.id,
        comment.author.name,
        comment.author.avatar ?? null,
        comment.body,
        replyToName,
        new Date(now.getTime() - comment.minutesAgo * 60_000),
      ],
    );
    await tx.query(
      `INSERT INTO comment_likes (comment_id, user_id)
       SELECT $1, 'seed-liker-' || n FROM generate_series(1, $2::int) AS n ON CONFLICT DO NOTHING`,
      [comment.id, comment.likes],
    );
    await tx.query('UPDATE comments SET likes = (SELECT count(*)::int FROM comment_likes WHERE comment_id = $1) WHERE id = $1', [comment.id]);
    seeded.set(comment.id, { topLevelId: parentId ?? comment.id, authorName: comment.author.name });
  }
}
