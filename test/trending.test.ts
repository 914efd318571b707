import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/trending/news-trending.js';
import type { NewsTrending } from '../src/trending/news-trending.js';
import { createFetchAdapter } from '../src/fetch-adapter.js';
import type { ArticleSummary, NewsAdapter } from '../src/core/types.js';
import { createMemoryAdapter } from '../src/memory-adapter/index.js';
import { captureWarnings, shadow, waitFor, xssPayloads } from './support/helpers.js';

const stories: ArticleSummary[] = Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, url: `/articles/s${i}`, headline: `Story number ${i}` }));
const links = html`<a href="/one">First link</a><a href="/two">Second link</a><a href="/three">Third link</a>`;

const ROTATE_MS = 7000;
const REFRESH_MS = 97000;

/**
 * The element's two timers, faked: a `setTimeout` of the rotation or refresh delay is kept until the
 * test fires it, so rotation and polling are checked as states, never by waiting.
 */
function fakeTimers() {
  const realSet = window.setTimeout;
  const realClear = window.clearTimeout;
  const pending = new Map<number, { run: () => void; ms: number }>();
  let nextId = 1e7;
  window.setTimeout = ((run: () => void, ms?: number, ...rest: unknown[]) => {
    if (ms !== ROTATE_MS && ms !== REFRESH_MS) return realSet(run, ms, ...rest);
    pending.set(nextId, { run, ms });
    return nextId++;
  }) as typeof setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (!pending.delete(id!)) realClear(id);
  }) as typeof clearTimeout;
  return {
    armed: (ms: number) => [...pending.values()].filter((timer) => timer.ms === ms).length,
    fire(ms: number) {
      for (const [id, timer] of pending) {
        if (timer.ms !== ms) continue;
        pending.delete(id);
        timer.run();
      }
    },
    restore() {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
    },
  };
}

/** The headline's entrance finished, so axe judges its real colours. */
const settledAnimations = (el: Element) => Promise.all(el.shadowRoot!.getAnimations().map((animation) => animation.finished));

const shownHeadlines = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part="link"]')].map((a) => a.textContent);
const current = (el: Element) => el.shadowRoot!.querySelector('.current [part="link"]')?.textContent;
const control = (el: Element) => shadow<HTMLButtonElement>(el, '[part="control"]');

function trendingAdapter(answer: (section: string | null, limit: number) => Promise<ArticleSummary[]>) {
  const calls: [string | null, number][] = [];
  const answers: Promise<unknown>[] = [];
  const adapter = {
    getTrending: (section: string | null, limit: number) => {
      calls.push([section, limit]);
      const answered = answer(section, limit);
      answers.push(answered.catch(() => undefined));
      return answered;
    },
  } as unknown as NewsAdapter;
  /** Resolves once every call so far has answered and the element has rendered the outcome. */
  const settled = async (el: NewsTrending) => {
    await Promise.all(answers);
    await el.updateComplete;
  };
  return { adapter, calls, settled };
}

describe('<news-trending>', () => {
  let timers: ReturnType<typeof fakeTimers>;
  beforeEach(() => (timers = fakeTimers()));
  afterEach(() => timers.restore());

  it('is accessible, rotating, paused and in dark mode', async () => {
    const el = await fixture<NewsTrending>(html`<news-trending rotate interval="7">${links}</news-trending>`);
    await settledAnimations(el);
    await expect(el).to.be.accessible();
    el.paused = true;
    el.style.colorScheme = 'dark';
    await el.updateComplete;
    await settledAnimations(el);
    await expect(el).to.be.accessible();
  });

  it('shows the top child link only without rotate, under the localized label', async () => {
    const el = await fixture<NewsTrending>(html`<news-trending>${links}</news-trending>`);
    expect(shownHeadlines(el)).to.deep.equal(['First link']);
    expect(shadow(el, '[part="link"]')!.getAttribute('href')).to.equal('/one');
    expect(shadow(el, '[part="label"]')!.textContent).to.equal('Trending');
    expect(shadow(el, '[part="list"]')!.getAttribute('aria-labelledby')).to.equal('label');
    expect(control(el)).to.equal(null);
    expect(timers.armed(ROTATE_MS)).to.equal(0);
  });

  it('rotates through every headline, one shown at a time, and wraps around', async () => {
    const el = await fixture<NewsTrending>(html`<news-trending rotate interval="7" label="Most read">${links}</news-trending>`);
    expect(shownHeadlines(el)).to.deep.equal(['First link', 'Second link', 'Third link']);
    expect(shadow(el, '[part="label"]')!.textContent).to.equal('Most read');
    expect(current(el)).to.equal('First link');
    expect(el.shadowRoot!.querySelectorAll('.current')).to.have.length(1);
    for (const expected of ['Second link', 'Third link', 'First link']) {
      expect(timers.armed(ROTATE_MS)).to.equal(1);
      timers.fire(ROTATE_MS);
      await el.updateComplete;
      expect(current(el)).to.equal(expected);
    }
    // The hidden headlines do not take clicks from the shown one.
    const hidden = el.shadowRoot!.querySelector('[part="item"]:not(.current)')!;
    expect(getComputedStyle(hidden).pointerEvents).to.equal('none');
    expect(getComputedStyle(hidden).opacity).to.equal('0');
  });

  it('the pause button stops and restarts rotation, by keyboard, with a localized name', async () => {
    const el = await fixture<NewsTrending>(html`<news-trending rotate interval="7">${links}</news-trending>`);
    const button = control(el)!;
    expect(button.getAttribute('aria-label')).to.equal('Pause trending headlines');
    button.focus();
    // Focus inside holds rotation, like the pointer.
    await el.updateComplete;
    expect(timers.armed(ROTATE_MS)).to.equal(0);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.paused).to.equal(true);
    expect(el.hasAttribute('paused')).to.equal(true);
    expect(button.getAttribute('aria-label')).to.equal('Play trending headlines');
    button.blur();
    await el.updateComplete;
    expect(timers.armed(ROTATE_MS)).to.equal(0);
    button.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.paused).to.equal(false);
    expect(button.getAttribute('aria-label')).to.equal('Pause trending headlines');
    button.blur();
    await el.updateComplete;
    expect(timers.armed(ROTATE_MS)).to.equal(1);
  });

  it('holds rotation while the pointer is over it, and shows a headline reached with Tab', async () => {
    const el = await fixture<NewsTrending>(html`<news-trending rotate interval="7">${links}</news-trending>`);
    const base = shadow(el, '[part="base"]')!;
    base.dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    expect(timers.armed(ROTATE_MS)).to.equal(0);
    base.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(timers.armed(ROTATE_MS)).to.equal(1);
    el.shadowRoot!.querySelectorAll<HTMLElement>('[part="link"]')[2]!.focus();
    await el.updateComplete;
    expect(current(el)).to.equal('Third link');
    expect(timers.armed(ROTATE_MS)).to.equal(0);
  });

  it('starts paused, with no animation, when the reader prefers reduced motion', async () => {
    const real = window.matchMedia;
    window.matchMedia = ((query: string) => ({ matches: query.includes('reduce'), media: query }) as MediaQueryList) as typeof matchMedia;
    try {
      const el = await fixture<NewsTrending>(html`<news-trending rotate interval="7">${links}</news-trending>`);
      expect(el.paused).to.equal(true);
      expect(control(el)!.getAttribute('aria-label')).to.equal('Play trending headlines');
      expect(timers.armed(ROTATE_MS)).to.equal(0);
    } finally {
      window.matchMedia = real;
    }
    // The animation itself is only declared for no-preference (the real media query decides).
    const styles = (customElements.get('news-trending') as unknown as { styles: { cssText: string }[] }).styles.map((s) => s.cssText).join('');
    expect(styles).to.match(/@media \(prefers-reduced-motion: no-preference\)\s*\{[^@]*animation: in/);
  });

  it('loads the section and limit from the adapter, replacing the links', async () => {
    const { adapter, calls } = trendingAdapter(async (_, limit) => stories.slice(0, limit));
    const el = await fixture<NewsTrending>(html`<news-trending rotate section="city" limit="3" .adapter=${adapter}>${links}</news-trending>`);
    await waitFor(() => shownHeadlines(el).length === 3 && shownHeadlines(el)[0] === 'Story number 0', 'API headlines');
    expect(calls).to.deep.equal([['city', 3]]);
    expect(shadow(el, '[part="link"]')!.getAttribute('href')).to.equal('/articles/s0');
  });

  it('keeps the links when the API fails or has nothing, and hides quietly with no links', async () => {
    for (const [answer, withLinks, expected] of [
      [async () => [], true, ['First link']],
      [async () => Promise.reject(new Error('HTTP 500')), true, ['First link']],
      [async () => Promise.reject(new Error('HTTP 500')), false, []],
      [async () => [], false, []],
    ] as const) {
      const { adapter, calls, settled } = trendingAdapter(answer);
      const warnings = captureWarnings();
      const errors: string[] = [];
      const el = await fixture<NewsTrending>(
        html`<news-trending .adapter=${adapter} @news-error=${(e: CustomEvent) => errors.push(e.detail.code)}
          >${withLinks ? links : ''}</news-trending
        >`,
      );
      await waitFor(() => calls.length === 1, 'the request');
      await settled(el);
      warnings.restore();
      expect(shownHeadlines(el)).to.deep.equal(expected);
      if (!withLinks) expect(shadow(el, '[part="base"]')).to.equal(null);
      const failed = answer.toString().includes('reject');
      expect(errors).to.deep.equal(failed ? ['load_failed'] : []);
      expect(warnings.messages.length).to.equal(failed ? 1 : 0);
      if (failed) expect(warnings.messages[0]).to.contain('<news-trending>');
    }
  });

  it('reserves one line while loading, the same height as links and headlines', async () => {
    const memory = createMemoryAdapter({ articles: stories.map((s) => ({ ...s, blocks: [] })), reads: { s2: 5, s4: 9 } });
    memory.hang('getTrending');
    const el = await fixture<NewsTrending>(html`<news-trending rotate .adapter=${memory}></news-trending>`);
    const base = () => shadow(el, '[part="base"]')!;
    expect(base().getAttribute('aria-busy')).to.equal('true');
    expect(shadow(el, '[aria-hidden] span:empty')).to.not.equal(null);
    const skeleton = el.getBoundingClientRect().height;
    memory.recover();
    await waitFor(() => shownHeadlines(el).length === 2, 'headlines');
    expect(shownHeadlines(el)).to.deep.equal(['Story number 4', 'Story number 2']);
    expect(base().getAttribute('aria-busy')).to.equal('false');
    expect(el.getBoundingClientRect().height).to.equal(skeleton);
    const linked = await fixture<NewsTrending>(html`<news-trending rotate>${links}</news-trending>`);
    expect(linked.getBoundingClientRect().height).to.equal(skeleton);
    // A long headline stays on one line.
    el.items = [{ url: '/long', headline: 'A very long headline '.repeat(30) }];
    await el.updateComplete;
    expect(el.getBoundingClientRect().height).to.equal(skeleton);
  });

  it('checks for a new list every `refresh` seconds and shows it', async () => {
    const memory = createMemoryAdapter({ articles: stories.map((s) => ({ ...s, blocks: [] })), reads: { s1: 3 } });
    const el = await fixture<NewsTrending>(html`<news-trending refresh="97" .adapter=${memory}></news-trending>`);
    await waitFor(() => current(el) === 'Story number 1', 'first list');
    expect(timers.armed(REFRESH_MS)).to.equal(1);
    memory.setTrendingPicks(null, ['s5', 's1']);
    timers.fire(REFRESH_MS);
    await waitFor(() => current(el) === 'Story number 5', 'the editor list');
    expect(memory.calls.filter((call) => call.method === 'getTrending')).to.have.length(2);
    expect(timers.armed(REFRESH_MS)).to.equal(1);
    el.remove();
    expect(timers.armed(REFRESH_MS)).to.equal(0);
  });

  it('speaks the page language and direction', async () => {
    for (const [lang, label, pause] of [
      ['es', 'Tendencias', 'Pausar los titulares en tendencia'],
      ['ar', 'الأكثر رواجًا', 'إيقاف تبديل العناوين الرائجة مؤقتًا'],
    ]) {
      const wrapper = await fixture(html`<div lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'}><news-trending rotate>${links}</news-trending></div>`);
      const el = wrapper.querySelector('news-trending')!;
      await waitFor(() => shadow(el, '[part="label"]')!.textContent === label, `${lang} label`);
      expect(control(el)!.getAttribute('aria-label')).to.equal(pause);
      if (lang === 'ar') {
        const label = shadow(el, '[part="label"]')!.getBoundingClientRect();
        expect(label.right).to.be.closeTo(el.getBoundingClientRect().right - 12, 1);
        await settledAnimations(el);
        await expect(wrapper).to.be.accessible();
      }
    }
  });

  it('renders headlines as text and links only to http(s) or relative URLs', async () => {
    const items = xssPayloads.flatMap((payload) => [
      { url: payload, headline: 'Unsafe link' },
      { url: '/safe', headline: payload },
    ]);
    const el = await fixture<NewsTrending>(html`<news-trending rotate limit="20" .items=${items}></news-trending>`);
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="link"]')];
    expect(links.length).to.be.greaterThan(xssPayloads.length);
    expect(links.every((a) => a.protocol === 'http:' || a.protocol === 'https:')).to.equal(true);
    expect(shownHeadlines(el)).to.include('<img src=x onerror="window.__xss=1">');
    expect(el.shadowRoot!.querySelector('img, script, svg [onload]')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('the fetch adapter asks GET /trending with the section and limit', async () => {
    const urls: string[] = [];
    const adapter = createFetchAdapter({
      endpoint: 'https://api.example/v1',
      fetch: async (url) => {
        urls.push(String(url));
        return new Response(JSON.stringify(stories.slice(0, 2)), { status: 200 });
      },
    });
    expect((await adapter.getTrending!('city', 2)).map((s) => s.id)).to.deep.equal(['s0', 's1']);
    expect(await adapter.getTrending!(null, 5)).to.have.length(2);
    expect(urls).to.deep.equal(['https://api.example/v1/trending?section=city&limit=2', 'https://api.example/v1/trending?limit=5']);
  });
});
