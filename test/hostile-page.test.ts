import { expect, fixture, html } from '@open-wc/testing';
import '../src/also-read/news-also-read.js';
import '../src/article/news-article.js';
import '../src/byline/news-byline.js';
import '../src/comment-count/news-comment-count.js';
import '../src/comments/news-comments.js';
import '../src/did-you-know/news-did-you-know.js';
import '../src/poll/news-poll.js';
import '../src/related/news-related.js';
import { createMemoryAdapter } from '../src/memory-adapter/index.js';
import { createDemoSeed, DEMO_POLL_ID, DEMO_THREAD_ID } from '../src/memory-adapter/demo-seed.js';
import { shadow, waitFor } from './support/helpers.js';

/** True when `node` takes up space on the page and is not hidden. */
const visible = (node: Element | null) => {
  if (!node) return false;
  const box = node.getBoundingClientRect();
  const style = getComputedStyle(node);
  return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
};

/** Global CSS a careless or hostile host page might ship. */
const hostileCss = `
  * { all: unset !important; }
  p { color: red !important; }
  a { display: none !important; }
  aside, div, span { display: none; }
  [part] { display: none !important; }
`;

describe('on a page with hostile global CSS', () => {
  let style: HTMLStyleElement;
  before(() => {
    style = document.createElement('style');
    style.textContent = hostileCss;
    document.head.append(style);
  });
  after(() => style.remove());

  it('<news-did-you-know> keeps its box, heading and colors', async () => {
    const el = await fixture(html`<news-did-you-know>Fact</news-did-you-know>`);
    const base = shadow(el, '[part="base"]')!;
    const heading = shadow(el, '[part="heading"]')!;
    expect(getComputedStyle(base).display).to.equal('grid');
    expect(getComputedStyle(base).borderInlineStartWidth).to.equal('4px');
    expect(heading.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(getComputedStyle(heading).color).not.to.equal('rgb(255, 0, 0)');
  });

  it('<news-also-read> keeps its label and link visible', async () => {
    const el = await fixture(html`<news-also-read href="/x"><a href="/x">Headline</a></news-also-read>`);
    const link = shadow(el, 'a[part="link"]')!;
    const label = shadow(el, '[part="label"]')!;
    expect(getComputedStyle(link).display).not.to.equal('none');
    expect(link.getBoundingClientRect().width).to.be.greaterThan(0);
    expect(getComputedStyle(label).textTransform).to.equal('uppercase');
    expect(getComputedStyle(shadow(el, 'p')!).color).not.to.equal('rgb(255, 0, 0)');
  });

  it('<news-article> keeps its layout and its byline its avatar and name', async () => {
    const el = await fixture(html`<news-article>
      <news-byline slot="byline" author="Metro Bureau" published="2025-11-28T12:00:00Z"></news-byline>
      <p>Body</p>
    </news-article>`);
    const byline = el.querySelector('news-byline')!;
    await (byline as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(visible(shadow(el, 'article'))).to.equal(true);
    expect(visible(shadow(byline, '[part="avatar"]'))).to.equal(true);
    expect(getComputedStyle(shadow(byline, '[part="avatar"]')!).borderRadius).to.equal('50%');
    expect(shadow(byline, '[part="author"]')!.textContent).to.equal('By Metro Bureau');
    expect(visible(shadow(byline, 'time'))).to.equal(true);
  });

  it('<news-related> keeps its cards', async () => {
    const el = await fixture(html`<news-related .items=${[{ id: 'a', url: '/a', headline: 'A story' }]}></news-related>`);
    expect(visible(shadow(el, '[part="link"]'))).to.equal(true);
    expect(visible(shadow(el, '[part="heading"]'))).to.equal(true);
  });

  it('<news-poll> keeps its choices and vote button usable', async () => {
    const adapter = createMemoryAdapter(createDemoSeed());
    const el = await fixture(html`<news-poll poll-id=${DEMO_POLL_ID} loading="eager" .adapter=${adapter}></news-poll>`);
    const radio = (await waitFor(() => shadow<HTMLInputElement>(el, 'input[type="radio"]'), 'choices'))!;
    expect(visible(radio)).to.equal(true);
    expect(visible(shadow(el, '[part="vote-button"]'))).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[part="choice"]').length).to.be.greaterThan(1);
  });

  it('<news-comments> and <news-comment-count> keep their heading, comments and count', async () => {
    const adapter = createMemoryAdapter(createDemoSeed());
    const wrapper = await fixture(html`<div>
      <news-comment-count thread-id=${DEMO_THREAD_ID} .adapter=${adapter}></news-comment-count>
      <news-comments thread-id=${DEMO_THREAD_ID} loading="eager" .adapter=${adapter}></news-comments>
    </div>`);
    const comments = wrapper.querySelector('news-comments')!;
    await waitFor(() => shadow(comments, '[part="comment"]'), 'comments');
    expect(visible(shadow(comments, '[part="heading"]'))).to.equal(true);
    expect(visible(shadow(comments, '[part="body"]'))).to.equal(true);
    const count = wrapper.querySelector('news-comment-count')!;
    await waitFor(() => /\d/.test(shadow(count, '[part="link"]')?.textContent ?? ''), 'count');
    expect(visible(shadow(count, '[part="link"]'))).to.equal(true);
  });
});
