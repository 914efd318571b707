import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/comments/news-comments.js';
import '../src/article/news-article.js';
import type { NewsComments } from '../src/comments/news-comments.js';
import { createMemoryAdapter, type MemoryAdapter, type MemorySeed } from '../src/memory-adapter/index.js';
import { createDemoSeed, DEMO_EMPTY_THREAD_ID, DEMO_PREMODERATED_THREAD_ID, DEMO_THREAD_ID, demoReader } from '../src/memory-adapter/demo-seed.js';
import type { NewsCommentPostEvent, NewsSignInEvent } from '../src/core/events.js';
import type { Comment, User } from '../src/core/types.js';
import { captureWarnings, shadow, waitFor, xssPayloads } from './support/helpers.js';

const lena: User = { id: 'reader-lena', name: 'Lena Marsh' };
const other: User = { id: 'reader-zed', name: 'Zed Quill' };
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

function comment(id: string, body: string, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    threadId: 't',
    parentId: null,
    author: lena,
    body,
    createdAt: minutesAgo(30),
    editedAt: null,
    status: 'published',
    likes: 0,
    likedByMe: false,
    mine: false,
    replyCount: 0,
    ...extra,
  };
}

function demo(options: { signedIn?: boolean; extraComments?: number } = {}, latencyMs = 0): MemoryAdapter {
  return createMemoryAdapter(createDemoSeed(options), { latencyMs });
}

function seeded(seed: MemorySeed, latencyMs = 0) {
  return createMemoryAdapter(seed, { latencyMs });
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const all = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const bodies = (el: Element) => all(el, '[part="list"] > li > article [part="body"]').map(text);
const heading = (el: Element) => text(shadow(el, '[part="heading"]'));
const status = (el: Element) => text(shadow(el, '[role="status"]'));
const textarea = (el: Element, selector = '#c') => shadow<HTMLTextAreaElement>(el, `textarea${selector}`)!;
const article = (el: Element, id: string) => shadow(el, `article[data-id="${id}"]`);
const button = (el: Element, label: string | RegExp, root: ParentNode = el.shadowRoot!) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => (typeof label === 'string' ? text(b) === label : label.test(text(b))));
const deepActive = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

async function mount(
  adapter: MemoryAdapter,
  attrs: { thread?: string; sort?: string; pageSize?: number; maxLength?: number; live?: boolean; signInUrl?: string } = {},
) {
  const el = await fixture<NewsComments>(html`<news-comments
    thread-id=${attrs.thread ?? DEMO_THREAD_ID}
    loading="eager"
    sort=${ifDefined(attrs.sort)}
    page-size=${ifDefined(attrs.pageSize)}
    max-length=${ifDefined(attrs.maxLength)}
    sign-in-url=${ifDefined(attrs.signInUrl)}
    ?live=${attrs.live}
    .adapter=${adapter}
  ></news-comments>`);
  await ready(el);
  return el;
}

async function ready(el: NewsComments) {
  await waitFor(
    () => shadow(el, '[part="list"]')?.getAttribute('aria-busy') === 'false' && (shadow(el, '[part="sign-in"], #c') || shadow(el, '[part="error"]')),
    'thread loaded',
  );
  await el.updateComplete;
}

async function type(el: NewsComments, value: string, selector = '#c') {
  const field = textarea(el, selector);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<news-comments>', () => {
  beforeEach(() => localStorage.clear());

  describe('accessibility', () => {
    it('has no axe violations signed out, with a thread and replies open', async () => {
      const el = await mount(demo());
      button(el, 'Show 2 replies')!.click();
      await waitFor(() => all(el, '[part="replies"] article').length === 2, 'replies');
      await expect(el).to.be.accessible();
    });

    it('has no axe violations signed in, with the composer, an inline reply form and a delete confirmation', async () => {
      const adapter = demo({ signedIn: true });
      const el = await mount(adapter);
      await type(el, 'Draft text');
      await expect(el).to.be.accessible();
      button(el, 'Reply')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      await type(el, 'Mine', '#c');
      button(el, 'Post comment')!.click();
      await waitFor(() => button(el, 'Delete'), 'own comment');
      button(el, 'Delete')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('has no axe violations while loading, empty and on error', async () => {
      const hanging = demo();
      hanging.hang('listComments');
      const loading = await fixture<NewsComments>(html`<news-comments thread-id="x" loading="eager" .adapter=${hanging}></news-comments>`);
      await waitFor(() => shadow(loading, '.skeleton'), 'skeleton');
      await expect(loading).to.be.accessible();

      const empty = await mount(demo(), { thread: DEMO_EMPTY_THREAD_ID });
      expect(text(shadow(empty, '[part="empty"]'))).to.equal('No comments yet.');
      await expect(empty).to.be.accessible();

      const broken = demo();
      broken.fail('listComments', 500);
      const warnings = captureWarnings();
      const failed = await mount(broken);
      warnings.restore();
      await expect(failed).to.be.accessible();
    });

    it('gives the thread a heading, a list and a live region', async () => {
      const el = await mount(demo());
      const h = shadow(el, '[part="heading"]')!;
      expect(h.localName).to.equal('h2');
      expect(shadow(el, 'section')!.getAttribute('aria-labelledby')).to.equal(h.id);
      expect(shadow(el, 'ol[part="list"]')).to.not.equal(null);
      expect(shadow(el, '[role="status"]')).to.not.equal(null);
    });
  });

  describe('attributes', () => {
    it('reflects kebab-case attributes to camelCase properties with the documented defaults', async () => {
      const el = await fixture<NewsComments>(html`<news-comments></news-comments>`);
      expect(el.sort).to.equal('newest');
      expect(el.pageSize).to.equal(20);
      expect(el.maxLength).to.equal(2000);
      expect(el.live).to.equal(false);
      expect(el.loading).to.equal('lazy');
      el.setAttribute('thread-id', 'a');
      el.setAttribute('sign-in-url', '/login');
      el.setAttribute('page-size', '5');
      el.setAttribute('max-length', '300');
      el.setAttribute('sort', 'top');
      el.setAttribute('live', '');
      expect([el.threadId, el.signInUrl, el.pageSize, el.maxLength, el.sort, el.live]).to.deep.equal(['a', '/login', 5, 300, 'top', true]);
    });

    it('defaults the thread to the enclosing article id', async () => {
      const adapter = demo();
      const wrapper = await fixture(
        html`<news-article article-id=${DEMO_THREAD_ID}><news-comments loading="eager" .adapter=${adapter}></news-comments></news-article>`,
      );
      const el = wrapper.querySelector('news-comments')!;
      await ready(el);
      expect(adapter.calls.find((c) => c.method === 'listComments')!.args[0]).to.equal(DEMO_THREAD_ID);
    });

    it('fetches nothing until it nears the viewport', async () => {
      const adapter = demo();
      const wrapper = await fixture(
        html`<div><div style="height: 5000px"></div><news-comments thread-id=${DEMO_THREAD_ID} .adapter=${adapter}></news-comments></div>`,
      );
      const el = wrapper.querySelector('news-comments')!;
      await sleep(150);
      expect(adapter.calls).to.deep.equal([]);
      el.scrollIntoView();
      await ready(el);
      expect(adapter.calls.map((c) => c.method).sort()).to.deep.equal(['getSession', 'listComments']);
      window.scrollTo(0, 0);
    });

    it('asks for one page of page-size comments, whatever the size of the thread', async () => {
      const adapter = demo({ extraComments: 300 });
      const el = await mount(adapter, { pageSize: 7 });
      expect(all(el, '[part="list"] > li').length).to.equal(7);
      expect(adapter.calls.filter((c) => c.method === 'listComments').map((c) => c.args[1])).to.deep.equal([{ sort: 'newest', limit: 7 }]);
    });
  });

  describe('reading', () => {
    it('shows "Comments (N)" with the total, newest first', async () => {
      const el = await mount(demo());
      expect(heading(el)).to.equal('Comments (7)');
      expect(bodies(el)[0]).to.match(/^Keep the old railings/);
    });

    it('renders author, initials, a relative <time>, line breaks, auto-linked URLs and an edited marker', async () => {
      const adapter = seeded({
        comments: [
          comment(
            'a',
            'First line\nSee https://example.org/grants, then (https://en.wikipedia.org/wiki/Bridge_(disambiguation)).\njavascript:alert(1) is not a link',
            {
              threadId: 't',
              editedAt: minutesAgo(5),
            },
          ),
          comment('b', 'With a photo', {
            threadId: 't',
            author: { id: 'p', name: 'Photo Person', avatar: 'https://example.org/a.png' },
            createdAt: minutesAgo(60),
          }),
        ],
      });
      const el = await mount(adapter, { thread: 't' });
      const first = article(el, 'a')!;
      expect(text(first.querySelector('[part="author"]'))).to.equal('Lena Marsh');
      expect(text(first.querySelector('.avatar'))).to.equal('LM');
      const time = first.querySelector('time')!;
      expect(Date.parse(time.getAttribute('datetime')!)).to.be.closeTo(Date.now() - 30 * 60_000, 5000);
      expect(text(time)).to.equal('30 minutes ago');
      const body = first.querySelector('[part="body"]')!;
      expect(body.textContent).to.contain('First line\nSee ');
      expect(getComputedStyle(body).whiteSpace).to.equal('pre-wrap');
      const links = [...body.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/grants', 'https://en.wikipedia.org/wiki/Bridge_(disambiguation)']);
      expect(links.every((a) => a.rel === 'nofollow ugc noopener' && a.target === '_blank')).to.equal(true);
      expect(text(first.querySelector('.edited'))).to.equal('edited');
      expect(article(el, 'b')!.querySelector('img')!.getAttribute('src')).to.equal('https://example.org/a.png');
    });

    it('keeps a deleted comment as a placeholder with its replies, and shows pending comments only to their author', async () => {
      const seed: MemorySeed = {
        user: demoReader,
        comments: [
          comment('gone', 'removed', { threadId: 't', status: 'deleted' }),
          comment('gone-r1', 'A reply that stays', { threadId: 't', parentId: 'gone', createdAt: minutesAgo(20) }),
          comment('mine-pending', 'Waiting for a moderator', { threadId: 't', author: demoReader, status: 'pending', createdAt: minutesAgo(1) }),
          comment('theirs-pending', 'Not for your eyes', { threadId: 't', author: other, status: 'pending', createdAt: minutesAgo(2) }),
        ],
      };
      const el = await mount(seeded(seed), { thread: 't' });
      expect(text(article(el, 'gone'))).to.equal('This comment was deleted.');
      expect(article(el, 'theirs-pending')).to.equal(null);
      expect(text(article(el, 'mine-pending')!.querySelector('.flag'))).to.equal('Awaiting moderation');
      button(el, 'Show 1 reply')!.click();
      await waitFor(() => article(el, 'gone-r1'), 'reply under the placeholder');
    });

    it('loads replies one level deep on "Show N replies", with an @mention for a reply to a reply', async () => {
      const adapter = demo();
      const el = await mount(adapter);
      const toggle = button(el, 'Show 2 replies')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      await waitFor(() => article(el, 'demo-c2r2'), 'replies');
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(text(toggle)).to.equal('Hide replies');
      const mention = article(el, 'demo-c2r2')!.querySelector('.mention')!;
      expect(text(mention)).to.equal('@Priya Natarajan');
      expect(article(el, 'demo-c2r2')!.closest('[part="replies"]')!.getAttribute('aria-label')).to.equal('Replies to Tomás Reyes');
      expect(el.shadowRoot!.querySelectorAll('[part="replies"] [part="replies"]')).to.have.length(0);
      toggle.click();
      await el.updateComplete;
      expect(article(el, 'demo-c2r2')).to.equal(null);
    });

    it('"Load more" follows the cursor page by page and moves focus to the first new comment', async () => {
      const adapter = demo({ extraComments: 8 });
      const el = await mount(adapter, { pageSize: 5 });
      expect(heading(el)).to.equal('Comments (15)');
      let more = shadow<HTMLButtonElement>(el, '[part="load-more"]')!;
      more.click();
      await waitFor(() => all(el, '[part="list"] > li').length === 10, 'second page');
      await waitFor(() => deepActive()?.getAttribute('data-id') === all(el, '[part="list"] > li > article')[5].dataset.id, 'focus on the first new comment');
      more = shadow<HTMLButtonElement>(el, '[part="load-more"]')!;
      more.click();
      await waitFor(() => !shadow(el, '[part="load-more"]'), 'last page');
      // 4 top-level demo comments and 8 more; the 3 replies count in the total only.
      expect(all(el, '[part="list"] > li').length).to.equal(12);
      const pages = adapter.calls.filter((c) => c.method === 'listComments').map((c) => c.args[1] as { cursor?: string; limit: number });
      expect(pages.map((p) => p.limit)).to.deep.equal([5, 5, 5]);
      expect(pages[1].cursor).to.be.a('string');
      expect(new Set(all(el, 'article').map((a) => a.dataset.id)).size).to.equal(12);
    });

    it('sorts by newest, oldest and top', async () => {
      const adapter = demo();
      const el = await mount(adapter);
      const select = shadow<HTMLSelectElement>(el, 'select[part="sort"]')!;
      expect([...select.options].map((o) => o.text)).to.deep.equal(['Newest', 'Oldest', 'Top']);
      select.value = 'oldest';
      select.dispatchEvent(new Event('change'));
      await waitFor(() => bodies(el)[0]?.startsWith('Finally.'), 'oldest first');
      select.value = 'top';
      select.dispatchEvent(new Event('change'));
      await waitFor(() => bodies(el)[0]?.startsWith('Finally.') && bodies(el)[1]?.startsWith('Keep the old railings'), 'most liked first');
      expect(adapter.calls.filter((c) => c.method === 'listComments').map((c) => (c.args[1] as { sort: string }).sort)).to.deep.equal([
        'newest',
        'oldest',
        'top',
      ]);
    });
  });

  describe('signing in', () => {
    it('does not tell a reader to sign in when the session check fails, and retries it', async () => {
      const adapter = demo({ signedIn: true });
      adapter.fail('getSession', 503, 1);
      const warnings = captureWarnings();
      const el = await mount(adapter);
      warnings.restore();
      expect(text(shadow(el, '[part="sign-in"]'))).to.contain('We could not check whether you are signed in.');
      expect(text(shadow(el, '[part="sign-in"]'))).not.to.contain('Please sign in');
      await expect(el).to.be.accessible();
      button(el, 'Try again', shadow(el, '[part="sign-in"]')!)!.click();
      await waitFor(() => shadow(el, 'textarea#c'), 'composer after retry');
    });

    it('asks a signed-out reader to sign in, linking to sign-in-url with a return URL', async () => {
      const el = await mount(demo(), { signInUrl: '/demo/sign-in?site=1' });
      expect(text(shadow(el, '[part="sign-in"] p'))).to.equal('Please sign in to leave a comment.');
      const link = shadow<HTMLAnchorElement>(el, '[part="sign-in"] a')!;
      expect(text(link)).to.equal('Sign in');
      const url = new URL(link.href);
      expect(url.pathname).to.equal('/demo/sign-in');
      expect(url.searchParams.get('site')).to.equal('1');
      expect(url.searchParams.get('returnUrl')).to.equal(location.pathname + location.search + location.hash);
      expect(shadow(el, 'textarea')).to.equal(null);
      expect(button(el, 'Reply')).to.equal(undefined);
    });

    it('fires a cancelable news-sign-in so the host can open its own login', async () => {
      const el = await mount(demo(), { signInUrl: '/login' });
      const seen: string[] = [];
      const onSignIn = (event: NewsSignInEvent) => {
        seen.push(event.detail.returnUrl);
        event.preventDefault();
      };
      document.addEventListener('news-sign-in', onSignIn);
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      shadow(el, '[part="sign-in"] a')!.dispatchEvent(click);
      document.removeEventListener('news-sign-in', onSignIn);
      expect(seen).to.deep.equal([location.pathname + location.search + location.hash]);
      expect(click.defaultPrevented).to.equal(true);
    });

    it('without sign-in-url offers a button that only fires news-sign-in', async () => {
      const el = await mount(demo());
      let fired = 0;
      el.addEventListener('news-sign-in', () => fired++);
      shadow<HTMLButtonElement>(el, '[part="sign-in"] button')!.click();
      expect(fired).to.equal(1);
    });
  });

  describe('composer', () => {
    it('has a labelled textarea, a live counter against max-length, and is disabled while empty', async () => {
      const el = await mount(demo({ signedIn: true }), { maxLength: 20 });
      const field = textarea(el);
      expect(text(shadow(el, `label[for="${field.id}"]`))).to.equal('Your comment');
      const counter = shadow(el, `#${field.getAttribute('aria-describedby')}`)!;
      expect(text(counter)).to.equal('20 characters left');
      const submit = button(el, 'Post comment')!;
      expect(submit.disabled).to.equal(true);
      await type(el, '   ');
      expect(submit.disabled).to.equal(true);
      await type(el, 'Nineteen characters');
      expect(text(counter)).to.equal('1 character left');
      expect(submit.disabled).to.equal(false);
      await type(el, 'This is far too long for the limit');
      expect(text(counter)).to.equal('14 characters too many');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(submit.disabled).to.equal(true);
      expect(field.value).to.equal('This is far too long for the limit');
    });

    it('posts with Ctrl+Enter or Cmd+Enter, shows the comment first, announces it and moves focus to it', async () => {
      const adapter = demo({ signedIn: true });
      const el = await mount(adapter);
      const posted: NewsCommentPostEvent[] = [];
      el.addEventListener('news-comment-post', (e) => posted.push(e));
      textarea(el).focus();
      await sendKeys({ type: 'Hello from the keyboard' });
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });
      // The comment shows at once; the status and count follow the server's answer.
      await waitFor(() => bodies(el)[0] === 'Hello from the keyboard' && status(el) === 'Your comment was posted.', 'posted');
      expect(heading(el)).to.equal('Comments (8)');
      expect(status(el)).to.equal('Your comment was posted.');
      expect(posted).to.have.length(1);
      expect(posted[0].detail.threadId).to.equal(DEMO_THREAD_ID);
      expect(posted[0].detail.comment.body).to.equal('Hello from the keyboard');
      await waitFor(() => deepActive()?.getAttribute('data-id') === posted[0].detail.comment.id, 'focus on the new comment');
      expect(textarea(el).value).to.equal('');

      textarea(el).focus();
      await sendKeys({ type: 'And with Meta' });
      await sendKeys({ down: 'Meta' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Meta' });
      await waitFor(() => bodies(el)[0] === 'And with Meta', 'posted with Meta');
    });

    it('shows "Posting…" optimistically, and keeps the text with an error and a retry when posting fails', async () => {
      const adapter = demo({ signedIn: true });
      adapter.hang('postComment');
      const el = await mount(adapter);
      await type(el, 'Optimistic hello');
      button(el, 'Post comment')!.click();
      await waitFor(() => shadow(el, 'article.posting'), 'optimistic comment');
      const optimistic = shadow(el, 'article.posting')!;
      expect(text(optimistic.querySelector('[part="body"]'))).to.equal('Optimistic hello');
      expect(text(optimistic.querySelector('.flag'))).to.equal('Posting…');
      expect(textarea(el).readOnly).to.equal(true);
      expect(text(shadow(el, '#c ~ .row .primary'))).to.equal('Posting…');
    });

    it('on failure keeps the text and the draft, shows the error with a retry, and the retry posts exactly once', async () => {
      const adapter = demo({ signedIn: true });
      adapter.fail('postComment', 'network', 1);
      const warnings = captureWarnings();
      const el = await mount(adapter);
      await type(el, 'Please do not lose me');
      button(el, 'Post comment')!.click();
      await waitFor(() => shadow(el, '.composer [part="error"]'), 'error');
      warnings.restore();
      expect(text(shadow(el, '.composer [part="error"]'))).to.contain('Your comment could not be posted. It is kept here; please try again.');
      expect(status(el)).to.equal('Your comment could not be posted. It is kept here; please try again.');
      expect(textarea(el).value).to.equal('Please do not lose me');
      expect(shadow(el, 'article.posting')).to.equal(null);
      const stored = JSON.parse(localStorage.getItem(`news-comments:draft:${demoReader.id}:${DEMO_THREAD_ID}:`)!);
      expect(stored.body).to.equal('Please do not lose me');
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.contain('<news-comments>');

      button(el, 'Try again', shadow(el, '.composer [part="error"]')!)!.click();
      await waitFor(() => bodies(el)[0] === 'Please do not lose me', 'posted on retry');
      const posts = adapter.calls.filter((c) => c.method === 'postComment');
      expect(posts).to.have.length(2);
      expect(bodies(el).filter((b) => b === 'Please do not lose me')).to.have.length(1);
      expect(localStorage.getItem(`news-comments:draft:${demoReader.id}:${DEMO_THREAD_ID}:`)).to.equal(null);
    });

    it('reuses the draft idempotency key, so a post that reached the server is never doubled', async () => {
      const adapter = demo({ signedIn: true });
      const keys: (string | undefined)[] = [];
      const post = adapter.postComment.bind(adapter);
      let first = true;
      adapter.postComment = async (thread, input, options) => {
        keys.push(options?.idempotencyKey);
        const result = await post(thread, input, options);
        if (first) {
          first = false;
          throw new Error('The answer was lost on the way back');
        }
        return result;
      };
      const warnings = captureWarnings();
      const el = await mount(adapter);
      await type(el, 'Exactly once');
      button(el, 'Post comment')!.click();
      await waitFor(() => shadow(el, '.composer [part="error"]'), 'error');
      warnings.restore();
      button(el, 'Try again')!.click();
      await waitFor(() => !textarea(el).value, 'confirmed');
      expect(keys).to.have.length(2);
      expect(keys[0]).to.be.a('string').and.equal(keys[1]);
      const thread = await adapter.listComments(DEMO_THREAD_ID, { limit: 50 });
      expect(thread.comments.filter((c) => c.body === 'Exactly once')).to.have.length(1);
    });

    it('saves the draft as the reader types and restores it after a reload', async () => {
      const adapter = demo({ signedIn: true });
      const el = await mount(adapter);
      await type(el, 'Half a thought');
      await waitFor(() => localStorage.getItem(`news-comments:draft:${demoReader.id}:${DEMO_THREAD_ID}:`), 'saved draft', 2000);
      const saved = JSON.parse(localStorage.getItem(`news-comments:draft:${demoReader.id}:${DEMO_THREAD_ID}:`)!);
      expect(saved.body).to.equal('Half a thought');
      expect(saved.key).to.be.a('string').with.length.greaterThan(8);
      el.remove();

      const again = await mount(demo({ signedIn: true }));
      expect(textarea(again).value).to.equal('Half a thought');
      const other = await mount(demo({ signedIn: true }), { thread: DEMO_EMPTY_THREAD_ID });
      expect(textarea(other).value).to.equal('');
    });

    it('keys drafts by reader: another reader on the same browser never sees them, and signing out clears them', async () => {
      const el = await mount(demo({ signedIn: true }));
      await type(el, 'Sam is still writing this');
      const samKey = `news-comments:draft:${demoReader.id}:${DEMO_THREAD_ID}:`;
      await waitFor(() => localStorage.getItem(samKey), 'saved draft', 2000);

      // Reader B on the same browser (a fresh page): an empty box, while Sam's draft stays Sam's.
      const zedSeed = createDemoSeed();
      zedSeed.user = other;
      const zed = await mount(seeded(zedSeed));
      expect(textarea(zed).value).to.equal('');
      expect(JSON.parse(localStorage.getItem(samKey)!).body).to.equal('Sam is still writing this');
      await type(zed, 'Zed writes something else');
      await waitFor(() => localStorage.getItem(`news-comments:draft:${other.id}:${DEMO_THREAD_ID}:`), "Zed's draft", 2000);
      zed.remove();

      // Sam signs out (the page configures a signed-out adapter): Sam's drafts go, Zed's stay.
      el.adapter = demo({ signedIn: false });
      await waitFor(() => shadow(el, '[part="sign-in"]'), 'signed-out prompt');
      await waitFor(() => localStorage.getItem(samKey) === null, "Sam's draft cleared");
      expect(localStorage.getItem(`news-comments:draft:${other.id}:${DEMO_THREAD_ID}:`)).to.not.equal(null);
      el.adapter = demo({ signedIn: true });
      await waitFor(() => shadow(el, '#c'), 'composer again');
      expect(textarea(el).value).to.equal('');
    });

    it('a 401 shows the sign-in prompt and keeps the draft', async () => {
      const adapter = demo({ signedIn: true });
      adapter.fail('postComment', 401, 1);
      const warnings = captureWarnings();
      const el = await mount(adapter, { signInUrl: '/login' });
      await type(el, 'Written before my session ran out');
      button(el, 'Post comment')!.click();
      await waitFor(() => shadow(el, '[part="sign-in"]'), 'sign-in prompt');
      warnings.restore();
      expect(text(shadow(el, '[part="sign-in"]'))).to.contain('You are signed out. Sign in again to post; your comment is kept.');
      expect(JSON.parse(localStorage.getItem(`news-comments:draft:${demoReader.id}:${DEMO_THREAD_ID}:`)!).body).to.equal('Written before my session ran out');
    });

    it('a 429 says when to try again', async () => {
      const adapter = demo({ signedIn: true });
      adapter.fail('postComment', 429, 1);
      const warnings = captureWarnings();
      const el = await mount(adapter);
      await type(el, 'Slow down');
      button(el, 'Post comment')!.click();
      await waitFor(() => shadow(el, '.composer [part="error"]'), 'error');
      warnings.restore();
      expect(text(shadow(el, '.composer [part="error"]'))).to.contain('You are commenting too fast. Try again in 30 seconds.');
      expect(textarea(el).value).to.equal('Slow down');
    });

    it('a pending post is announced as waiting for moderation', async () => {
      const el = await mount(demo({ signedIn: true }), { thread: DEMO_PREMODERATED_THREAD_ID });
      await type(el, 'Moderate me');
      button(el, 'Post comment')!.click();
      // The comment shows at once, flagged "Posting…", until the server's answer marks it pending.
      await waitFor(() => bodies(el)[0] === 'Moderate me' && text(shadow(el, 'article .flag')) !== 'Posting…', 'the server to answer');
      expect(text(shadow(el, 'article .flag'))).to.equal('Awaiting moderation');
      expect(status(el)).to.equal('Your comment was sent. It will appear once a moderator approves it.');
    });
  });

  describe('replies, edits, deletes, likes and reports', () => {
    it('replies inline, under the thread, and focuses the new reply', async () => {
      const adapter = demo({ signedIn: true });
      const el = await mount(adapter);
      const target = article(el, 'demo-c2r1');
      expect(target).to.equal(null);
      button(el, 'Show 2 replies')!.click();
      await waitFor(() => article(el, 'demo-c2r1'), 'replies');
      const replyButton = button(el, 'Reply', article(el, 'demo-c2r1')!)!;
      replyButton.click();
      await el.updateComplete;
      expect(replyButton.getAttribute('aria-expanded')).to.equal('true');
      expect(text(shadow(el, 'label[for="f"]'))).to.equal('Your reply to Priya Natarajan');
      expect(deepActive()).to.equal(textarea(el, '#f'));
      await type(el, 'Answering Priya', '#f');
      button(el, 'Post reply')!.click();
      await waitFor(() => all(el, '[part="replies"] article [part="body"]').some((b) => text(b) === '@Priya Natarajan Answering Priya'), 'reply');
      const posted = adapter.calls.find((c) => c.method === 'postComment')!;
      expect(posted.args[1]).to.deep.equal({ body: 'Answering Priya', parentId: 'demo-c2r1' });
      const reply = all(el, '[part="replies"] article').at(-1)!;
      await waitFor(() => deepActive() === reply, 'focus on the reply');
      expect(shadow(el, '#f')).to.equal(null);
      expect(text(button(el, /Hide replies/))).to.equal('Hide replies');
    });

    it('Escape closes an inline form and returns focus to its button', async () => {
      const el = await mount(demo({ signedIn: true }));
      const reply = button(el, 'Reply')!;
      reply.click();
      await el.updateComplete;
      textarea(el, '#f').focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(shadow(el, '#f')).to.equal(null);
      await waitFor(() => deepActive() === reply, 'focus back on Reply');
    });

    it("edits the reader's own comment within the window, and not after it", async () => {
      const adapter = seeded({
        user: demoReader,
        comments: [
          comment('fresh', 'Typo here', { threadId: 't', author: demoReader, createdAt: minutesAgo(2) }),
          comment('old', 'Too late to change', { threadId: 't', author: demoReader, createdAt: minutesAgo(40) }),
        ],
      });
      const el = await mount(adapter, { thread: 't' });
      expect(button(el, 'Edit', article(el, 'old')!)).to.equal(undefined);
      button(el, 'Edit', article(el, 'fresh')!)!.click();
      await el.updateComplete;
      expect(text(shadow(el, 'label[for="f"]'))).to.equal('Edit your comment');
      expect(textarea(el, '#f').value).to.equal('Typo here');
      await type(el, 'Fixed here', '#f');
      button(el, 'Save')!.click();
      await waitFor(() => text(article(el, 'fresh')!.querySelector('[part="body"]')) === 'Fixed here', 'edited');
      expect(text(article(el, 'fresh')!.querySelector('.edited'))).to.equal('edited');
      expect(status(el)).to.equal('Your changes were saved.');
    });

    it('says so when the server closed the edit window', async () => {
      const adapter = seeded({ user: demoReader, comments: [comment('fresh', 'Typo', { threadId: 't', author: demoReader, createdAt: minutesAgo(2) })] });
      const el = await mount(adapter, { thread: 't' });
      adapter.advanceTime(20 * 60_000);
      button(el, 'Edit')!.click();
      await el.updateComplete;
      await type(el, 'Fixed', '#f');
      const warnings = captureWarnings();
      button(el, 'Save')!.click();
      await waitFor(() => shadow(el, '.composer [part="error"]'), 'error');
      warnings.restore();
      expect(text(shadow(el, '.composer [part="error"]'))).to.equal('Comments can only be edited for 15 minutes after posting.');
      expect(textarea(el, '#f').value).to.equal('Fixed');
    });

    it('deletes after a confirmation; a comment with replies stays as a placeholder; focus moves on', async () => {
      const adapter = seeded({
        user: demoReader,
        comments: [
          comment('one', 'Delete me, I have a reply', { threadId: 't', author: demoReader, createdAt: minutesAgo(3) }),
          comment('one-r', 'A reply', { threadId: 't', parentId: 'one', createdAt: minutesAgo(2) }),
          comment('two', 'Delete me too', { threadId: 't', author: demoReader, createdAt: minutesAgo(4) }),
          comment('three', 'Someone else', { threadId: 't', createdAt: minutesAgo(5) }),
        ],
      });
      const el = await mount(adapter, { thread: 't' });
      expect(heading(el)).to.equal('Comments (4)');
      button(el, 'Delete', article(el, 'two')!)!.click();
      await el.updateComplete;
      const confirm = shadow(el, '.confirm')!;
      expect(text(confirm.querySelector('p'))).to.equal('Delete this comment? This cannot be undone.');
      expect(deepActive()).to.equal(confirm.querySelector('.cancel'));
      expect(adapter.calls.some((c) => c.method === 'deleteComment')).to.equal(false);
      button(el, 'Delete', confirm)!.click();
      await waitFor(() => !article(el, 'two'), 'removed');
      await waitFor(() => deepActive() === article(el, 'three'), 'focus on the next comment');
      expect(status(el)).to.equal('Comment deleted.');
      expect(heading(el)).to.equal('Comments (3)');

      button(el, 'Delete', article(el, 'one')!)!.click();
      await el.updateComplete;
      button(el, 'Delete', shadow(el, '.confirm')!)!.click();
      await waitFor(() => text(article(el, 'one')) === 'This comment was deleted.', 'placeholder');
      expect(text(button(el, /repl/))).to.equal('Show 1 reply');
    });

    it('likes and unlikes with a pressed toggle', async () => {
      const adapter = demo({ signedIn: true });
      const el = await mount(adapter);
      const like = button(el, /^Like/, article(el, 'demo-c4')!)!;
      expect(like.getAttribute('aria-pressed')).to.equal('false');
      expect(text(like)).to.equal('Like11');
      like.click();
      await waitFor(() => like.getAttribute('aria-pressed') === 'true' && text(like) === 'Like12', 'liked');
      like.click();
      await waitFor(() => like.getAttribute('aria-pressed') === 'false' && text(like) === 'Like11', 'unliked');
      expect(adapter.calls.filter((c) => c.method === 'likeComment').map((c) => c.args)).to.deep.equal([
        ['demo-c4', true],
        ['demo-c4', false],
      ]);
    });

    it('reports a comment with a reason', async () => {
      const adapter = demo();
      const el = await mount(adapter);
      button(el, 'Report', article(el, 'demo-c3')!)!.click();
      await el.updateComplete;
      expect(text(shadow(el, 'label[for="f"]'))).to.equal('Why are you reporting this comment?');
      await type(el, 'Spam link', '#f');
      button(el, 'Send report')!.click();
      await waitFor(() => !shadow(el, '#f'), 'sent');
      expect(adapter.reports.map((r) => [r.commentId, r.reason])).to.deep.equal([['demo-c3', 'Spam link']]);
      expect(status(el)).to.equal('Thank you. A moderator will review this comment.');
    });
  });

  describe('live', () => {
    it('keeps others\' new comments behind a "new comments" button without moving the page', async () => {
      const adapter = demo({ signedIn: true });
      const wrapper = await fixture(html`<div style="height: 400px; overflow: auto" id="scroller">
        <news-comments thread-id=${DEMO_THREAD_ID} loading="eager" live .adapter=${adapter}></news-comments>
      </div>`);
      const el = wrapper.querySelector('news-comments')!;
      await ready(el);
      expect(adapter.calls.filter((c) => c.method === 'subscribe').map((c) => c.args)).to.deep.equal([[`threads/${DEMO_THREAD_ID}`]]);
      wrapper.scrollTop = 300;
      // Let the off-screen comments (content-visibility: auto) settle before measuring.
      await sleep(100);
      const reading = article(el, 'demo-c3')!;
      const before = reading.getBoundingClientRect().top;
      const firstBefore = bodies(el)[0];

      adapter.simulateComment(DEMO_THREAD_ID, { author: other, body: 'Breaking: a second reader' });
      adapter.simulateComment(DEMO_THREAD_ID, { author: other, body: 'And another one' });
      await waitFor(() => shadow(el, '[part="new-comments"]') && text(shadow(el, '[part="new-comments"]')) === 'Show 2 new comments', 'new comments button');
      expect(bodies(el)[0]).to.equal(firstBefore);
      expect(reading.getBoundingClientRect().top).to.equal(before);
      expect(status(el)).to.equal('2 new comments');
      expect(heading(el)).to.equal('Comments (9)');

      shadow<HTMLButtonElement>(el, '[part="new-comments"]')!.click();
      await waitFor(() => bodies(el).slice(0, 2).join('|') === 'And another one|Breaking: a second reader', 'revealed');
      expect(shadow(el, '[part="new-comments"]')).to.equal(null);
      await waitFor(() => text(deepActive()?.querySelector('[part="body"]')) === 'And another one', 'focus on the first revealed comment');
    });

    it("shows the reader's own posts at once", async () => {
      const adapter = demo({ signedIn: true });
      const el = await mount(adapter, { live: true });
      await type(el, 'Mine, live');
      button(el, 'Post comment')!.click();
      await waitFor(() => bodies(el)[0] === 'Mine, live', 'own post');
      await sleep(50);
      expect(shadow(el, '[part="new-comments"]')).to.equal(null);
      expect(bodies(el).filter((b) => b === 'Mine, live')).to.have.length(1);
    });

    it('unsubscribes when removed', async () => {
      const adapter = demo();
      const el = await mount(adapter, { live: true });
      el.remove();
      adapter.simulateComment(DEMO_THREAD_ID, { author: other, body: 'Nobody is listening' });
      await sleep(30);
      expect(el.shadowRoot!.querySelector('[part="new-comments"]')).to.equal(null);
    });
  });

  describe('errors', () => {
    it('shows a localized error with a retry, warns once and emits news-error', async () => {
      const adapter = demo();
      adapter.fail('listComments', 500, 1);
      const warnings = captureWarnings();
      const errors: unknown[] = [];
      const wrapper = await fixture(html`<div @news-error=${(e: CustomEvent) => errors.push(e.detail)}>
        <news-comments thread-id=${DEMO_THREAD_ID} loading="eager" .adapter=${adapter}></news-comments>
      </div>`);
      const el = wrapper.querySelector('news-comments')!;
      await waitFor(() => shadow(el, '[part="error"]'), 'error');
      warnings.restore();
      expect(text(shadow(el, '[part="error"]'))).to.equal('Comments could not be loaded. Try again');
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.contain('<news-comments>');
      expect(errors[0]).to.include({ element: 'news-comments', code: 'load_failed' });
      button(el, 'Try again')!.click();
      await waitFor(() => bodies(el).length === 4, 'loaded on retry');
    });

    it('warns when there is no adapter', async () => {
      const warnings = captureWarnings();
      const el = await fixture<NewsComments>(html`<news-comments thread-id="x" loading="eager"></news-comments>`);
      await el.updateComplete;
      await sleep(20);
      warnings.restore();
      expect(warnings.messages.some((m) => m.includes('<news-comments>') && m.includes('adapter'))).to.equal(true);
    });

    it('a failed like is undone and announced', async () => {
      const adapter = demo({ signedIn: true });
      adapter.fail('likeComment', 'network', 1);
      const el = await mount(adapter);
      const like = button(el, /^Like/, article(el, 'demo-c4')!)!;
      const warnings = captureWarnings();
      like.click();
      await waitFor(() => status(el) === 'That did not work. Please try again.', 'announced');
      warnings.restore();
      expect(like.getAttribute('aria-pressed')).to.equal('false');
      expect(text(like)).to.equal('Like11');
    });
  });

  describe('language, direction and theme', () => {
    it('speaks Arabic with Arabic plurals, right to left', async () => {
      const adapter = demo();
      const wrapper = await fixture(
        html`<div lang="ar" dir="rtl"><news-comments thread-id=${DEMO_THREAD_ID} loading="eager" .adapter=${adapter}></news-comments></div>`,
      );
      const el = wrapper.querySelector('news-comments')!;
      await ready(el);
      await waitFor(() => heading(el) === 'التعليقات (٧)' || heading(el) === 'التعليقات (7)', 'Arabic heading');
      expect(text(shadow(el, '[part="sign-in"] p'))).to.equal('يُرجى تسجيل الدخول لكتابة تعليق.');
      expect(all(el, '.link').map(text)).to.deep.equal(['عرض رد واحد', 'عرض ردّين']);
      expect(getComputedStyle(shadow(el, '[part="list"]')!).direction).to.equal('rtl');
      await expect(el).to.be.accessible();
    });

    it('follows a dark page', async () => {
      const adapter = demo({ signedIn: true });
      document.documentElement.style.colorScheme = 'dark';
      document.body.style.background = '#15171c';
      try {
        const el = await mount(adapter);
        expect(getComputedStyle(shadow(el, '.composer')!).backgroundColor).to.equal('rgb(29, 32, 39)');
        expect(getComputedStyle(shadow(el, '.composer .primary')!).color).to.equal('rgb(13, 17, 23)');
        await expect(el).to.be.accessible();
      } finally {
        document.documentElement.style.colorScheme = '';
        document.body.style.background = '';
      }
    });
  });

  describe('hostile content', () => {
    it('renders payloads in body, author name and avatar as inert text', async () => {
      const comments = xssPayloads.map((payload, i) =>
        comment(`x${i}`, `${payload}\nhttps://ok.example/${i} ${payload}`, {
          threadId: 't',
          author: { id: `a${i}`, name: payload, avatar: payload },
          createdAt: minutesAgo(i + 1),
          replyToName: payload,
        }),
      );
      const el = await mount(seeded({ comments }), { thread: 't' });
      expect(all(el, 'article').length).to.equal(xssPayloads.length);
      expect(el.shadowRoot!.querySelectorAll('script, svg, math, iframe, [onerror], [onload]')).to.have.length(0);
      // An avatar may only be an http(s) or relative URL: the payloads that survive are junk paths on this site.
      expect(all<HTMLImageElement>(el, 'img').every((img) => /^https?:$/.test(new URL(img.src).protocol))).to.equal(true);
      expect(all<HTMLAnchorElement>(el, '[part="body"] a').every((a) => /^https:\/\/ok\.example\/\d+$/.test(a.getAttribute('href')!))).to.equal(true);
      expect(all(el, '[part="author"]').map(text)).to.deep.equal(xssPayloads.map((p) => p.replace(/\s+/g, ' ').trim()));
      expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    });

    it('keeps long words, bidi overrides and stacked accents inside the comment', async () => {
      const zalgo = 'Z' + '\u0336\u0337\u0338\u0335\u0334'.repeat(40) + 'algo';
      const comments = [
        comment('long', 'x'.repeat(3000), { threadId: 't' }),
        comment('bidi', '\u202Eevil override\u202D and \u2067isolate', { threadId: 't', author: { id: 'b', name: '\u202Egnp.exe' } }),
        comment('zalgo', zalgo, { threadId: 't' }),
      ];
      const wrapper = await fixture(
        html`<div style="width: 360px"><news-comments thread-id="t" loading="eager" .adapter=${seeded({ comments })}></news-comments></div>`,
      );
      const el = wrapper.querySelector('news-comments')!;
      await ready(el);
      for (const id of ['long', 'bidi', 'zalgo']) {
        const box = article(el, id)!;
        const rect = box.getBoundingClientRect();
        expect(rect.width).to.be.at.most(360);
        expect(box.scrollWidth).to.be.at.most(box.clientWidth + 1);
        expect(getComputedStyle(box).overflow).to.match(/clip|hidden/);
      }
      // Text after the comment stays in the page's direction.
      expect(getComputedStyle(article(el, 'bidi')!).unicodeBidi).to.equal('isolate');
    });
  });
});
