import { expect, fixture, html } from '@open-wc/testing';
import { waitFor } from './support/helpers.js';

// The built CDN bundle defines an element only near the viewport; a page of its own, so the
// element below is still undefined when the test starts.
describe('the CDN bundle and the keyboard', () => {
  it('keeps the focus when a reader tabs onto a fallback link that the element then replaces', async () => {
    const wrapper = await fixture(html`<div>
      <div style="height: 5000px"></div>
      <news-also-read href="/keyboard" headline="Tabbed to"><a href="/keyboard">Tabbed to</a></news-also-read>
    </div>`);
    await import(/* @vite-ignore */ `${'/dist/news-elements.js'}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(customElements.get('news-also-read'), 'far below the fold').to.equal(undefined);
    const host = wrapper.querySelector('news-also-read')!;
    // Focusing scrolls the fallback link into view, which defines the element.
    host.querySelector('a')!.focus();
    await customElements.whenDefined('news-also-read');
    await waitFor(() => host.shadowRoot?.activeElement, 'the focus to move into the rendered link');
    expect(host.shadowRoot!.activeElement!.textContent).to.equal('Tabbed to');
    window.scrollTo(0, 0);
  });
});
