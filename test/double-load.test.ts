import { expect, fixture, html } from '@open-wc/testing';
import { captureWarnings, shadow, waitFor } from './support/helpers.js';

const articleTags = ['news-article', 'news-byline', 'news-did-you-know', 'news-also-read', 'news-comment-count'];

// Two copies of the built bundle from different URLs, as when two scripts on a page each bring
// news-elements: the second copy must warn and leave the first one's elements working.
describe('the CDN bundle', () => {
  it('defines the article elements at once, one per task, and the poll, comments and related list only near the viewport', async () => {
    const { loadElements } = await import(/* @vite-ignore */ `${'/dist/news-elements.js'}`);
    // Not in the task that ran the module: each element gets a task of its own.
    expect(articleTags.filter((tag) => customElements.get(tag))).to.deep.equal([]);
    await Promise.all(articleTags.map((tag) => customElements.whenDefined(tag)));
    const warnings = captureWarnings();
    const wrapper = await fixture(html`<div><div style="height: 5000px"></div><news-poll question="Q?"><option value="a">A</option></news-poll></div>`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(customElements.get('news-poll')).to.equal(undefined);
    wrapper.querySelector('news-poll')!.scrollIntoView();
    await customElements.whenDefined('news-poll');
    window.scrollTo(0, 0);
    await loadElements('news-comments');
    warnings.restore();
    expect(customElements.get('news-comments')).to.not.equal(undefined);
    // The related list travels in the same lazily loaded file, and is defined a task later.
    await waitFor(() => customElements.get('news-related'), 'news-related to be defined');
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
      // Both copies define one element per task: wait for the second copy's queue to run out.
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
});
