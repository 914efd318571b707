import { expect, fixture, html } from '@open-wc/testing';
import { captureWarnings, shadow, waitFor } from './support/helpers.js';

const articleTags = ['news-article', 'news-byline', 'news-did-you-know', 'news-also-read', 'news-comment-count'];

// The built CDN bundle: elements are defined when their tags near the viewport, one per task, and
// the poll, comments and related list have their code fetched only then.
describe('the CDN bundle', () => {
  it('defines an element when one of its tags nears the viewport, one element per task', async () => {
    const warnings = captureWarnings();
    const wrapper = await fixture(html`<div>
      <news-byline author="Near"></news-byline>
      <news-did-you-know>Near</news-did-you-know>
      <div style="height: 5000px"></div>
      <news-also-read href="/far" headline="Far"></news-also-read>
      <news-poll question="Q?"><option value="a">A</option></news-poll>
    </div>`);
    const defined = () => articleTags.filter((tag) => customElements.get(tag));
    const { loadElements } = await import(/* @vite-ignore */ `${'/dist/news-elements.js'}`);
    // Not in the task that ran the module, and never both in one task.
    expect(defined()).to.deep.equal([]);
    await customElements.whenDefined('news-byline');
    expect(defined()).to.deep.equal(['news-byline']);
    await customElements.whenDefined('news-did-you-know');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(defined(), 'far below the fold: not yet').to.deep.equal(['news-byline', 'news-did-you-know']);
    expect(customElements.get('news-poll')).to.equal(undefined);

    wrapper.querySelector('news-poll')!.scrollIntoView();
    await customElements.whenDefined('news-poll');
    await customElements.whenDefined('news-also-read');
    window.scrollTo(0, 0);
    // The related list travels in the poll's file but waits for a tag of its own; loadElements() defines it.
    expect(customElements.get('news-related')).to.equal(undefined);
    await loadElements('news-related');
    expect(customElements.get('news-related')).to.not.equal(undefined);
    await loadElements();
    expect(defined()).to.have.members(articleTags);
    warnings.restore();
  });
});

describe('the CDN bundle loaded twice', () => {
  it('warns and does not throw', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    const warnings = captureWarnings();
    try {
      const first = await import(/* @vite-ignore */ `${'/dist/news-elements.js'}`);
      const second = await import(/* @vite-ignore */ `${'/second-copy/dist/news-elements.js'}`);
      expect(first.NewsAlsoRead).not.to.equal(second.NewsAlsoRead);
      await second.loadElements();
      await waitFor(() => warnings.messages.filter((m) => m.includes('is already defined')).length >= articleTags.length, 'the second copy to warn');
    } finally {
      warnings.restore();
      window.removeEventListener('error', onError);
    }
    expect(errors).to.have.length(0);
    const el = await fixture(html`<news-also-read href="/x" headline="Works"></news-also-read>`);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadow(el, 'a')!.textContent).to.equal('Works');
  });

  it('shares page context between the copies: an element of one reads the article of the other', async () => {
    const second = await import(/* @vite-ignore */ `${'/second-copy/dist/news-elements.js'}`);
    // The second copy's article class was refused its tag; give it another one.
    if (!customElements.get('second-copy-article')) customElements.define('second-copy-article', second.NewsArticle);
    const words = Array.from({ length: 460 }, () => 'word').join(' ');
    const article = await fixture(
      html`<second-copy-article words-per-minute="230"><news-byline slot="byline" author="A" reading-time="auto"></news-byline><p>${words}</p></second-copy-article>`,
    );
    const byline = article.querySelector('news-byline')!;
    expect(byline.constructor).not.to.equal(second.NewsByline);
    await waitFor(() => shadow(byline, '[part="meta"]')?.textContent?.includes('2 min read'), "the second copy's reading time");
  });
});
