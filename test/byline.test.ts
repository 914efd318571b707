import { expect, fixture, html } from '@open-wc/testing';
import '../src/byline/news-byline.js';
import { initials } from '../src/byline/initials.js';
import type { NewsByline } from '../src/byline/news-byline.js';
import { captureWarnings, shadow, waitFor } from './support/helpers.js';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

describe('<news-byline>', () => {
  it('is accessible', async () => {
    const el = await fixture(html`<news-byline author="Metro Bureau" published="2026-11-28T12:00:00Z" reading-time="3"></news-byline>`);
    await expect(el).to.be.accessible();
  });

  describe('initials', () => {
    it('takes the first letters of the first two words', () => {
      expect(initials('Metro Bureau')).to.equal('MB');
      expect(initials('Reuters')).to.equal('R');
      expect(initials('Ana María López')).to.equal('AM');
      expect(initials('  élodie   durand ')).to.equal('ÉD');
      expect(initials('(AP) Wire')).to.equal('AW');
      expect(initials('j. r. tolkien')).to.equal('JR');
    });

    it('handles non-Latin names, keeping Arabic letters unjoined', () => {
      expect(initials('山田 太郎')).to.equal('山太');
      expect(initials('王小明')).to.equal('王');
      expect(initials('Σωκράτης Παππάς')).to.equal('ΣΠ');
      expect(initials('محمد علي')).to.equal('م\u200cع');
      expect(initials('مكتب المدينة')).to.equal('م\u200cم');
      expect(initials('istanbul', 'tr')).to.equal('İ');
    });

    it('is empty for an empty or punctuation-only name', () => {
      expect(initials('')).to.equal('');
      expect(initials('   ')).to.equal('');
      expect(initials(null)).to.equal('');
      expect(initials('— !')).to.equal('');
    });
  });

  it('shows initials with a text alternative when there is no photo', async () => {
    const el = await fixture(html`<news-byline author="Metro Bureau"></news-byline>`);
    const avatar = shadow(el, '[part="avatar"]')!;
    expect(avatar.getAttribute('role')).to.equal('img');
    expect(avatar.getAttribute('aria-label')).to.equal('Metro Bureau');
    expect(avatar.textContent!.trim()).to.equal('MB');
    const box = avatar.getBoundingClientRect();
    expect(Math.round(box.width)).to.equal(Math.round(box.height));
    expect(getComputedStyle(avatar).borderRadius).to.equal('50%');
  });

  it('falls back to initials when the photo is broken', async () => {
    const el = await fixture(html`<news-byline author="Metro Bureau" avatar="/no-such-photo.jpg"></news-byline>`);
    expect(shadow(el, '[part="avatar"] img')).to.not.equal(null);
    await waitFor(() => shadow(el, '[part="avatar"]')!.textContent!.trim() === 'MB', 'initials after image error');
    expect(shadow(el, '[part="avatar"]')!.getAttribute('aria-label')).to.equal('Metro Bureau');
  });

  it('says "By <author>", linked when author-href is set', async () => {
    const el = await fixture<NewsByline>(html`<news-byline author="Metro Bureau" author-href="/authors/metro"></news-byline>`);
    expect(shadow(el, '[part="author"]')!.textContent).to.equal('By Metro Bureau');
    expect(shadow(el, '[part="author"] a')!.getAttribute('href')).to.equal('/authors/metro');
    expect(el.authorHref).to.equal('/authors/metro');
  });

  it('refuses an unsafe author link and renders the name as text', async () => {
    const warnings = captureWarnings();
    const el = await fixture(html`<news-byline .author=${'<img src=x onerror=alert(1)>'} author-href="javascript:alert(1)"></news-byline>`);
    warnings.restore();
    expect(shadow(el, '[part="author"] a')).to.equal(null);
    expect(shadow(el, '[part="author"] img')).to.equal(null);
    expect(shadow(el, '[part="author"]')!.textContent).to.equal('By <img src=x onerror=alert(1)>');
    expect(warnings.messages.some((m) => m.includes('refused author-href'))).to.equal(true);
  });

  it('formats dates for the page locale in a <time>', async () => {
    const expected: Record<string, (text: string) => boolean> = {
      en: (t) => t === 'November 28, 2025',
      es: (t) => t === '28 de noviembre de 2025',
      ar: (t) => t.includes('نوفمبر'),
    };
    for (const lang of ['en', 'es', 'ar']) {
      const wrapper = await fixture(html`<div lang=${lang}><news-byline author="A B" published="2025-11-28T12:00:00Z"></news-byline></div>`);
      const el = wrapper.querySelector('news-byline')!;
      const time = shadow(el, 'time')!;
      expect(time.getAttribute('datetime')).to.equal('2025-11-28T12:00:00.000Z');
      expect(expected[lang](time.textContent!), `${lang}: ${time.textContent}`).to.equal(true);
    }
  });

  it('shows recent dates relatively and an update when later than publication', async () => {
    const el = await fixture(html`<news-byline author="A B" published=${hoursAgo(26)} updated=${hoursAgo(3)}></news-byline>`);
    const times = el.shadowRoot!.querySelectorAll('time');
    expect(times[0].textContent).to.equal('yesterday');
    expect(times[1].parentElement!.textContent).to.equal('Updated 3 hours ago');
    // The exact date and time: a tooltip written when the pointer first comes over the date.
    expect(times[1].title).to.equal('');
    times[1].dispatchEvent(new PointerEvent('pointerenter'));
    expect(times[1].title).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(times[1].dateTime)));
  });

  it('localizes "By" and the reading time', async () => {
    const wrapper = await fixture(html`<div lang="es"><news-byline author="Oficina Metro" reading-time="3"></news-byline></div>`);
    const el = wrapper.querySelector('news-byline')!;
    await waitFor(() => shadow(el, '[part="author"]')!.textContent === 'Por Oficina Metro', 'Spanish byline');
    expect(shadow(el, '[part="meta"]')!.textContent).to.contain('3 min de lectura');
    wrapper.setAttribute('lang', 'ar');
    await waitFor(() => shadow(el, '[part="author"]')!.textContent === 'بقلم Oficina Metro', 'Arabic byline');
  });

  it('ignores garbage dates and reading times with a warning', async () => {
    const warnings = captureWarnings();
    const el = await fixture(html`<news-byline author="A B" published="not a date" reading-time="soon"></news-byline>`);
    warnings.restore();
    expect(shadow(el, 'time')).to.equal(null);
    expect(shadow(el, '[part="meta"]')!.textContent!.trim()).to.equal('');
    expect(warnings.messages.some((m) => m.includes('not a date'))).to.equal(true);
  });

  it('is accessible in Arabic, right to left and dark', async () => {
    const wrapper = await fixture(
      html`<div lang="ar" dir="rtl" style="color-scheme: dark; background: #111; color: #eee"><news-byline author="محمد علي" published=${hoursAgo(2)} reading-time="4"></news-byline></div>`,
    );
    await expect(wrapper).to.be.accessible();
    const el = wrapper.querySelector('news-byline')!;
    expect(shadow(el, '[part="avatar"]')!.getBoundingClientRect().left).to.be.greaterThan(shadow(el, '.text')!.getBoundingClientRect().left);
  });
});
