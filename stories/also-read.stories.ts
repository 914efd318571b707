import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { action } from 'storybook/actions';
import '../src/also-read/news-also-read.ts';
import type { NewsAlsoReadClickEvent } from '../src/core/events.ts';
import { createMemoryAdapter } from '../src/memory-adapter/index.ts';
import type { Article, NewsAdapter } from '../src/core/types.ts';
import { cssProperties, inArticle } from './support/story-helpers.ts';

interface AlsoReadArgs {
  href?: string;
  label?: string;
  headline?: string;
  image?: string;
  unfurl?: boolean;
  loading?: 'lazy' | 'eager';
  /** JS property; every story passes its own in-memory adapter, so it has no control. */
  adapter?: NewsAdapter;
  /** Text of the light-DOM fallback link (the default slot). */
  linkText?: string;
  '--news-also-read-accent'?: string;
  '--news-also-read-image-size'?: string;
}

const harbourUrl = '/articles/harbour-reopens';
const harbourHeadline = 'Harbour reopens to fishing boats after a winter of storm repairs';
const harbourImage = './news-assets/harbour.svg';
const councilUrl = '/articles/council-budget';
const councilImage = './news-assets/council.svg';

const longHeadline =
  'Council approves the largest budget in its history after an all-night session in which members debated every line of the housing, transport and harbour plans, and residents queued outside the chamber until dawn to hear the result';

/** Articles the memory adapter answers `lookupArticle` with. */
const seedArticles: Article[] = [
  { id: 'harbour-reopens', url: harbourUrl, headline: harbourHeadline, image: harbourImage, imageAlt: '', blocks: [] },
  {
    id: 'council-budget',
    url: councilUrl,
    headline: 'Council approves record budget after all-night session',
    image: councilImage,
    imageAlt: '',
    blocks: [],
  },
];

/** A fresh in-memory backend per render, so one story's failure switch never leaks into another. */
function storyAdapter(latencyMs = 150) {
  return createMemoryAdapter({ articles: seedArticles }, { latencyMs });
}

const logClick = action('news-also-read-click');

/**
 * Logs `news-also-read-click` in the Actions panel and cancels it, so clicking a story link shows
 * the event instead of navigating the preview to an article that does not exist here.
 */
const catchClicks: Decorator = (story) => html`
  <div
    @news-also-read-click=${(event: NewsAlsoReadClickEvent) => {
      event.preventDefault();
      logClick(event.detail);
    }}
  >
    ${story()}
  </div>
`;

/** One link from the controls' args, unfurling through a seeded in-memory adapter. */
const renderLink = ({ href, label, headline, image, unfurl, loading, linkText, ...tokens }: AlsoReadArgs) => html`
  <news-also-read
    href=${ifDefined(href || undefined)}
    label=${ifDefined(label || undefined)}
    headline=${ifDefined(headline || undefined)}
    image=${ifDefined(image || undefined)}
    ?unfurl=${unfurl}
    loading=${ifDefined(loading)}
    .adapter=${storyAdapter()}
    style=${cssProperties(tokens)}
    >${linkText ? html`<a href=${ifDefined(href || undefined)}>${linkText}</a>` : nothing}</news-also-read
  >
`;

const meta: Meta<AlsoReadArgs> = {
  title: 'Elements/Also read',
  component: 'news-also-read',
  decorators: [catchClicks],
  render: renderLink,
  argTypes: {
    href: { control: 'text' },
    label: { control: 'text' },
    headline: { control: 'text' },
    image: { control: 'text' },
    unfurl: { control: 'boolean' },
    loading: { control: 'inline-radio', options: ['lazy', 'eager'] },
    adapter: { control: false },
    linkText: {
      control: 'text',
      description: 'Default slot: a fallback link `<a href="…">Headline</a>`, shown before the element upgrades.',
      table: { category: 'slots' },
    },
    '--news-also-read-accent': { control: 'color' },
    '--news-also-read-image-size': { control: 'text' },
  },
  args: { href: harbourUrl, linkText: harbourHeadline },
};
export default meta;

type Story = StoryObj<AlsoReadArgs>;

export const Playground: Story = {
  args: { label: 'Also read', unfurl: false },
  parameters: {
    docs: {
      description: {
        story:
          'Every attribute is a live control; with `unfurl` on, the headline and thumbnail come from a seeded in-memory adapter (try `/articles/council-budget`). Clicks are logged in the Actions panel instead of navigating.',
      },
    },
  },
};

export const Default: Story = {
  parameters: {
    docs: {
      description: {
        story: 'The usual markup: a plain link inside the element. The localized "ALSO READ" label, a separator and the headline link on one line.',
      },
    },
  },
};

export const HeadlineAttribute: Story = {
  args: { linkText: '', headline: harbourHeadline },
  parameters: {
    docs: { description: { story: 'Headline given as an attribute with no child link, as a CMS template would write it.' } },
  },
};

export const CustomLabel: Story = {
  args: { label: 'Background' },
  parameters: {
    docs: { description: { story: 'An editor-chosen label instead of "Also read"; it is still shown in capitals in the accent colour.' } },
  },
};

export const WithThumbnail: Story = {
  args: { image: harbourImage },
  parameters: {
    docs: { description: { story: 'With a thumbnail: a small 4:3 image before the text, vertically centred with one or two lines of headline.' } },
  },
};

export const LongHeadline: Story = {
  args: { href: councilUrl, linkText: longHeadline, image: councilImage },
  parameters: {
    docs: {
      description: { story: 'A very long headline next to a thumbnail: it wraps under the label, the image keeps its size and stays centred.' },
    },
  },
};

export const UnfurlLoading: Story = {
  name: 'Unfurl: loading',
  render: () => {
    const adapter = storyAdapter();
    adapter.hang('lookupArticle');
    return html`<news-also-read href=${harbourUrl} unfurl .adapter=${adapter}></news-also-read>`;
  },
  parameters: {
    docs: {
      description: {
        story: 'While `lookupArticle` is pending (here it never answers): a placeholder thumbnail and a headline skeleton, at the height of the loaded state.',
      },
    },
  },
};

export const UnfurlLoaded: Story = {
  name: 'Unfurl: loaded',
  render: () => html`<news-also-read href=${harbourUrl} unfurl .adapter=${storyAdapter()}></news-also-read>`,
  parameters: {
    docs: {
      description: { story: 'Only an `href` and `unfurl`: the headline and thumbnail arrive from the adapter after a short simulated latency.' },
    },
  },
};

export const UnfurlError: Story = {
  name: 'Unfurl: error',
  render: () => {
    const adapter = storyAdapter();
    // One failure only, so "Try again" shows the recovery.
    adapter.fail('lookupArticle', 500, 1);
    return html`<news-also-read href=${harbourUrl} unfurl .adapter=${adapter}
      ><a href=${harbourUrl}>${harbourHeadline}</a></news-also-read
    >`;
  },
  parameters: {
    docs: {
      description: {
        story:
          'The lookup fails once (HTTP 500): the link still works from its light-DOM headline, with a quiet "Preview unavailable" note; "Try again" then loads the preview.',
      },
    },
  },
};

export const RefusedHref: Story = {
  name: 'Refused javascript: href',
  args: { href: 'javascript:alert(document.cookie)', linkText: 'A headline whose link was refused' },
  parameters: {
    docs: {
      description: {
        story: 'An unsafe `javascript:` href is refused (one console warning) and the headline renders as inert text, not as a link.',
      },
    },
  },
};

export const InArticle: Story = {
  render: (args) => inArticle(renderLink({ ...args, image: harbourImage })),
  parameters: {
    docs: { description: { story: 'Between two paragraphs of body text, where editors place it: check the rules above and below and the spacing.' } },
  },
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  args: { linkText: 'إعادة افتتاح الميناء أمام قوارب الصيد بعد شتاء من إصلاحات العواصف', image: harbourImage },
  render: (args) => inArticle(renderLink(args), 'ar'),
  globals: { locale: 'ar' },
  parameters: {
    docs: {
      description: {
        story: 'Arabic page, right to left: the localized label comes first on the right, the thumbnail sits at the start (right) edge.',
      },
    },
  },
};

export const Dark: Story = {
  render: () => {
    const failing = storyAdapter();
    failing.fail('lookupArticle', 500);
    return html`
      <news-also-read href=${harbourUrl}><a href=${harbourUrl}>${harbourHeadline}</a></news-also-read>
      <news-also-read href=${councilUrl} image=${councilImage}><a href=${councilUrl}>${longHeadline}</a></news-also-read>
      <news-also-read href=${harbourUrl} unfurl .adapter=${failing}
        ><a href=${harbourUrl}>${harbourHeadline}</a></news-also-read
      >
    `;
  },
  globals: { theme: 'dark' },
  parameters: {
    docs: {
      description: {
        story:
          'On a dark page with no theme tokens: plain, with thumbnail and long headline, and the unfurl error note; label, rules and text must keep their contrast.',
      },
    },
  },
};

export const Phone: Story = {
  name: 'Phone width',
  args: { href: councilUrl, linkText: longHeadline, image: councilImage },
  globals: { viewport: { value: 'phone', isRotated: false } },
  parameters: {
    docs: { description: { story: 'A 375 px phone with thumbnail and a long headline: the text column keeps a readable width next to the image.' } },
  },
};

export const CustomTokens: Story = {
  name: 'Publisher theme tokens',
  render: () => html`
    <div
      style="--news-font-heading: Georgia, serif; --news-color-accent: #8a1538; --news-color-border: #8a1538; --news-radius: 0; --news-also-read-image-size: 6rem"
    >
      <news-also-read href=${harbourUrl} image=${harbourImage}><a href=${harbourUrl}>${harbourHeadline}</a></news-also-read>
    </div>
  `,
  parameters: {
    docs: {
      description: {
        story:
          'A publisher brand through global tokens plus `--news-also-read-image-size`: serif headline, brand-red label and rules, square corners, larger thumbnail.',
      },
    },
  },
};
