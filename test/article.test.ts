import { expect, fixture, html } from '@open-wc/testing';
import '../src/article/news-article.js';
import '../src/byline/news-byline.js';
import '../src/did-you-know/news-did-you-know.js';
import '../src/also-read/news-also-read.js';
import '../src/related/news-related.js';
import type { NewsArticle } from '../src/article/news-article.js';
import { countWords } from '../src/article/reading-time.js';
import type { Article, ArticleSummary, NewsAdapter } from '../src/core/types.js';
import { captureWarnings, shadow, waitFor } from './support/helpers.js';

/** `count` distinct-looking words. */
const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');
const nextFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** A 690-word body split over paragraphs and a subheading: exactly 3 minutes at 230 wpm. */
const body690 = () => html`<p>${words(300)}</p>
  <h2>${words(5)}</h2>
  <p>${words(385)}</p>`;

const sampleArticle: Article = {
  id: 'a1',
  url: '/a1',
  headline: 'Will the bridge be tolled?',
  kicker: 'City Hall',
  dek: 'A vote on Tuesday.',
  author: 'Metro Bureau',
  publishedAt: '2025-11-28T09:30:00Z',
  hero: { src: '/hero.png', alt: 'The bridge at dusk', caption: 'The bridge at dusk.', credit: 'Image Credits - Desk', width: 1200, height: 675 },
  blocks: [
    {
      type: 'paragraph',
      content: ['Plain, ', { text: 'bold', bold: true }, ' and ', { text: 'italic', italic: true }, ' with ', { text: 'a link', href: '/x' }, '.'],
    },
    { type: 'paragraph', content: ['Trap: ', { text: 'click me', href: 'javascript:window.__xss=1' }] },
    { type: 'heading', text: 'Section one', level: 2 },
    { type: 'heading', text: 'Sub', level: 3 },
    { type: 'figure', src: '/fig.png', alt: 'A chart', caption: 'The chart.', credit: 'Data desk' },
    { type: 'quote', content: ['We will decide.'], cite: 'The mayor' },
    { type: 'list', ordered: true, items: [['one'], ['two']] },
    { type: 'did-you-know', heading: 'Fact', text: 'Built in 1968.' },
    { type: 'also-read', href: '/other', headline: 'Other story' },
    { type: 'poll', pollId: 'p1' },
    { type: 'comments', threadId: 't1' },
    { type: 'related', limit: 3 },
    { type: 'hologram', beam: true },
    { type: 'paragraph', content: ['<img src=x onerror="window.__xss=1">'] },
  ],
};

function articleAdapter(answer: () => Promise<Article>) {
  const calls: string[] = [];
  const adapter = {
    getArticle: (id: string) => {
      calls.push(id);
      return answer();
    },
    getRelated: async (): Promise<ArticleSummary[]> => [],
  } as unknown as NewsAdapter;
  return { adapter, calls };
}

describe('<news-article>', () => {
  it('is accessible', async () => {
    const el = await fixture(html`<main>
      <news-article article-id="a1">
        <p slot="kicker">City Hall</p>
        <h1 slot="headline">Will the bridge be tolled?</h1>
        <p slot="dek">A vote on Tuesday.</p>
        <news-byline slot="byline" author="Metro Bureau" reading-time="auto"></news-byline>
        <figure slot="hero"><img src="/x.png" alt="Bridge" width="16" height="9" /><figcaption>Bridge. <span class="credit">Image Credits - Desk</span></figcaption></figure>
        <p>Body text.</p>
        <h2>Section</h2>
        <news-did-you-know><p>A fact.</p></news-did-you-know>
        <p>More text.</p>
        <news-also-read href="/o"><a href="/o">Other</a></news-also-read>
      </news-article>
    </main>`);
    await expect(el).to.be.accessible();
  });

  it('keeps the publisher HTML in the light DOM and slots it in reading order', async () => {
    const el = await fixture<NewsArticle>(html`<news-article>
      <h1 slot="headline">Headline</h1><p slot="kicker">Kicker</p><p>Body</p><figure slot="hero"><figcaption>Hero</figcaption></figure>
    </news-article>`);
    const order = [...el.querySelectorAll('h1, p, figure')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((n) => n.textContent);
    expect(order).to.deep.equal(['Kicker', 'Headline', 'Hero', 'Body']);
    expect(el.querySelector('h1')!.assignedSlot!.name).to.equal('headline');
    expect(shadow(el, 'article')).to.not.equal(null);
  });

  it('shows light-DOM content before the element upgrades', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe style="width: 600px; height: 400px"></iframe>`);
    const doc = frame.contentDocument!;
    doc.body.innerHTML = `<news-article><h1 slot="headline">Before upgrade</h1><p>Readable body text.</p></news-article>`;
    const headline = doc.querySelector('h1')!;
    expect(doc.defaultView!.customElements.get('news-article')).to.equal(undefined);
    expect(headline.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(doc.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('computes the reading time over the body only: 690 words → 3 min', async () => {
    const el = await fixture<NewsArticle>(html`<news-article>${body690()}</news-article>`);
    await nextFrames();
    expect(el.readingMinutes).to.equal(3);
  });

  it('counts words with a letter or digit, not dashes, punctuation or emoji', () => {
    expect(countWords('The vote — 12–3 — passed. ¿Qué? «Да» 👍 … ... (AP)')).to.equal(7);
    expect(countWords('صوّت المجلس على الجسر — ١٢ صوتًا')).to.equal(6);
    expect(countWords('Ἀθῆναι   Ελλάδα\n\tπόλη')).to.equal(3);
    expect(countWords('— – … « » !? ')).to.equal(0);
    expect(countWords('東京都の橋', 'ja')).to.be.greaterThan(1);
  });

  it('has the reading time before its first render, so a byline never shows a wrong figure first', async () => {
    const el = await fixture<NewsArticle>(html`<news-article>${body690()}</news-article>`);
    // No frame has passed: the count is part of the first update, not a frame later.
    expect(el.readingMinutes).to.equal(3);
  });

  it('leaves captions, header, widgets and scripts out of the count', async () => {
    const el = await fixture<NewsArticle>(html`<news-article>
      <h1 slot="headline">${words(400)}</h1>
      <p slot="dek">${words(400)}</p>
      <figure slot="hero"><figcaption>${words(400)}</figcaption></figure>
      ${body690()}
      <figure><img alt="" src="/x.png" /><figcaption>${words(500)}</figcaption></figure>
      <news-did-you-know><p>${words(500)}</p></news-did-you-know>
      <news-also-read href="/x"><a href="/x">${words(300)}</a></news-also-read>
      <news-poll question="q"><option>${words(200)}</option></news-poll>
      <aside>${words(300)}</aside>
    </news-article>`);
    await nextFrames();
    expect(el.readingMinutes).to.equal(3);
  });

  it('recomputes when the body changes, honours words-per-minute, and is at least 1', async () => {
    const el = await fixture<NewsArticle>(html`<news-article words-per-minute="100">${body690()}</news-article>`);
    await nextFrames();
    expect(el.readingMinutes).to.equal(7);
    el.wordsPerMinute = 230;
    const extra = document.createElement('p');
    extra.textContent = words(300);
    el.append(extra);
    await nextFrames();
    expect(el.readingMinutes).to.equal(5);
    el.innerHTML = '';
    await nextFrames();
    expect(el.readingMinutes).to.equal(1);
    el.setAttribute('words-per-minute', 'fast');
    el.innerHTML = `<p>${words(690)}</p>`;
    await nextFrames();
    expect(el.readingMinutes).to.equal(3);
  });

  it('gives its byline the reading time', async () => {
    const el = await fixture<NewsArticle>(html`<news-article>
      <news-byline slot="byline" author="Metro Bureau" reading-time="auto"></news-byline>
      ${body690()}
    </news-article>`);
    const byline = el.querySelector('news-byline')!;
    await waitFor(() => shadow(byline, '[part="meta"]')!.textContent!.includes('3 min read'), 'reading time in byline');
  });

  it('counts words in scripts without spaces', async () => {
    const el = await fixture<NewsArticle>(html`<news-article lang="ja"><p>${'東京都は新しい橋の建設を決定しました。'.repeat(60)}</p></news-article>`);
    await nextFrames();
    expect(el.readingMinutes).to.be.greaterThan(1);
  });

  it('provides its article id and adapter to the elements inside it', async () => {
    const asked: string[] = [];
    const adapter = {
      getRelated: async (id: string): Promise<ArticleSummary[]> => {
        asked.push(id);
        return [{ id: 'r', url: '/r', headline: 'Related one' }];
      },
    } as unknown as NewsAdapter;
    const el = await fixture<NewsArticle>(html`<news-article article-id="ctx-1" .adapter=${adapter}>
      <p>Body</p>
      <news-related loading="eager"></news-related>
    </news-article>`);
    const related = el.querySelector('news-related')!;
    await waitFor(() => shadow(related, '[part="headline"]')?.textContent === 'Related one', 'related loaded through context');
    expect(asked).to.deep.equal(['ctx-1']);
  });

  it('lets publisher CSS win over its typography', async () => {
    const style = document.createElement('style');
    style.textContent = 'p { font-size: 31px; } news-article h2 { margin-top: 7px; }';
    document.head.append(style);
    try {
      const el = await fixture(html`<news-article><p>Body</p><h2>Head</h2></news-article>`);
      expect(getComputedStyle(el.querySelector('p')!).fontSize).to.equal('31px');
      expect(getComputedStyle(el.querySelector('h2')!).marginTop).to.equal('7px');
    } finally {
      style.remove();
    }
  });

  it('styles bare article HTML with its typography, installed once', async () => {
    await fixture(html`<div><news-article><p>a</p></news-article><news-article><p>b</p></news-article></div>`);
    const el = document.querySelector('news-article')!;
    expect(getComputedStyle(el.querySelector('p')!).lineHeight).to.not.equal('normal');
    const sheets = document.adoptedStyleSheets.filter((sheet) =>
      [...sheet.cssRules].some((rule) => rule.cssText.includes('slot="kicker"') || rule.cssText.includes("slot='kicker'")),
    );
    expect(sheets).to.have.length(1);
  });

  describe('data mode', () => {
    it('shows a skeleton of reserved size, then renders header and blocks into the light DOM', async () => {
      let release!: (article: Article) => void;
      const { adapter, calls } = articleAdapter(() => new Promise((resolve) => (release = resolve)));
      const warnings = captureWarnings();
      const el = await fixture<NewsArticle>(html`<news-article article-id="a1" .adapter=${adapter}></news-article>`);
      await waitFor(() => calls.length === 1, 'getArticle');
      const skeleton = shadow(el, '.skeleton')!;
      expect(skeleton.getBoundingClientRect().height).to.be.greaterThan(300);
      await expect(el).to.be.accessible();
      release(structuredClone(sampleArticle));
      await waitFor(() => el.querySelector('h1'), 'rendered article');
      await el.updateComplete;
      warnings.restore();

      expect(el.querySelector('[slot="kicker"]')!.textContent).to.equal('City Hall');
      expect(el.querySelector('h1[slot="headline"]')!.textContent).to.equal('Will the bridge be tolled?');
      expect(el.querySelector('[slot="dek"]')!.textContent).to.equal('A vote on Tuesday.');
      expect(el.querySelector('news-byline[slot="byline"]')!.getAttribute('author')).to.equal('Metro Bureau');
      expect(el.querySelector('figure[slot="hero"] img')!.getAttribute('alt')).to.equal('The bridge at dusk');
      expect(el.querySelector('figure[slot="hero"] .credit')!.textContent).to.equal('Image Credits - Desk');
      const first = el.querySelectorAll(':scope > p:not([slot])')[0];
      expect(first.querySelector('strong')!.textContent).to.equal('bold');
      expect(first.querySelector('em')!.textContent).to.equal('italic');
      expect(first.querySelector('a')!.getAttribute('href')).to.equal('/x');
      expect(el.querySelector(':scope > h2')!.textContent).to.equal('Section one');
      expect(el.querySelector(':scope > h3')!.textContent).to.equal('Sub');
      expect(el.querySelector(':scope > figure:not([slot]) figcaption')!.textContent).to.contain('The chart.');
      expect(el.querySelector('blockquote footer')!.textContent).to.equal('The mayor');
      expect(el.querySelectorAll('ol > li')).to.have.length(2);
      expect(el.querySelector('news-did-you-know')!.getAttribute('heading')).to.equal('Fact');
      expect(el.querySelector('news-also-read')!.getAttribute('href')).to.equal('/other');
      expect(el.querySelector('news-poll')!.getAttribute('poll-id')).to.equal('p1');
      expect(el.querySelector('news-comments')!.getAttribute('thread-id')).to.equal('t1');
      expect(el.querySelector('news-related')!.getAttribute('limit')).to.equal('3');
      expect(shadow(el, '.skeleton')).to.equal(null);

      // The javascript: link mark is rendered inert: its text stays, no link is made.
      const trap = el.querySelectorAll(':scope > p:not([slot])')[1];
      expect(trap.textContent).to.equal('Trap: click me');
      expect(trap.querySelector('a')).to.equal(null);
      expect(el.querySelectorAll('img[onerror], script')).to.have.length(0);
      expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
      expect(warnings.messages.some((m) => m.includes('unknown type "hologram"'))).to.equal(true);
      expect(warnings.messages.some((m) => m.includes('refused link "javascript:'))).to.equal(true);
    });

    it('shows an error with a retry that recovers', async () => {
      let fail = true;
      const { adapter, calls } = articleAdapter(() => (fail ? Promise.reject(new Error('HTTP 503')) : Promise.resolve(structuredClone(sampleArticle))));
      const warnings = captureWarnings();
      const el = await fixture<NewsArticle>(html`<news-article article-id="a1" .adapter=${adapter}></news-article>`);
      const alert = (await waitFor(() => shadow(el, '[role="alert"]'), 'error state'))!;
      warnings.restore();
      expect(alert.textContent).to.contain('This article could not be loaded.');
      await expect(el).to.be.accessible();
      fail = false;
      shadow<HTMLButtonElement>(el, '[role="alert"] button')!.click();
      await waitFor(() => el.querySelector('h1'), 'article after retry');
      expect(calls).to.have.length(2);
    });

    it('does not load when the body is already there', async () => {
      const { adapter, calls } = articleAdapter(() => Promise.resolve(structuredClone(sampleArticle)));
      await fixture(html`<news-article article-id="a1" .adapter=${adapter}><p>Already here</p></news-article>`);
      await nextFrames();
      expect(calls).to.have.length(0);
    });
  });
});
