import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signVoterId } from '../src/auth.ts';
import { adminToken, alex, anonVoter, createPoll, sam, startTestServer, storageName, voterCookie, type TestServer } from './helpers.ts';

const vote = (server: TestServer, poll: string, cookie: string, optionIds = ['a']) =>
  server.call('POST', `/polls/${poll}/votes`, { cookie, body: { optionIds } });

describe(`signed voter ids (${storageName})`, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ voterSecrets: ['current-voter-key', 'previous-voter-key'] });
    await createPoll(server, 'signed', { results: 'always' });
  });
  after(() => server.close());

  test('the server issues a signed voter id, and keeps recognising it', async () => {
    const first = await server.call('GET', '/polls/signed');
    const cookie = voterCookie(first);
    assert.match(cookie, /^news_voter=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    const voted = await vote(server, 'signed', cookie);
    assert.equal(voted.status, 200);
    assert.equal(voted.headers.get('set-cookie'), null, 'a valid id is not replaced');
    const again = await vote(server, 'signed', cookie, ['b']);
    assert.equal(again.status, 409, 'the same voter cannot vote twice');
    assert.equal(again.body.error.code, 'already_voted');
  });

  test('a made-up or unsigned voter id is refused: the client gets a new signed one', async () => {
    const before = (await server.call('GET', '/polls/signed')).body.totalVotes as number;
    for (const forged of ['news_voter=AAAAAAAAAAAAAAAAAAAAAA', `news_voter=AAAAAAAAAAAAAAAAAAAAAA.${'B'.repeat(43)}`]) {
      const reply = await vote(server, 'signed', forged);
      assert.equal(reply.status, 200);
      const issued = voterCookie(reply);
      assert.notEqual(issued, forged);
    }
    // The same forged id twice was two new voters, not one ballot changed twice.
    assert.equal((await server.call('GET', '/polls/signed')).body.totalVotes, before + 2);
  });

  test('a tampered signature is refused', async () => {
    const cookie = voterCookie(await server.call('GET', '/polls/signed'));
    const tampered = cookie.slice(0, -1) + (cookie.endsWith('A') ? 'B' : 'A');
    const reply = await vote(server, 'signed', tampered);
    assert.notEqual(voterCookie(reply), tampered);
  });

  test('ids signed with an older key still count (rotation); unknown keys do not', async () => {
    const old = `news_voter=${signVoterId('previous-voter-key', 'rotatedvoter000000000A')}`;
    const first = await vote(server, 'signed', old, ['a']);
    assert.equal(first.headers.get('set-cookie'), null);
    const second = await vote(server, 'signed', old, ['c']);
    assert.equal(second.status, 409, 'recognised as the voter who already voted');
    const unknown = `news_voter=${signVoterId('some-other-key', 'rotatedvoter000000000B')}`;
    assert.notEqual(voterCookie(await vote(server, 'signed', unknown)), unknown);
  });
});

async function reportsOn(server: TestServer, commentId: string): Promise<number> {
  const queue = await server.call('GET', '/admin/moderation', { token: adminToken });
  assert.equal(queue.status, 200, queue.text);
  return queue.body.items.find((item: { comment: { id: string } }) => item.comment.id === commentId)?.reports ?? 0;
}

describe(`reports and likes (${storageName})`, () => {
  let server: TestServer;
  let commentId: string;
  before(async () => {
    server = await startTestServer();
    const posted = await server.call('POST', '/threads/integrity/comments', { token: await server.token(alex), body: { body: 'Report me' } });
    commentId = posted.body.id;
  });
  after(() => server.close());

  test('50 reports from one address that drops its cookie count once', async () => {
    for (let i = 0; i < 50; i++) {
      const reply = await server.call('POST', `/comments/${commentId}/reports`, { body: { reason: `spam ${i}` } });
      assert.equal(reply.status, 202);
    }
    assert.equal(await reportsOn(server, commentId), 1);
  });

  test('distinct signed voters and users each count once', async () => {
    for (const cookie of [anonVoter('reporter-1'), anonVoter('reporter-2'), anonVoter('reporter-2')]) {
      await server.call('POST', `/comments/${commentId}/reports`, { cookie, body: { reason: 'rude' } });
    }
    const token = await server.token(sam);
    await server.call('POST', `/comments/${commentId}/reports`, { token, body: { reason: 'rude' } });
    await server.call('POST', `/comments/${commentId}/reports`, { token, body: { reason: 'very rude' } });
    assert.equal(await reportsOn(server, commentId), 4);
  });

  test('authors cannot like their own comments', async () => {
    const own = await server.call('PUT', `/comments/${commentId}/like`, { token: await server.token(alex) });
    assert.equal(own.status, 403);
    assert.equal(own.body.error.code, 'forbidden');
    const other = await server.call('PUT', `/comments/${commentId}/like`, { token: await server.token(sam) });
    assert.equal(other.status, 200);
    assert.equal(other.body.likes, 1);
  });
});
