import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/comment-count/news-comment-count.ts';
import { createMemoryAdapter } from '../src/memory-adapter/index.ts';
import type { NewsAdapter } from '../src/core/types.ts';

interface CountArgs {
  'thread-id'?: string;
  href?: string;
  /** JS property; every story passes its own in-memory adapter, so it has no control. */
  adapter?: NewsAdapter;
}

/** Counts for a handful of threads; one `getCounts` call answers every element of a story. */
const storyAdapter = () => createMemoryAdapter({ counts: { none: 0, one: 1, twelve: 12, busy: 1480 } }, { latencyMs: 150 });

const meta: Meta<CountArgs> = {
  title: 'Elements/Comment count',
  component: 'news-comment-count',
  render: ({ 'thread-id': threadId, href, adapter }) =>
    html`<p><news-comment-count thread-id=${ifDefined(threadId || undefined)} href=${ifDefined(href || undefined)} .adapter=${adapter ?? storyAdapter()}></news-comment-count></p>`,
  argTypes: { adapter: { control: false } },
  args: { 'thread-id': 'twelve', href: '#comments' },
};
export default meta;

type Story = StoryObj<CountArgs>;

export const Playground: Story = {
  parameters: { docs: { description: { story: 'One count linking to the thread; try the threads `none`, `one`, `twelve` and `busy`.' } } },
};

export const Plurals: Story = {
  render: () => {
    const adapter = storyAdapter();
    return html`<ul>
      ${['none', 'one', 'twelve', 'busy'].map((id) => html`<li><news-comment-count thread-id=${id} href="#comments" .adapter=${adapter}></news-comment-count></li>`)}
    </ul>`;
  },
  parameters: {
    docs: { description: { story: '"No comments", "1 comment", "12 comments" and "1,480 comments": four elements, one request to the adapter.' } },
  },
};

export const UnderAByline: Story = {
  name: 'Under a byline',
  render: () => html`<p style="margin: 0; font-weight: 700">By Metro Bureau</p>
    <p style="margin: 0; color: light-dark(#555, #b0b0b0); font-size: 0.875rem">
      28 November 2026 · 4 min read · <news-comment-count thread-id="twelve" href="#comments" .adapter=${storyAdapter()}></news-comment-count>
    </p>`,
  parameters: {
    docs: { description: { story: "Inline in the meta line under a headline, where publishers usually put it; it inherits the line's font and size." } },
  },
};

export const Languages: Story = {
  render: () => {
    const adapter = storyAdapter();
    return html`<div style="display: grid; gap: 8px">
      ${['es', 'ar'].map(
        (lang) => html`<p lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'}>
          ${['none', 'one', 'twelve'].map((id) => html`<news-comment-count thread-id=${id} .adapter=${adapter}></news-comment-count> · `)}
        </p>`,
      )}
    </div>`;
  },
  parameters: { docs: { description: { story: 'Spanish and Arabic (with its own plural forms), right to left for Arabic.' } } },
};

export const Error: Story = {
  render: () => {
    const adapter = storyAdapter();
    adapter.fail('getCounts', 500);
    return html`<p><news-comment-count thread-id="twelve" href="#comments" .adapter=${adapter}></news-comment-count></p>`;
  },
  parameters: { docs: { description: { story: 'The count could not be loaded: the link still reads "Comments" and leads to the thread.' } } },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { docs: { description: { story: "On a dark page the link follows the page's colours." } } },
};
