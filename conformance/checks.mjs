// The conformance checks: a publisher's backend against the news-elements REST contract and the OpenAPI document.
// Every check records PASS, FAIL or SKIP with a one-line reason naming the request, what was expected and what came back.
import { randomBytes } from 'node:crypto';
import { Contract, loadContract } from './schema.mjs';
import { CookieJar, createClient } from './http.mjs';

const FOREIGN_ORIGIN = 'https://conformance-foreign.invalid';

const unique = (prefix) => `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
const enc = encodeURIComponent;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const snippet = (text, max = 60) => {
  const flat = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
};
const listHeader = (value) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);

/**
 * Runs every check it can against `endpoint` (the API base, e.g. https://api.example.com or http://127.0.0.1:8787/api).
 * Options: token, secondToken, origin, poll, thread, article, timeoutMs, contract (an OpenAPI document object),
 * onResult(result) as each check finishes, log(message) for notes. Resolves with {endpoint, results, summary, notes}.
 */
export async function runConformance(options) {
  const contract = new Contract(options.contract ?? loadContract());
  const notes = [];
  const log = (message) => {
    notes.push(message);
    options.log?.(message);
  };
  const client = createClient({ endpoint: options.endpoint, timeoutMs: options.timeoutMs ?? 10_000, log });
  const { request } = client;
  const results = [];

  const record = (id, status, reason, extra = {}) => {
    const result = { id, status, reason, ...extra };
    results.push(result);
    options.onResult?.(result);
    return status === 'pass';
  };
  const pass = (id, reason, extra) => record(id, 'pass', reason, extra);
  const fail = (id, reason, extra) => record(id, 'fail', reason, extra);
  const skip = (id, reason) => record(id, 'skip', reason);

  /** What came back, in a few words: "200 application/json", "404 text/html", "no answer (ECONNREFUSED)". */
  const got = (res) => {
    if (res.status === 0) return `no answer (${res.error})`;
    const type = (res.contentType ?? '').split(';')[0].trim();
    return `${res.status}${res.status === 204 ? '' : ` ${type || 'without Content-Type'}`}`;
  };

  /** What the document promises for this request and status, in a few words: "200 Poll", "404 Error". */
  const promised = (method, path, status) => {
    const documented = contract.response(method, path, status);
    const schema = documented.response?.content?.['application/json']?.schema;
    return `${status} ${documented.response && !documented.response.content ? 'no body' : contract.describe(schema)}`;
  };

  /**
   * The contract problems with one JSON response: status, Content-Type, JSON body, the document's schema for that
   * status (undocumented statuses fail), and the error code when one is named.
   */
  function problemsOf(res, { status, code }) {
    if (res.status === 0) return [`no answer: ${res.error}`];
    const problems = [];
    const statuses = [].concat(status);
    if (!statuses.includes(res.status)) problems.push(`status ${res.status}, expected ${statuses.join(' or ')}`);
    if (res.error) problems.push(res.error);
    if (res.status === 204) {
      if (res.text !== '') problems.push(`204 with a body (${snippet(res.text)})`);
      return problems;
    }
    const type = (res.contentType ?? '').split(';')[0].trim().toLowerCase();
    if (!/^application\/([\w.-]+\+)?json$/.test(type)) problems.push(`Content-Type "${type || 'none'}", expected application/json`);
    if (res.text === '') {
      problems.push('empty body');
      return problems;
    }
    if (res.jsonError) {
      problems.push(`body is not JSON: "${snippet(res.text)}"`);
      return problems;
    }
    const documented = contract.response(res.method, res.path, res.status);
    let schemaErrors = [];
    if (documented.problem) {
      problems.push(documented.problem);
      // An undocumented error status still owes the error body shape.
      if (res.status >= 400) schemaErrors = contract.validate(contract.schema('Error'), res.json);
    } else {
      const schema = documented.response.content?.['application/json']?.schema;
      if (!documented.response.content) problems.push(`documented without a body, got "${snippet(res.text)}"`);
      else if (!schema) problems.push('the document has no application/json schema for this status');
      else schemaErrors = contract.validate(schema, res.json);
    }
    if (schemaErrors.length > 0) {
      problems.push(`body off-schema: ${schemaErrors.slice(0, 3).join('; ')}${schemaErrors.length > 3 ? ` (+${schemaErrors.length - 3} more)` : ''}`);
    }
    if (code && res.json?.error?.code !== code) problems.push(`error code ${JSON.stringify(res.json?.error?.code)}, expected "${code}"`);
    return problems;
  }

  /**
   * Records one check from one response. `status` may be a list; `code` the expected error code; `semantic(json, res)`
   * returns extra problems (strings) once the shape is right.
   */
  function expect(id, res, { status, code, semantic, expected } = {}) {
    const want =
      expected ??
      []
        .concat(status)
        .map((s) => promised(res.method, res.path, s) + (code ? ` "${code}"` : ''))
        .join(' or ');
    const problems = problemsOf(res, { status, code });
    // Meaning is checked whenever the status is right and the body parsed, so a shape problem does not hide, say, a
    // doubled comment; a body too broken for the semantic check simply adds nothing.
    if (semantic && [].concat(status).includes(res.status) && res.json && typeof res.json === 'object' && !res.jsonError) {
      try {
        problems.push(...(semantic(res.json, res) ?? []).filter(Boolean));
      } catch {
        // Already reported as off-schema.
      }
    }
    const line = `${res.method} ${res.path}`;
    const waited = res.waited ? ` (after ${res.waited} s of 429 Retry-After)` : '';
    const extra = { method: res.method, path: res.path, expected: want, actual: got(res) };
    if (problems.length === 0) {
      const shape = res.status === 204 ? '204 no body' : promised(res.method, res.path, res.status);
      return pass(id, `${line} → ${shape}${code ? ` "${code}"` : ''}${waited}`, extra);
    }
    return fail(id, `${line}: expected ${want}, got ${got(res)} — ${problems.join('; ')}`, extra);
  }

  /** Records a check about headers or behaviour (no body contract): `problems` empty means pass. */
  function verdict(id, method, path, problems, { ok, expected, actual }) {
    const extra = { method, path, expected, actual };
    const clean = problems.filter(Boolean);
    if (clean.length === 0) return pass(id, `${method} ${path} → ${ok}`, extra);
    return fail(id, `${method} ${path}: expected ${expected}, got ${actual} — ${clean.join('; ')}`, extra);
  }

  const skipAll = (ids, reason) => ids.forEach((id) => skip(id, reason));

  // ---------------------------------------------------------------- reachability and the document
  const docRes = await request('GET', '/openapi.json');
  if (docRes.status === 0) {
    fail('endpoint.reachable', `GET /openapi.json: expected an HTTP answer from ${client.base}, got ${got(docRes)}`);
    return finish();
  }
  pass('endpoint.reachable', `GET /openapi.json → ${got(docRes)} (the server answers at ${client.base})`);
  if (docRes.status === 404) {
    skip('openapi.served', `GET /openapi.json → 404: the server does not publish its document; checking against the bundled contract`);
  } else {
    const problems = [];
    if (docRes.status !== 200) problems.push(`status ${docRes.status}`);
    else if (docRes.jsonError || typeof docRes.json?.openapi !== 'string' || !docRes.json.openapi.startsWith('3.')) {
      problems.push(`not an OpenAPI 3 JSON document ("${snippet(docRes.text)}")`);
    } else {
      const missing = [];
      for (const [template, operations] of Object.entries(contract.document.paths)) {
        for (const method of Object.keys(operations)) {
          if (['get', 'post', 'put', 'patch', 'delete'].includes(method) && !docRes.json.paths?.[template]?.[method]) {
            missing.push(`${method.toUpperCase()} ${template}`);
          }
        }
      }
      if (missing.length > 0)
        problems.push(`lacks ${missing.length} operation(s) of the contract: ${missing.slice(0, 4).join(', ')}${missing.length > 4 ? ', ...' : ''}`);
    }
    verdict('openapi.served', 'GET', '/openapi.json', problems, {
      ok: '200 OpenAPI document covering every operation of the contract',
      expected: '200 OpenAPI 3 document covering the contract',
      actual: got(docRes),
    });
  }

  const unknownRoute = `/${unique('conformance-no-such-route')}`;
  {
    const res = await request('GET', unknownRoute);
    const problems = res.status === 404 ? [] : [`status ${res.status}, expected 404`];
    const type = (res.contentType ?? '').split(';')[0].trim();
    if (!/json$/.test(type)) problems.push(`Content-Type "${type || 'none'}", expected application/json`);
    else if (res.jsonError) problems.push(`body is not JSON: "${snippet(res.text)}"`);
    else
      problems.push(
        ...contract
          .validate(contract.schema('Error'), res.json)
          .slice(0, 2)
          .map((e) => `error body off-schema: ${e}`),
      );
    verdict('routes.unknown', 'GET', unknownRoute, problems, { ok: '404 Error (JSON)', expected: '404 Error (JSON)', actual: got(res) });
  }

  // ---------------------------------------------------------------- articles
  const missingId = unique('conformance-missing');
  let articleId = options.article;
  let article = null;
  let discoveredPoll = null;
  let discoveredThread = null;
  if (!articleId) {
    const probe = await request('GET', '/articles/lookup?url=%2F');
    if (probe.status === 200 && typeof probe.json?.id === 'string') {
      articleId = probe.json.id;
      log(`article: no --article given; using "${articleId}", found by GET /articles/lookup?url=/`);
    }
  }
  const articleChecks = [
    'article.get',
    'article.not-found',
    'article.lookup',
    'article.lookup.not-found',
    'article.lookup.invalid',
    'article.related',
    'article.related.not-found',
    'article.related.invalid',
  ];
  if (!articleId) {
    skipAll(articleChecks, 'no article id: pass --article <id> (GET /articles/lookup?url=/ found none)');
  } else {
    const base = `/articles/${enc(articleId)}`;
    const res = await request('GET', base);
    expect('article.get', res, { status: 200, semantic: (json) => [json.id !== articleId && `id "${json.id}", expected "${articleId}"`] });
    if (res.status === 200 && res.json && typeof res.json === 'object') {
      article = res.json;
      const blocks = Array.isArray(article.blocks) ? article.blocks : [];
      discoveredPoll = blocks.find((block) => block?.type === 'poll' && typeof block.pollId === 'string')?.pollId ?? null;
      const comments = blocks.find((block) => block?.type === 'comments');
      discoveredThread = (typeof comments?.threadId === 'string' && comments.threadId) || articleId;
    }
    expect('article.not-found', await request('GET', `/articles/${missingId}`), { status: 404 });
    if (typeof article?.url === 'string' && article.url) {
      const lookup = `/articles/lookup?url=${enc(article.url)}`;
      expect('article.lookup', await request('GET', lookup), {
        status: 200,
        semantic: (json) => [json.id !== articleId && `looked up the article's own url "${article.url}" and got id "${json.id}", expected "${articleId}"`],
      });
    } else {
      skip('article.lookup', `the article has no url to look up (GET ${base} gave none)`);
    }
    expect('article.lookup.not-found', await request('GET', `/articles/lookup?url=${enc(`/${missingId}`)}`), { status: 404 });
    expect('article.lookup.invalid', await request('GET', '/articles/lookup'), { status: 422 });
    expect('article.related', await request('GET', `${base}/related?limit=2`), {
      status: 200,
      semantic: (json) => [
        json.length > 2 && `${json.length} items for limit=2`,
        json.some((item) => item?.id === articleId) && 'lists the article itself as related to itself',
      ],
    });
    expect('article.related.not-found', await request('GET', `/articles/${missingId}/related`), { status: 404 });
    expect('article.related.invalid', await request('GET', `${base}/related?limit=0`), { status: 422 });
  }

  // ---------------------------------------------------------------- comments: reads
  const readThread = options.thread ?? discoveredThread;
  const writeThread = options.thread ?? unique('conformance-thread');
  if (!options.thread && discoveredThread)
    log(`thread: reading "${discoveredThread}" (the article's comments); writing to a new scratch thread "${writeThread}"`);
  else if (!options.thread) log(`thread: writing to a new scratch thread "${writeThread}"`);
  let readTotal = null;
  const readChecks = ['comments.list', 'comments.sort', 'comments.paging', 'replies.list'];
  if (!readThread) {
    skipAll(readChecks, 'no thread id: pass --thread <id> or --article <id>');
  } else {
    const base = `/threads/${enc(readThread)}/comments`;
    const res = await request('GET', `${base}?sort=newest&limit=5`);
    const ordered = (comments, direction) => {
      for (let i = 1; i < comments.length; i++) {
        const a = Date.parse(comments[i - 1].createdAt);
        const b = Date.parse(comments[i].createdAt);
        if (direction === 'newest' ? a < b : a > b) return `${direction} order broken at ${comments[i].id}`;
      }
      return null;
    };
    expect('comments.list', res, {
      status: 200,
      semantic: (json) => [
        json.comments.length > 5 && `${json.comments.length} comments for limit=5`,
        json.total < json.comments.length && `total ${json.total} is below the ${json.comments.length} comments listed`,
        json.comments.some((c) => c.parentId !== null) && 'a reply (parentId set) in the top-level list',
        json.comments.some((c) => c.threadId !== readThread) && `a comment with threadId other than "${readThread}"`,
        ordered(json.comments, 'newest'),
      ],
    });
    if (res.status === 200 && typeof res.json?.total === 'number') readTotal = res.json.total;
    const oldest = await request('GET', `${base}?sort=oldest&limit=5`);
    const top = await request('GET', `${base}?sort=top&limit=5`);
    if (problemsOf(oldest, { status: 200 }).length > 0) expect('comments.sort', oldest, { status: 200 });
    else expect('comments.sort', top, { status: 200, semantic: () => [ordered(oldest.json.comments, 'oldest')] });
    const first = await request('GET', `${base}?sort=oldest&limit=1`);
    if (first.status === 200 && typeof first.json?.nextCursor === 'string') {
      const second = await request('GET', `${base}?sort=oldest&limit=1&cursor=${enc(first.json.nextCursor)}`);
      expect('comments.paging', second, {
        status: 200,
        semantic: (json) => [
          json.comments.length !== 1 && `${json.comments.length} comments on page 2 with limit=1`,
          json.comments[0]?.id === first.json.comments[0]?.id && 'page 2 repeats the first comment of page 1',
        ],
      });
    } else if (first.status === 200 && first.json?.nextCursor === null) {
      skip('comments.paging', `GET ${base}?limit=1 has no next page (fewer than 2 top-level comments in "${readThread}")`);
    } else {
      expect('comments.paging', first, { status: 200, semantic: () => ['nextCursor missing'] });
    }
    const withReplies = res.json?.comments?.find?.((c) => c?.replyCount > 0) ?? oldest.json?.comments?.find?.((c) => c?.replyCount > 0);
    if (withReplies) {
      expect('replies.list', await request('GET', `/comments/${enc(withReplies.id)}/replies?limit=5`), {
        status: 200,
        semantic: (json) => [
          json.comments.length === 0 && `no replies, though replyCount is ${withReplies.replyCount}`,
          json.comments.some((c) => c.parentId !== withReplies.id) && `a reply whose parentId is not "${withReplies.id}"`,
        ],
      });
    } else {
      skip('replies.list', `no comment with replies among the first of "${readThread}" (checked again on our own reply when a token is given)`);
    }
  }
  const threadsPath = `/threads/${enc(writeThread)}/comments`;
  expect('comments.invalid-sort', await request('GET', `${threadsPath}?sort=sideways`), { status: 422 });
  expect('comments.invalid-limit', await request('GET', `${threadsPath}?limit=0`), { status: 422 });
  expect('comments.invalid-cursor', await request('GET', `${threadsPath}?cursor=${enc('not-a-cursor-' + missingId)}`), { status: 422, code: 'invalid_cursor' });
  expect('replies.not-found', await request('GET', `/comments/${missingId}/replies`), { status: 404 });
  {
    const threads = [readThread, writeThread, missingId].filter(Boolean);
    expect('counts', await request('GET', `/counts?threads=${threads.map(enc).join(',')}`), {
      status: 200,
      semantic: (json) => [
        ...threads.filter((t) => !Object.hasOwn(json.counts, t)).map((t) => `no count for "${t}"`),
        json.counts[missingId] !== undefined && json.counts[missingId] !== 0 && `count ${json.counts[missingId]} for an unknown thread, expected 0`,
        readThread &&
          readTotal !== null &&
          json.counts[readThread] !== undefined &&
          json.counts[readThread] !== readTotal &&
          `count ${json.counts[readThread]} for "${readThread}" but its comment list says total ${readTotal}`,
      ],
    });
  }
  expect('counts.invalid', await request('GET', '/counts'), { status: 422 });
  expect('session.anonymous', await request('GET', '/session'), { status: 401, code: 'auth_required' });
  expect('comments.post.anonymous', await request('POST', threadsPath, { json: { body: 'Conformance check (anonymous, must be refused)' } }), {
    status: 401,
    code: 'auth_required',
  });
  expect('comments.like.anonymous', await request('PUT', `/comments/${missingId}/like`), { status: 401, code: 'auth_required' });

  // ---------------------------------------------------------------- event streams
  async function streamCheck(id, path, { wantEvent, schema } = {}) {
    const live = await client.stream(path, options.origin ? { headers: { Origin: options.origin } } : {});
    const type = live.contentType.split(';')[0].trim().toLowerCase();
    const problems = [];
    if (live.status !== 200) problems.push(`status ${live.status || `none (${live.error})`}, expected 200`);
    if (type !== 'text/event-stream') problems.push(`Content-Type "${type || 'none'}", expected text/event-stream`);
    let event = null;
    if (problems.length === 0 && wantEvent) {
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        event = await live.next(deadline - Date.now());
        if (!event || event.event === wantEvent) break;
      }
      if (!event || event.event !== wantEvent) problems.push(`no "${wantEvent}" event within 5 s`);
      else if (schema)
        problems.push(
          ...contract
            .validate(contract.schema(schema), event.json)
            .slice(0, 2)
            .map((e) => `"${wantEvent}" data off-schema: ${e}`),
        );
    }
    verdict(id, 'GET', path, problems, {
      ok: `200 text/event-stream${wantEvent ? `, "${wantEvent}" event with ${schema ?? 'data'}` : ''}`,
      expected: `200 text/event-stream${wantEvent ? ` with a "${wantEvent}" event` : ''}`,
      actual: live.status ? `${live.status} ${type || 'without Content-Type'}` : `no answer (${live.error})`,
    });
    return live;
  }
  (await streamCheck('events.thread', `/threads/${enc(readThread ?? writeThread)}/events`)).close();

  // ---------------------------------------------------------------- polls
  const pollId = options.poll ?? discoveredPoll;
  if (!options.poll && discoveredPoll) log(`poll: no --poll given; using "${discoveredPoll}" from the article's poll block`);
  const pollChecks = [
    'poll.get',
    'events.poll',
    'poll.vote.unsupported-media',
    'poll.vote.bad-json',
    'poll.vote.invalid-body',
    'poll.vote.invalid-option',
    'poll.vote',
    'poll.vote.cookie',
    'poll.vote.idempotent-replay',
    'poll.vote.counted-once',
    'poll.vote.already-voted',
  ];
  expect('poll.not-found', await request('GET', `/polls/${missingId}`), { status: 404 });
  {
    const res = await client.stream(`/polls/${missingId}/events`);
    res.close();
    const problems = problemsOf(
      { ...res, method: 'GET', path: `/polls/${missingId}/events`, jsonError: res.json === undefined ? 'not JSON' : undefined },
      { status: 404 },
    );
    verdict('events.poll.not-found', 'GET', `/polls/${missingId}/events`, problems, {
      ok: '404 Error',
      expected: '404 Error (JSON)',
      actual: `${res.status} ${res.contentType.split(';')[0] || 'without Content-Type'}`,
    });
  }
  if (!pollId) {
    skipAll(pollChecks, 'no poll id: pass --poll <id> (or --article <id> of an article with a poll block)');
  } else {
    const base = `/polls/${enc(pollId)}`;
    const visitor = new CookieJar();
    const before = await request('GET', base, { jar: visitor });
    expect('poll.get', before, {
      status: 200,
      semantic: (json) => {
        const hidden = json.totalVotes === null;
        return [
          json.id !== pollId && `id "${json.id}", expected "${pollId}"`,
          json.options.length === 0 && 'no options',
          json.options.some((o) => (o.votes === null) !== hidden) && 'totalVotes and options[].votes disagree on whether results are hidden',
          json.results === 'always' && hidden && 'results "always" but votes are hidden',
          json.myVote !== null && json.myVote.length > 0 && 'a new visitor already has myVote',
        ];
      },
    });
    const poll = before.status === 200 && Array.isArray(before.json?.options) ? before.json : null;
    const live = await streamCheck('events.poll', `${base}/events`, { wantEvent: 'results', schema: 'Poll' });
    live.close();
    const votes = `${base}/votes`;
    const option = poll?.options?.[0]?.id ?? 'conformance-option';
    expect(
      'poll.vote.unsupported-media',
      await request('POST', votes, { body: JSON.stringify({ optionIds: [option] }), contentType: 'text/plain', jar: new CookieJar() }),
      { status: 415 },
    );
    expect('poll.vote.bad-json', await request('POST', votes, { body: '{"optionIds": [', contentType: 'application/json', jar: new CookieJar() }), {
      status: [400, 422],
    });
    expect('poll.vote.invalid-body', await request('POST', votes, { json: { optionIds: option }, jar: new CookieJar() }), { status: 422 });
    if (!poll) {
      skipAll(pollChecks.slice(5), `GET ${base} did not give a poll to vote in`);
    } else if (poll.status === 'closed') {
      expect('poll.vote.closed', await request('POST', votes, { json: { optionIds: [option] }, jar: new CookieJar() }), { status: 410, code: 'poll_closed' });
      skipAll(pollChecks.slice(5), `poll "${pollId}" is closed; pass --poll <id> of an open (test) poll`);
    } else {
      expect('poll.vote.invalid-option', await request('POST', votes, { json: { optionIds: [missingId] }, jar: new CookieJar() }), {
        status: 422,
        code: 'invalid_option',
      });
      const voter = new CookieJar();
      const key = unique('conformance-vote');
      const first = await request('POST', votes, { json: { optionIds: [option] }, jar: voter, idempotencyKey: key });
      const visibleBefore = typeof poll.totalVotes === 'number' ? poll.totalVotes : null;
      const ok = expect('poll.vote', first, {
        status: 200,
        semantic: (json) => [
          !same(json.myVote, [option]) && `myVote ${JSON.stringify(json.myVote)}, expected ["${option}"]`,
          poll.results !== 'after-close' && json.totalVotes === null && `results still hidden after voting (results "${poll.results}")`,
          visibleBefore !== null &&
            typeof json.totalVotes === 'number' &&
            json.totalVotes < visibleBefore + 1 &&
            `totalVotes ${json.totalVotes}, expected at least ${visibleBefore + 1}`,
        ],
      });
      {
        const cookies = first.setCookies ?? [];
        const https = client.base.startsWith('https:');
        const cookie = cookies[0] ?? '';
        const problems = [];
        if (first.status !== 200) problems.push(`the vote was not accepted (${got(first)})`);
        else if (cookies.length === 0) problems.push('no Set-Cookie: an anonymous voter must get a server-issued voter id cookie');
        else {
          if (!/;\s*httponly/i.test(cookie)) problems.push('voter cookie is not HttpOnly');
          if (https && !/;\s*samesite=none/i.test(cookie)) problems.push('voter cookie is not SameSite=None (cross-site pages cannot send it back)');
          if (https && !/;\s*secure/i.test(cookie)) problems.push('voter cookie is not Secure');
        }
        verdict('poll.vote.cookie', 'POST', votes, problems, {
          ok: `Set-Cookie ${snippet(cookie.split(';')[0].split('=')[0], 30)}=…; ${cookie
            .split(';')
            .slice(1)
            .map((s) => s.trim())
            .join('; ')}`,
          expected: `an HttpOnly voter cookie${https ? ' with SameSite=None; Secure' : ''}`,
          actual: cookies.length ? snippet(cookie.replace(/=[^;]*/, '=…'), 80) : 'no Set-Cookie',
        });
      }
      if (!ok) {
        skipAll(['poll.vote.idempotent-replay', 'poll.vote.counted-once', 'poll.vote.already-voted'], `the first vote failed (${got(first)})`);
      } else {
        const replay = await request('POST', votes, { json: { optionIds: [option] }, jar: voter, idempotencyKey: key });
        expect('poll.vote.idempotent-replay', replay, {
          status: 200,
          expected: '200 with the same body as the first vote',
          semantic: (json) => [
            !same(json, first.json) && `a different body: ${snippet(JSON.stringify(json), 80)} vs ${snippet(JSON.stringify(first.json), 80)}`,
          ],
        });
        const after = await request('GET', base, { jar: voter });
        expect('poll.vote.counted-once', after, {
          status: 200,
          expected: '200 Poll counting the repeated vote once',
          semantic: (json) => [
            !same(json.myVote, [option]) && `myVote ${JSON.stringify(json.myVote)}, expected ["${option}"] (is the voter cookie honoured?)`,
            typeof first.json.totalVotes === 'number' &&
              typeof json.totalVotes === 'number' &&
              json.totalVotes !== first.json.totalVotes &&
              `totalVotes ${json.totalVotes} after the replay, ${first.json.totalVotes} after the first vote (a second vote was counted, or someone else voted meanwhile)`,
          ],
        });
        expect('poll.vote.already-voted', await request('POST', votes, { json: { optionIds: [option] }, jar: voter }), { status: 409, code: 'already_voted' });
      }
    }
  }

  // ---------------------------------------------------------------- live-data feeds
  expect('feed.not-found', await request('GET', `/feeds/${missingId}`), { status: 404 });
  {
    const res = await client.stream(`/feeds/${missingId}/events`);
    res.close();
    const problems = problemsOf(
      { ...res, method: 'GET', path: `/feeds/${missingId}/events`, jsonError: res.json === undefined ? 'not JSON' : undefined },
      { status: 404 },
    );
    verdict('events.feed.not-found', 'GET', `/feeds/${missingId}/events`, problems, {
      ok: '404 Error',
      expected: '404 Error (JSON)',
      actual: `${res.status} ${res.contentType.split(';')[0] || 'without Content-Type'}`,
    });
  }
  if (!options.feed) {
    skipAll(['feed.get', 'events.feed'], 'no feed id: pass --feed <id> of a live-data feed');
  } else {
    const base = `/feeds/${enc(options.feed)}`;
    expect('feed.get', await request('GET', base), {
      status: 200,
      semantic: (json) => [
        json.id !== options.feed && `id "${json.id}", expected "${options.feed}"`,
        new Set(json.values.map((v) => v.id)).size !== json.values.length && 'two values share an id',
        ...json.values.map((v) => v.format === 'currency' && !v.currency && `value "${v.id}" is a currency figure without its currency code`),
      ],
    });
    (await streamCheck('events.feed', `${base}/events`, { wantEvent: 'feed', schema: 'Feed' })).close();
  }

  // ---------------------------------------------------------------- comments: writes (reader token)
  const writeChecks = [
    'session',
    'comments.post.invalid',
    'comments.post.too-long',
    'comments.post.invalid-parent',
    'comments.post',
    'comments.post.idempotent-replay',
    'comments.post.counted-once',
    'events.thread.live',
    'comments.reply',
    'comments.reply.listed',
    'comments.edit',
    'comments.edit.invalid',
    'comments.edit.bad-json',
    'comments.edit.unsupported-media',
    'comments.edit.not-found',
    'comments.edit.anonymous',
    'comments.like.not-found',
    'comments.report',
    'comments.report.invalid',
    'comments.report.not-found',
    'comments.delete.anonymous',
    'comments.delete',
    'comments.delete.idempotent-replay',
    'comments.delete.gone',
  ];
  // Likes need the second reader: authors cannot like their own comments.
  const secondChecks = [
    'session.second',
    'comments.edit.forbidden',
    'comments.delete.forbidden',
    'comments.like.own',
    'comments.like',
    'comments.like.repeat',
    'comments.unlike',
  ];
  if (!options.token) {
    skipAll(writeChecks, 'no reader token: pass --token <JWT signed with your JWT_SECRET>');
    skipAll(secondChecks, 'no reader tokens: pass --token and --second-token (a different reader)');
  } else {
    await writes();
  }

  async function writes() {
    const token = options.token;
    const session = await request('GET', '/session', { token });
    if (!expect('session', session, { status: 200 })) {
      skipAll(writeChecks.slice(1), `the reader token was not accepted by GET /session (${got(session)})`);
      skipAll(secondChecks, 'the reader token was not accepted');
      return;
    }
    const me = session.json;
    let second = null;
    if (!options.secondToken) {
      skipAll(secondChecks, 'no second reader token: pass --second-token <JWT of another reader>');
    } else {
      const res = await request('GET', '/session', { token: options.secondToken });
      if (
        expect('session.second', res, {
          status: 200,
          semantic: (json) => [json.id === me.id && `the same reader "${me.id}" as --token; pass another reader's token`],
        })
      ) {
        second = options.secondToken;
      } else {
        skipAll(secondChecks.slice(1), 'the second reader token is unusable (see session.second)');
      }
    }

    const listBefore = await request('GET', `${threadsPath}?sort=newest&limit=100`, { token });
    const totalBefore = typeof listBefore.json?.total === 'number' ? listBefore.json.total : null;
    const live = await client.stream(`/threads/${enc(writeThread)}/events`, { token });

    expect('comments.post.invalid', await request('POST', threadsPath, { token, json: { body: '   ' } }), { status: 422 });
    expect('comments.post.too-long', await request('POST', threadsPath, { token, json: { body: 'x'.repeat(2001) } }), { status: 422 });
    expect('comments.post.invalid-parent', await request('POST', threadsPath, { token, json: { body: 'Conformance check reply', parentId: missingId } }), {
      status: 422,
      code: 'invalid_parent',
    });

    const typed = `<b>Conformance</b> check & "quotes" ${randomBytes(3).toString('hex')}\nsecond line`;
    const key = unique('conformance-comment');
    const created = await request('POST', threadsPath, { token, json: { body: `  ${typed}  ` }, idempotencyKey: key });
    const ok = expect('comments.post', created, {
      status: 201,
      semantic: (json) => [
        json.body !== typed && `body ${JSON.stringify(snippet(json.body, 70))}, expected the text as typed, trimmed: ${JSON.stringify(snippet(typed, 70))}`,
        json.threadId !== writeThread && `threadId "${json.threadId}", expected "${writeThread}"`,
        json.parentId !== null && `parentId ${JSON.stringify(json.parentId)}, expected null`,
        json.author?.id !== me.id && `author.id "${json.author?.id}", expected "${me.id}" (from GET /session)`,
        json.mine !== true && 'mine is not true for the author',
        !['published', 'pending'].includes(json.status) && `status "${json.status}"`,
        (json.likes !== 0 || json.replyCount !== 0) && 'a new comment with likes or replies',
      ],
    });
    if (!ok) {
      live.close();
      skipAll(writeChecks.slice(5), `POST ${threadsPath} did not create a comment (${got(created)})`);
      skipAll(
        secondChecks.slice(1).filter(() => second),
        `POST ${threadsPath} did not create a comment`,
      );
      return;
    }
    const comment = created.json;
    const published = comment.status === 'published';
    const commentPath = `/comments/${enc(comment.id)}`;

    const replay = await request('POST', threadsPath, { token, json: { body: `  ${typed}  ` }, idempotencyKey: key });
    expect('comments.post.idempotent-replay', replay, {
      status: 201,
      expected: '201 with the same comment as the first post',
      semantic: (json) => [
        json.id !== comment.id
          ? `a second comment "${json.id}" (first was "${comment.id}")`
          : !same(json, comment) && `a different body: ${snippet(JSON.stringify(json), 80)}`,
      ],
    });
    const listAfter = await request('GET', `${threadsPath}?sort=newest&limit=100`, { token });
    const counts = await request('GET', `/counts?threads=${enc(writeThread)}`);
    expect('comments.post.counted-once', listAfter, {
      status: 200,
      expected: '200 CommentPage with the comment once',
      semantic: (json) => {
        const copies = json.comments.filter((c) => c.body === typed).length;
        const want = totalBefore === null ? null : totalBefore + (published ? 1 : 0);
        return [
          copies !== 1 && `${copies} comments with the posted text in GET ${threadsPath}, expected 1`,
          want !== null && json.total !== want && `total ${json.total}, expected ${want}`,
          want !== null &&
            counts.status === 200 &&
            counts.json?.counts?.[writeThread] !== want &&
            `GET /counts says ${counts.json?.counts?.[writeThread]}, expected ${want}`,
        ];
      },
    });

    // The live stream opened before the post should carry it.
    if (!published) {
      skip('events.thread.live', `the comment is "${comment.status}" (pre-moderated thread), so no live event is due`);
    } else {
      const problems = [];
      const type = live.contentType.split(';')[0].trim();
      let event = null;
      if (live.status !== 200 || type !== 'text/event-stream') problems.push(`the stream answered ${live.status} ${type || 'without Content-Type'}`);
      else {
        const deadline = Date.now() + 5000;
        while (Date.now() < deadline) {
          event = await live.next(deadline - Date.now());
          if (!event || (event.event === 'comment' && event.json?.id === comment.id)) break;
        }
        if (!event) problems.push(`no "comment" event for ${comment.id} within 5 s of posting`);
        else
          problems.push(
            ...contract
              .validate(contract.schema('Comment'), event.json)
              .slice(0, 2)
              .map((e) => `event data off-schema: ${e}`),
          );
      }
      verdict('events.thread.live', 'GET', `/threads/${enc(writeThread)}/events`, problems, {
        ok: `"comment" event with the new Comment`,
        expected: `a "comment" event carrying ${comment.id}`,
        actual: event ? `"${event.event}" event` : 'nothing',
      });
    }
    live.close();

    // A pending comment (pre-moderated thread) is visible to its author only: no replies, likes or reports on it.
    const pending = `the comment is "${comment.status}" (pre-moderated thread), so it takes no replies, likes or reports; pass --thread <id> of an unmoderated thread`;
    let reply = null;
    let replyOk = false;
    if (!published) {
      skipAll(['comments.reply', 'comments.reply.listed'], pending);
    } else {
      reply = await request('POST', threadsPath, { token, json: { body: 'Conformance check reply', parentId: comment.id } });
      replyOk = expect('comments.reply', reply, {
        status: 201,
        semantic: (json) => [json.parentId !== comment.id && `parentId ${JSON.stringify(json.parentId)}, expected "${comment.id}"`],
      });
    }
    if (published && replyOk) {
      expect('comments.reply.listed', await request('GET', `${commentPath}/replies`, { token }), {
        status: 200,
        semantic: (json) => [!json.comments.some((c) => c.id === reply.json.id) && `the reply ${reply.json.id} is not listed`],
      });
    } else if (published) {
      skip('comments.reply.listed', 'no reply was created');
    }

    const edited = `Conformance check, edited ${randomBytes(3).toString('hex')}`;
    expect('comments.edit', await request('PATCH', commentPath, { token, json: { body: edited } }), {
      status: 200,
      semantic: (json) => [
        json.id !== comment.id && `id "${json.id}", expected "${comment.id}"`,
        json.body !== edited && `body ${JSON.stringify(snippet(json.body))}, expected ${JSON.stringify(edited)}`,
        json.editedAt === null && 'editedAt is still null after an edit',
      ],
    });
    expect('comments.edit.invalid', await request('PATCH', commentPath, { token, json: { body: '' } }), { status: 422 });
    expect('comments.edit.bad-json', await request('PATCH', commentPath, { token, body: '{"body": ', contentType: 'application/json' }), {
      status: [400, 422],
    });
    expect('comments.edit.unsupported-media', await request('PATCH', commentPath, { token, body: 'plain text', contentType: 'text/plain' }), { status: 415 });
    expect('comments.edit.not-found', await request('PATCH', `/comments/${missingId}`, { token, json: { body: edited } }), { status: 404 });
    expect('comments.edit.anonymous', await request('PATCH', commentPath, { json: { body: edited } }), { status: 401, code: 'auth_required' });
    if (second)
      expect('comments.edit.forbidden', await request('PATCH', commentPath, { token: second, json: { body: 'Not mine to edit' } }), {
        status: published ? 403 : [403, 404],
      });

    if (second && !published) skipAll(['comments.like.own', 'comments.like', 'comments.like.repeat', 'comments.unlike'], pending);
    else if (second) await likeChecks(second);
    async function likeChecks(reader) {
      expect('comments.like.own', await request('PUT', `${commentPath}/like`, { token }), {
        status: 403,
        expected: '403 Error (authors cannot like their own comments)',
      });
      expect('comments.like', await request('PUT', `${commentPath}/like`, { token: reader }), {
        status: 200,
        semantic: (json) => [json.likes !== 1 && `likes ${json.likes}, expected 1`],
      });
      expect('comments.like.repeat', await request('PUT', `${commentPath}/like`, { token: reader }), {
        status: 200,
        expected: '200 Likes still 1 (one like per reader)',
        semantic: (json) => [json.likes !== 1 && `likes ${json.likes} after the same reader liked twice, expected 1`],
      });
      expect('comments.unlike', await request('DELETE', `${commentPath}/like`, { token: reader }), {
        status: 200,
        semantic: (json) => [json.likes !== 0 && `likes ${json.likes}, expected 0`],
      });
    }
    expect('comments.like.not-found', await request('PUT', `/comments/${missingId}/like`, { token }), { status: 404 });

    const reporter = new CookieJar();
    if (!published) skipAll(['comments.report', 'comments.report.invalid'], pending);
    else {
      expect('comments.report', await request('POST', `${commentPath}/reports`, { json: { reason: 'Conformance check: please ignore' }, jar: reporter }), {
        status: 202,
      });
      expect('comments.report.invalid', await request('POST', `${commentPath}/reports`, { json: { reason: '' }, jar: reporter }), { status: 422 });
    }
    expect('comments.report.not-found', await request('POST', `/comments/${missingId}/reports`, { json: { reason: 'Conformance check' }, jar: reporter }), {
      status: 404,
    });

    expect('comments.delete.anonymous', await request('DELETE', commentPath), { status: 401, code: 'auth_required' });
    if (second) expect('comments.delete.forbidden', await request('DELETE', commentPath, { token: second }), { status: published ? 403 : [403, 404] });
    // Clean up: the reply first, so the comment disappears instead of leaving a "deleted" placeholder.
    if (replyOk) await request('DELETE', `/comments/${enc(reply.json.id)}`, { token });
    const deleteKey = unique('conformance-delete');
    const deleted = await request('DELETE', commentPath, { token, idempotencyKey: deleteKey });
    const deleteOk = expect('comments.delete', deleted, { status: 204 });
    if (deleteOk) {
      expect('comments.delete.idempotent-replay', await request('DELETE', commentPath, { token, idempotencyKey: deleteKey }), {
        status: 204,
        expected: '204 again (same Idempotency-Key)',
      });
      expect('comments.delete.gone', await request('GET', `${threadsPath}?sort=newest&limit=100`, { token }), {
        status: 200,
        expected: '200 CommentPage without the deleted comment',
        semantic: (json) => {
          const still = json.comments.find((c) => c.id === comment.id);
          return [
            still && still.status !== 'deleted' && `the deleted comment is still listed with status "${still.status}"`,
            still && still.body !== '' && 'the deleted comment still shows its text',
            totalBefore !== null && json.total !== totalBefore && `total ${json.total}, expected ${totalBefore} again`,
          ];
        },
      });
    } else {
      skipAll(['comments.delete.idempotent-replay', 'comments.delete.gone'], `DELETE ${commentPath} failed`);
    }
  }

  // ---------------------------------------------------------------- caching of per-reader answers
  // A poll carries this voter's myVote and a comment page carries mine/likedByMe: a shared cache (CDN) that keeps
  // one reader's answer would show it to everyone.
  {
    const targets = [pollId && `/polls/${enc(pollId)}`, `/threads/${enc(readThread ?? writeThread)}/comments`].filter(Boolean);
    const problems = [];
    const seen = [];
    for (const path of targets) {
      const res = await request('GET', path, { token: options.token });
      const cc = (res.headers.get('cache-control') ?? '').toLowerCase();
      seen.push(`${path}: ${cc ? `"${cc}"` : 'no Cache-Control'}`);
      const maxAge = Number(/(?:^|,)\s*max-age=(\d+)/.exec(cc)?.[1] ?? 0);
      const personal = /\b(private|no-store|no-cache)\b/.test(cc);
      if (/\bpublic\b/.test(cc) || /\bs-maxage=/.test(cc) || (maxAge > 0 && !personal)) {
        problems.push(`GET ${path} answers Cache-Control "${cc}" (shared caches may serve one reader's answer to others; send private or no-store)`);
      }
    }
    verdict('cache.personal', 'GET', targets.join(', '), problems, {
      ok: `per-reader answers are not shared-cacheable (${seen.join('; ')})`,
      expected: 'Cache-Control private or no-store on per-reader answers',
      actual: seen.join('; '),
    });
  }

  // ---------------------------------------------------------------- CORS
  const corsChecks = ['cors.preflight', 'cors.preflight.methods', 'cors.read', 'cors.events'];
  const preflight = (path, method, headers, origin) =>
    request('OPTIONS', path, {
      headers: { Origin: origin, 'Access-Control-Request-Method': method, ...(headers ? { 'Access-Control-Request-Headers': headers } : {}) },
    });
  const allows = (res, origin) => {
    const problems = [];
    const allowOrigin = res.headers.get('access-control-allow-origin');
    if (allowOrigin !== origin) problems.push(`Access-Control-Allow-Origin ${allowOrigin === null ? 'missing' : `"${allowOrigin}"`}, expected "${origin}"`);
    if (res.headers.get('access-control-allow-credentials') !== 'true') problems.push('Access-Control-Allow-Credentials is not "true"');
    return problems;
  };
  const corsActual = (res) => `${got(res)}, Allow-Origin ${res.headers.get('access-control-allow-origin') ?? 'none'}`;
  if (!options.origin) {
    skipAll(corsChecks, 'no --origin: pass --origin https://your-site.example (a page origin your server allows)');
  } else {
    const origin = options.origin.replace(/\/$/, '');
    const wanted = ['authorization', 'content-type', 'idempotency-key'];
    {
      const res = await preflight(threadsPath, 'POST', wanted.join(', '), origin);
      const problems = allows(res, origin);
      if (res.status < 200 || res.status > 299) problems.unshift(`status ${res.status}, expected 2xx`);
      const methods = listHeader(res.headers.get('access-control-allow-methods'));
      if (!methods.includes('post')) problems.push(`Access-Control-Allow-Methods "${res.headers.get('access-control-allow-methods') ?? ''}" lacks POST`);
      const headers = listHeader(res.headers.get('access-control-allow-headers'));
      const lacking = wanted.filter((h) => !headers.includes(h));
      if (lacking.length) problems.push(`Access-Control-Allow-Headers "${res.headers.get('access-control-allow-headers') ?? ''}" lacks ${lacking.join(', ')}`);
      verdict('cors.preflight', 'OPTIONS', threadsPath, problems, {
        ok: `${res.status}, allows ${origin} with credentials, POST and ${wanted.join(', ')}`,
        expected: `2xx allowing ${origin} with credentials, POST and ${wanted.join(', ')}`,
        actual: corsActual(res),
      });
    }
    {
      const problems = [];
      const cases = [
        ['PATCH', `/comments/${missingId}`],
        ['DELETE', `/comments/${missingId}`],
        ['PUT', `/comments/${missingId}/like`],
        ['POST', `/polls/${enc(pollId ?? missingId)}/votes`],
      ];
      let last = null;
      for (const [method, path] of cases) {
        const res = await preflight(path, method, 'content-type, idempotency-key', origin);
        last = res;
        const methods = listHeader(res.headers.get('access-control-allow-methods'));
        if (res.status < 200 || res.status > 299 || !methods.includes(method.toLowerCase()) || allows(res, origin).length) {
          problems.push(`${method} ${path} preflight: ${corsActual(res)}, Allow-Methods "${res.headers.get('access-control-allow-methods') ?? ''}"`);
        }
      }
      verdict('cors.preflight.methods', 'OPTIONS', '/comments/{id}, /comments/{id}/like, /polls/{id}/votes', problems, {
        ok: `PATCH, DELETE, PUT and POST allowed for ${origin}`,
        expected: `PATCH, DELETE, PUT and POST allowed for ${origin}`,
        actual: last ? corsActual(last) : 'nothing',
      });
    }
    {
      const path = `/counts?threads=${enc(readThread ?? writeThread)}`;
      const res = await request('GET', path, { headers: { Origin: origin } });
      const problems = allows(res, origin);
      if (res.status !== 200) problems.unshift(`status ${res.status}, expected 200`);
      const vary = listHeader(res.headers.get('vary'));
      if (!vary.includes('origin') && !vary.includes('*')) problems.push('no "Vary: Origin" (a shared cache could serve one site\'s CORS answer to another)');
      const exposed = listHeader(res.headers.get('access-control-expose-headers'));
      if (!exposed.includes('retry-after')) problems.push('Access-Control-Expose-Headers lacks Retry-After (the adapter cannot honour 429 cross-site)');
      verdict('cors.read', 'GET', path, problems, {
        ok: `allows ${origin} with credentials, Vary: Origin, exposes Retry-After`,
        expected: `Allow-Origin ${origin}, credentials, Vary: Origin, Retry-After exposed`,
        actual: corsActual(res),
      });
    }
    {
      const path = `/threads/${enc(readThread ?? writeThread)}/events`;
      const live = await client.stream(path, { headers: { Origin: origin } });
      live.close();
      const problems = allows(live, origin);
      if (live.status !== 200) problems.unshift(`status ${live.status}, expected 200`);
      verdict('cors.events', 'GET', path, problems, {
        ok: `event stream allows ${origin} with credentials (EventSource withCredentials)`,
        expected: `200 with Allow-Origin ${origin} and credentials`,
        actual: `${live.status}, Allow-Origin ${live.headers.get('access-control-allow-origin') ?? 'none'}`,
      });
    }
  }
  {
    const pre = await preflight(threadsPath, 'POST', 'authorization, content-type, idempotency-key', FOREIGN_ORIGIN);
    const read = await request('GET', `/counts?threads=${enc(readThread ?? writeThread)}`, { headers: { Origin: FOREIGN_ORIGIN } });
    const problems = [];
    for (const [what, res] of [
      ['preflight', pre],
      ['GET /counts', read],
    ]) {
      const allowOrigin = res.headers.get('access-control-allow-origin');
      if (allowOrigin === FOREIGN_ORIGIN) problems.push(`${what} allows the foreign origin`);
      else if (allowOrigin === '*') problems.push(`${what} answers Access-Control-Allow-Origin "*"`);
    }
    verdict('cors.foreign-origin', 'OPTIONS', threadsPath, problems, {
      ok: `${FOREIGN_ORIGIN} is not allowed`,
      expected: `no Access-Control-Allow-Origin for ${FOREIGN_ORIGIN}`,
      actual: `Allow-Origin ${pre.headers.get('access-control-allow-origin') ?? 'none'} (preflight), ${read.headers.get('access-control-allow-origin') ?? 'none'} (GET)`,
    });
  }

  return finish();

  function finish() {
    const summary = { passed: 0, failed: 0, skipped: 0 };
    for (const result of results) {
      if (result.status === 'pass') summary.passed++;
      else if (result.status === 'fail') summary.failed++;
      else summary.skipped++;
    }
    return { endpoint: client.base, results, summary, notes };
  }
}
