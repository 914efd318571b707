import { expect, fixture, html } from '@open-wc/testing';
import '../src/also-read/news-also-read.js';
import '../src/byline/news-byline.js';
import '../src/comments/news-comments.js';
import '../src/did-you-know/news-did-you-know.js';
import '../src/poll/news-poll.js';
import { AVATAR_FALLBACK } from '../src/byline/initials.js';
import { createMemoryAdapter } from '../src/memory-adapter/index.js';
import { createDemoSeed, DEMO_POLL_ID, DEMO_THREAD_ID } from '../src/memory-adapter/demo-seed.js';
import type { Comment } from '../src/core/types.js';
import { shadow, waitFor } from './support/helpers.js';

/** The rule from a careless host page: it matches every host element (and `html`, so `rem` grows too). */
const hostileTypography = '* { line-height: 3 !important; font-size: 22px !important; letter-spacing: 4px !important; text-transform: uppercase !important; }';

/** Every element in `root` (and nested shadow roots) that holds text of its own. */
function textRuns(root: ShadowRoot): HTMLElement[] {
  const runs: HTMLElement[] = [];
  for (const node of root.querySelectorAll<HTMLElement>('*')) {
    if (node.shadowRoot) runs.push(...textRuns(node.shadowRoot));
    const own = [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim());
    if (own && node.getBoundingClientRect().height > 0) runs.push(node);
  }
  return runs;
}

async function poll() {
  const el = await fixture(html`<news-poll poll-id=${DEMO_POLL_ID} loading="eager" .adapter=${createMemoryAdapter(createDemoSeed())}></news-poll>`);
  await waitFor(() => shadow(el, '[part="vote-button"]'), 'poll loaded');
  return el;
}

async function everyElement() {
  const adapter = createMemoryAdapter(createDemoSeed({ signedIn: true }));
  const wrapper = await fixture(html`<div>
    <news-byline author="Metro Bureau" published-at="2026-01-02T10:00:00Z"></news-byline>
    <news-did-you-know>A fact worth knowing.</news-did-you-know>
    <news-also-read href="/x"><a href="/x">Another story</a></news-also-read>
    <news-poll poll-id=${DEMO_POLL_ID} loading="eager" .adapter=${adapter}></news-poll>
    <news-comments thread-id=${DEMO_THREAD_ID} loading="eager" .adapter=${adapter}></news-comments>
  </div>`);
  await waitFor(() => shadow(wrapper.querySelector('news-poll')!, '[part="vote-button"]'), 'poll loaded');
  await waitFor(() => shadow(wrapper.querySelector('news-comments')!, '[part="body"]'), 'comments loaded');
  return wrapper;
}

describe('a host page rule on every element', () => {
  let style: HTMLStyleElement | undefined;
  afterEach(() => style?.remove());
  const addHostile = () => {
    style = document.createElement('style');
    style.textContent = hostileTypography;
    document.head.append(style);
  };

  it('does not reach the text inside the shadow roots through inheritance', async () => {
    addHostile();
    const wrapper = await everyElement();
    const runs = [...wrapper.children].flatMap((el) => textRuns(el.shadowRoot!));
    expect(runs.length).to.be.greaterThan(10);
    const inherited = runs.filter((run) => {
      const computed = getComputedStyle(run);
      const ratio = parseFloat(computed.lineHeight) / parseFloat(computed.fontSize);
      return ratio > 2 || computed.letterSpacing === '4px' || (computed.textTransform === 'uppercase' && !run.matches('[part="label"]'));
    });
    expect(inherited.map((run) => `${run.localName}.${run.className}: ${run.textContent!.trim().slice(0, 20)}`)).to.deep.equal([]);
  });

  it('does not make the Vote button grow beyond what the larger root font size explains', async () => {
    const calm = await poll();
    const calmHeight = shadow(calm, '[part="vote-button"]')!.getBoundingClientRect().height;
    const calmRoot = parseFloat(getComputedStyle(document.documentElement).fontSize);
    calm.remove();
    addHostile();
    const hostile = await poll();
    const hostileHeight = shadow(hostile, '[part="vote-button"]')!.getBoundingClientRect().height;
    const hostileRoot = parseFloat(getComputedStyle(document.documentElement).fontSize);
    expect(hostileHeight).to.be.at.most(calmHeight * (hostileRoot / calmRoot) + 1);
  });

  it('still lets font-family inherit and the --news-* tokens apply', async () => {
    addHostile();
    const wrapper = await fixture(html`<div style="font-family: 'Courier New', monospace; --news-color-text: rgb(1, 2, 3)">
      <news-did-you-know>A fact worth knowing.</news-did-you-know>
    </div>`);
    const el = wrapper.querySelector('news-did-you-know')!;
    await el.updateComplete;
    const heading = shadow(el, '[part="heading"]')!;
    const body = textRuns(el.shadowRoot!).find((run) => !run.matches('[part="heading"]')) ?? heading;
    expect(getComputedStyle(body).fontFamily).to.contain('Courier New');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).color).to.equal('rgb(1, 2, 3)');
  });
});

describe('hostile author names and bodies', () => {
  const zalgo = 'Z' + '\u0336\u0337\u0338\u030d\u030e\u0304\u0305\u033f\u0311\u0306\u0310\u0352\u0357\u0351'.repeat(20) + 'algo';
  function seedWith(extra: Partial<Comment>): ReturnType<typeof createMemoryAdapter> {
    const seed = createDemoSeed();
    seed.comments = [
      {
        id: 'hostile',
        threadId: DEMO_THREAD_ID,
        parentId: null,
        author: { id: 'emoji-person', name: '🎉🔥', avatar: null },
        body: 'plain',
        createdAt: new Date(Date.now() - 60_000).toISOString(),
        editedAt: null,
        status: 'published',
        likes: 0,
        likedByMe: false,
        mine: false,
        replyCount: 0,
        ...extra,
      },
    ];
    return createMemoryAdapter(seed);
  }

  it('an emoji-only author name gets a neutral glyph, not an empty avatar circle', async () => {
    const el = await fixture(html`<news-comments thread-id=${DEMO_THREAD_ID} loading="eager" .adapter=${seedWith({})}></news-comments>`);
    await waitFor(() => shadow(el, 'article[data-id="hostile"] .avatar'), 'comment');
    expect(shadow(el, 'article[data-id="hostile"] .avatar')!.textContent!.trim()).to.equal(AVATAR_FALLBACK);
    const byline = await fixture(html`<news-byline author="🎉🔥"></news-byline>`);
    expect(shadow(byline, '[part="avatar"]')!.textContent!.trim()).to.equal(AVATAR_FALLBACK);
  });

  it('combining marks stay clipped inside the comment body', async () => {
    const el = await fixture(html`<news-comments thread-id=${DEMO_THREAD_ID} loading="eager" .adapter=${seedWith({ body: zalgo })}></news-comments>`);
    await waitFor(() => shadow(el, 'article[data-id="hostile"] [part="body"]'), 'comment');
    const body = shadow(el, 'article[data-id="hostile"] [part="body"]')!;
    const style = getComputedStyle(body);
    expect(['clip', 'hidden']).to.include(style.overflowY);
    expect(['clip', 'hidden']).to.include(style.overflowX);
    // The ink may spill at most the clip margin: it ends before the author line and the buttons begin.
    const box = body.getBoundingClientRect();
    const margin = parseFloat(style.marginBlockStart);
    const clipMargin = parseFloat(style.getPropertyValue('overflow-clip-margin')) || 0;
    expect(clipMargin).to.be.below(margin);
    const header = shadow(el, 'article[data-id="hostile"] header')!.getBoundingClientRect();
    expect(header.bottom).to.be.at.most(box.top - clipMargin + 0.5);
    const report = [...el.shadowRoot!.querySelectorAll('article[data-id="hostile"] button')].at(-1)!.getBoundingClientRect();
    expect(report.top).to.be.at.least(box.bottom + clipMargin - 0.5);
  });
});
