import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/poll/news-poll.js';
import type { NewsPoll } from '../src/poll/news-poll.js';
import { percentages } from '../src/poll/percentages.js';
import { createMemoryAdapter, type MemoryAdapter } from '../src/memory-adapter/index.js';
import type { NewsVoteEvent } from '../src/core/events.js';
import type { LiveEvent, NewsAdapter, Poll } from '../src/core/types.js';
import { captureWarnings, shadow, waitFor, xssPayloads } from './support/helpers.js';
import { bridgePoll as demoPoll } from '../stories/support/story-helpers.js';

const QUESTION = 'What is the most credible next step after the bridge inspection report?';

/** The demo poll: 187 + 142 + 68 + 127 = 524 votes. */
function bridgePoll(overrides: Partial<Poll> = {}): Poll {
  return {
    id: 'bridge',
    question: QUESTION,
    options: [
      { id: 'toll', label: 'A $2.50 toll', votes: 187 },
      { id: 'bond', label: 'A 30-year bond', votes: 142 },
      { id: 'rates', label: 'Higher property rates', votes: 68 },
      { id: 'blend', label: 'A smaller toll and a shorter bond', votes: 127 },
    ],
    totalVotes: 524,
    multiple: false,
    maxChoices: null,
    status: 'open',
    closesAt: null,
    results: 'after-vote',
    myVote: null,
    ...overrides,
  };
}

function memory(poll: Poll = bridgePoll(), latencyMs = 0): MemoryAdapter {
  return createMemoryAdapter({ polls: [poll] }, { latencyMs });
}

/** A poll element loaded eagerly from `adapter`, waited until its results or choices show. */
async function loaded(adapter: NewsAdapter, attrs: { pollId?: string; results?: string } = {}) {
  const el = await fixture<NewsPoll>(
    html`<news-poll poll-id=${attrs.pollId ?? 'bridge'} loading="eager" results=${ifDefined(attrs.results)} .adapter=${adapter}></news-poll>`,
  );
  await waitFor(() => shadow(el, 'input, .result') && el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy') === 'false', 'poll loaded');
  return el;
}

const inputs = (el: NewsPoll) => Array.from(el.shadowRoot!.querySelectorAll<HTMLInputElement>('input'));
const voteButton = (el: NewsPoll) => shadow<HTMLButtonElement>(el, '[part="vote-button"]')!;
const results = (el: NewsPoll) => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[part="result"]'));
const status = (el: NewsPoll) => shadow(el, '[role="status"]')!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const shares = (el: NewsPoll) => results(el).map((row) => text(row.querySelector('.share')));
const total = (el: NewsPoll) => text(shadow(el, '[part="total"]'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Creates a fixture that is expected to warn (no adapter), with console.warn captured until the
 * warning came: it is written once the element meets the viewport, a few frames later.
 */
async function quietFixture<T extends Element>(template: ReturnType<typeof html>): Promise<T> {
  const warnings = captureWarnings();
  try {
    const el = await fixture<T>(template);
    for (let i = 0; i < 20 && !warnings.messages.length; i++) await frame();
    return el;
  } finally {
    warnings.restore();
  }
}

async function choose(el: NewsPoll, index: number) {
  inputs(el)[index].click();
  await el.updateComplete;
}

describe('<news-poll>', () => {
  it('is accessible', async () => {
    const el = await quietFixture(html`<news-poll question=${QUESTION}><option value="a">Yes</option><option value="b">No</option></news-poll>`);
    await expect(el).to.be.accessible();
  });

  it('percentages sum to exactly 100 by largest remainder', () => {
    expect(percentages([1, 1, 1])).to.deep.equal([34, 33, 33]);
    expect(percentages([187, 142, 68, 127])).to.deep.equal([36, 27, 13, 24]);
    expect(percentages([2, 2, 1, 1, 1])).to.deep.equal([29, 29, 14, 14, 14]);
    expect(percentages([0, 0])).to.deep.equal([0, 0]);
    expect(percentages([5, 0])).to.deep.equal([100, 0]);
    for (let i = 0; i < 200; i++) {
      const counts = Array.from({ length: 1 + (i % 12) }, () => Math.floor(Math.random() * 1000));
      const sum = percentages(counts).reduce((a, b) => a + b, 0);
      expect(sum).to.equal(counts.some(Boolean) ? 100 : 0);
    }
  });

  describe('attributes and properties', () => {
    it('reflects kebab-case attributes to camelCase properties', async () => {
      const el = await quietFixture<NewsPoll>(
        html`<news-poll poll-id="p1" question="Q?" multiple max-choices="2" results="always" closes-at="2099-01-01T00:00:00Z" live loading="eager"></news-poll>`,
      );
      const warnings = captureWarnings();
      expect(el.pollId).to.equal('p1');
      expect(el.question).to.equal('Q?');
      expect(el.multiple).to.equal(true);
      expect(el.maxChoices).to.equal(2);
      expect(el.results).to.equal('always');
      expect(el.closesAt).to.equal('2099-01-01T00:00:00Z');
      expect(el.live).to.equal(true);
      expect(el.loading).to.equal('eager');
      el.pollId = 'p2';
      el.multiple = false;
      el.live = false;
      await el.updateComplete;
      warnings.restore();
      expect(el.getAttribute('poll-id')).to.equal('p2');
      expect(el.hasAttribute('multiple')).to.equal(false);
      expect(el.hasAttribute('live')).to.equal(false);
    });

    it('accepts its data as the poll property', async () => {
      const el = await fixture<NewsPoll>(html`<news-poll .poll=${bridgePoll({ status: 'closed' })}></news-poll>`);
      expect(text(shadow(el, '[part="question"]'))).to.equal(QUESTION);
      expect(shares(el)).to.deep.equal(['36%', '27%', '13%', '24%']);
      expect(total(el)).to.equal('Total votes: 524');
    });
  });

  describe('inline source', () => {
    it('renders the question and child options at once, before any data', async () => {
      const adapter = memory(bridgePoll(), 10_000);
      const el = await fixture<NewsPoll>(
        html`<news-poll poll-id="bridge" loading="eager" question="Inline question?" .adapter=${adapter}>
          <option value="toll">Inline toll</option>
          <option value="bond">Inline bond</option>
        </news-poll>`,
      );
      expect(text(shadow(el, 'legend'))).to.equal('Inline question?');
      expect(inputs(el).map((input) => input.value)).to.deep.equal(['toll', 'bond']);
      expect(Array.from(el.shadowRoot!.querySelectorAll('.choice .label'), text)).to.deep.equal(['Inline toll', 'Inline bond']);
      expect(voteButton(el).disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('is readable before it upgrades', async () => {
      const wrapper = await fixture(
        html`<div><news-poll-not-yet question="Q?"><option value="a">First choice</option><option value="b">Second choice</option></news-poll-not-yet></div>`,
      );
      const option = wrapper.querySelector('option')!;
      expect(option.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(wrapper.textContent).to.contain('First choice');
    });

    it('lets the API poll win over the inline text', async () => {
      const adapter = memory();
      const el = await fixture<NewsPoll>(
        html`<news-poll poll-id="bridge" loading="eager" question="Old question?" .adapter=${adapter}><option value="x">Old label</option></news-poll>`,
      );
      await waitFor(() => text(shadow(el, 'legend')) === QUESTION, 'server question');
      expect(inputs(el).map((input) => input.value)).to.deep.equal(['toll', 'bond', 'rates', 'blend']);
      expect(text(el.shadowRoot!.querySelector('.choice'))).to.equal('A $2.50 toll');
    });

    it('follows the light DOM when options change', async () => {
      const el = await quietFixture<NewsPoll>(html`<news-poll question="Q?"><option value="a">A</option></news-poll>`);
      el.insertAdjacentHTML('beforeend', '<option value="b">B</option>');
      await waitFor(() => inputs(el).length === 2, 'second option');
    });

    it('says voting is unavailable for a poll-id with no adapter and nothing inline', async () => {
      const warnings = captureWarnings();
      const el = await fixture<NewsPoll>(html`<news-poll poll-id="bridge" loading="eager"></news-poll>`);
      await el.updateComplete;
      warnings.restore();
      expect(text(shadow(el, '[part="message"]'))).to.equal('Voting is unavailable right now.');
      expect(shadow(el, '.skeleton')).to.equal(null);
      expect(warnings.messages).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('shows an inline question above the skeleton while the choices load', async () => {
      const el = await fixture<NewsPoll>(
        html`<news-poll poll-id="bridge" loading="eager" question="Inline?" .adapter=${memory(bridgePoll(), 10_000)}></news-poll>`,
      );
      expect(text(shadow(el, '[part="question"]'))).to.equal('Inline?');
      expect(el.shadowRoot!.querySelectorAll('.skeleton .row')).to.have.length(4);
      expect(shadow(el, '.question-line')).to.equal(null);
      expect(el.shadowRoot!.textContent).to.not.contain('no choices');
      await expect(el).to.be.accessible();
    });

    it('shows disabled choices and "voting unavailable" without an adapter, with one warning', async () => {
      const warnings = captureWarnings();
      const errors: string[] = [];
      const wrapper = await fixture(
        html`<div @news-error=${(e: CustomEvent) => errors.push(e.detail.code)}>
          <news-poll poll-id="bridge" question="Q?" loading="eager"><option value="a">A</option><option value="b">B</option></news-poll>
        </div>`,
      );
      const el = wrapper.querySelector('news-poll')!;
      await el.updateComplete;
      await sleep(50);
      warnings.restore();
      expect(shadow<HTMLFieldSetElement>(el, 'fieldset')!.disabled).to.equal(true);
      expect(inputs(el).every((input) => input.matches(':disabled'))).to.equal(true);
      expect(voteButton(el).disabled).to.equal(true);
      expect(text(shadow(el, '[part="message"]'))).to.equal('Voting is unavailable right now.');
      expect(warnings.messages.filter((m) => m.includes('<news-poll>'))).to.have.length(1);
      expect(warnings.messages[0]).to.contain('adapter');
      expect(errors).to.deep.equal(['no_adapter']);
      await expect(el).to.be.accessible();
    });
  });

  describe('voting', () => {
    it('uses native radios in a fieldset with the question as legend', async () => {
      const el = await loaded(memory());
      const fieldset = shadow(el, 'fieldset')!;
      expect(text(fieldset.querySelector('legend'))).to.equal(QUESTION);
      expect(inputs(el).every((input) => input.type === 'radio' && input.closest('fieldset') === fieldset && input.closest('label'))).to.equal(true);
      expect(new Set(inputs(el).map((input) => input.name)).size).to.equal(1);
    });

    it('keeps the vote button disabled until a choice is made', async () => {
      const el = await loaded(memory());
      expect(voteButton(el).disabled).to.equal(true);
      await choose(el, 1);
      expect(voteButton(el).disabled).to.equal(false);
    });

    it('uses checkboxes with max-choices for a multiple-choice poll', async () => {
      const adapter = memory(bridgePoll({ multiple: true, maxChoices: 2 }));
      const el = await loaded(adapter);
      expect(inputs(el).every((input) => input.type === 'checkbox')).to.equal(true);
      expect(text(shadow(el, '.hint'))).to.equal('Choose up to 2 options.');
      expect(shadow(el, 'fieldset')!.getAttribute('aria-describedby')).to.equal('hint');
      await choose(el, 0);
      await choose(el, 2);
      expect(inputs(el).map((input) => input.disabled)).to.deep.equal([false, true, false, true]);
      await expect(el).to.be.accessible();
      const voted = oneEvent(el, 'news-vote');
      voteButton(el).click();
      expect((await voted).detail).to.deep.equal({ pollId: 'bridge', optionIds: ['toll', 'rates'] });
      await waitFor(() => results(el).filter((row) => row.classList.contains('mine')).length === 2, 'two marked choices');
    });

    it('shows results at once (optimistic), then fires news-vote, announces and moves focus', async () => {
      const adapter = memory(bridgePoll({ results: 'always' }), 300);
      const el = await loaded(adapter);
      expect(shadow(el, '[role="status"]')).to.not.equal(null);
      await choose(el, 0);
      const voted = oneEvent(el, 'news-vote');
      voteButton(el).click();
      await el.updateComplete;
      // Optimistic: the reader's vote is already counted while the request is in flight.
      expect(results(el)).to.have.length(4);
      expect(total(el)).to.equal('Total votes: 525');
      expect(text(results(el)[0])).to.contain('188 votes');
      expect(adapter.calls.filter((call) => call.method === 'vote')).to.have.length(1);
      const event: NewsVoteEvent = await voted;
      expect(event.detail).to.deep.equal({ pollId: 'bridge', optionIds: ['toll'] });
      expect(event.bubbles && event.composed).to.equal(true);
      await waitFor(() => text(status(el)) === 'Vote recorded. Total votes: 525', 'announcement');
      expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '[part="question"]'));
      expect(results(el)[0].classList.contains('mine')).to.equal(true);
      expect(text(results(el)[0].querySelector('.tag'))).to.equal('Your choice');
      await expect(el).to.be.accessible();
    });

    it('marks the choice at once but never guesses counts the server still hides', async () => {
      const adapter = memory(bridgePoll(), 300);
      const el = await loaded(adapter);
      await choose(el, 3);
      voteButton(el).click();
      await el.updateComplete;
      expect(results(el)[3].classList.contains('mine')).to.equal(true);
      expect(shadow(el, '[part="bar"]')).to.equal(null);
      expect(text(shadow(el, '.footer'))).to.equal('Sending your vote…');
      expect(shadow(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      await waitFor(() => total(el) === 'Total votes: 525', 'counts from the server');
      expect(shares(el)).to.deep.equal(['36%', '27%', '13%', '24%']);
    });

    it('rolls back with a message when the vote fails, and the retry works', async () => {
      const adapter = memory(bridgePoll(), 100);
      const el = await loaded(adapter);
      adapter.fail('vote', 'network', 1);
      const warnings = captureWarnings();
      const errors: string[] = [];
      el.addEventListener('news-error', (e) => errors.push(e.detail.code));
      await choose(el, 2);
      voteButton(el).click();
      await el.updateComplete;
      expect(results(el)).to.have.length(4);
      await waitFor(() => inputs(el).length === 4, 'form back');
      warnings.restore();
      expect(inputs(el)[2].checked).to.equal(true);
      expect(text(shadow(el, '.problem'))).to.equal('Your vote could not be sent. Please try again.');
      expect(text(status(el))).to.equal('Your vote could not be sent. Please try again.');
      expect(el.shadowRoot!.activeElement).to.equal(voteButton(el));
      expect(errors).to.deep.equal(['vote_failed']);
      expect(warnings.messages).to.have.length(1);
      await expect(el).to.be.accessible();
      voteButton(el).click();
      await waitFor(() => text(status(el)).startsWith('Vote recorded.'), 'second attempt recorded');
      expect(total(el)).to.equal('Total votes: 525');
    });

    it('treats 409 as "already voted" and shows the results', async () => {
      const adapter = memory();
      const el = await loaded(adapter);
      await adapter.vote('bridge', ['bond']);
      await choose(el, 0);
      voteButton(el).click();
      await waitFor(() => text(shadow(el, '.problem')) === 'You have already voted in this poll.', '409 message');
      await waitFor(() => results(el)[1]?.classList.contains('mine'), 'their earlier vote marked');
      expect(total(el)).to.equal('Total votes: 525');
      expect(inputs(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('treats 410 as closed', async () => {
      const adapter = memory();
      const el = await loaded(adapter);
      adapter.fail('vote', 410, 1);
      await choose(el, 0);
      voteButton(el).click();
      await waitFor(() => text(shadow(el, '.closed')) === 'Poll closed', 'closed note');
      expect(text(shadow(el, '.problem'))).to.equal('This poll has closed, so your vote was not counted.');
      expect(inputs(el)).to.have.length(0);
    });

    it('can be voted on with the keyboard alone', async () => {
      const adapter = memory();
      const el = await loaded(adapter);
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(inputs(el)[0]);
      await sendKeys({ press: ' ' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(inputs(el)[1].checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(voteButton(el));
      await sendKeys({ press: 'Enter' });
      await waitFor(() => text(status(el)).startsWith('Vote recorded.'), 'vote by keyboard');
      expect(adapter.calls.find((call) => call.method === 'vote')!.args).to.deep.equal(['bridge', ['bond']]);
      before.remove();
    });
  });

  describe('results', () => {
    it('shows a bar, a percentage and a count per option, summing to 100', async () => {
      const el = await loaded(memory(bridgePoll({ myVote: ['blend'] })));
      expect(shares(el)).to.deep.equal(['36%', '27%', '13%', '24%']);
      el.shadowRoot!.getAnimations().forEach((animation) => animation instanceof CSSTransition && animation.finish());
      const bars = results(el).map((row) => row.querySelector<HTMLElement>('[part="bar"]')!);
      const widths = bars.map((bar) => bar.getBoundingClientRect().width);
      // 36% > 27% > 24% > 13%
      expect(widths[0]).to.be.greaterThan(widths[1]);
      expect(widths[1]).to.be.greaterThan(widths[3]);
      expect(widths[3]).to.be.greaterThan(widths[2]);
      expect(widths[0] / widths[2]).to.be.closeTo(36 / 13, 0.1);
      expect(text(results(el)[0].querySelector('.count'))).to.equal('187 votes');
      expect(total(el)).to.equal('Total votes: 524');
    });

    it('exposes label, percentage and count of each result as text', async () => {
      const el = await loaded(memory(bridgePoll({ myVote: ['blend'] })));
      expect(text(results(el)[0])).to.equal('A $2.50 toll 187 votes 36%');
      expect(text(results(el)[3])).to.equal('A smaller toll and a shorter bond Your choice 127 votes 24%');
      expect(results(el)[0].querySelector('[part="bar"]')!.textContent).to.equal('');
      expect(shadow(el, 'ul[part="results"]')).to.not.equal(null);
    });

    it('formats the total and counts for the locale', async () => {
      const poll = bridgePoll({
        options: [
          { id: 'a', label: 'A', votes: 1234 },
          { id: 'b', label: 'B', votes: 1 },
        ],
        totalVotes: 1235,
        status: 'closed',
      });
      const wrapper = await fixture(html`<div lang="es"><news-poll .poll=${poll}></news-poll></div>`);
      const el = wrapper.querySelector('news-poll')!;
      await waitFor(() => total(el) === 'Total de votos: 1235' || total(el) === 'Total de votos: 1.235', 'Spanish total');
      expect(text(results(el)[1].querySelector('.count'))).to.equal('1 voto');
      expect(text(shadow(el, '.closed'))).to.equal('Encuesta cerrada');
      const en = await fixture<NewsPoll>(html`<news-poll .poll=${poll}></news-poll>`);
      expect(total(en)).to.equal('Total votes: 1,235');
    });

    it('shows results on load to a reader who already voted', async () => {
      const el = await loaded(memory(bridgePoll({ myVote: ['bond'] })));
      expect(inputs(el)).to.have.length(0);
      expect(results(el)[1].classList.contains('mine')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('after-vote: hides the counts until the reader votes', async () => {
      const el = await loaded(memory());
      expect(results(el)).to.have.length(0);
      expect(el.shadowRoot!.textContent).to.not.contain('524');
      expect(shadow(el, '.secondary')).to.equal(null);
    });

    it('always: offers the results before voting and comes back to the choices', async () => {
      const el = await loaded(memory(bridgePoll({ results: 'always' })));
      const show = shadow<HTMLButtonElement>(el, 'button.secondary')!;
      expect(text(show)).to.equal('Show results');
      show.click();
      await el.updateComplete;
      expect(shares(el)).to.deep.equal(['36%', '27%', '13%', '24%']);
      expect(el.shadowRoot!.activeElement).to.equal(shadow(el, '[part="question"]'));
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, 'button.secondary')!.click();
      await el.updateComplete;
      expect(inputs(el)).to.have.length(4);
      expect(el.shadowRoot!.activeElement).to.equal(inputs(el)[0]);
    });

    it('after-close: never guesses hidden counts, even after voting', async () => {
      const adapter = memory(bridgePoll({ results: 'after-close' }), 50);
      const el = await loaded(adapter);
      await choose(el, 1);
      voteButton(el).click();
      await el.updateComplete;
      expect(shares(el).every((share) => share === '')).to.equal(true);
      await waitFor(() => text(status(el)) === 'Vote recorded.', 'announced without a total');
      expect(text(shadow(el, '.message'))).to.equal('Thanks for voting. Results will be shown when the poll closes.');
      expect(results(el)[1].classList.contains('mine')).to.equal(true);
      expect(shadow(el, '[part="bar"]')).to.equal(null);
      expect(shadow(el, '[part="total"]')).to.equal(null);
      expect(el.shadowRoot!.textContent).to.not.match(/\d+ votes|%/);
      await expect(el).to.be.accessible();
    });

    it('the results attribute can only make the server stricter', async () => {
      const el = await loaded(memory(bridgePoll({ results: 'always', myVote: ['toll'] })), { results: 'after-close' });
      expect(shadow(el, '[part="bar"]')).to.equal(null);
      expect(text(shadow(el, '.message'))).to.contain('Results will be shown when the poll closes.');
    });

    it('shows final results and "Poll closed" when closes-at has passed', async () => {
      const el = await fixture<NewsPoll>(html`<news-poll .poll=${bridgePoll({ closesAt: new Date(Date.now() - 60_000).toISOString() })}></news-poll>`);
      expect(text(shadow(el, '.closed'))).to.equal('Poll closed');
      expect(shares(el)).to.deep.equal(['36%', '27%', '13%', '24%']);
      expect(inputs(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('shows final results when the server says closed, and closes itself when closes-at passes', async () => {
      const closed = await loaded(memory(bridgePoll({ status: 'closed' })));
      expect(text(shadow(closed, '.closed'))).to.equal('Poll closed');
      const soon = new Date(Date.now() + 400).toISOString();
      const el = await quietFixture<NewsPoll>(html`<news-poll .poll=${bridgePoll({ closesAt: soon })}></news-poll>`);
      expect(text(shadow(el, '.note'))).to.match(/^Voting closes /);
      await waitFor(() => text(shadow(el, '.closed')) === 'Poll closed', 'closed by the clock');
    });
  });

  describe('live', () => {
    it('follows other readers’ votes, at most once a second', async () => {
      const adapter = memory(bridgePoll({ myVote: ['toll'] }));
      const el = await fixture<NewsPoll>(html`<news-poll poll-id="bridge" live loading="eager" .adapter=${adapter}></news-poll>`);
      await waitFor(() => total(el) === 'Total votes: 524', 'loaded');
      const seen: string[] = [];
      const observer = new MutationObserver(() => {
        const value = total(el);
        if (seen.at(-1) !== value) seen.push(value);
      });
      observer.observe(el.shadowRoot!, { subtree: true, characterData: true, childList: true });
      const started = performance.now();
      for (let i = 0; i < 5; i++) {
        adapter.simulateVotes('bridge', { rates: 10 });
        await sleep(100);
      }
      await waitFor(() => total(el) === 'Total votes: 574', 'all live votes', 4000);
      observer.disconnect();
      // Five pushes within half a second: at most one update now and one a second later.
      expect(seen.length).to.be.at.most(2);
      expect(performance.now() - started).to.be.greaterThan(900);
      expect(text(results(el)[2].querySelector('.count'))).to.equal('118 votes');
      // Live updates do not move the reader's focus or announce anything.
      expect(text(status(el))).to.equal('');
    });

    it('does not shift the layout when results change', async () => {
      const adapter = memory(bridgePoll({ myVote: ['toll'] }));
      const el = await fixture<NewsPoll>(html`<news-poll poll-id="bridge" live loading="eager" .adapter=${adapter}></news-poll>`);
      await waitFor(() => total(el) === 'Total votes: 524', 'loaded');
      const height = el.getBoundingClientRect().height;
      const labels = results(el).map((row) => row.querySelector('.label')!.getBoundingClientRect().left);
      adapter.simulateVotes('bridge', { rates: 9000 });
      await waitFor(() => total(el) === 'Total votes: 9,524', 'big live update', 3000);
      expect(el.getBoundingClientRect().height).to.equal(height);
      expect(results(el).map((row) => row.querySelector('.label')!.getBoundingClientRect().left)).to.deep.equal(labels);
    });

    it('unsubscribes when it leaves the page and subscribes again when it comes back', async () => {
      const log: string[] = [];
      const base = memory(bridgePoll({ myVote: ['toll'] }));
      const adapter: NewsAdapter = {
        ...base,
        subscribe: (channel: string, onEvent: (event: LiveEvent) => void) => {
          log.push(`subscribe ${channel}`);
          const stop = base.subscribe(channel, onEvent);
          return () => {
            log.push('unsubscribe');
            stop();
          };
        },
      };
      const el = await fixture<NewsPoll>(html`<news-poll poll-id="bridge" live loading="eager" .adapter=${adapter}></news-poll>`);
      await waitFor(() => log.length === 1, 'subscribed');
      expect(log).to.deep.equal(['subscribe polls/bridge']);
      const parent = el.parentElement!;
      el.remove();
      expect(log).to.deep.equal(['subscribe polls/bridge', 'unsubscribe']);
      parent.append(el);
      await waitFor(() => log.length === 3, 'subscribed again');
      el.live = false;
      await el.updateComplete;
      expect(log.at(-1)).to.equal('unsubscribe');
    });

    it('does not subscribe without live', async () => {
      const adapter = memory();
      await loaded(adapter);
      expect(adapter.calls.some((call) => call.method === 'subscribe')).to.equal(false);
    });
  });

  describe('cost', () => {
    it('makes no request until it nears the viewport', async () => {
      const adapter = memory();
      const wrapper = await fixture(html`<div><div style="height: 4000px"></div><news-poll poll-id="bridge" live .adapter=${adapter}></news-poll></div>`);
      await sleep(200);
      expect(adapter.calls).to.have.length(0);
      wrapper.querySelector('news-poll')!.scrollIntoView();
      await waitFor(() => adapter.calls.some((call) => call.method === 'getPoll'), 'getPoll after scroll');
      window.scrollTo(0, 0);
    });

    it('loads at once with loading="eager"', async () => {
      const adapter = memory();
      await fixture(html`<div><div style="height: 4000px"></div><news-poll poll-id="bridge" loading="eager" .adapter=${adapter}></news-poll></div>`);
      await waitFor(() => adapter.calls.some((call) => call.method === 'getPoll'), 'eager getPoll');
    });

    it('shows a skeleton that reserves the height of the loaded poll', async () => {
      const adapter = memory(bridgePoll(), 10_000);
      const el = await fixture<NewsPoll>(html`<div style="width: 600px"><news-poll poll-id="bridge" loading="eager" .adapter=${adapter}></news-poll></div>`);
      const poll = el.querySelector('news-poll')!;
      await poll.updateComplete;
      expect(shadow(poll, '.skeleton')).to.not.equal(null);
      expect(shadow(poll, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(text(shadow(poll, '[role="status"]'))).to.equal('');
      await expect(poll).to.be.accessible();
      const skeleton = poll.getBoundingClientRect().height;
      const ready = await fixture<NewsPoll>(
        html`<div style="width: 600px"><news-poll poll-id="bridge" loading="eager" .adapter=${memory()}></news-poll></div>`,
      );
      const loadedPoll = ready.querySelector('news-poll')!;
      await waitFor(() => inputs(loadedPoll).length === 4, 'loaded');
      expect(Math.abs(loadedPoll.getBoundingClientRect().height - skeleton)).to.be.at.most(2);
    });

    it('does not move when the reader votes', async () => {
      const wrapper = await fixture(html`<div style="width: 600px"><news-poll poll-id="bridge" loading="eager" .adapter=${memory()}></news-poll></div>`);
      const el = wrapper.querySelector<NewsPoll>('news-poll')!;
      await waitFor(() => inputs(el).length === 4, 'loaded');
      const before = el.getBoundingClientRect().height;
      await choose(el, 0);
      voteButton(el).click();
      await waitFor(() => total(el) === 'Total votes: 525', 'results');
      expect(Math.abs(el.getBoundingClientRect().height - before)).to.be.at.most(2);
    });
    it('on a phone keeps each result beside its label, so a row grows by a line at most when the reader votes', async () => {
      // The demo's long labels: before, every result row wrapped its numbers onto a line of their own.
      for (const width of [320, 375, 414]) {
        const poll = demoPoll({ id: 'bridge' });
        await setViewport({ width, height: 800 });
        try {
          const el = await fixture<NewsPoll>(html`<news-poll poll-id="bridge" loading="eager" .adapter=${memory(poll)}></news-poll>`);
          await waitFor(() => inputs(el).length === 4, 'loaded');
          const choices = Array.from(el.shadowRoot!.querySelectorAll('.choice'), (row) => row.getBoundingClientRect().height);
          const line = parseFloat(getComputedStyle(shadow(el, '.choice .label')!).lineHeight);
          await choose(el, 0);
          voteButton(el).click();
          await waitFor(() => total(el) === 'Total votes: 525', 'results');
          el.shadowRoot!.querySelectorAll('.result').forEach((row, index) => {
            const label = row.querySelector('.label')!.getBoundingClientRect();
            const numbers = row.querySelector('.numbers')!.getBoundingClientRect();
            expect(numbers.left, `${width}px row ${index}: numbers at the end of the row`).to.be.at.least(label.right);
            expect(numbers.top, `${width}px row ${index}: numbers beside the label, not under it`).to.be.below(label.bottom);
            // The label has a little less room beside the numbers than beside the radio, so it may
            // take one more line (the chosen row one more for its tag), never a line for the numbers too.
            const allowed = choices[index] + (index === 0 ? 2 : 1) * line + 1;
            expect(row.getBoundingClientRect().height, `${width}px row ${index}`).to.be.at.most(allowed);
          });
          await expect(el).to.be.accessible();
        } finally {
          await setViewport({ width: 800, height: 600 });
        }
      }
    });
  });

  describe('errors', () => {
    it('shows a localized error with a retry that recovers, and warns once', async () => {
      const adapter = memory();
      adapter.fail('getPoll', 500, 1);
      const warnings = captureWarnings();
      const errors: string[] = [];
      const el = await fixture<NewsPoll>(
        html`<news-poll poll-id="bridge" loading="eager" .adapter=${adapter} @news-error=${(e: CustomEvent) => errors.push(e.detail.code)}></news-poll>`,
      );
      const message = await waitFor(() => shadow(el, '.problem'), 'error state');
      warnings.restore();
      expect(text(message)).to.equal('The poll could not be loaded.');
      expect(errors).to.deep.equal(['load_failed']);
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.contain('<news-poll>');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, 'button')!.click();
      await waitFor(() => inputs(el).length === 4, 'recovered');
      expect(shadow(el, '.problem')).to.equal(null);
    });

    it('keeps the inline choices visible when loading fails', async () => {
      const adapter = memory();
      adapter.fail('getPoll', 'network', 1);
      const warnings = captureWarnings();
      const el = await fixture<NewsPoll>(
        html`<news-poll poll-id="bridge" loading="eager" question="Inline?" .adapter=${adapter}><option value="toll">Toll</option></news-poll>`,
      );
      await waitFor(() => shadow(el, '.problem'), 'error state');
      warnings.restore();
      expect(text(shadow(el, 'legend'))).to.equal('Inline?');
      expect(inputs(el)[0].matches(':disabled')).to.equal(true);
      expect(text(shadow(el, '.problem'))).to.contain('The poll could not be loaded.');
      expect(text(shadow(el, '.problem button'))).to.equal('Try again');
      await expect(el).to.be.accessible();
    });

    it('localizes the error in Arabic, right to left', async () => {
      const adapter = memory();
      adapter.fail('getPoll', 'network', 1);
      const warnings = captureWarnings();
      const wrapper = await fixture(html`<div lang="ar" dir="rtl"><news-poll poll-id="bridge" loading="eager" .adapter=${adapter}></news-poll></div>`);
      const el = wrapper.querySelector('news-poll')!;
      await waitFor(() => text(shadow(el, '.problem')) === 'تعذّر تحميل الاستطلاع.', 'Arabic error');
      warnings.restore();
      expect(text(shadow(el, 'button'))).to.equal('أعد المحاولة');
    });

    it('never throws from lifecycle callbacks on garbage data', async () => {
      const warnings = captureWarnings();
      const el = await fixture<NewsPoll>(html`<news-poll></news-poll>`);
      for (const garbage of [null, 42, 'poll', { options: 'x' }, { options: [null, 1, { id: {} }] }, { question: { toString: null } }]) {
        el.poll = garbage as unknown as Poll;
        await el.updateComplete;
      }
      warnings.restore();
      expect(el.isConnected).to.equal(true);
    });
  });

  describe('bad data', () => {
    async function withData(poll: unknown) {
      const warnings = captureWarnings();
      const el = await fixture<NewsPoll>(html`<news-poll .poll=${poll as Poll}></news-poll>`);
      warnings.restore();
      return { el, warnings: warnings.messages };
    }

    it('zero options: the question and a note, no form', async () => {
      const { el, warnings } = await withData(bridgePoll({ options: [], totalVotes: 0 }));
      expect(text(shadow(el, '[part="question"]'))).to.equal(QUESTION);
      expect(text(shadow(el, '[part="message"]'))).to.equal('This poll has no choices yet.');
      expect(shadow(el, 'form')).to.equal(null);
      expect(warnings).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('duplicate option ids: the first wins, with a warning', async () => {
      const poll = bridgePoll({ status: 'closed' });
      poll.options.push({ id: 'toll', label: 'Duplicate toll', votes: 999 });
      const { el, warnings } = await withData(poll);
      expect(results(el)).to.have.length(4);
      expect(el.shadowRoot!.textContent).to.not.contain('Duplicate toll');
      expect(total(el)).to.equal('Total votes: 524');
      expect(warnings.some((m) => m.includes('toll'))).to.equal(true);
    });

    it('negative or non-numeric votes count as zero, with a warning', async () => {
      const poll = bridgePoll({ status: 'closed', totalVotes: 10 });
      poll.options = [
        { id: 'a', label: 'A', votes: -5 },
        { id: 'b', label: 'B', votes: 'lots' as unknown as number },
        { id: 'c', label: 'C', votes: Number.NaN },
        { id: 'd', label: 'D', votes: 10 },
      ];
      const { el, warnings } = await withData(poll);
      expect(shares(el)).to.deep.equal(['0%', '0%', '0%', '100%']);
      expect(total(el)).to.equal('Total votes: 10');
      expect(warnings.filter((m) => m.includes('invalid vote count'))).to.have.length(1);
    });

    it('a totalVotes that disagrees with the options: the options’ sum wins, with a warning', async () => {
      const { el, warnings } = await withData(bridgePoll({ status: 'closed', totalVotes: 9999 }));
      expect(total(el)).to.equal('Total votes: 524');
      expect(shares(el).reduce((sum, share) => sum + parseInt(share), 0)).to.equal(100);
      expect(warnings.some((m) => m.includes('totalVotes 9999'))).to.equal(true);
    });

    it('multiple choice: totalVotes counts voters, kept within what the options allow', async () => {
      const poll = bridgePoll({ multiple: true, status: 'closed', totalVotes: 400 });
      const { el, warnings } = await withData(poll);
      expect(total(el)).to.equal('Total votes: 400');
      expect(warnings).to.have.length(0);
      const { el: low } = await withData({ ...poll, totalVotes: 3 });
      expect(total(low)).to.equal('Total votes: 187');
    });

    it('unknown myVote ids are ignored; the reader still counts as having voted', async () => {
      const { el, warnings } = await withData(bridgePoll({ myVote: ['nope'] }));
      expect(inputs(el)).to.have.length(0);
      expect(results(el).some((row) => row.classList.contains('mine'))).to.equal(false);
      expect(warnings.some((m) => m.includes('myVote'))).to.equal(true);
      const { el: mixed } = await withData(bridgePoll({ myVote: ['nope', 'bond'] }));
      expect(results(mixed)[1].classList.contains('mine')).to.equal(true);
    });

    it('a 5,000-character question wraps inside the box', async () => {
      const question = 'Why '.repeat(1250);
      const wrapper = await quietFixture(html`<div style="width: 320px"><news-poll question=${question}><option value="a">A</option></news-poll></div>`);
      const el = wrapper.querySelector('news-poll')!;
      const base = shadow(el, '[part="base"]')!;
      expect(text(shadow(el, 'legend'))).to.have.length(question.trim().length);
      expect(base.getBoundingClientRect().width).to.be.at.most(320);
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      const unbroken = await fixture(
        html`<div style="width: 320px"><news-poll .poll=${bridgePoll({ question: 'x'.repeat(5000), status: 'closed' })}></news-poll></div>`,
      );
      const unbrokenBase = shadow(unbroken.querySelector('news-poll')!, '[part="base"]')!;
      expect(unbrokenBase.scrollWidth).to.be.at.most(unbrokenBase.clientWidth + 1);
    });

    it('renders HTML and script in labels and the question as text', async () => {
      for (const payload of xssPayloads) {
        const poll = bridgePoll({ question: payload, status: 'closed' });
        poll.options[0].label = payload;
        const { el } = await withData(poll);
        expect(el.shadowRoot!.querySelectorAll('script, img, svg, math, [onerror], [onload]')).to.have.length(0);
        expect(text(results(el)[0].querySelector('.label'))).to.equal(payload.trim().replace(/\s+/g, ' '));
        const inline = await quietFixture<NewsPoll>(html`<news-poll question=${payload}><option value="x">${payload}</option></news-poll>`);
        expect(inline.shadowRoot!.querySelectorAll('script, img, svg, math, [onerror], [onload]')).to.have.length(0);
      }
      expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    });
  });

  describe('page', () => {
    it('follows lang and dir: Arabic labels, plural counts and right-to-left bars', async () => {
      const poll = bridgePoll({
        status: 'closed',
        options: [
          { id: 'a', label: 'رسوم عبور', votes: 2 },
          { id: 'b', label: 'سندات', votes: 11 },
          { id: 'c', label: 'ضرائب', votes: 1 },
        ],
        totalVotes: 14,
      });
      const wrapper = await fixture(html`<div lang="ar" dir="rtl" style="width: 500px"><news-poll .poll=${poll}></news-poll></div>`);
      const el = wrapper.querySelector('news-poll')!;
      await waitFor(() => text(shadow(el, '.closed')) === 'الاستطلاع مغلق', 'Arabic catalog');
      expect(Array.from(el.shadowRoot!.querySelectorAll('.count'), text)).to.deep.equal(
        ['صوتان', '11 صوتًا', 'صوت واحد'].map((value) => value.replace('11', new Intl.NumberFormat('ar').format(11))),
      );
      const row = results(el)[1];
      const label = row.querySelector('.label')!.getBoundingClientRect();
      const share = row.querySelector('.share')!.getBoundingClientRect();
      const bar = row.querySelector('[part="bar"]')!.getBoundingClientRect();
      expect(label.right).to.be.greaterThan(share.right);
      expect(Math.round(bar.right)).to.equal(Math.round(row.getBoundingClientRect().right - 1));
      await expect(wrapper).to.be.accessible();
    });

    it('follows a dark page', async () => {
      const wrapper = await fixture(
        html`<div style="color-scheme: dark; background: #15171c; color: #e8e9ed"><news-poll .poll=${bridgePoll({ myVote: ['toll'] })}></news-poll></div>`,
      );
      const el = wrapper.querySelector('news-poll')!;
      const light = await fixture(html`<div style="color-scheme: light"><news-poll .poll=${bridgePoll({ myVote: ['toll'] })}></news-poll></div>`);
      const tag = (host: Element) => getComputedStyle(shadow(host.querySelector('news-poll')!, '.tag')!).backgroundColor;
      expect(tag(wrapper)).to.not.equal(tag(light));
      await expect(wrapper).to.be.accessible();
      await expect(el).to.be.accessible();
    });
  });
});
