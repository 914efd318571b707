import { expect, fixture, html } from '@open-wc/testing';
import { waitFor } from './support/helpers.js';

// The built CDN bundle defines an element only near the viewport. These tests have a page of their
// own, so the elements far below are still undefined when each test starts.
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

describe('the CDN bundle and printing', () => {
  it('defines every element whose code is loaded before the page is printed, wherever it is', async () => {
    const wrapper = await fixture(html`<div>
      <div style="height: 5000px"></div>
      <news-did-you-know>Printed</news-did-you-know>
    </div>`);
    await import(/* @vite-ignore */ `${'/dist/news-elements.js'}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(customElements.get('news-did-you-know'), 'far below the fold').to.equal(undefined);
    dispatchEvent(new Event('beforeprint'));
    expect(customElements.get('news-did-you-know')).to.not.equal(undefined);
    const box = wrapper.querySelector('news-did-you-know') as HTMLElement & { updateComplete: Promise<unknown> };
    await box.updateComplete;
    expect(box.shadowRoot!.textContent).to.contain('Did you know?');
  });
});
