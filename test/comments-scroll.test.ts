import { expect, fixture, html } from '@open-wc/testing';
import '../src/comments/news-comments.js';
import type { NewsComments } from '../src/comments/news-comments.js';
import { createMemoryAdapter } from '../src/memory-adapter/index.js';
import { createDemoSeed, DEMO_THREAD_ID } from '../src/memory-adapter/demo-seed.js';
import { waitFor } from './support/helpers.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('<news-comments> under a reader who scrolls past it', () => {
  it('does not move the paragraph the reader is looking at when its comments arrive while it is on screen', async () => {
    // The answer waits until the reader is in place: a gate, not a timer.
    let answer!: () => void;
    const gate = new Promise<void>((resolve) => (answer = resolve));
    const memory = createMemoryAdapter(createDemoSeed({ extraComments: 12 }));
    const adapter = new Proxy(memory, {
      get: (target, key, receiver) => {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (key !== 'listComments' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          await gate;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const wrapper = await fixture(html`<div style="width: 375px">
      <news-comments thread-id=${DEMO_THREAD_ID} loading="eager" .adapter=${adapter}></news-comments>
      <p id="reading">The paragraph the reader is reading, below the comment thread.</p>
      <div style="height: 4000px"></div>
    </div>`);
    const el = wrapper.querySelector<NewsComments>('news-comments')!;
    const paragraph = wrapper.querySelector('#reading')!;
    await waitFor(() => el.shadowRoot?.querySelector('.skeleton'), 'loading skeleton');
    // The thread's heading has scrolled away; the end of its skeleton and the paragraph are on screen.
    const place = async () => {
      window.scrollTo(0, paragraph.getBoundingClientRect().top + window.scrollY - 100);
      await frame();
      await frame();
    };
    await place();
    await place();
    const top = paragraph.getBoundingClientRect().top;
    expect(top).to.be.within(0, innerHeight - 20);
    answer();
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part="list"] > li article').length > 3, 'comments');
    await el.updateComplete;
    await frame();
    expect(paragraph.getBoundingClientRect().top).to.be.closeTo(top, 1);
    window.scrollTo(0, 0);
  });
});
