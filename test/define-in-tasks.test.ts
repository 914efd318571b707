import { expect } from '@open-wc/testing';
import { defineElement, defineInTasks } from '../src/core/news-element.js';

// The CDN bundle turns this on for the whole page, so it has a test page of its own.
describe('defineInTasks()', () => {
  it('defines queued elements in order, one per task, each upgraded and rendered within its task', async () => {
    defineInTasks();
    const log: string[] = [];
    const make = (name: string) =>
      class extends HTMLElement {
        connectedCallback() {
          log.push(`upgrade ${name}`);
          queueMicrotask(() => log.push(`render ${name}`));
        }
      };
    document.body.insertAdjacentHTML('beforeend', '<x-first></x-first><x-second></x-second><x-third></x-third>');
    defineElement('x-first', make('first'));
    defineElement('x-second', make('second'));
    defineElement('x-third', make('third'));
    expect(customElements.get('x-first'), 'nothing is defined in the calling task').to.equal(undefined);

    await customElements.whenDefined('x-first');
    await Promise.resolve();
    expect(customElements.get('x-second'), 'the second waits for the next task').to.equal(undefined);
    await customElements.whenDefined('x-third');
    await new Promise((resolve) => setTimeout(resolve));
    expect(log).to.deep.equal(['upgrade first', 'render first', 'upgrade second', 'render second', 'upgrade third', 'render third']);
    document.body.replaceChildren();
  });
});
