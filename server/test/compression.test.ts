import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { distCacheControl } from '../src/static.ts';
import { startTestServer, storageName, type TestServer } from './helpers.ts';

/** A raw GET (fetch would decode the body and hide what went over the wire). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe(`compression and caching (${storageName})`, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('JSON answers are gzipped when the client accepts it, and plain otherwise', async () => {
    const plain = await rawGet(`${server.url}/openapi.json`, {});
    assert.equal(plain.headers['content-encoding'], undefined);
    const zipped = await rawGet(`${server.url}/openapi.json`, { 'accept-encoding': 'gzip, br' });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.match(String(zipped.headers.vary), /Accept-Encoding/i);
    assert.ok(zipped.body.length < plain.body.length / 2, `${zipped.body.length} bytes gzipped vs ${plain.body.length}`);
    assert.deepEqual(gunzipSync(zipped.body), plain.body);
  });

  test('event streams are never compressed, so events are not held in a buffer', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/threads/plain/events`, { headers: { 'accept-encoding': 'gzip' }, signal: controller.signal });
    assert.equal(response.headers.get('content-encoding'), null);
    assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
    controller.abort();
  });

  test('hashed chunks are cached for a year as immutable; entry files revalidate', () => {
    assert.equal(distCacheControl('/dist/chunks/core-BzH0YQkD.js'), 'public, max-age=31536000, immutable');
    assert.equal(distCacheControl('/dist/news-poll.js'), 'public, max-age=300, must-revalidate');
    assert.equal(distCacheControl('/dist/chunks/readme.js'), 'public, max-age=300, must-revalidate');
  });
});
