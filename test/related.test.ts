import { expect, fixture, html } from '@open-wc/testing';
import '../src/related/news-related.js';
import type { NewsRelated } from '../src/related/news-related.js';
import type { ArticleSummary, NewsAdapter } from '../src/core/types.js';
import { RELATED_MAX } from '../src/core/contract.js';
import { captureWarnings, shadow, waitFor, xssPayloads } from './support/helpers.js';

const stories: ArticleSummary[] = Array.from({ length: 6 }, (_, i) => ({
  id: `s${i}`,
  url: `/articles/s${i}`,
  headline: `Story number ${i}`,
  image: `/img/s${i}.png`,
  publishedAt: '2025-11-20T12:00:00Z',
}));

function relatedAdapter(answer: (id: string, limit: number) => Promise<ArticleSummary[]>) {
  const calls: [string, number][] = [];
  const adapter = {
    getRelated: (id: string, limit: number) => {
      calls.push([id, limit]);
      return answer(id, limit);
    },
  } as unknown as NewsAdapter;
  return { adapter, calls };
}

const headlines = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part="headline"]')].map((n) => n.textContent);

describe('<news-related>', () => {
  it('is accessible', async () => {
    const el = await fixture(html`<news-related><a href="/a">First story</a><a href="/b">Second story</a></news-related>`);
    await expect(el).to.be.accessible();
  });

  it('builds cards from child links when there is no adapter, and applies limit', async () => {
    const el = await fixture<NewsRelated>(html`<news-related article-id="a" limit="2" loading="eager">
      <a href="/one"><img src="/one.png" alt="" />One <time datetime="2025-11-20T12:00:00Z">20 Nov</time></a>
      <a href="/two">Two</a>
      <a href="/three">Three</a>
    </news-related>`);
    expect(headlines(el)).to.deep.equal(['One 20 Nov', 'Two']);
    expect(shadow(el, 'img[part="image"]')!.getAttribute('src')).to.equal('/one.png');
    expect(shadow(el, 'time[part="date"]')!.getAttribute('datetime')).to.equal('2025-11-20T12:00:00.000Z');
    expect(shadow(el, '[part="heading"]')!.textContent).to.equal('Related articles');
  });

  it('upgrades child links to the richer API list, and keeps the links when the API fails or is empty', async () => {
    for (const [answer, expected] of [
      [async () => stories, ['Story number 0', 'Story number 1']],
      [async () => [], ['One', 'Two']],
      [async () => Promise.reject(new Error('HTTP 500')), ['One', 'Two']],
    ] as const) {
      const { adapter, calls } = relatedAdapter(answer);
      const warnings = captureWarnings();
      const el = await fixture<NewsRelated>(
        html`<news-related article-id="a" limit="2" loading="eager" .adapter=${adapter}><a href="/one">One</a><a href="/two">Two</a></news-related>`,
      );
      await waitFor(() => calls.length === 1, 'request');
      await waitFor(() => headlines(el).join() === expected.join(), `headlines ${expected.join()}`);
      warnings.restore();
    }
  });

  it('loads from the adapter when it nears the viewport, with lazy images of reserved ratio', async () => {
    const { adapter, calls } = relatedAdapter(async (_id, limit) => stories.slice(0, limit));
    const wrapper = await fixture(
      html`<div><div style="height: 4000px"></div><news-related article-id="a1" heading="Related Articles" .adapter=${adapter}></news-related></div>`,
    );
    const el = wrapper.querySelector('news-related')!;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(calls).to.have.length(0);
    expect(el.shadowRoot!.querySelectorAll('.image-skeleton')).to.have.length(4);
    el.scrollIntoView();
    await waitFor(() => headlines(el).length === 4, 'cards');
    expect(calls).to.deep.equal([['a1', 4]]);
    const image = shadow<HTMLImageElement>(el, 'img[part="image"]')!;
    expect(image.loading).to.equal('lazy');
    expect(getComputedStyle(image).aspectRatio).to.equal('16 / 9');
    expect(shadow(el, '[part="heading"]')!.textContent).to.equal('Related Articles');
    await expect(el).to.be.accessible();
    window.scrollTo(0, 0);
  });

  it('keeps the skeleton the size of the loaded list', async () => {
    let release!: (items: ArticleSummary[]) => void;
    const { adapter } = relatedAdapter(() => new Promise((resolve) => (release = resolve)));
    const el = await fixture<NewsRelated>(html`<news-related article-id="a1" loading="eager" .adapter=${adapter} style="width: 800px"></news-related>`);
    await waitFor(() => shadow(el, '.image-skeleton'), 'skeleton');
    const before = el.getBoundingClientRect().height;
    release(stories.slice(0, 4).map((s) => ({ ...s, headline: 'Short' })));
    await waitFor(() => headlines(el).length === 4, 'cards');
    const after = el.getBoundingClientRect().height;
    expect(Math.abs(after - before)).to.be.lessThan(after * 0.2);
  });

  it('renders nothing when there are no items', async () => {
    const { adapter } = relatedAdapter(async () => []);
    // Off screen (above the viewport's bottom edge, out of view): nothing for the reader to lose.
    const el = await fixture<NewsRelated>(
      html`<news-related article-id="a1" loading="eager" .adapter=${adapter} style="position: absolute; top: -5000px"></news-related>`,
    );
    await waitFor(() => !shadow(el, '.image-skeleton'), 'empty');
    expect(shadow(el, 'section')).to.equal(null);
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('does not collapse while the reader sees it when the answer leaves nothing to show, only once scrolled away', async () => {
    let release!: (items: ArticleSummary[]) => void;
    const { adapter } = relatedAdapter(() => new Promise((resolve) => (release = resolve)));
    const wrapper = await fixture(
      html`<div style="width: 375px"><news-related article-id="a1" loading="eager" .adapter=${adapter}></news-related><p>What the reader reads</p><div style="height: 3000px"></div></div>`,
    );
    const el = wrapper.querySelector('news-related')!;
    const paragraph = wrapper.querySelector('p')!;
    await waitFor(() => shadow(el, '.image-skeleton') && release, 'skeleton');
    const height = el.getBoundingClientRect().height;
    const top = paragraph.getBoundingClientRect().top;
    expect(height).to.be.greaterThan(300);
    release([]);
    await waitFor(() => !shadow(el, '.image-skeleton'), 'answer');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(shadow(el, 'section')).to.equal(null);
    // Its box keeps the list's height and the margins the list had.
    expect(el.getBoundingClientRect().height).to.be.at.least(height);
    expect(paragraph.getBoundingClientRect().top).to.equal(top);
    // Out of view, it lets go; scroll anchoring keeps the paragraph where the reader had it.
    window.scrollTo(0, paragraph.offsetTop + 200);
    await waitFor(() => el.getBoundingClientRect().height === 0, 'collapse once out of view');
    window.scrollTo(0, 0);
  });

  it('keeps its height while visible when the API list replacing the links is shorter', async () => {
    let release!: (items: ArticleSummary[]) => void;
    const { adapter } = relatedAdapter(() => new Promise((resolve) => (release = resolve)));
    const el = await fixture<NewsRelated>(
      html`<news-related article-id="a1" loading="eager" .adapter=${adapter} style="width: 375px"
        ><a href="/1">One</a><a href="/2">Two</a><a href="/3">Three</a><a href="/4">Four</a></news-related
      >`,
    );
    await waitFor(() => headlines(el).length === 4 && release, 'links');
    const height = el.getBoundingClientRect().height;
    release(stories.slice(0, 1).map((s) => ({ ...s, image: null })));
    await waitFor(() => headlines(el).length === 1, 'API list');
    expect(el.getBoundingClientRect().height).to.equal(height);
  });

  it('renders nothing on error, warns once and emits news-error', async () => {
    const { adapter } = relatedAdapter(async () => {
      throw new Error('HTTP 500');
    });
    const warnings = captureWarnings();
    const errors: unknown[] = [];
    const wrapper = await fixture(
      html`<div @news-error=${(e: CustomEvent) => errors.push(e.detail)}><news-related article-id="a1" loading="eager" .adapter=${adapter}></news-related></div>`,
    );
    const el = wrapper.querySelector('news-related')!;
    await waitFor(() => errors.length === 1, 'news-error');
    await (el as NewsRelated).updateComplete;
    warnings.restore();
    expect(shadow(el, 'section')).to.equal(null);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('<news-related>');
    expect(errors[0]).to.include({ element: 'news-related', code: 'load_failed' });
  });

  it('drops items with unsafe or missing URLs and renders hostile headlines as text', async () => {
    const items: ArticleSummary[] = [
      { id: '1', url: 'javascript:window.__xss=1', headline: 'Bad link' },
      { id: '2', url: '/ok', headline: '' },
      { id: '3', url: '/ok', headline: 'Fine', image: 'data:image/svg+xml,<svg onload=alert(1)>' },
      ...xssPayloads.map((payload, i) => ({ id: `x${i}`, url: `/x${i}`, headline: payload })),
    ];
    const el = await fixture<NewsRelated>(html`<news-related limit="24" .items=${items}></news-related>`);
    expect(headlines(el)).to.deep.equal(['Fine', ...xssPayloads.map((p) => p.trim())]);
    expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(0);
    expect(el.shadowRoot!.querySelectorAll('script, [onerror], [onload]')).to.have.length(0);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('asks the API for no more than the endpoint accepts, but shows up to 24 given links', async () => {
    const many: ArticleSummary[] = Array.from({ length: 30 }, (_, i) => ({ id: `m${i}`, url: `/m${i}`, headline: `Many ${i}` }));
    const { adapter, calls } = relatedAdapter(async (_id, limit) => many.slice(0, limit));
    const el = await fixture<NewsRelated>(html`<news-related article-id="a" limit="24" loading="eager" .adapter=${adapter}></news-related>`);
    await waitFor(() => headlines(el).length === RELATED_MAX, 'cards from the API');
    expect(calls).to.deep.equal([['a', RELATED_MAX]]);
    const links = many.map((item) => html`<a href=${item.url}>${item.headline}</a>`);
    const linked = await fixture<NewsRelated>(html`<news-related limit="24">${links}</news-related>`);
    await waitFor(() => headlines(linked).length === 24, 'cards from 24 links');
  });

  it('treats a garbage limit as the default', async () => {
    const el = await fixture<NewsRelated>(html`<news-related limit="lots" .items=${stories}></news-related>`);
    expect(headlines(el)).to.have.length(4);
  });

  it('is a single column with side thumbnails on a phone, accessible in RTL and dark', async () => {
    const wrapper = await fixture(
      html`<div lang="ar" dir="rtl" style="width: 360px; color-scheme: dark; background: #111; color: #eee"><news-related .items=${stories}></news-related></div>`,
    );
    const el = wrapper.querySelector('news-related')!;
    await waitFor(() => shadow(el, '[part="heading"]')!.textContent === 'مقالات ذات صلة', 'Arabic heading');
    const cards = [...el.shadowRoot!.querySelectorAll('[part="item"]')].map((c) => c.getBoundingClientRect());
    expect(cards[1].top).to.be.greaterThan(cards[0].bottom - 1);
    const image = shadow(el, '[part="image"]')!.getBoundingClientRect();
    const headline = shadow(el, '[part="headline"]')!.getBoundingClientRect();
    expect(image.left).to.be.greaterThan(headline.left);
    await expect(wrapper).to.be.accessible();
  });
});
