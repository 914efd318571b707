import { expect } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryAdapter, type MemorySeed } from '../src/memory-adapter/index.js';
import { HttpError, NetworkError } from '../src/core/errors.js';
import { createDemoSeed, DEMO_ARTICLE_ID, DEMO_POLL_ID, DEMO_POLL_IDS, demoReader } from '../src/memory-adapter/demo-seed.js';
import type { Article, Comment, Feed, LiveEvent, Poll, User } from '../src/core/types.js';

const ada: User = { id: 'u-ada', name: 'Ada' };
const bo: User = { id: 'u-bo', name: 'Bo' };
const cy: User = { id: 'u-cy', name: 'Cy' };
const T0 = Date.parse('2026-03-01T12:00:00Z');

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

async function httpError(promise: Promise<unknown>): Promise<[number, string]> {
  const error = await rejection(promise);
  expect(error).to.be.instanceOf(HttpError);
  return [(error as HttpError).status, (error as HttpError).code];
}

const nextTick = () => new Promise((r) => setTimeout(r, 10));

function article(id: string, publishedAt: string, url = `/articles/${id}`): Article {
  return { id, url, headline: `Headline ${id}`, publishedAt, blocks: [{ type: 'paragraph', content: ['Text'] }] };
}

function poll(id: string, extra: Partial<Poll> = {}): Poll {
  return {
    id,
    question: 'Which?',
    options: [
      { id: 'a', label: 'A', votes: 3 },
      { id: 'b', label: 'B', votes: 1 },
      { id: 'c', label: 'C', votes: 0 },
    ],
    totalVotes: null,
    multiple: false,
    status: 'open',
    results: 'after-vote',
    myVote: null,
    ...extra,
  };
}

function comment(id: string, minutesAfterT0: number, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    threadId: 't1',
    parentId: null,
    author: bo,
    body: `Body ${id}`,
    createdAt: new Date(T0 + minutesAfterT0 * 60_000).toISOString(),
    editedAt: null,
    status: 'published',
    likes: 0,
    likedByMe: false,
    mine: false,
    replyCount: 0,
    ...extra,
  };
}

describe('createMemoryAdapter', () => {
  describe('articles', () => {
    const seed: MemorySeed = {
      articles: [
        article('a1', '2026-01-01T00:00:00Z'),
        article('a2', '2026-01-03T00:00:00Z'),
        article('a3', '2026-01-02T00:00:00Z', 'https://news.example/world/a3'),
        article('a4', '2026-01-04T00:00:00Z'),
      ],
      related: { a2: ['a4', 'missing', 'a1'] },
    };

    it('gets an article, and 404 for an unknown one', async () => {
      const adapter = createMemoryAdapter(seed);
      expect((await adapter.getArticle('a1')).headline).to.equal('Headline a1');
      expect(await httpError(adapter.getArticle('nope'))).to.deep.equal([404, 'not_found']);
    });

    it('looks an article up by url, ignoring fragment, trailing slash and origin', async () => {
      const adapter = createMemoryAdapter(seed);
      expect((await adapter.lookupArticle('/articles/a2')).id).to.equal('a2');
      expect((await adapter.lookupArticle('https://news.example/articles/a2/#top')).id).to.equal('a2');
      expect((await adapter.lookupArticle('https://news.example/world/a3')).id).to.equal('a3');
      const found = await adapter.lookupArticle('/articles/a1');
      expect(found).to.not.have.property('blocks');
      expect(await httpError(adapter.lookupArticle('/articles/none'))).to.deep.equal([404, 'not_found']);
    });

    it('lists related articles: the publisher list in order, else the latest others, up to limit', async () => {
      const adapter = createMemoryAdapter(seed);
      expect((await adapter.getRelated('a2', 4)).map((a) => a.id)).to.deep.equal(['a4', 'a1']);
      expect((await adapter.getRelated('a1', 2)).map((a) => a.id)).to.deep.equal(['a4', 'a2']);
      expect(await httpError(adapter.getRelated('nope', 4))).to.deep.equal([404, 'not_found']);
    });

    it("ranks trending by reads (each getArticle is one), by section, and an editor's list wins while set", async () => {
      const adapter = createMemoryAdapter({
        articles: [article('a1', '2026-01-01T00:00:00Z'), { ...article('a2', '2026-01-02T00:00:00Z'), section: 'city' }, article('a3', '2026-01-03T00:00:00Z')],
        reads: { a1: 2, a2: 1 },
      });
      expect((await adapter.getTrending!(null, 5)).map((a) => a.id)).to.deep.equal(['a1', 'a2']);
      await adapter.getArticle('a2');
      await adapter.getArticle('a2');
      expect((await adapter.getTrending!(null, 1)).map((a) => a.id)).to.deep.equal(['a2']);
      expect((await adapter.getTrending!('city', 5)).map((a) => a.id)).to.deep.equal(['a2']);
      adapter.setTrendingPicks(null, ['a3', 'a1', 'gone']);
      expect((await adapter.getTrending!(null, 5)).map((a) => a.id)).to.deep.equal(['a3', 'a1']);
      expect((await adapter.getTrending!('city', 5)).map((a) => a.id)).to.deep.equal(['a2']);
      adapter.setTrendingPicks(null, []);
      expect((await adapter.getTrending!(null, 5)).map((a) => a.id)).to.deep.equal(['a2', 'a1']);
    });

    it('copies data in and out, so callers cannot change the store', async () => {
      const own: MemorySeed = { articles: [article('a1', '2026-01-01T00:00:00Z')] };
      const adapter = createMemoryAdapter(own);
      own.articles![0]!.headline = 'Changed in the seed';
      const first = await adapter.getArticle('a1');
      first.headline = 'Changed by a caller';
      expect((await adapter.getArticle('a1')).headline).to.equal('Headline a1');
    });
  });

  describe('polls', () => {
    it('hides results after-vote until this voter votes, then shows counts with the vote', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('p1')] });
      const before = await adapter.getPoll('p1');
      expect(before.options.map((o) => o.votes)).to.deep.equal([null, null, null]);
      expect([before.totalVotes, before.myVote, before.status]).to.deep.equal([null, null, 'open']);
      const after = await adapter.vote('p1', ['b']);
      expect(after.options.map((o) => o.votes)).to.deep.equal([3, 2, 0]);
      expect([after.totalVotes, after.myVote]).to.deep.equal([5, ['b']]);
      expect(await adapter.getPoll('p1')).to.deep.equal(after);
    });

    it('shows results always with results: always', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('p1', { results: 'always', totalVotes: 4 })] });
      const p = await adapter.getPoll('p1');
      expect(p.options.map((o) => o.votes)).to.deep.equal([3, 1, 0]);
      expect(p.totalVotes).to.equal(4);
    });

    it('hides results after-close until the poll closes, by status or by closesAt', async () => {
      const closesAt = new Date(T0 + 60_000).toISOString();
      const adapter = createMemoryAdapter({ polls: [poll('p1', { results: 'after-close', closesAt })], now: T0 });
      const voted = await adapter.vote('p1', ['a']);
      expect(voted.totalVotes).to.equal(null);
      expect(voted.myVote).to.deep.equal(['a']);
      adapter.advanceTime(61_000);
      const closed = await adapter.getPoll('p1');
      expect(closed.status).to.equal('closed');
      expect(closed.options.map((o) => o.votes)).to.deep.equal([4, 1, 0]);

      const other = createMemoryAdapter({ polls: [poll('p2', { results: 'after-close', status: 'closed' })] });
      expect((await other.getPoll('p2')).totalVotes).to.equal(4);
    });

    it('takes one vote per voter: 409 already_voted, while another reader can still vote', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('p1')] });
      await adapter.vote('p1', ['a']);
      expect(await httpError(adapter.vote('p1', ['b']))).to.deep.equal([409, 'already_voted']);
      adapter.setUser(ada);
      expect((await adapter.getPoll('p1')).myVote).to.equal(null);
      expect((await adapter.vote('p1', ['b'])).totalVotes).to.equal(6);
    });

    it('remembers a seeded vote', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('p1', { myVote: ['a'] })] });
      const p = await adapter.getPoll('p1');
      expect([p.myVote, p.totalVotes]).to.deep.equal([['a'], 4]);
      expect(await httpError(adapter.vote('p1', ['a']))).to.deep.equal([409, 'already_voted']);
    });

    it('refuses votes on closed polls with 410 poll_closed', async () => {
      const adapter = createMemoryAdapter({
        polls: [poll('p1', { status: 'closed' }), poll('p2', { closesAt: new Date(T0 - 1).toISOString() })],
        now: T0,
      });
      expect(await httpError(adapter.vote('p1', ['a']))).to.deep.equal([410, 'poll_closed']);
      expect(await httpError(adapter.vote('p2', ['a']))).to.deep.equal([410, 'poll_closed']);
    });

    it('refuses invalid choices with 422 invalid_option', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('single'), poll('multi', { multiple: true, maxChoices: 2 })] });
      for (const [id, choice] of [
        ['single', []],
        ['single', ['zzz']],
        ['single', ['a', 'b']],
        ['multi', ['a', 'a']],
        ['multi', ['a', 'b', 'c']],
      ] as [string, string[]][]) {
        expect(await httpError(adapter.vote(id, choice))).to.deep.equal([422, 'invalid_option']);
      }
      expect(await httpError(adapter.getPoll('nope'))).to.deep.equal([404, 'not_found']);
    });

    it('counts a multiple-choice ballot once in totalVotes', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('multi', { multiple: true, totalVotes: 4 })] });
      const p = await adapter.vote('multi', ['a', 'c']);
      expect(p.options.map((o) => o.votes)).to.deep.equal([4, 1, 1]);
      expect(p.totalVotes).to.equal(5);
    });
  });

  describe('comments', () => {
    /** Five top-level comments a..e, one minute apart; likes make `top` differ from time order. */
    function thread(extra: Partial<MemorySeed> = {}) {
      const likes: Record<string, number> = { a: 2, b: 5, c: 0, d: 5, e: 1 };
      return createMemoryAdapter({
        user: ada,
        now: T0 + 5 * 60_000,
        comments: ['a', 'b', 'c', 'd', 'e'].map((id, i) => comment(id, i, { likes: likes[id] })),
        ...extra,
      });
    }

    async function allPages(adapter: MemoryAdapter, sort: 'newest' | 'oldest' | 'top') {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await adapter.listComments('t1', { sort, cursor, limit: 2 });
        expect(page.total).to.equal(5);
        expect(page.comments.length).to.be.at.most(2);
        ids.push(...page.comments.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    }

    it('sorts newest (default), oldest and top, and pages with nextCursor', async () => {
      const adapter = thread();
      expect((await adapter.listComments('t1')).comments.map((c) => c.id)).to.deep.equal(['e', 'd', 'c', 'b', 'a']);
      expect(await allPages(adapter, 'newest')).to.deep.equal(['e', 'd', 'c', 'b', 'a']);
      expect(await allPages(adapter, 'oldest')).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
      expect(await allPages(adapter, 'top')).to.deep.equal(['d', 'b', 'a', 'e', 'c']);
      const last = await adapter.listComments('t1', { limit: 5 });
      expect(last.nextCursor).to.equal(null);
    });

    it('keeps pages stable when a comment arrives between them', async () => {
      const adapter = thread();
      const first = await adapter.listComments('t1', { limit: 2 });
      adapter.simulateComment('t1', { author: cy, body: 'New' });
      const second = await adapter.listComments('t1', { limit: 2, cursor: first.nextCursor });
      expect(second.comments.map((c) => c.id)).to.deep.equal(['c', 'b']);
      expect(second.total).to.equal(6);
    });

    it('refuses a foreign or broken cursor with 422 invalid_cursor', async () => {
      const adapter = thread();
      const page = await adapter.listComments('t1', { sort: 'newest', limit: 2 });
      expect(await httpError(adapter.listComments('t1', { sort: 'top', cursor: page.nextCursor }))).to.deep.equal([422, 'invalid_cursor']);
      expect(await httpError(adapter.listComments('t1', { cursor: 'garbage!' }))).to.deep.equal([422, 'invalid_cursor']);
    });

    it('keeps replies one level deep: a reply to a reply goes under the top comment and names whom it answers', async () => {
      const adapter = thread();
      const reply = await adapter.postComment('t1', { body: 'First reply', parentId: 'a' });
      expect([reply.parentId, reply.replyToName, reply.mine]).to.deep.equal(['a', null, true]);
      adapter.setUser(cy);
      const nested = await adapter.postComment('t1', { body: 'Reply to Ada', parentId: reply.id });
      expect([nested.parentId, nested.replyToName]).to.deep.equal(['a', 'Ada']);

      const top = await adapter.listComments('t1', { sort: 'oldest' });
      expect(top.comments.map((c) => c.id)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
      expect(top.comments[0]!.replyCount).to.equal(2);
      expect(top.total).to.equal(7);
      const replies = await adapter.listReplies('a');
      expect(replies.comments.map((c) => c.body)).to.deep.equal(['First reply', 'Reply to Ada']);
      expect(replies.total).to.equal(2);
      expect(await httpError(adapter.postComment('t1', { body: 'x', parentId: 'nope' }))).to.deep.equal([422, 'invalid_parent']);
      expect(await httpError(adapter.postComment('t2', { body: 'x', parentId: 'a' }))).to.deep.equal([422, 'invalid_parent']);
    });

    it('flattens seeded replies to replies the same way', async () => {
      const adapter = createMemoryAdapter({
        comments: [comment('a', 0), comment('r1', 1, { parentId: 'a', author: cy }), comment('r2', 2, { parentId: 'r1' })],
      });
      const replies = await adapter.listReplies('a');
      expect(replies.comments.map((c) => [c.id, c.parentId, c.replyToName ?? null])).to.deep.equal([
        ['r1', 'a', null],
        ['r2', 'a', 'Cy'],
      ]);
    });

    it('pages replies oldest first', async () => {
      const adapter = createMemoryAdapter({
        comments: [comment('a', 0), ...[1, 2, 3].map((n) => comment(`r${n}`, n, { parentId: 'a' }))],
      });
      const first = await adapter.listReplies('a', { limit: 2 });
      const second = await adapter.listReplies('a', { limit: 2, cursor: first.nextCursor });
      expect([...first.comments, ...second.comments].map((c) => c.id)).to.deep.equal(['r1', 'r2', 'r3']);
      expect(second.nextCursor).to.equal(null);
      expect(await httpError(adapter.listReplies('nope'))).to.deep.equal([404, 'not_found']);
    });

    it('requires sign-in to post (401 auth_required) and plain text of 1..2000 characters (422)', async () => {
      const adapter = createMemoryAdapter();
      expect(await httpError(adapter.postComment('t1', { body: 'Hi' }))).to.deep.equal([401, 'auth_required']);
      adapter.setUser(ada);
      expect(await httpError(adapter.postComment('t1', { body: '   ' }))).to.deep.equal([422, 'invalid_request']);
      expect(await httpError(adapter.postComment('t1', { body: 'x'.repeat(2001) }))).to.deep.equal([422, 'invalid_request']);
      const posted = await adapter.postComment('t1', { body: '  <b>kept as text</b>\n' });
      expect(posted.body).to.equal('<b>kept as text</b>');
      expect([posted.status, posted.mine, posted.author.name, posted.editedAt]).to.deep.equal(['published', true, 'Ada', null]);
    });

    it('shows pending comments on premoderated threads only to their author, and counts them once approved', async () => {
      const adapter = createMemoryAdapter({ user: ada, premoderatedThreads: ['t1'] });
      const pending = await adapter.postComment('t1', { body: 'Waiting' });
      expect(pending.status).to.equal('pending');
      expect((await adapter.listComments('t1')).comments.map((c) => c.id)).to.deep.equal([pending.id]);
      expect(await adapter.getCounts(['t1'])).to.deep.equal({ t1: 0 });
      adapter.setUser(bo);
      expect((await adapter.listComments('t1')).comments).to.deep.equal([]);
      adapter.setUser(null);
      expect((await adapter.listComments('t1')).total).to.equal(0);
      adapter.moderate(pending.id, 'published');
      expect((await adapter.listComments('t1')).comments.map((c) => c.status)).to.deep.equal(['published']);
      expect(await adapter.getCounts(['t1'])).to.deep.equal({ t1: 1 });
    });

    it('soft-deletes: a placeholder keeps its replies; a comment without replies disappears', async () => {
      const adapter = createMemoryAdapter({
        user: bo,
        comments: [comment('a', 0), comment('r1', 1, { parentId: 'a', author: cy }), comment('b', 2)],
      });
      await adapter.deleteComment('a');
      await adapter.deleteComment('b');
      const page = await adapter.listComments('t1');
      expect(page.comments.map((c) => [c.id, c.status, c.body, c.author.name, c.mine, c.replyCount])).to.deep.equal([['a', 'deleted', '', '', false, 1]]);
      expect(page.total).to.equal(1);
      expect((await adapter.listReplies('a')).comments.map((c) => c.id)).to.deep.equal(['r1']);
      expect(await httpError(adapter.editComment('a', 'back'))).to.deep.equal([409, 'comment_gone']);
    });

    it('lets the author edit within 15 minutes, then 409 edit_window_closed', async () => {
      const adapter = createMemoryAdapter({ user: ada, now: T0 });
      const posted = await adapter.postComment('t1', { body: 'Frist' });
      adapter.advanceTime(14 * 60_000);
      const edited = await adapter.editComment(posted.id, 'First');
      expect([edited.body, edited.editedAt]).to.deep.equal(['First', new Date(T0 + 14 * 60_000).toISOString()]);
      adapter.advanceTime(2 * 60_000);
      expect(await httpError(adapter.editComment(posted.id, 'Too late'))).to.deep.equal([409, 'edit_window_closed']);
    });

    it("refuses to change others' comments with 403 and signed-out changes with 401", async () => {
      const adapter = createMemoryAdapter({ user: ada, now: T0, comments: [comment('a', 0)] });
      expect(await httpError(adapter.editComment('a', 'Mine now'))).to.deep.equal([403, 'forbidden']);
      expect(await httpError(adapter.deleteComment('a'))).to.deep.equal([403, 'forbidden']);
      expect(await httpError(adapter.deleteComment('nope'))).to.deep.equal([404, 'not_found']);
      adapter.setUser(null);
      expect(await httpError(adapter.editComment('a', 'x'))).to.deep.equal([401, 'auth_required']);
      expect(await httpError(adapter.likeComment('a', true))).to.deep.equal([401, 'auth_required']);
    });

    it('counts likes once per user and shows likedByMe per reader', async () => {
      const adapter = createMemoryAdapter({ user: ada, comments: [comment('a', 0, { likes: 2, likedByMe: true })] });
      expect(await adapter.likeComment('a', true)).to.deep.equal({ likes: 2 });
      adapter.setUser(cy);
      expect(await adapter.likeComment('a', true)).to.deep.equal({ likes: 3 });
      expect(await adapter.likeComment('a', true)).to.deep.equal({ likes: 3 });
      expect((await adapter.listComments('t1')).comments[0]!.likedByMe).to.equal(true);
      adapter.setUser(bo);
      expect((await adapter.listComments('t1')).comments[0]!.likedByMe).to.equal(false);
      adapter.setUser(ada);
      expect(await adapter.likeComment('a', false)).to.deep.equal({ likes: 2 });
      expect(await adapter.likeComment('a', false)).to.deep.equal({ likes: 2 });
      expect(await httpError(adapter.likeComment('nope', true))).to.deep.equal([404, 'not_found']);
    });

    it('refuses a like from the author with 403 forbidden, as the server does', async () => {
      const adapter = createMemoryAdapter({ user: ada, comments: [comment('a', 0, { author: ada, likes: 1 })] });
      const error = await rejection(adapter.likeComment('a', true));
      expect([(error as HttpError).status, (error as HttpError).code, error.message]).to.deep.equal([
        403,
        'forbidden',
        'Authors cannot like their own comments.',
      ]);
      expect((await adapter.listComments('t1')).comments.map((c) => [c.likes, c.likedByMe])).to.deep.equal([[1, false]]);
      expect(await adapter.likeComment('a', false)).to.deep.equal({ likes: 1 });
    });

    it('records reports, from signed-out readers too', async () => {
      const adapter = createMemoryAdapter({ comments: [comment('a', 0)] });
      expect(await adapter.reportComment('a', 'spam')).to.equal(undefined);
      expect(adapter.reports.map((r) => [r.commentId, r.reason])).to.deep.equal([['a', 'spam']]);
      expect(await httpError(adapter.reportComment('nope', 'spam'))).to.deep.equal([404, 'not_found']);
      expect(await httpError(adapter.reportComment('a', ''))).to.deep.equal([422, 'invalid_request']);
    });

    it('counts published comments per thread in one call, seeded counts included', async () => {
      const adapter = createMemoryAdapter({
        counts: { big: 12 },
        comments: [comment('a', 0), comment('r', 1, { parentId: 'a' }), comment('p', 2, { status: 'pending' })],
      });
      expect(await adapter.getCounts(['t1', 'big', 'empty', 't1'])).to.deep.equal({ t1: 2, big: 12, empty: 0 });
      expect(adapter.calls.filter((c) => c.method === 'getCounts')).to.have.length(1);
    });

    it('answers a repeated write with the same idempotency key once', async () => {
      const adapter = createMemoryAdapter({ user: ada });
      const first = await adapter.postComment('t1', { body: 'Once' }, { idempotencyKey: 'draft-1' });
      const again = await adapter.postComment('t1', { body: 'Once' }, { idempotencyKey: 'draft-1' });
      expect(again).to.deep.equal(first);
      expect((await adapter.listComments('t1')).total).to.equal(1);
      await adapter.postComment('t1', { body: 'Once' }, { idempotencyKey: 'draft-2' });
      expect((await adapter.listComments('t1')).total).to.equal(2);
    });
  });

  describe('session', () => {
    it('returns the user, or null when signed out', async () => {
      const adapter = createMemoryAdapter({ user: ada });
      expect(await adapter.getSession()).to.deep.equal(ada);
      adapter.setUser(null);
      expect(await adapter.getSession()).to.equal(null);
    });
  });

  describe('switches', () => {
    it('logs every call with its data arguments, and nothing before the first', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('p1')] });
      expect(adapter.calls).to.deep.equal([]);
      await adapter.getPoll('p1', { signal: new AbortController().signal });
      await adapter.getCounts(['a', 'b']);
      expect(adapter.calls.map((c) => [c.method, c.args])).to.deep.equal([
        ['getPoll', ['p1']],
        ['getCounts', [['a', 'b']]],
      ]);
    });

    it('waits latencyMs, which can change at any time', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('p1')] }, { latencyMs: 150 });
      let started = performance.now();
      await adapter.getPoll('p1');
      expect(performance.now() - started).to.be.at.least(140);
      adapter.latencyMs = 0;
      started = performance.now();
      await adapter.getPoll('p1');
      expect(performance.now() - started).to.be.below(140);
    });

    it('fails a method a number of times with a status, then works again', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('p1')] });
      adapter.fail('getPoll', 503, 2);
      expect(await httpError(adapter.getPoll('p1'))).to.deep.equal([503, 'http_503']);
      expect(await httpError(adapter.getPoll('p1'))).to.deep.equal([503, 'http_503']);
      expect((await adapter.getPoll('p1')).id).to.equal('p1');
    });

    it('fails every method with network errors, timeouts or a given error until recover()', async () => {
      const adapter = createMemoryAdapter({ user: ada });
      adapter.fail('*');
      const offline = await rejection(adapter.getSession());
      expect(offline).to.be.instanceOf(NetworkError);
      expect((offline as NetworkError).timedOut).to.equal(false);
      adapter.fail('getSession', 'timeout');
      expect(((await rejection(adapter.getSession())) as NetworkError).timedOut).to.equal(true);
      const custom = new HttpError(429, 'rate_limited', 'Slow down', 30);
      adapter.fail('getCounts', custom);
      expect(await rejection(adapter.getCounts(['t']))).to.equal(custom);
      expect(await rejection(adapter.getArticle('x'))).to.be.instanceOf(NetworkError);
      adapter.recover();
      expect(await adapter.getSession()).to.deep.equal(ada);
    });

    it('hangs a method until the caller aborts, then rejects with NetworkError', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('p1')] });
      adapter.hang('getPoll');
      const controller = new AbortController();
      let settled = false;
      const pending = adapter.getPoll('p1', { signal: controller.signal }).finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 100));
      expect(settled).to.equal(false);
      controller.abort();
      const error = await rejection(pending);
      expect(error).to.be.instanceOf(NetworkError);
      adapter.recover();
      expect((await adapter.getPoll('p1')).id).to.equal('p1');
    });

    it('lets hanging calls go on after recover()', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('p1')] });
      adapter.hang('*');
      const pending = adapter.getPoll('p1');
      await new Promise((r) => setTimeout(r, 50));
      adapter.recover();
      expect((await pending).id).to.equal('p1');
    });

    it('honours abort during latency and an already aborted signal, without doing the work', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('p1')] }, { latencyMs: 1000 });
      const controller = new AbortController();
      const pending = adapter.vote('p1', ['a'], { signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      expect(await rejection(pending)).to.be.instanceOf(NetworkError);
      expect(await rejection(adapter.getPoll('p1', { signal: AbortSignal.abort() }))).to.be.instanceOf(NetworkError);
      adapter.latencyMs = 0;
      expect((await adapter.getPoll('p1')).myVote).to.equal(null);
    });

    it('controls the clock with setNow', async () => {
      const adapter = createMemoryAdapter({ user: ada });
      adapter.setNow('2026-05-01T10:00:00Z');
      const posted = await adapter.postComment('t1', { body: 'Then' });
      expect(posted.createdAt).to.equal('2026-05-01T10:00:00.000Z');
      adapter.setNow(null);
      const later = await adapter.postComment('t1', { body: 'Now' });
      expect(Math.abs(Date.parse(later.createdAt) - Date.now())).to.be.below(5000);
    });
  });

  describe('live updates', () => {
    it('pushes another reader’s comment, edits and deletes to thread subscribers', async () => {
      const adapter = createMemoryAdapter({ user: ada, now: T0 });
      const events: LiveEvent[] = [];
      const unsubscribe = adapter.subscribe('threads/t1', (e) => events.push(e));
      const theirs = adapter.simulateComment('t1', { author: cy, body: 'Hello from Cy' });
      const mine = await adapter.postComment('t1', { body: 'Mine' });
      await adapter.editComment(mine.id, 'Mine, edited');
      await adapter.deleteComment(mine.id);
      adapter.simulateComment('t2', { author: cy, body: 'Elsewhere' });
      await nextTick();
      expect(events.map((e) => e.type)).to.deep.equal(['comment', 'comment', 'comment-updated', 'comment-deleted']);
      expect((events[0]!.data as Comment).body).to.equal('Hello from Cy');
      expect((events[0]!.data as Comment).id).to.equal(theirs.id);
      expect(events[3]!.data).to.deep.equal({ id: mine.id, threadId: 't1' });
      expect((await adapter.listComments('t1')).total).to.equal(1);

      unsubscribe();
      adapter.simulateComment('t1', { author: cy, body: 'Unheard' });
      await nextTick();
      expect(events).to.have.length(4);
    });

    it('starts a poll stream with the results and pushes simulated votes', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('p1', { results: 'always' })] });
      const events: LiveEvent[] = [];
      const unsubscribe = adapter.subscribe('polls/p1', (e) => events.push(e));
      await nextTick();
      adapter.simulateVotes('p1', { a: 2, c: 1 });
      await nextTick();
      unsubscribe();
      expect(events.map((e) => e.type)).to.deep.equal(['results', 'results']);
      const latest = events[1]!.data as Poll;
      expect(latest.options.map((o) => o.votes)).to.deep.equal([5, 1, 1]);
      expect(latest.totalVotes).to.equal(7);
      expect(adapter.calls.map((c) => c.method)).to.deep.equal(['subscribe']);
    });

    it('pushes results as this reader may see them', async () => {
      const adapter = createMemoryAdapter({ polls: [poll('p1')] });
      const events: LiveEvent[] = [];
      adapter.subscribe('polls/p1', (e) => events.push(e));
      adapter.simulateVotes('p1', { a: 1 });
      await nextTick();
      expect((events.at(-1)!.data as Poll).totalVotes).to.equal(null);
      await adapter.vote('p1', ['b']);
      await nextTick();
      expect((events.at(-1)!.data as Poll).totalVotes).to.equal(6);
    });
  });

  describe('feeds', () => {
    const feed: Feed = {
      id: 'markets',
      title: 'Markets',
      values: [
        { id: 'a', label: 'A', value: 10, format: 'number', change: 1 },
        { id: 'b', label: 'B', value: 20, format: 'number', change: -1 },
      ],
      updatedAt: '2026-11-28T09:15:00.000Z',
      staleAfterSeconds: 900,
    };

    it('gets a feed, and 404 for an unknown one', async () => {
      const adapter = createMemoryAdapter({ feeds: [feed] });
      expect(await adapter.getFeed('markets')).to.deep.equal(feed);
      expect(((await rejection(adapter.getFeed('nope'))) as HttpError).status).to.equal(404);
    });

    it('starts a feed stream with the feed, and pushes updates value by value, as of now', async () => {
      const adapter = createMemoryAdapter({ feeds: [feed], now: '2026-11-28T10:00:00Z' });
      const events: LiveEvent[] = [];
      const unsubscribe = adapter.subscribe('feeds/markets', (e) => events.push(e));
      await nextTick();
      adapter.updateFeed('markets', {
        values: [
          { id: 'b', value: 21, change: 0.5 },
          { id: 'c', label: 'C', value: 1, format: 'percent' },
        ],
      });
      await nextTick();
      unsubscribe();
      expect(events.map((e) => e.type)).to.deep.equal(['feed', 'feed']);
      const latest = events[1]!.data as Feed;
      expect(latest.values.map((v) => [v.id, v.value, v.change])).to.deep.equal([
        ['a', 10, 1],
        ['b', 21, 0.5],
        ['c', 1, undefined],
      ]);
      expect(latest.updatedAt).to.equal('2026-11-28T10:00:00.000Z');
      expect((await adapter.getFeed('markets')).values[1]!.value).to.equal(21);
    });
  });

  describe('demo seed', () => {
    it('builds the reference page: article, related, a 524-vote poll and a thread with flattened replies', async () => {
      const adapter = createMemoryAdapter(createDemoSeed({ signedIn: true }));
      expect(await adapter.getSession()).to.deep.equal(demoReader);
      expect((await adapter.getArticle(DEMO_ARTICLE_ID)).blocks.length).to.be.above(3);
      expect(await adapter.getRelated(DEMO_ARTICLE_ID, 4)).to.have.length(4);
      expect((await adapter.vote(DEMO_POLL_ID, [`${DEMO_POLL_ID}-1`])).totalVotes).to.equal(525);
      expect((await adapter.getPoll(DEMO_POLL_IDS.closed)).status).to.equal('closed');
      const page = await adapter.listComments(DEMO_ARTICLE_ID);
      expect(page.total).to.equal(7);
      const replies = await adapter.listReplies('demo-c2');
      expect(replies.comments.map((c) => c.replyToName ?? null)).to.deep.equal([null, 'Priya Natarajan']);
    });

    it('gives each call a fresh seed and can make long threads', async () => {
      const long = createMemoryAdapter(createDemoSeed({ extraComments: 30 }));
      const page = await long.listComments(DEMO_ARTICLE_ID, { limit: 20 });
      expect(page.total).to.equal(37);
      expect(page.nextCursor).to.be.a('string');
      expect(createDemoSeed()).to.not.equal(createDemoSeed());
    });
  });
});
