import { expect, fixture, html } from '@open-wc/testing';
import '../src/did-you-know/news-did-you-know.js';
import type { NewsDidYouKnow } from '../src/did-you-know/news-did-you-know.js';
import { shadow, waitFor, xssPayloads } from './support/helpers.js';

describe('<news-did-you-know>', () => {
  it('is accessible', async () => {
    const el = await fixture<NewsDidYouKnow>(html`<news-did-you-know><p>The bridge opened in 1931.</p></news-did-you-know>`);
    await expect(el).to.be.accessible();
  });

  it('is an aside named by its heading', async () => {
    const el = await fixture<NewsDidYouKnow>(html`<news-did-you-know>Fact.</news-did-you-know>`);
    const aside = shadow(el, 'aside')!;
    const heading = shadow(el, '[part="heading"]')!;
    expect(aside.getAttribute('aria-labelledby')).to.equal(heading.id);
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(heading.textContent!.trim()).to.equal('Did you know?');
  });

  it('reflects attributes to properties and back', async () => {
    const el = await fixture<NewsDidYouKnow>(html`<news-did-you-know heading="Fun fact" variant="highlight" heading-level="3">x</news-did-you-know>`);
    expect(el.heading).to.equal('Fun fact');
    expect(el.variant).to.equal('highlight');
    expect(el.headingLevel).to.equal(3);
    el.variant = 'quiet';
    el.heading = 'Background';
    await el.updateComplete;
    expect(el.getAttribute('variant')).to.equal('quiet');
    expect(shadow(el, '[part="heading"]')!.textContent!.trim()).to.equal('Background');
  });

  it('clamps a garbage heading level and falls back on an empty heading', async () => {
    const el = await fixture<NewsDidYouKnow>(html`<news-did-you-know heading="   " heading-level="banana">x</news-did-you-know>`);
    expect(shadow(el, '[part="heading"]')!.getAttribute('aria-level')).to.equal('2');
    expect(shadow(el, '[part="heading"]')!.textContent!.trim()).to.equal('Did you know?');
    el.headingLevel = 42;
    await el.updateComplete;
    expect(shadow(el, '[part="heading"]')!.getAttribute('aria-level')).to.equal('6');
  });

  it('slots the fact and a rich heading', async () => {
    const el = await fixture<NewsDidYouKnow>(
      html`<news-did-you-know><span slot="heading">Fact <em>check</em></span><p>Body <a href="/x">link</a></p></news-did-you-know>`,
    );
    const headingSlot = shadow<HTMLSlotElement>(el, 'slot[name="heading"]')!;
    expect(headingSlot.assignedElements()[0].textContent).to.equal('Fact check');
    const bodySlot = shadow<HTMLSlotElement>(el, '[part="body"] slot')!;
    expect(bodySlot.assignedElements()[0].tagName).to.equal('P');
  });

  it('renders heading text as text, never markup', async () => {
    for (const payload of xssPayloads) {
      const el = await fixture<NewsDidYouKnow>(html`<news-did-you-know .heading=${payload}>x</news-did-you-know>`);
      const heading = shadow(el, '[part="heading"]')!;
      expect(heading.querySelector('img, script, svg, math')).to.equal(null);
      expect(heading.textContent!.trim()).to.equal(payload.trim());
    }
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('keeps a 10,000-character fact inside its box', async () => {
    const long = 'x'.repeat(10000);
    const el = await fixture<NewsDidYouKnow>(html`<div style="width: 320px"><news-did-you-know>${long}</news-did-you-know></div>`);
    const box = el.querySelector('news-did-you-know')!;
    await (box as NewsDidYouKnow).updateComplete;
    const base = shadow(box, '[part="base"]')!;
    expect(base.getBoundingClientRect().width).to.be.at.most(320);
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
  });

  it('localizes the default heading from the nearest lang', async () => {
    const wrapper = await fixture(html`<div lang="es"><news-did-you-know>x</news-did-you-know></div>`);
    const el = wrapper.querySelector('news-did-you-know')!;
    await waitFor(() => shadow(el, '[part="heading"]')!.textContent!.includes('Sabías'), 'Spanish heading');
    wrapper.setAttribute('lang', 'ar');
    await waitFor(() => shadow(el, '[part="heading"]')!.textContent!.includes('هل تعلم'), 'Arabic heading after lang change');
    wrapper.setAttribute('lang', 'fr-CA');
    await waitFor(() => shadow(el, '[part="heading"]')!.textContent!.trim() === 'Did you know?', 'English fallback');
  });

  it('puts the accent border on the start side in RTL', async () => {
    const wrapper = await fixture(html`<div dir="rtl" lang="ar"><news-did-you-know>حقيقة</news-did-you-know></div>`);
    const base = shadow(wrapper.querySelector('news-did-you-know')!, '[part="base"]')!;
    const style = getComputedStyle(base);
    expect(style.borderRightWidth).to.equal('4px');
    expect(style.borderLeftWidth).to.equal('0px');
  });

  it('follows the page color scheme', async () => {
    const light = await fixture(html`<div style="color-scheme: light"><news-did-you-know>x</news-did-you-know></div>`);
    const dark = await fixture(html`<div style="color-scheme: dark"><news-did-you-know>x</news-did-you-know></div>`);
    const background = (wrapper: Element) => getComputedStyle(shadow(wrapper.querySelector('news-did-you-know')!, '[part="base"]')!).backgroundColor;
    const luminance = (color: string) =>
      color
        .match(/\d+/g)!
        .slice(0, 3)
        .map(Number)
        .reduce((a, b) => a + b, 0);
    expect(luminance(background(light))).to.be.greaterThan(600);
    expect(luminance(background(dark))).to.be.lessThan(200);
  });

  it('takes theme tokens and its own custom properties', async () => {
    const wrapper = await fixture(
      html`<div style="--news-color-accent: rgb(1, 2, 3); --news-did-you-know-surface: rgb(4, 5, 6)"><news-did-you-know>x</news-did-you-know></div>`,
    );
    const el = wrapper.querySelector('news-did-you-know')!;
    expect(getComputedStyle(shadow(el, '[part="heading"]')!).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(shadow(el, '[part="base"]')!).backgroundColor).to.equal('rgb(4, 5, 6)');
  });

  it('is still accessible in every variant, in Arabic and dark', async () => {
    for (const variant of ['note', 'highlight', 'quiet']) {
      const wrapper = await fixture(
        html`<div lang="ar" dir="rtl" style="color-scheme: dark; background: #111; color: #eee"><news-did-you-know variant=${variant}>حقيقة</news-did-you-know></div>`,
      );
      await expect(wrapper).to.be.accessible();
    }
  });
});
