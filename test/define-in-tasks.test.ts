import { expect } from '@open-wc/testing';
import { defineElement, deferDefinitions } from '../src/core/news-element.js';

// The CDN bundle turns this on for the whole page, so it has a test page of its own.
describe('deferDefinitions()', () => {
  it('hands every definition to the hook, which defines it when it chooses', async () => {
    const asked: [string, () => void][] = [];
    deferDefinitions((tag, define) => asked.push([tag, define]));
    const upgraded: string[] = [];
    const make = (name: string) =>
      class extends HTMLElement {
        connectedCallback() {
          upgraded.push(name);
        }
      };
    document.body.insertAdjacentHTML('beforeend', '<x-first></x-first><x-second></x-second>');
    defineElement('x-first', make('first'));
    defineElement('x-second', make('second'));
    expect(asked.map(([tag]) => tag)).to.deep.equal(['x-first', 'x-second']);
    expect(customElements.get('x-first'), 'nothing is defined until the hook says so').to.equal(undefined);

    asked[1][1]();
    expect(upgraded).to.deep.equal(['second']);
    expect(customElements.get('x-first')).to.equal(undefined);
    asked[0][1]();
    expect(upgraded).to.deep.equal(['second', 'first']);
    document.body.replaceChildren();
  });
});
