import { expect } from '@open-wc/testing';
import { html, LitElement } from 'lit';

class SmokeEl extends LitElement {
  override render() {
    return html`<p>hi</p>`;
  }
}
customElements.define('smoke-el', SmokeEl);

it('renders a Lit element', async () => {
  const el = document.createElement('smoke-el') as SmokeEl;
  document.body.append(el);
  await el.updateComplete;
  expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('hi');
});
