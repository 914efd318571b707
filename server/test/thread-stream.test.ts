import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { alex, collectEvents, sam, startTestServer, storageName, type TestServer } from './helpers.ts';

describe(`thread event streams (${storageName})`, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('a comment too large for a NOTIFY payload travels as ids and is read back from the database', async () => {
    const [alexToken, samToken] = await Promise.all([server.token(alex), server.token(sam)]);
    const created = await server.call('POST', '/threads/t-big2/comments', { body: { body: 'stored text' }, token: alexToken });
    const { bus } = server.api.services;
    const events = await collectEvents(`${server.url}/threads/t-big2/events`, (seen) => seen.some((e) => e.event === 'comment-updated'), {
      headers: { authorization: `Bearer ${samToken}` },
      onOpen: async () => {
        const huge = { ...created.body, body: 'x'.repeat(9000), mine: false };
        await server.db.transaction((tx) =>
          bus.publish(tx, { kind: 'comment', action: 'updated', threadId: 't-big2', commentId: created.body.id, comment: huge }),
        );
      },
    });
    assert.deepEqual(
      events.map((event) => event.event),
      ['ready', 'comment-updated'],
    );
    assert.equal(events[1]?.data.body, 'stored text', 'read back from the database, not the oversized snapshot');
    assert.equal(events[1]?.data.mine, false);
  });
});
