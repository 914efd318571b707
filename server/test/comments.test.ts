import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminToken, alex, collectEvents, sam, startTestServer, storageName, type TestServer } from './helpers.ts';

describe(`comments (${storageName})`, () => {
  let server: TestServer;
  let alexToken: string;
  let samToken: string;
  const post = (thread: string, body: unknown, token?: string) => server.call('POST', `/threads/${thread}/comments`, { body, ...(token ? { token } : {}) });

  before(async () => {
    server = await startTestServer();
    alexToken = await server.token(alex);
    samToken = await server.token(sam);
  });
  after(() => server.close());

  test('POST /threads/{id}/comments stores trimmed plain text and answers 201 with the comment', async () => {
    const reply = await post('t-post', { body: '  <b>Hello</b>\nsecond line  ' }, alexToken);
    assert.equal(reply.status, 201);
    assert.equal(reply.body.body, '<b>Hello</b>\nsecond line');
    assert.equal(reply.body.threadId, 't-post');
    assert.equal(reply.body.parentId, null);
    assert.deepEqual(reply.body.author, alex);
    assert.equal(reply.body.status, 'published');
    assert.equal(reply.body.mine, true);
    assert.equal(reply.body.likes, 0);
    assert.equal(reply.body.replyCount, 0);
    assert.equal(reply.body.editedAt, null);
  });

  test('posting needs a valid token: 401 auth_required otherwise', async () => {
    const anonymous = await post('t-post', { body: 'hi' });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.error.code, 'auth_required');
    const forged = await post('t-post', { body: 'hi' }, `${alexToken.slice(0, -4)}AAAA`);
    assert.equal(forged.status, 401);
  });

  test('bodies must be 1..2000 characters after trimming', async () => {
    for (const body of [{ body: '   ' }, { body: 'x'.repeat(2001) }, { body: 42 }, {}, { body: 'ok', parentId: 7 }]) {
      const reply = await post('t-post', body, alexToken);
      assert.equal(reply.status, 422, JSON.stringify(body).slice(0, 60));
    }
    assert.equal((await post('t-post', { body: `  ${'x'.repeat(2000)}  ` }, alexToken)).status, 201);
  });

  test('replies are one level deep; a reply to a reply names whom it answers', async () => {
    const top = await post('t-replies', { body: 'top' }, alexToken);
    const reply = await post('t-replies', { body: 'first reply', parentId: top.body.id }, samToken);
    assert.equal(reply.body.parentId, top.body.id);
    assert.equal(reply.body.replyToName, null);
    const nested = await post('t-replies', { body: 'reply to the reply', parentId: reply.body.id }, alexToken);
    assert.equal(nested.status, 201);
    assert.equal(nested.body.parentId, top.body.id);
    assert.equal(nested.body.replyToName, sam.name);

    const list = await server.call('GET', '/threads/t-replies/comments');
    assert.equal(list.body.total, 3);
    assert.equal(list.body.comments.length, 1);
    assert.equal(list.body.comments[0].replyCount, 2);
    const replies = await server.call('GET', `/comments/${top.body.id}/replies`);
    assert.equal(replies.status, 200);
    assert.deepEqual(
      replies.body.comments.map((c: { body: string }) => c.body),
      ['first reply', 'reply to the reply'],
    );
    assert.equal(replies.body.total, 2);
  });

  test('a parent from another thread or unknown is 422 invalid_parent', async () => {
    const elsewhere = await post('t-other', { body: 'elsewhere' }, alexToken);
    for (const parentId of [elsewhere.body.id, 'cNoSuchComment']) {
      const reply = await post('t-replies', { body: 'x', parentId }, alexToken);
      assert.equal(reply.status, 422);
      assert.equal(reply.body.error.code, 'invalid_parent');
    }
  });

  test('GET /threads/{id}/comments sorts newest, oldest and top, and pages with cursors', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const reply = await post('t-sort', { body: `comment ${i}` }, alexToken);
      ids.push(reply.body.id);
      await server.db.query('UPDATE comments SET created_at = $2, likes = $3 WHERE id = $1', [
        reply.body.id,
        new Date(Date.UTC(2026, 0, 1, 0, i)),
        [3, 9, 1, 9, 0][i],
      ]);
    }
    const all = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/threads/t-sort/comments?sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = await server.call('GET', query);
        assert.equal(page.status, 200);
        assert.equal(page.body.total, 5);
        seen.push(...page.body.comments.map((c: { id: string }) => c.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      return seen;
    };
    assert.deepEqual(await all('newest'), [...ids].reverse());
    assert.deepEqual(await all('oldest'), ids);
    assert.deepEqual(await all('top'), [ids[3], ids[1], ids[0], ids[2], ids[4]]);
    const unknownThread = await server.call('GET', '/threads/never-used/comments');
    assert.deepEqual(unknownThread.body, { total: 0, comments: [], nextCursor: null });
  });

  test('bad sort, limit or cursor is 422', async () => {
    assert.equal((await server.call('GET', '/threads/t-sort/comments?sort=best')).status, 422);
    assert.equal((await server.call('GET', '/threads/t-sort/comments?limit=1000')).status, 422);
    const cursor = await server.call('GET', '/threads/t-sort/comments?cursor=not-a-cursor');
    assert.equal(cursor.status, 422);
    assert.equal(cursor.body.error.code, 'invalid_cursor');
    const page = await server.call('GET', '/threads/t-sort/comments?sort=newest&limit=1');
    const mixed = await server.call('GET', `/threads/t-sort/comments?sort=top&cursor=${page.body.nextCursor}`);
    assert.equal(mixed.status, 422);
  });

  test('GET /comments/{id}/replies is 404 for unknown comments', async () => {
    assert.equal((await server.call('GET', '/comments/cNope/replies')).status, 404);
  });

  test('PATCH /comments/{id}: the author edits within 15 minutes; others get 403', async () => {
    const created = await post('t-edit', { body: 'typo' }, alexToken);
    const edited = await server.call('PATCH', `/comments/${created.body.id}`, { body: { body: 'fixed' }, token: alexToken });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.body, 'fixed');
    assert.ok(edited.body.editedAt);
    const other = await server.call('PATCH', `/comments/${created.body.id}`, { body: { body: 'mine now' }, token: samToken });
    assert.equal(other.status, 403);
    const anonymous = await server.call('PATCH', `/comments/${created.body.id}`, { body: { body: 'x' } });
    assert.equal(anonymous.status, 401);
    const empty = await server.call('PATCH', `/comments/${created.body.id}`, { body: { body: ' ' }, token: alexToken });
    assert.equal(empty.status, 422);
    assert.equal((await server.call('PATCH', '/comments/cNope', { body: { body: 'x' }, token: alexToken })).status, 404);

    await server.db.query("UPDATE comments SET created_at = now() - interval '16 minutes' WHERE id = $1", [created.body.id]);
    const late = await server.call('PATCH', `/comments/${created.body.id}`, { body: { body: 'too late' }, token: alexToken });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, 'edit_window_closed');
  });

  test('DELETE /comments/{id} is a soft delete that keeps replies', async () => {
    const top = await post('t-delete', { body: 'soon gone' }, alexToken);
    await post('t-delete', { body: 'a reply', parentId: top.body.id }, samToken);
    const lonely = await post('t-delete', { body: 'no replies' }, alexToken);
    assert.equal((await server.call('DELETE', `/comments/${top.body.id}`, { token: samToken })).status, 403);
    assert.equal((await server.call('DELETE', `/comments/${top.body.id}`)).status, 401);
    const deleted = await server.call('DELETE', `/comments/${top.body.id}`, { token: alexToken });
    assert.equal(deleted.status, 204);
    assert.equal(deleted.text, '');
    assert.equal((await server.call('DELETE', `/comments/${lonely.body.id}`, { token: alexToken })).status, 204);

    const list = await server.call('GET', '/threads/t-delete/comments', { token: alexToken });
    assert.equal(list.body.comments.length, 1, 'the placeholder stays, the lonely deleted comment goes');
    const placeholder = list.body.comments[0];
    assert.equal(placeholder.status, 'deleted');
    assert.equal(placeholder.body, '');
    assert.equal(placeholder.author.name, '');
    assert.equal(placeholder.mine, false);
    assert.equal(placeholder.replyCount, 1);
    assert.equal(list.body.total, 1, 'only the published reply counts');
    assert.equal((await server.call('GET', `/comments/${top.body.id}/replies`)).body.comments.length, 1);
  });

  test('PUT/DELETE /comments/{id}/like are idempotent per user', async () => {
    const created = await post('t-like', { body: 'like me' }, alexToken);
    const path = `/comments/${created.body.id}/like`;
    assert.deepEqual((await server.call('PUT', path, { token: samToken })).body, { likes: 1 });
    assert.deepEqual((await server.call('PUT', path, { token: samToken })).body, { likes: 1 });
    const priyaToken = await server.token({ id: 'reader-3', name: 'Priya Natarajan', avatar: null });
    assert.deepEqual((await server.call('PUT', path, { token: priyaToken })).body, { likes: 2 });
    const seen = await server.call('GET', '/threads/t-like/comments', { token: samToken });
    assert.equal(seen.body.comments[0].likedByMe, true);
    assert.deepEqual((await server.call('DELETE', path, { token: samToken })).body, { likes: 1 });
    assert.deepEqual((await server.call('DELETE', path, { token: samToken })).body, { likes: 1 });
    assert.equal((await server.call('PUT', path)).status, 401);
    assert.equal((await server.call('PUT', '/comments/cNope/like', { token: samToken })).status, 404);
  });

  test('POST /comments/{id}/reports answers 202 and feeds the moderation queue', async () => {
    const created = await post('t-report', { body: 'spammy' }, alexToken);
    const report = await server.call('POST', `/comments/${created.body.id}/reports`, { body: { reason: 'spam' }, token: samToken });
    assert.equal(report.status, 202);
    const anonymous = await server.call('POST', `/comments/${created.body.id}/reports`, { body: { reason: 'abuse' } });
    assert.equal(anonymous.status, 202);
    assert.equal((await server.call('POST', `/comments/${created.body.id}/reports`, { body: { reason: '' } })).status, 422);
    assert.equal((await server.call('POST', '/comments/cNope/reports', { body: { reason: 'spam' } })).status, 404);
    const queue = await server.call('GET', '/admin/moderation', { token: adminToken });
    const item = queue.body.items.find((entry: { comment: { id: string } }) => entry.comment.id === created.body.id);
    assert.equal(item.reports, 2);
    assert.deepEqual(item.reasons.sort(), ['abuse', 'spam']);
    const rejected = await server.call('POST', `/admin/comments/${created.body.id}/reject`, { token: adminToken });
    assert.equal(rejected.body.status, 'rejected');
    const after = await server.call('GET', '/threads/t-report/comments');
    assert.equal(after.body.total, 0);
    assert.equal(after.body.comments.length, 0);
    const author = await server.call('GET', '/threads/t-report/comments', { token: alexToken });
    assert.equal(author.body.comments[0].status, 'rejected');
  });

  test('pre-moderated threads hold comments as pending, visible only to their author until approved', async () => {
    assert.equal((await server.call('PUT', '/admin/threads/t-mod', { body: { premoderation: true } })).status, 401);
    const settings = await server.call('PUT', '/admin/threads/t-mod', { body: { premoderation: true }, token: adminToken });
    assert.deepEqual(settings.body, { id: 't-mod', premoderation: true });
    const pending = await post('t-mod', { body: 'wait for it' }, alexToken);
    assert.equal(pending.status, 201);
    assert.equal(pending.body.status, 'pending');
    assert.equal(pending.body.mine, true);
    assert.equal((await server.call('GET', '/threads/t-mod/comments')).body.comments.length, 0);
    assert.equal((await server.call('GET', '/threads/t-mod/comments', { token: samToken })).body.comments.length, 0);
    const own = await server.call('GET', '/threads/t-mod/comments', { token: alexToken });
    assert.equal(own.body.comments[0].status, 'pending');
    assert.equal(own.body.total, 0);
    assert.deepEqual((await server.call('GET', '/counts?threads=t-mod')).body, { counts: { 't-mod': 0 } });

    const queue = await server.call('GET', '/admin/moderation', { token: adminToken });
    assert.ok(queue.body.items.some((entry: { comment: { id: string } }) => entry.comment.id === pending.body.id));
    const approved = await server.call('POST', `/admin/comments/${pending.body.id}/approve`, { token: adminToken });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'published');
    assert.equal((await server.call('GET', '/threads/t-mod/comments')).body.comments.length, 1);
    assert.equal((await server.call('POST', '/admin/comments/cNope/approve', { token: adminToken })).status, 404);
    assert.equal((await server.call('GET', '/admin/moderation', { token: 'wrong' })).status, 403);
  });

  test('GET /counts returns published counts, replies included, for many threads in one request', async () => {
    const reply = await server.call('GET', '/counts?threads=t-replies,t-delete,nobody-here,t-replies');
    assert.deepEqual(reply.body, { counts: { 't-replies': 3, 't-delete': 1, 'nobody-here': 0 } });
    assert.equal((await server.call('GET', '/counts')).status, 422);
    assert.equal((await server.call('GET', '/counts?threads=,,')).status, 422);
    const many = Array.from({ length: 101 }, (_, i) => `t${i}`).join(',');
    assert.equal((await server.call('GET', `/counts?threads=${many}`)).status, 422);
  });

  test('GET /session returns the reader, 401 without a valid token', async () => {
    assert.deepEqual((await server.call('GET', '/session', { token: samToken })).body, sam);
    assert.equal((await server.call('GET', '/session')).status, 401);
    const { SignJWT, UnsecuredJWT } = await import('jose');
    const expired = await new SignJWT({ name: 'Old' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('old')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode('test-secret-that-is-long-enough-for-hs256'));
    const algNone = new UnsecuredJWT({ name: 'Mallory' }).setSubject('admin').encode();
    const wrongKey = await new SignJWT({ name: 'Eve' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('eve')
      .sign(new TextEncoder().encode('another-secret-another-secret-xx'));
    const noName = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .sign(new TextEncoder().encode('test-secret-that-is-long-enough-for-hs256'));
    for (const token of [expired, algNone, wrongKey, noName, 'garbage', adminToken]) {
      assert.equal((await server.call('GET', '/session', { token })).status, 401);
    }
  });

  test('GET /threads/{id}/events streams new, edited and deleted comments', async () => {
    const events = await collectEvents(`${server.url}/threads/t-live/events`, (seen) => seen.some((e) => e.event === 'comment-deleted'), {
      headers: { authorization: `Bearer ${samToken}` },
      onOpen: async () => {
        const created = await post('t-live', { body: 'live!' }, alexToken);
        await server.call('PATCH', `/comments/${created.body.id}`, { body: { body: 'live, edited' }, token: alexToken });
        await server.call('DELETE', `/comments/${created.body.id}`, { token: alexToken });
      },
    });
    const names = events.map((event) => event.event);
    assert.deepEqual(names, ['ready', 'comment', 'comment-updated', 'comment-deleted']);
    assert.equal(events[1]?.data.body, 'live!');
    assert.equal(events[1]?.data.mine, false, 'mine is relative to the listener');
    assert.equal(events[2]?.data.body, 'live, edited');
    assert.equal(events[3]?.data.id, events[1]?.data.id);
  });
});
