import { expect } from '@open-wc/testing';
import type { Comment } from '../src/core/types.js';
import {
  allComments,
  appendPage,
  deletedPlaceholder,
  findComment,
  insertArrived,
  liveComment,
  prependPage,
  putFirst,
  putLast,
  replaceComment,
  validComments,
  withEdit,
  withLike,
  withReplyCount,
  type ReplyGroups,
} from '../src/comments/thread-list.js';

// The thread's list operations need no DOM and no element: plain data in, plain data out.

const comment = (id: string, extra: Partial<Comment> = {}): Comment => ({
  id,
  threadId: 't',
  parentId: null,
  author: { id: `u-${id}`, name: `Reader ${id}` },
  body: `Text of ${id}`,
  createdAt: '2026-12-01T10:00:00Z',
  editedAt: null,
  status: 'published',
  likes: 0,
  likedByMe: false,
  mine: false,
  replyCount: 0,
  ...extra,
});
const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('thread list operations', () => {
  it('keeps only well-formed comments of a page', () => {
    const page = {
      comments: [comment('a'), null, { id: 'no-author' }, comment('b'), { author: { id: 'x', name: 'x' } }] as Comment[],
      total: 5,
      nextCursor: null,
    };
    expect(ids(validComments(page))).to.deep.equal(['a', 'b']);
    expect(validComments(undefined)).to.deep.equal([]);
  });

  it('finds and replaces comments at the top level and in reply groups, without changing its inputs', () => {
    const top = [comment('a', { replyCount: 1 }), comment('b')];
    const groups: ReplyGroups = { a: { items: [comment('r1', { parentId: 'a' })], open: true, next: null } };
    expect(ids(allComments(top, groups))).to.deep.equal(['a', 'b', 'r1']);
    expect(findComment(top, groups, 'r1')?.parentId).to.equal('a');
    expect(findComment(top, groups, 'nope')).to.equal(undefined);

    const replaced = replaceComment(top, 'b', (c) => ({ ...c, body: 'changed' }));
    expect(replaced.map((c) => c.body)).to.deep.equal(['Text of a', 'changed']);
    expect(top[1].body, 'the input list is left as it was').to.equal('Text of b');
    expect(ids(replaceComment(top, 'a', () => null))).to.deep.equal(['b']);
    expect(replaceComment(top, 'nope', () => null)).to.deep.equal(top);
  });

  it('appends a later page without repeats and says what was new', () => {
    const list = [comment('a'), comment('b')];
    const { list: merged, added } = appendPage(list, [comment('b'), comment('c'), comment('d')]);
    expect(ids(merged)).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(ids(added)).to.deep.equal(['c', 'd']);
    expect(appendPage(list, [comment('a')]).added).to.deep.equal([]);
  });

  it('puts a first page of replies before the replies already shown, once each', () => {
    const mine = comment('mine', { parentId: 'a' });
    const page = [comment('r1', { parentId: 'a' }), comment('r2', { parentId: 'a' })];
    expect(ids(prependPage([mine], page))).to.deep.equal(['r1', 'r2', 'mine']);
    expect(ids(prependPage([page[1], mine], page)), 'a reply the page also has is not shown twice').to.deep.equal(['r1', 'r2', 'mine']);
  });

  it('places a new comment first and a new reply last, each once', () => {
    const list = [comment('a'), comment('b')];
    expect(ids(putFirst(list, comment('n')))).to.deep.equal(['n', 'a', 'b']);
    const updated = comment('b', { body: 'from the server' });
    expect(putFirst(list, updated).map((c) => [c.id, c.body])).to.deep.equal([
      ['b', 'from the server'],
      ['a', 'Text of a'],
    ]);
    expect(ids(putLast(list, comment('n')))).to.deep.equal(['a', 'b', 'n']);
    expect(putLast(list, comment('a')), 'a reply already shown stays where it is').to.equal(list);
  });

  it('reveals a live top-level comment where the sort order puts it', () => {
    const list = [comment('a')];
    expect(ids(insertArrived(list, comment('n'), 'newest', true))).to.deep.equal(['n', 'a']);
    expect(ids(insertArrived(list, comment('n'), 'oldest', false))).to.deep.equal(['a', 'n']);
    expect(ids(insertArrived(list, comment('n'), 'top', false))).to.deep.equal(['a', 'n']);
    expect(insertArrived(list, comment('n'), 'oldest', true), 'a later page will bring it in order').to.equal(list);
  });

  it('counts replies and likes without going below zero', () => {
    const c = comment('a', { replyCount: 1, likes: 0 });
    expect(withReplyCount(c, 2).replyCount).to.equal(3);
    expect(withReplyCount(c, -5).replyCount).to.equal(0);
    expect([withLike(c, true, 4).likedByMe, withLike(c, true, 4).likes]).to.deep.equal([true, 5]);
    expect([withLike(c, false, 0).likedByMe, withLike(c, false, 0).likes]).to.deep.equal([false, 0]);
  });

  it('applies an edit and leaves a placeholder without text or author for a deleted comment', () => {
    const c = comment('a', { replyCount: 2 });
    expect(withEdit(c, 'New text', '2026-12-01T10:05:00Z')).to.include({ body: 'New text', editedAt: '2026-12-01T10:05:00Z', id: 'a' });
    const gone = deletedPlaceholder(c);
    expect(gone).to.include({ status: 'deleted', body: '', replyCount: 2 });
    expect(gone.author).to.deep.equal({ id: '', name: '' });
  });

  it('accepts a live event only with a comment id and for this thread', () => {
    expect(liveComment({ type: 'comment', data: comment('a') }, 't')?.id).to.equal('a');
    expect(liveComment({ type: 'comment', data: { ...comment('a'), threadId: undefined } }, 't')?.id, 'no thread id: this thread').to.equal('a');
    expect(liveComment({ type: 'comment', data: comment('a', { threadId: 'other' }) }, 't')).to.equal(undefined);
    expect(liveComment({ type: 'comment', data: { id: 7 } }, 't')).to.equal(undefined);
    expect(liveComment({ type: 'comment', data: null }, 't')).to.equal(undefined);
  });
});
