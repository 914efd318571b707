import type { Comment } from '../../../src/core/contract.ts';
import type { Queryable } from '../db/db.ts';
import type { BusEvent, EventBus } from '../events.ts';
import type { LiveStream } from '../http/sse.ts';
import { getCommentRow, toComment } from '../store/comments.ts';

/** A comment as an anonymous reader sees it: what a NOTIFY payload carries for every listener. */
export function neutralComment(comment: Comment): Comment {
  return { ...comment, mine: false, likedByMe: false };
}

/** Pauses between attempts of a read that failed (a dropped connection, a fail-over): three tries in all. */
const retryDelaysMs = [100, 400];

/**
 * Turns bus events of one thread into Server-Sent Events for one reader, strictly in the order they
 * were committed: each event waits for the one before it, so a slow read can never let an edit or a
 * delete overtake the comment it is about. Events carry the comment itself, so most need no read; a
 * read that still fails is retried, and what the event already says is sent rather than dropped.
 */
export function threadStream(db: Queryable, bus: EventBus, stream: LiveStream, threadId: string, viewerId: string | null): (event: BusEvent) => void {
  let tail = Promise.resolve();
  const live = () => !bus.stopped && stream.open();

  async function read<T>(what: string, load: () => Promise<T>): Promise<T | undefined> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await load();
      } catch (error) {
        if (!live()) return undefined;
        const pause = retryDelaysMs[attempt];
        if (pause === undefined) {
          console.warn(`[server] ${what} failed after ${attempt + 1} tries:`, (error as Error).message);
          return undefined;
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
        if (!live()) return undefined;
      }
    }
  }

  async function deliver(event: Extract<BusEvent, { kind: 'comment' }>): Promise<void> {
    if (event.action === 'deleted') {
      await stream.send('comment-deleted', { id: event.commentId, threadId });
      return;
    }
    let comment = event.comment;
    if (!comment) {
      // Too large for the payload: read it back (as this reader sees it).
      const row = await read('comment event read', () => getCommentRow(db, event.commentId, viewerId));
      if (!row || row.status !== 'published') return;
      comment = toComment(row, viewerId);
    } else {
      const mine = viewerId !== null && comment.author.id === viewerId;
      let likedByMe = false;
      if (event.action === 'updated' && viewerId !== null) {
        // A new comment has no likes yet; an edited one may carry this reader's like.
        const liked = await read('comment like read', () =>
          db.query<{ liked: boolean }>('SELECT EXISTS (SELECT 1 FROM comment_likes WHERE comment_id = $1 AND user_id = $2) AS liked', [
            event.commentId,
            viewerId,
          ]),
        );
        likedByMe = liked?.rows[0]?.liked ?? false;
      }
      comment = { ...comment, mine, likedByMe };
    }
    if (live()) await stream.send(event.action === 'created' ? 'comment' : 'comment-updated', comment);
  }

  return (event) => {
    if (event.kind !== 'comment') return;
    tail = tail
      .then(() => (live() ? deliver(event) : undefined))
      .catch((error: unknown) => {
        if (live()) console.warn('[server] comment event failed:', (error as Error).message);
      });
  };
}
