import { expect, fixture, html } from '@open-wc/testing';
import '../src/also-read/news-also-read.js';
import '../src/did-you-know/news-did-you-know.js';
import { shadow } from './support/helpers.js';

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
});
