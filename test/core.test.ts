import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../src/also-read/news-also-read.js';
import type { NewsAlsoRead } from '../src/also-read/news-also-read.js';
import { configure, pageContext, providePage, type PageContext } from '../src/core/context.js';
import { DataController } from '../src/core/data-controller.js';
import { addMessages, formatDate, formatNumber, loadMessages, msg, registerMessages } from '../src/core/i18n.js';
import { formatRelative } from '../src/core/relative-time.js';
import { defineElement, NewsElement } from '../src/core/news-element.js';
import { safeUrl } from '../src/core/safe-url.js';
import type { ArticleSummary, NewsAdapter } from '../src/core/types.js';
import { captureWarnings, shadow, waitFor } from './support/helpers.js';

describe('safeUrl', () => {
  it('keeps http(s) and relative URLs', () => {
    for (const url of ['https://example.com/a?b#c', 'http://x.test', '/articles/1', 'articles/1', '#comments', '?page=2', '//cdn.example.com/x.png']) {
      expect(safeUrl(url), url).to.equal(url);
    }
    expect(safeUrl('  /padded  ')).to.equal('/padded');
  });

  it('refuses every other scheme, however it is disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\nscript:alert(1)',
      'java\tscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      'blob:https://x/y',
      'mailto:a@b.c',
      '',
      '   ',
      null,
      undefined,
    ]) {
      expect(safeUrl(url), JSON.stringify(url)).to.equal(null);
    }
  });
});

describe('defineElement', () => {
  it('warns instead of throwing when the tag is already taken', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warnings = captureWarnings();
    defineElement('news-test-twice', First);
    defineElement('news-test-twice', First);
    expect(warnings.messages).to.have.length(0);
    expect(() => defineElement('news-test-twice', Second)).not.to.throw();
    warnings.restore();
    expect(customElements.get('news-test-twice')).to.equal(First);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('<news-test-twice> is already defined');
  });
});

describe('NewsElement', () => {
  class Broken extends NewsElement {
    override render(): never {
      throw new Error('boom');
    }
  }
  defineElement('news-test-broken', Broken);

  it('contains a failing render: warns, emits news-error, breaks nothing else', async () => {
    const warnings = captureWarnings();
    const errors: unknown[] = [];
    const wrapper = await fixture(
      html`<div @news-error=${(e: CustomEvent) => errors.push(e.detail)}><news-test-broken></news-test-broken><news-also-read href="/x" headline="Still here"></news-also-read></div>`,
    );
    await (wrapper.lastElementChild as NewsAlsoRead).updateComplete;
    warnings.restore();
    expect(warnings.messages[0]).to.contain('<news-test-broken>');
    expect(errors[0]).to.include({ element: 'news-test-broken', code: 'render_failed' });
    expect(shadow(wrapper.lastElementChild!, 'a')!.textContent).to.equal('Still here');
  });
});

describe('i18n', () => {
  before(async () => {
    await loadMessages('es');
    await loadMessages('ar');
  });

  it('falls back to English for unknown languages and keys', () => {
    expect(msg('fr', 'alsoRead.label')).to.equal('Also read');
    expect(msg('en', 'no.such.key')).to.equal('no.such.key');
    expect(msg('!!not a tag', 'alsoRead.label')).to.equal('Also read');
  });

  it('uses the base language of a regional tag', () => {
    expect(msg('es-MX', 'alsoRead.label')).to.equal('Lee también');
    expect(msg('ar-EG', 'alsoRead.label')).to.equal('اقرأ أيضًا');
  });

  it('chooses plural forms, with an explicit zero, and formats numbers for the locale', () => {
    registerMessages('en', { 'test.count': { zero: 'No comments', one: '{count} comment', other: '{count} comments' } });
    registerMessages('ar', {
      'test.count': { zero: 'لا تعليقات', one: 'تعليق واحد', two: 'تعليقان', few: '{count} تعليقات', many: '{count} تعليقًا', other: '{count} تعليق' },
    });
    expect(msg('en', 'test.count', { count: 0 })).to.equal('No comments');
    expect(msg('en', 'test.count', { count: 1 })).to.equal('1 comment');
    expect(msg('en', 'test.count', { count: 1234 })).to.equal('1,234 comments');
    expect(msg('ar', 'test.count', { count: 2 })).to.equal('تعليقان');
    expect(msg('ar', 'test.count', { count: 3 })).to.equal(`${formatNumber('ar', 3)} تعليقات`);
    expect(msg('es', 'test.count', { count: 5 })).to.equal('5 comments');
  });

  it("has only the strings of the elements loaded, and loads a later element's catalog at once", async () => {
    // This page loaded the also-read element, not the did-you-know box.
    expect(msg('es', 'alsoRead.previewFailed')).to.equal('Vista previa no disponible.');
    expect(msg('es', 'didYouKnow.heading')).to.equal('didYouKnow.heading');
    // Spanish is loaded: an element module arriving now has its Spanish fetched at once.
    let loads = 0;
    addMessages(
      { 'test.late': 'Late' },
      { es: async () => (loads++, { default: { 'test.late': 'Tarde' } }), fr: async () => (loads++, { default: { 'test.late': 'Tard' } }) },
    );
    await loadMessages('es');
    expect(msg('es', 'test.late')).to.equal('Tarde');
    expect(loads, 'French is not loaded before a page needs it').to.equal(1);
  });

  it('lets a publisher override wording and add a language', () => {
    registerMessages('fr', { 'alsoRead.label': 'À lire aussi' });
    expect(msg('fr-BE', 'alsoRead.label')).to.equal('À lire aussi');
    expect(msg('fr', 'common.retry')).to.equal('Try again');
  });

  it('formats dates and recent times with Intl', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(formatRelative('en', new Date('2026-11-30T09:00:00Z'), now)).to.equal('3 hours ago');
    expect(formatRelative('es', new Date('2026-11-30T09:00:00Z'), now)).to.equal('hace 3 horas');
    expect(formatRelative('en', new Date('2026-11-29T12:00:00Z'), now)).to.equal('yesterday');
    expect(formatRelative('en', new Date('2026-10-01T12:00:00Z'), now)).to.equal(null);
    const date = new Date('2026-11-28T09:30:00Z');
    expect(formatDate('en', date, { dateStyle: 'long', timeZone: 'UTC' })).to.equal('November 28, 2026');
    expect(formatDate('es', date, { dateStyle: 'long', timeZone: 'UTC' })).to.equal('28 de noviembre de 2026');
    expect(formatDate('ar', date, { dateStyle: 'long', timeZone: 'UTC' })).to.contain('نوفمبر');
  });

  it('writes English plurals, small numbers and relative times exactly as Intl does, without it', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const englishes = ['en', 'en-US', 'en-GB', 'en-AU', 'en-CA', 'en-IN', 'EN-gb'];
    registerMessages('en', { 'test.n': { one: 'one {count}', other: 'other {count}' } });
    for (const locale of englishes) {
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      const plural = new Intl.PluralRules(locale);
      const number = new Intl.NumberFormat(locale);
      // Every second from one minute ahead (clock skew) to a week ago passes through each unit's forms.
      for (let seconds = 60; seconds >= -7 * 24 * 3600; seconds -= seconds > -120 ? 1 : seconds > -7200 ? 30 : 600) {
        const text = formatRelative(locale, new Date(now.getTime() + seconds * 1000), now);
        const abs = Math.abs(seconds);
        const [value, unit] =
          abs < 60
            ? [seconds, 'second']
            : abs < 3600
              ? [seconds / 60, 'minute']
              : abs < 86400
                ? [seconds / 3600, 'hour']
                : abs < 604800
                  ? [seconds / 86400, 'day']
                  : [seconds / 604800, 'week'];
        expect(text, `${locale} ${seconds}s`).to.equal(rtf.format(Math.round(value), unit as Intl.RelativeTimeFormatUnit));
      }
      for (const n of [0, 1, 2, 5, 11, 21, 100, 999, 1000, 1234, 1e6, 1.5, 0.5, -1, -0, -5]) {
        expect(formatNumber(locale, n), `${locale} ${n}`).to.equal(number.format(n));
        expect(msg(locale, 'test.n', { count: n }), `${locale} plural ${n}`).to.equal(`${plural.select(n)} ${number.format(n)}`);
      }
    }
    // Other languages, and English with a Unicode extension, still go through Intl.
    expect(formatRelative('en-u-nu-arab', new Date('2026-11-30T09:00:00Z'), now)).to.equal('٣ hours ago');
    expect(formatNumber('en-u-nu-arab', 42)).to.equal('٤٢');
    expect(formatRelative('fr', new Date('2026-11-23T12:00:00Z'), now)).to.equal('la semaine dernière');
  });
});

describe('DataController', () => {
  class Host extends LitElement {
    static override properties = { key: {} };
    key?: string = 'a';
    /** Args each task ran with, and how to settle it. */
    calls: { args: readonly string[]; resolve: (value: string) => void; signal: AbortSignal }[] = [];
    skip = false;
    data = new DataController(this, {
      args: () => (this.key ? [this.key] : undefined),
      task: (args, signal) => (this.skip ? undefined : new Promise<string>((resolve) => this.calls.push({ args, resolve, signal }))),
    });
  }
  customElements.define('news-test-data-host', Host);

  it('drops a stale answer when run again', async () => {
    const host = await fixture<Host>(html`<news-test-data-host></news-test-data-host>`);
    const first = host.data.run();
    const second = host.data.run();
    host.calls[2].resolve('new');
    await second;
    host.calls[1].resolve('old');
    await first;
    expect(host.data.value).to.equal('new');
    expect(host.data.status).to.equal('ready');
  });

  it('loads when the args change, not when they stay the same or go away', async () => {
    const host = await fixture<Host>(html`<news-test-data-host></news-test-data-host>`);
    expect(host.data.status).to.equal('loading');
    host.calls[0].resolve('for a');
    await waitFor(() => host.data.status === 'ready', 'first load');
    host.requestUpdate();
    await host.updateComplete;
    host.key = undefined;
    await host.updateComplete;
    host.key = 'a';
    await host.updateComplete;
    expect(host.calls.map((call) => call.args)).to.deep.equal([['a']]);
    expect(host.data.value).to.equal('for a');
    host.key = 'b';
    await host.updateComplete;
    expect(host.calls.map((call) => call.args)).to.deep.equal([['a'], ['b']]);
    host.key = 'c';
    await host.updateComplete;
    expect(host.calls[1].signal.aborted, 'the load for b is aborted').to.equal(true);
    host.calls[2].resolve('for c');
    await waitFor(() => host.data.status === 'ready', 'load for c');
    expect(host.data.value).to.equal('for c');
  });

  it('stays idle when the task skips the args, and starts over after leaving mid-load', async () => {
    const host = document.createElement('news-test-data-host') as Host;
    host.skip = true;
    document.body.append(host);
    await host.updateComplete;
    expect([host.data.status, host.calls.length]).to.deep.equal(['idle', 0]);
    host.skip = false;
    host.key = 'b';
    await host.updateComplete;
    expect(host.data.status).to.equal('loading');
    host.remove();
    expect([host.data.status, host.calls[0].signal.aborted]).to.deep.equal(['idle', true]);
    document.body.append(host);
    host.requestUpdate();
    await host.updateComplete;
    expect(host.calls.map((call) => call.args)).to.deep.equal([['b'], ['b']]);
    host.remove();
  });
});

describe('page context resolution', () => {
  const originalFetch = window.fetch;
  let requested: string[] = [];

  beforeEach(() => {
    requested = [];
    window.fetch = async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      requested.push(new URL(url, location.href).pathname);
      return new Response(JSON.stringify({ id: 'x', url: '/x', headline: 'From fetch' }), { headers: { 'Content-Type': 'application/json' } });
    };
  });
  afterEach(() => {
    window.fetch = originalFetch;
    document.querySelector('meta[name="news-elements:endpoint"]')?.remove();
    configure({ endpoint: undefined, adapter: undefined });
  });

  const unfurl = async (template: ReturnType<typeof html>) => {
    const wrapper = await fixture(template);
    const el = wrapper.querySelector('news-also-read')!;
    await waitFor(() => shadow(el, 'a')?.textContent !== 'x', 'unfurl to settle');
    return shadow(el, 'a')!.textContent;
  };

  const stub = (headline: string) => ({ lookupArticle: async (): Promise<ArticleSummary> => ({ id: 'x', url: '/x', headline }) }) as unknown as NewsAdapter;

  it('falls back to the <meta> endpoint, then prefers configure(), then the nearest provider, then the element', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'news-elements:endpoint', content: '/meta-api' });
    document.head.append(meta);
    configure({});
    expect(await unfurl(html`<div><news-also-read href="/x" unfurl loading="eager">x</news-also-read></div>`)).to.equal('From fetch');
    expect(requested).to.deep.equal(['/meta-api/articles/lookup']);

    configure({ endpoint: '/configured-api' });
    expect(await unfurl(html`<div><news-also-read href="/x" unfurl loading="eager">x</news-also-read></div>`)).to.equal('From fetch');
    expect(requested[1]).to.equal('/configured-api/articles/lookup');

    const provider = document.createElement('div');
    providePage(provider, { adapter: stub('From provider') }).hostConnected();
    const wrapped = await fixture(html`<div></div>`);
    wrapped.append(provider);
    provider.innerHTML = '<news-also-read href="/x" unfurl loading="eager">x</news-also-read>';
    const inner = provider.querySelector('news-also-read')!;
    await waitFor(() => shadow(inner, 'a')?.textContent === 'From provider', 'provider adapter');

    const own = document.createElement('news-also-read') as NewsAlsoRead;
    Object.assign(own, { href: '/x', unfurl: true, loading: 'eager', adapter: stub('From element') });
    provider.append(own);
    await waitFor(() => shadow(own, 'a')?.textContent === 'From element', 'own adapter');
    expect(requested).to.have.length(2);
  });

  class PageProbe extends NewsElement {
    get context(): PageContext | undefined {
      return this.page;
    }
  }
  defineElement('news-test-page-probe', PageProbe);

  it('moves elements to a provider that connects after them, as a late-upgrading <news-article> does', async () => {
    const outer = await fixture<HTMLElement>(html`<div><news-test-page-probe></news-test-page-probe></div>`);
    const probe = outer.querySelector<PageProbe>('news-test-page-probe')!;
    expect(probe.context).to.deep.equal({});

    const article = providePage(outer, { articleId: 'late' });
    article.hostConnected();
    expect(probe.context).to.deep.equal({ articleId: 'late' });
    article.setValue({ articleId: 'changed' });
    expect(probe.context).to.deep.equal({ articleId: 'changed' });
    // Its subscription to the page-level provider ended: page-wide changes no longer reach it.
    configure({ adapter: stub('From page') });
    expect(probe.context).to.deep.equal({ articleId: 'changed' });

    // Moved out of the provider, it asks again, the page answers, and the old provider forgot it.
    document.body.append(probe);
    try {
      expect(probe.context!.adapter).to.not.equal(undefined);
      article.setValue({ articleId: 'gone' });
      expect(probe.context!.articleId).to.equal(undefined);
    } finally {
      probe.remove();
    }
  });

  it('answers requests sent by other implementations of the context protocol', async () => {
    const adapter = stub('From page');
    configure({ adapter });
    const consumer = await fixture(html`<span></span>`);
    const values: unknown[] = [];
    const request = Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
      context: pageContext,
      callback: (value: unknown) => values.push(value),
    });
    consumer.dispatchEvent(request);
    expect(values).to.deep.equal([{ adapter }]);
  });
});
