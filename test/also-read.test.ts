import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/also-read/news-also-read.js';
import type { NewsAlsoRead } from '../src/also-read/news-also-read.js';
import type { ArticleSummary, NewsAdapter } from '../src/core/types.js';
import { captureWarnings, shadow, waitFor, xssPayloads } from './support/helpers.js';

/** An adapter whose `lookupArticle` answers are released by the test. */
function lookupStub() {
  const calls: string[] = [];
  let settle: { resolve: (value: ArticleSummary) => void; reject: (error: Error) => void } | undefined;
  const adapter = {
    lookupArticle: (url: string) => {
      calls.push(url);
      return new Promise<ArticleSummary>((resolve, reject) => (settle = { resolve, reject }));
    },
  } as unknown as NewsAdapter;
  return {
    adapter,
    calls,
    resolve: (value: ArticleSummary) => settle!.resolve(value),
    reject: (error: Error) => settle!.reject(error),
  };
}

const link = (el: Element) => shadow<HTMLAnchorElement>(el, 'a[part="link"]');

describe('<news-also-read>', () => {
  it('is accessible', async () => {
    const el = await fixture(html`<news-also-read href="/articles/ferry"><a href="/articles/ferry">Ferry fares rise again</a></news-also-read>`);
    await expect(el).to.be.accessible();
  });

  it('shows its child link before it upgrades', async () => {
    const wrapper = await fixture(html`<div><news-also-read-not-yet><a href="/articles/ferry">Ferry fares rise again</a></news-also-read-not-yet></div>`);
    const anchor = wrapper.querySelector('a')!;
    expect(anchor.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(anchor.href).to.match(/\/articles\/ferry$/);
  });

  it('takes href and headline from its child link', async () => {
    const el = await fixture<NewsAlsoRead>(html`<news-also-read><a href="/articles/ferry">  Ferry fares
      rise again </a></news-also-read>`);
    expect(link(el)!.getAttribute('href')).to.equal('/articles/ferry');
    expect(link(el)!.textContent).to.equal('Ferry fares rise again');
    expect(shadow(el, '[part="label"]')!.textContent).to.equal('Also read');
  });

  it('lets attributes win over the child link, and reflects them', async () => {
    const el = await fixture<NewsAlsoRead>(
      html`<news-also-read href="/a" headline="Attribute headline" label="See also" image="/thumb.png"><a href="/b">Child</a></news-also-read>`,
    );
    expect(el.href).to.equal('/a');
    expect(link(el)!.getAttribute('href')).to.equal('/a');
    expect(link(el)!.textContent).to.equal('Attribute headline');
    expect(shadow(el, '[part="label"]')!.textContent).to.equal('See also');
    expect(shadow<HTMLImageElement>(el, 'img[part="image"]')!.getAttribute('src')).to.equal('/thumb.png');
    expect(shadow<HTMLImageElement>(el, 'img[part="image"]')!.alt).to.equal('');
    el.href = '/c';
    await el.updateComplete;
    expect(el.getAttribute('href')).to.equal('/c');
  });

  it('follows the light DOM when it changes', async () => {
    const el = await fixture<NewsAlsoRead>(html`<news-also-read><a href="/one">One</a></news-also-read>`);
    el.innerHTML = '<a href="/two">Two</a>';
    await waitFor(() => link(el)?.textContent === 'Two', 'new child link');
    expect(link(el)!.getAttribute('href')).to.equal('/two');
  });

  it('refuses javascript:, data: and other schemes, renders them inert and warns', async () => {
    for (const href of [
      'javascript:window.__xss=1',
      ' JaVaScRiPt:window.__xss=1',
      'java\tscript:window.__xss=1',
      'data:text/html,<b>x',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      const warnings = captureWarnings();
      const errors: string[] = [];
      const wrapper = await fixture(html`<div @news-error=${(e: CustomEvent) => errors.push(e.detail.code)}></div>`);
      const el = document.createElement('news-also-read') as NewsAlsoRead;
      el.setAttribute('href', href);
      el.textContent = 'Headline';
      wrapper.append(el);
      await el.updateComplete;
      warnings.restore();
      expect(link(el), href).to.equal(null);
      expect(shadow(el, 'span[part="link"]')!.textContent).to.equal('Headline');
      expect(
        warnings.messages.some((m) => m.includes('<news-also-read>') && m.includes('refused href')),
        href,
      ).to.equal(true);
      expect(errors).to.include('unsafe_href');
    }
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('refuses an unsafe child link too', async () => {
    const warnings = captureWarnings();
    const el = await fixture<NewsAlsoRead>(html`<news-also-read><a href="javascript:alert(1)">Click</a></news-also-read>`);
    warnings.restore();
    expect(link(el)).to.equal(null);
    expect(warnings.messages).to.have.length(1);
  });

  it('accepts absolute https and protocol-relative links', async () => {
    const el = await fixture<NewsAlsoRead>(html`<news-also-read href="https://example.com/story" headline="x"></news-also-read>`);
    expect(link(el)!.href).to.equal('https://example.com/story');
  });

  it('renders hostile text as text', async () => {
    for (const payload of xssPayloads) {
      const el = await fixture<NewsAlsoRead>(html`<news-also-read href="/x" .headline=${payload} .label=${payload} .image=${payload}></news-also-read>`);
      expect(el.shadowRoot!.querySelectorAll('script, svg:not([part]), math, [onerror], [onload]')).to.have.length(0);
      expect(link(el)!.textContent).to.equal(payload.trim());
    }
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('does not load an image from an unsafe URL', async () => {
    const warnings = captureWarnings();
    const el = await fixture<NewsAlsoRead>(html`<news-also-read href="/x" headline="x" image="javascript:alert(1)"></news-also-read>`);
    warnings.restore();
    expect(shadow(el, 'img')).to.equal(null);
  });

  it('drops a broken thumbnail', async () => {
    const el = await fixture<NewsAlsoRead>(html`<news-also-read href="/x" headline="x" image="/does-not-exist.png"></news-also-read>`);
    await waitFor(() => !shadow(el, 'img'), 'broken image removed');
  });

  it('fires a cancelable news-also-read-click with the href', async () => {
    const el = await fixture<NewsAlsoRead>(html`<news-also-read href="#target" headline="x"></news-also-read>`);
    el.addEventListener('news-also-read-click', (event) => event.preventDefault());
    const fired = oneEvent(el, 'news-also-read-click');
    const before = location.hash;
    link(el)!.click();
    const event = await fired;
    expect(event.detail).to.deep.equal({ href: '#target' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(location.hash).to.equal(before);
  });

  it('is reachable and followable by keyboard', async () => {
    const el = await fixture<NewsAlsoRead>(html`<news-also-read href="#kbd" headline="Keyboard"></news-also-read>`);
    let clicked = 0;
    el.addEventListener('news-also-read-click', (event) => {
      clicked++;
      event.preventDefault();
    });
    const before = document.createElement('button');
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(link(el));
    await sendKeys({ press: 'Enter' });
    expect(clicked).to.equal(1);
    before.remove();
  });

  it('keeps a 10,000-character headline inside its box', async () => {
    const wrapper = await fixture(html`<div style="width: 320px"><news-also-read href="/x" .headline=${'y'.repeat(10000)}></news-also-read></div>`);
    const el = wrapper.querySelector('news-also-read')!;
    const base = shadow(el, '[part="base"]')!;
    expect(base.getBoundingClientRect().width).to.be.at.most(320);
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
  });

  it('localizes the label and accepts RTL', async () => {
    const wrapper = await fixture(html`<div lang="ar" dir="rtl"><news-also-read href="/x" headline="عنوان"></news-also-read></div>`);
    const el = wrapper.querySelector('news-also-read')!;
    await waitFor(() => shadow(el, '[part="label"]')!.textContent === 'اقرأ أيضًا', 'Arabic label');
    const label = shadow(el, '[part="label"]')!.getBoundingClientRect();
    const linkBox = link(el)!.getBoundingClientRect();
    expect(label.left).to.be.greaterThan(linkBox.left);
    await expect(wrapper).to.be.accessible();
  });

  describe('unfurl', () => {
    it('shows a skeleton of reserved size, then the headline and thumbnail', async () => {
      const stub = lookupStub();
      const el = await fixture<NewsAlsoRead>(html`<news-also-read href="/articles/tram" unfurl loading="eager" .adapter=${stub.adapter}></news-also-read>`);
      await waitFor(() => stub.calls.length === 1, 'lookup call');
      expect(stub.calls[0]).to.equal('/articles/tram');
      expect(shadow(el, '.skeleton')).to.not.equal(null);
      expect(shadow(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      const placeholder = shadow(el, '.image-placeholder')!.getBoundingClientRect();
      await expect(el).to.be.accessible();
      stub.resolve({ id: 'tram', url: '/articles/tram', headline: 'Tram line opens', image: '/tram.png' });
      await waitFor(() => link(el)?.textContent === 'Tram line opens', 'unfurled headline');
      const image = shadow<HTMLImageElement>(el, 'img[part="image"]')!;
      expect(image.getAttribute('src')).to.equal('/tram.png');
      const box = image.getBoundingClientRect();
      expect(Math.round(box.width)).to.equal(Math.round(placeholder.width));
      expect(Math.round(box.height)).to.equal(Math.round(placeholder.height));
    });

    it('keeps the light-DOM headline visible while it loads', async () => {
      const stub = lookupStub();
      const el = await fixture<NewsAlsoRead>(html`<news-also-read unfurl loading="eager" .adapter=${stub.adapter}><a href="/t">Fallback</a></news-also-read>`);
      await waitFor(() => stub.calls.length === 1, 'lookup call');
      expect(link(el)!.textContent).to.equal('Fallback');
    });

    it('shows an error with a retry that recovers', async () => {
      const stub = lookupStub();
      const warnings = captureWarnings();
      const errors: string[] = [];
      const el = await fixture<NewsAlsoRead>(
        html`<news-also-read href="/t" unfurl loading="eager" .adapter=${stub.adapter} @news-error=${(e: CustomEvent) => errors.push(e.detail.code)}>
          <a href="/t">Fallback</a>
        </news-also-read>`,
      );
      await waitFor(() => stub.calls.length === 1, 'lookup call');
      stub.reject(new Error('HTTP 500'));
      const problem = (await waitFor(() => shadow(el, '.problem'), 'error state'))!;
      warnings.restore();
      expect(problem.textContent).to.contain('Preview unavailable.');
      expect(link(el)!.textContent).to.equal('Fallback');
      expect(errors).to.deep.equal(['unfurl_failed']);
      expect(warnings.messages).to.have.length(1);
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '.problem button')!.click();
      await waitFor(() => stub.calls.length === 2, 'retry call');
      stub.resolve({ id: 't', url: '/t', headline: 'Recovered' });
      await waitFor(() => link(el)?.textContent === 'Recovered', 'recovered headline');
      expect(shadow(el, '.problem')).to.equal(null);
    });

    it('waits until it nears the viewport', async () => {
      const stub = lookupStub();
      const wrapper = await fixture(
        html`<div><div style="height: 4000px"></div><news-also-read href="/far" unfurl .adapter=${stub.adapter}></news-also-read></div>`,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stub.calls).to.have.length(0);
      wrapper.querySelector('news-also-read')!.scrollIntoView();
      await waitFor(() => stub.calls.length === 1, 'lookup after scroll');
      window.scrollTo(0, 0);
    });

    it('warns when there is no adapter', async () => {
      const warnings = captureWarnings();
      const el = await fixture<NewsAlsoRead>(html`<news-also-read href="/x" unfurl loading="eager"><a href="/x">Kept</a></news-also-read>`);
      await el.updateComplete;
      warnings.restore();
      expect(warnings.messages.some((m) => m.includes('unfurl needs an adapter'))).to.equal(true);
      expect(link(el)!.textContent).to.equal('Kept');
    });
  });
});
