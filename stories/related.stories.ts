import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { action } from 'storybook/actions';
import '../src/related/news-related.ts';
import { createMemoryAdapter, type MemoryAdapter } from '../src/memory-adapter/index.ts';
import type { Article, ArticleSummary, NewsAdapter } from '../src/core/types.ts';
import { cssProperties, daysAgo, inArticle, kestrelStories, storyAsset } from './support/story-helpers.ts';

interface RelatedArgs {
  'article-id'?: string;
  limit?: number;
  heading?: string;
  'heading-level'?: number;
  loading?: 'lazy' | 'eager';
  /** JS properties; every story passes its own in-memory adapter or items, so they have no control. */
  adapter?: NewsAdapter;
  items?: ArticleSummary[];
}

const ARTICLE_ID = 'harbour-bridge-vote';

/** The article the list belongs to, plus six others: four with drawn thumbnails and two older ones without. */
function seedArticles(): Article[] {
  return [
    {
      id: ARTICLE_ID,
      url: `/articles/${ARTICLE_ID}`,
      headline: 'Will Kestrel Bay make drivers pay to fix its harbour bridge?',
      publishedAt: daysAgo(0),
      blocks: [],
    },
    ...kestrelStories(),
    {
      id: 'harbour-wall-survey',
      url: '/articles/harbour-wall-survey',
      headline: 'Survey finds the harbour wall sound, but the steps need work',
      image: storyAsset('harbour.svg'),
      publishedAt: daysAgo(12),
      blocks: [],
    },
    {
      id: 'council-budget',
      url: '/articles/council-budget',
      headline: 'Council approves record budget after all-night session',
      image: storyAsset('council.svg'),
      publishedAt: daysAgo(15),
      blocks: [],
    },
  ];
}

/** A fresh in-memory backend per render, so one story's failure switch never leaks into another. */
function storyAdapter(latencyMs = 150): MemoryAdapter {
  return createMemoryAdapter({ articles: seedArticles() }, { latencyMs });
}

const logError = action('news-error');

/** The list from the controls' args, with the given adapter (a seeded one by default) and child links. */
const renderRelated = (
  { 'article-id': articleId, limit, heading, 'heading-level': headingLevel, loading, adapter, items: _items, ...tokens }: RelatedArgs,
  links: TemplateResult | string = '',
) => html`
  <news-related
    article-id=${ifDefined(articleId || undefined)}
    limit=${ifDefined(limit || undefined)}
    heading=${ifDefined(heading || undefined)}
    heading-level=${ifDefined(headingLevel || undefined)}
    loading=${ifDefined(loading)}
    .adapter=${adapter ?? storyAdapter()}
    style=${cssProperties(tokens)}
    @news-error=${(event: CustomEvent) => logError(event.detail)}
    >${links}</news-related
  >
`;

/** Child links as a publisher writes them: headline text, an optional image and a `<time>`. */
const childLinks = (withImages = true) => html`
  ${kestrelStories().map(
    (story) =>
      html`<a href=${story.url}
        >${withImages ? html`<img src=${story.image} alt="" width="640" height="360" />` : ''}${story.headline}<time datetime=${story.publishedAt}></time
      ></a>`,
  )}
`;

const meta: Meta<RelatedArgs> = {
  title: 'Elements/Related',
  component: 'news-related',
  render: (args) => renderRelated(args),
  argTypes: {
    limit: { control: { type: 'number', min: 1, max: 24 } },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
    loading: { control: 'inline-radio', options: ['lazy', 'eager'] },
    adapter: { control: false },
    items: { control: false },
  },
  args: { 'article-id': ARTICLE_ID, loading: 'eager' },
};
export default meta;

type Story = StoryObj<RelatedArgs>;

export const Playground: Story = {
  args: { limit: 4, heading: 'Related articles' },
  parameters: {
    docs: {
      description: {
        story:
          'Served by a seeded in-memory backend (150 ms latency) holding six other stories: change `limit`, `heading` and `heading-level`; an unknown `article-id` renders nothing. The docs table comes from the custom elements manifest.',
      },
    },
  },
};

export const FromChildLinks: Story = {
  name: 'From child links',
  render: () => html`<news-related heading="Related Articles">${childLinks()}</news-related>`,
  parameters: {
    docs: {
      description: {
        story:
          'No adapter and no article id: the list is built from the publisher’s child `<a>` links (image, headline, `<time datetime>`), the same markup readers see before the script runs.',
      },
    },
  },
};

export const FromAdapter: Story = {
  name: 'From the adapter',
  parameters: {
    docs: {
      description: {
        story:
          '`GET /articles/{id}/related` through the adapter: four cards, each with a 16:9 thumbnail, the headline (up to three lines) and a medium date, in a grid that fills the width.',
      },
    },
  },
};

export const Loading: Story = {
  name: 'Loading skeleton',
  render: (args) => {
    const adapter = storyAdapter();
    adapter.hang('getRelated');
    return renderRelated({ ...args, adapter });
  },
  parameters: {
    docs: {
      description: {
        story:
          '`getRelated` never answers: the heading and one skeleton card per `limit` (image, two lines) hold the list’s height, hidden from screen readers.',
      },
    },
  },
};

export const Empty: Story = {
  render: (args) => inArticle(renderRelated({ ...args, adapter: createMemoryAdapter({ articles: [seedArticles()[0]!] }, { latencyMs: 150 }) })),
  parameters: {
    docs: {
      description: {
        story:
          'The API answers with no related stories: `<news-related>` renders nothing at all (no heading, no empty box), so the two paragraphs around it close up. This story shows only the paragraphs on purpose.',
      },
    },
  },
};

export const LoadError: Story = {
  name: 'Error',
  render: (args) => {
    const failing = () => {
      const adapter = storyAdapter();
      adapter.fail('getRelated', 500);
      return adapter;
    };
    return html`
      ${inArticle(renderRelated({ ...args, adapter: failing() }))}
      <p style="max-width: 40rem; margin-inline: auto; font-size: 0.875rem">With child links, the same failure falls back to them:</p>
      ${renderRelated({ ...args, adapter: failing(), heading: 'Related Articles' }, childLinks())}
    `;
  },
  parameters: {
    docs: {
      description: {
        story:
          'The API fails every time (HTTP 500), with one console warning and a `news-error` event each. Top: no child links, so it renders nothing between the paragraphs — related links are optional furniture, not worth an error box. Bottom: with child links it quietly shows those instead.',
      },
    },
  },
};

export const Limit: Story = {
  render: (args) => html`
    ${renderRelated({ ...args, limit: 2, heading: 'Two related articles' })}
    ${renderRelated({ ...args, limit: 6, heading: 'Six related articles' })}
  `,
  parameters: {
    docs: {
      description: {
        story:
          '`limit="2"` and `limit="6"`: the grid keeps its column width, so two cards do not stretch and six wrap onto a second row. The two oldest stories use the older 4:3 drawings, cropped to 16:9.',
      },
    },
  },
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  render: () =>
    html`<news-related
      >${[
        ['/articles/eastshore-ferry-subsidy', 'related-ferry.svg', 'عبّارة الضفة الشرقية تحتفظ بدعمها لشتاء آخر', 2],
        ['/articles/port-authority-surplus', 'related-port.svg', 'هيئة الميناء تسجل أول فائض منذ ست سنوات مع تعافي حركة الحاويات', 4],
        ['/articles/kestrel-bay-rates-compared', 'related-rates.svg', 'كيف تقارن ضرائب العقارات في خليج كيستريل بجيرانها', 8],
        ['/articles/harbourside-night-market', 'related-market.svg', 'تجار الواجهة البحرية يراهنون على سوق ليلي شتوي', 10],
      ].map(
        ([href, image, headline, days]) =>
          html`<a href=${href}><img src=${storyAsset(String(image))} alt="" width="640" height="360" />${headline}<time datetime=${daysAgo(Number(days))}></time></a>`,
      )}</news-related
    >`,
  globals: { locale: 'ar' },
  parameters: {
    docs: {
      description: {
        story: 'An Arabic page, right to left: the localized heading "مقالات ذات صلة", cards run from the right, and dates are formatted for Arabic.',
      },
    },
  },
};

export const Dark: Story = {
  render: (args) => html`
    ${renderRelated(args)}
    ${renderRelated({
      ...args,
      heading: 'Loading',
      adapter: (() => {
        const adapter = storyAdapter();
        adapter.hang('getRelated');
        return adapter;
      })(),
    })}
  `,
  globals: { theme: 'dark' },
  parameters: {
    docs: {
      description: { story: 'Loaded and loading on a dark page with no tokens: headline, muted date, heading rule and skeleton keep their contrast.' },
    },
  },
};

export const Phone: Story = {
  name: 'Phone width',
  render: (args) => html`
    ${renderRelated(args)}
    <news-related heading="Without images">${childLinks(false)}</news-related>
  `,
  globals: { viewport: { value: 'phone', isRotated: false } },
  parameters: {
    docs: {
      description: {
        story: 'A 375 px phone: one story per row with the thumbnail beside the headline; cards without an image use the full width for the headline.',
      },
    },
  },
};
