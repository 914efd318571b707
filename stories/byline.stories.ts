import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/byline/news-byline.ts';
import '../src/article/news-article.ts';
import type { NewsAdapter } from '../src/core/types.ts';
import { cssProperties, daysAgo, hoursAgo, minutesAgo, storyAsset } from './support/story-helpers.ts';

interface BylineArgs {
  author?: string;
  avatar?: string;
  'author-href'?: string;
  published?: string;
  updated?: string;
  'reading-time'?: string;
  /** JS property; a byline needs no adapter, so it has no control. */
  adapter?: NewsAdapter;
  '--news-byline-avatar-size'?: string;
  '--news-byline-avatar-background'?: string;
  '--news-byline-avatar-color'?: string;
}

const photo = storyAsset('reporter.svg');

/** One byline from the controls' args. */
const renderByline = ({
  author,
  avatar,
  'author-href': authorHref,
  published,
  updated,
  'reading-time': readingTime,
  adapter: _adapter,
  ...tokens
}: BylineArgs) => html`
  <news-byline
    author=${ifDefined(author || undefined)}
    avatar=${ifDefined(avatar || undefined)}
    author-href=${ifDefined(authorHref || undefined)}
    published=${ifDefined(published || undefined)}
    updated=${ifDefined(updated || undefined)}
    reading-time=${ifDefined(readingTime || undefined)}
    style=${cssProperties(tokens)}
  ></news-byline>
`;

/** Several bylines one under another, for comparing cases side by side. */
const stack = (...bylines: BylineArgs[]) => html`<div style="display: grid; gap: 8px">${bylines.map(renderByline)}</div>`;

const meta: Meta<BylineArgs> = {
  title: 'Elements/Byline',
  component: 'news-byline',
  render: renderByline,
  argTypes: {
    author: { control: 'text' },
    avatar: { control: 'text' },
    'author-href': { control: 'text' },
    published: { control: 'text' },
    updated: { control: 'text' },
    'reading-time': { control: 'text' },
    adapter: { control: false },
    '--news-byline-avatar-size': { control: 'text' },
    '--news-byline-avatar-background': { control: 'color' },
    '--news-byline-avatar-color': { control: 'color' },
  },
  args: { author: 'Metro Bureau' },
};
export default meta;

type Story = StoryObj<BylineArgs>;

export const Playground: Story = {
  args: { published: hoursAgo(3), 'reading-time': '3' },
  parameters: {
    docs: {
      description: {
        story:
          'Every attribute and the three avatar tokens are live controls (dates are ISO 8601; try a photo URL such as `./news-assets/reporter.svg`). The docs table comes from the custom elements manifest.',
      },
    },
  },
};

export const Initials: Story = {
  args: { 'reading-time': '3' },
  parameters: {
    docs: {
      description: {
        story:
          'A desk byline without a photo: "Metro Bureau" becomes "MB" in a round avatar, then "By Metro Bureau" and "3 min read", as on the reference page.',
      },
    },
  },
};

export const WithPhoto: Story = {
  name: 'With photo',
  args: { author: 'Ines Halvorsen', avatar: photo, published: hoursAgo(3) },
  parameters: {
    docs: { description: { story: 'An author photo fills the round avatar (cropped to cover); the author’s name is its accessible label.' } },
  },
};

export const BrokenPhoto: Story = {
  name: 'Broken photo',
  args: { author: 'Ines Halvorsen', avatar: storyAsset('broken-photo.svg'), published: hoursAgo(3) },
  parameters: {
    docs: {
      description: {
        story: 'The photo URL answers with something that is not an image: the avatar falls back to the initials "IH" instead of a broken-image icon.',
      },
    },
  },
};

export const Linked: Story = {
  name: 'Linked author',
  args: { author: 'Ines Halvorsen', avatar: photo, 'author-href': '/authors/ines-halvorsen', published: hoursAgo(3) },
  parameters: {
    docs: {
      description: { story: 'With `author-href` the name is a link to the author’s page: a quiet underline, inherited colour, and a visible focus ring.' },
    },
  },
};

export const PublishedUpdated: Story = {
  name: 'Published + updated',
  render: () =>
    stack(
      { author: 'Metro Bureau', published: hoursAgo(3), updated: minutesAgo(40) },
      { author: 'Metro Bureau', published: daysAgo(3), updated: hoursAgo(20) },
      { author: 'Metro Bureau', published: daysAgo(30), updated: daysAgo(29) },
    ),
  parameters: {
    docs: {
      description: {
        story:
          'Dates relative to now: "3 hours ago · Updated 40 minutes ago"; "3 days ago · Updated yesterday"; and past a week the full date. Hover a date for the exact time.',
      },
    },
  },
};

export const ReadingTime: Story = {
  name: 'Reading time',
  render: () =>
    stack(
      { author: 'Metro Bureau', 'reading-time': '1' },
      { author: 'Metro Bureau', published: hoursAgo(3), 'reading-time': '3' },
      { author: 'Metro Bureau', published: hoursAgo(3), updated: minutesAgo(40), 'reading-time': '12' },
    ),
  parameters: {
    docs: { description: { story: 'A fixed `reading-time` in minutes, alone and after the dates, separated by middle dots.' } },
  },
};

export const InsideArticle: Story = {
  name: 'Inside an article',
  render: () => html`<news-article style="max-width: 42rem">
    <h1 slot="headline">Harbour reopens to fishing boats after a winter of storm repairs</h1>
    <news-byline slot="byline" author="Metro Bureau" published=${hoursAgo(3)} reading-time="auto"></news-byline>
    ${Array.from(
      { length: 6 },
      () => html`<p>
        The harbour authority confirmed on Tuesday that the eastern quay will reopen to fishing boats next month, after a winter of repairs that
        cost more than twice the original estimate. Local traders said the delay had hurt the spring season, but welcomed the new lighting and
        the wider slipway that now lets two boats unload at once, and the harbour master said the quay would be busier than ever by summer.
      </p>`,
    )}
  </news-article>`,
  parameters: {
    docs: {
      description: {
        story:
          '`reading-time="auto"` inside a `<news-article>`: the article counts its body (about 420 words at 230 a minute) and the byline shows "2 min read".',
      },
    },
  },
};

export const LongName: Story = {
  name: 'Long name',
  args: {
    author: 'Maximiliana Alexandrovna Featherstonehaugh-Montgomery-Villanueva and the Kestrel Bay Courier Investigations Desk',
    'author-href': '/authors/investigations',
    published: hoursAgo(3),
    updated: minutesAgo(40),
    'reading-time': '14',
  },
  render: (args) => html`<div style="max-width: 20rem">${renderByline(args)}</div>`,
  parameters: {
    docs: {
      description: { story: 'A very long shared byline in a 20 rem column: the text wraps beside the avatar, which keeps its size and shape.' },
    },
  },
};

export const NonLatin: Story = {
  name: 'Non-Latin names',
  render: () =>
    stack(
      { author: 'ليلى حداد', published: hoursAgo(3), 'reading-time': '3' },
      { author: '王小明', published: hoursAgo(3), 'reading-time': '3' },
      { author: 'Ελένη Παπαδοπούλου', published: hoursAgo(3), 'reading-time': '3' },
      { author: 'Ana María López', published: hoursAgo(3), 'reading-time': '3' },
    ),
  parameters: {
    docs: {
      description: {
        story:
          'Authors from other scripts on an English page: Arabic (two initials kept apart by a zero-width non-joiner, not joined into a word), Chinese (a name without spaces gives one character), Greek, and a Spanish name with an accent. The name reads in its own direction inside "By …".',
      },
    },
  },
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  render: () =>
    stack(
      { author: 'مكتب المدينة', published: hoursAgo(3), updated: minutesAgo(40), 'reading-time': '3' },
      { author: 'ليلى حداد', avatar: photo, 'author-href': '/authors/layla-haddad', published: daysAgo(2), 'reading-time': '11' },
    ),
  globals: { locale: 'ar' },
  parameters: {
    docs: {
      description: {
        story:
          'An Arabic page, right to left: the avatar sits on the right, "بقلم" precedes the name, and dates and "دقائق قراءة" come from the Arabic catalog.',
      },
    },
  },
};

export const Dark: Story = {
  render: () =>
    stack(
      { author: 'Metro Bureau', published: hoursAgo(3), updated: minutesAgo(40), 'reading-time': '3' },
      { author: 'Ines Halvorsen', avatar: photo, 'author-href': '/authors/ines-halvorsen', published: hoursAgo(5), 'reading-time': '6' },
    ),
  globals: { theme: 'dark' },
  parameters: {
    docs: {
      description: { story: 'On a dark page with no tokens: the initials avatar, muted dates and the author link keep their contrast.' },
    },
  },
};

export const Phone: Story = {
  name: 'Phone width',
  args: { author: 'Metro Bureau', 'author-href': '/authors/metro-bureau', published: hoursAgo(3), updated: minutesAgo(40), 'reading-time': '3' },
  globals: { viewport: { value: 'phone', isRotated: false } },
  parameters: {
    docs: { description: { story: 'A 375 px phone: published, updated and reading time wrap onto a second line without losing their separators.' } },
  },
};
