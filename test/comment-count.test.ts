import { expect, fixture, html } from '@open-wc/testing';
import '../src/comment-count/news-comment-count.js';
import '../src/article/news-article.js';
import type { NewsCommentCount } from '../src/comment-count/news-comment-count.js';
import { createMemoryAdapter, type MemoryAdapter } from '../src/memory-adapter/index.js';
import { NewsCommentPostEvent } from '../src/core/events.js';
import type { Comment } from '../src/core/types.js';
import { captureWarnings, shadow, waitFor, xssPayloads } from './support/helpers.js';

function counts(values: Record<string, number>): MemoryAdapter {
  return createMemoryAdapter({ counts: values });
}

const text = (el: Element) => shadow(el, '[part="link"]')?.textContent?.trim() ?? '';

async function loaded(el: Element, expected: string) {
  await waitFor(() => text(el) === expected, `"${expected}"`);
}

describe('<news-comment-count>', () => {
  it('is accessible', async () => {
    const el = await fixture<NewsCommentCount>(html`<news-comment-count thread-id="a" href="#comments" .adapter=${counts({ a: 12 })}></news-comment-count>`);
    await loaded(el, '12 comments');
    await expect(el).to.be.accessible();
  });

  it('reflects thread-id and href to properties', async () => {
    const warnings = captureWarnings();
    const el = await fixture<NewsCommentCount>(html`<news-comment-count></news-comment-count>`);
    el.setAttribute('thread-id', 'x');
    el.setAttribute('href', '/a#comments');
    expect([el.threadId, el.href]).to.deep.equal(['x', '/a#comments']);
    await el.updateComplete;
    warnings.restore();
    expect(warnings.messages).to.deep.equal(['<news-comment-count>: no adapter to count comments of "x" with']);
  });

  it('says "No comments", "1 comment" and "12 comments", linking to the thread', async () => {
    const adapter = counts({ none: 0, one: 1, many: 12 });
    const wrapper = await fixture(html`<div>
      <news-comment-count thread-id="none" href="#comments" .adapter=${adapter}></news-comment-count>
      <news-comment-count thread-id="one" href="/story#comments" .adapter=${adapter}></news-comment-count>
      <news-comment-count thread-id="many" .adapter=${adapter}></news-comment-count>
    </div>`);
    const [none, one, many] = [...wrapper.querySelectorAll('news-comment-count')];
    await loaded(none, 'No comments');
    await loaded(one, '1 comment');
    await loaded(many, '12 comments');
    expect(shadow(none, 'a')!.getAttribute('href')).to.equal('#comments');
    expect(shadow(one, 'a')!.getAttribute('href')).to.equal('/story#comments');
    expect(shadow(many, 'a')).to.equal(null);
  });

  it('asks for every count on the page in one request', async () => {
    const adapter = counts({ a: 3, b: 4, c: 5 });
    const wrapper = await fixture(html`<div>
      <news-comment-count thread-id="a" .adapter=${adapter}></news-comment-count>
      <news-comment-count thread-id="b" .adapter=${adapter}></news-comment-count>
      <news-comment-count thread-id="c" .adapter=${adapter}></news-comment-count>
      <news-comment-count thread-id="a" .adapter=${adapter}></news-comment-count>
    </div>`);
    const elements = [...wrapper.querySelectorAll('news-comment-count')];
    await Promise.all(elements.map((el, i) => loaded(el, `${[3, 4, 5, 3][i]} comments`)));
    const calls = adapter.calls.filter((c) => c.method === 'getCounts');
    expect(calls).to.have.length(1);
    expect((calls[0].args[0] as string[]).sort()).to.deep.equal(['a', 'b', 'c']);
  });

  it("counts the enclosing article's thread by default", async () => {
    const adapter = counts({ story: 2 });
    const wrapper = await fixture(html`<news-article article-id="story"><news-comment-count .adapter=${adapter}></news-comment-count></news-article>`);
    await loaded(wrapper.querySelector('news-comment-count')!, '2 comments');
  });

  it('uses Spanish and Arabic plural forms', async () => {
    const adapter = counts({ a: 0, b: 2, c: 3, d: 11 });
    const wrapper = await fixture(html`<div>
      <p lang="es"><news-comment-count thread-id="b" .adapter=${adapter}></news-comment-count></p>
      <p lang="ar"><news-comment-count thread-id="a" .adapter=${adapter}></news-comment-count></p>
      <p lang="ar"><news-comment-count thread-id="b" .adapter=${adapter}></news-comment-count></p>
      <p lang="ar"><news-comment-count thread-id="c" .adapter=${adapter}></news-comment-count></p>
      <p lang="ar"><news-comment-count thread-id="d" .adapter=${adapter}></news-comment-count></p>
    </div>`);
    const [es, ar0, ar2, ar3, ar11] = [...wrapper.querySelectorAll('news-comment-count')];
    await loaded(es, '2 comentarios');
    await loaded(ar0, 'لا توجد تعليقات');
    await loaded(ar2, 'تعليقان');
    await waitFor(() => /^[٣3] تعليقات$/.test(text(ar3)), 'Arabic few');
    await waitFor(() => /^(١١|11) تعليقًا$/.test(text(ar11)), 'Arabic many');
  });

  it('counts a comment posted on this page at once', async () => {
    const el = await fixture<NewsCommentCount>(html`<news-comment-count thread-id="a" .adapter=${counts({ a: 1 })}></news-comment-count>`);
    await loaded(el, '1 comment');
    const comment = { id: 'n', status: 'published' } as Comment;
    document.body.dispatchEvent(new NewsCommentPostEvent({ threadId: 'b', comment }));
    document.body.dispatchEvent(new NewsCommentPostEvent({ threadId: 'a', comment }));
    await loaded(el, '2 comments');
  });

  it('falls back to "Comments", warns once and emits news-error when the count fails', async () => {
    const adapter = counts({ a: 1 });
    adapter.fail('getCounts', 500);
    const warnings = captureWarnings();
    const errors: unknown[] = [];
    const wrapper = await fixture(html`<div @news-error=${(e: CustomEvent) => errors.push(e.detail)}>
      <news-comment-count thread-id="a" href="#comments" .adapter=${adapter}></news-comment-count>
    </div>`);
    await waitFor(() => errors.length === 1, 'news-error');
    warnings.restore();
    const el = wrapper.querySelector('news-comment-count')!;
    expect(text(el)).to.equal('Comments');
    expect(shadow(el, 'a')!.getAttribute('href')).to.equal('#comments');
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('<news-comment-count>');
    expect(errors[0]).to.include({ element: 'news-comment-count', code: 'load_failed' });
  });

  it('never links to an unsafe href', async () => {
    for (const payload of xssPayloads) {
      const el = await fixture<NewsCommentCount>(html`<news-comment-count thread-id="a" href=${payload} .count=${3}></news-comment-count>`);
      const link = shadow(el, '[part="link"]')!;
      if (link.localName === 'a') expect(new URL((link as HTMLAnchorElement).href).protocol).to.match(/^https?:$/);
      expect(el.shadowRoot!.querySelectorAll('script, img, svg')).to.have.length(0);
    }
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });
});
