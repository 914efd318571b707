import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import '../src/did-you-know/news-did-you-know.ts';
import type { NewsAdapter } from '../src/core/types.ts';
import { cssProperties, inArticle } from './support/story-helpers.ts';

type Variant = 'note' | 'highlight' | 'quiet';

interface DidYouKnowArgs {
  heading?: string;
  variant?: Variant;
  'heading-level'?: number;
  /** JS property; these stories need no adapter, so it has no control. */
  adapter?: NewsAdapter;
  /** Slot content: the fact, with plain inline HTML (<p>, <a>, <strong>). */
  fact: string;
  '--news-did-you-know-accent'?: string;
  '--news-did-you-know-surface'?: string;
}

const fact = 'The eastern quay was first built in 1923 from stone quarried on the island, and at its busiest it landed more than a hundred boats a week.';

/** 600 characters: the longest fact an editor is likely to paste into the box. */
const longFact =
  'When the eastern quay opened in 1923 it was the longest stone pier on the coast, built by hand from granite quarried on the island and ferried across on flat-bottomed barges. ' +
  'At its busiest, in the years after the war, it landed more than a hundred boats a week and employed four hundred people in the fish market alone. ' +
  'The storms of 1987 broke the seaward end, and for three decades the quay was used only by pleasure craft, until the harbour authority began the restoration that finished this spring, ' +
  'reusing almost every original stone it could recover from the seabed.';

const variants: Variant[] = ['note', 'highlight', 'quiet'];

/** One box from the controls' args. */
const renderBox = ({ heading, variant, 'heading-level': headingLevel, fact: content, ...tokens }: DidYouKnowArgs) => html`
  <news-did-you-know
    heading=${ifDefined(heading || undefined)}
    variant=${ifDefined(variant)}
    heading-level=${ifDefined(headingLevel)}
    style=${cssProperties(tokens)}
  >
    ${
      // Storybook-only: the control edits the slot's markup as a designer would type it.
      unsafeHTML(content)
    }
  </news-did-you-know>
`;

const meta: Meta<DidYouKnowArgs> = {
  title: 'Elements/Did you know',
  component: 'news-did-you-know',
  render: renderBox,
  argTypes: {
    variant: { control: 'inline-radio', options: variants },
    heading: { control: 'text' },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
    adapter: { control: false },
    fact: {
      control: 'text',
      description: 'Default slot: the fact, plain inline HTML allowed (`<p>`, `<a>`, `<strong>`).',
      table: { category: 'slots' },
    },
    '--news-did-you-know-accent': { control: 'color' },
    '--news-did-you-know-surface': { control: 'color' },
  },
  args: { fact },
};
export default meta;

type Story = StoryObj<DidYouKnowArgs>;

export const Playground: Story = {
  args: { heading: 'Did you know?', variant: 'note', fact },
  parameters: {
    docs: {
      description: {
        story: 'Every attribute, the fact text and the two colour tokens are live controls; the docs table below comes from the custom elements manifest.',
      },
    },
  },
};

export const Default: Story = {
  parameters: {
    docs: {
      description: { story: 'No attributes at all: the localized "Did you know?" heading and the `note` variant, as most editors will use it.' },
    },
  },
};

export const CustomHeading: Story = {
  args: { heading: 'From the archive' },
  parameters: {
    docs: { description: { story: 'Editors replace the heading per box; it should read as a heading of the aside, not as body text.' } },
  },
};

export const Variants: Story = {
  render: () => html`
    ${variants.map((variant) => html`<news-did-you-know variant=${variant} heading=${`Variant: ${variant}`}>${fact}</news-did-you-know>`)}
  `,
  parameters: {
    docs: {
      description: {
        story:
          '`note` (default), `highlight` for a fact the story hinges on, `quiet` for an aside that should not pull the eye; check that the three are clearly distinct.',
      },
    },
  },
};

export const Highlight: Story = {
  args: { variant: 'highlight' },
  parameters: { docs: { description: { story: 'The `highlight` variant alone, for judging its accent and surface against body copy.' } } },
};

export const Quiet: Story = {
  args: { variant: 'quiet' },
  parameters: { docs: { description: { story: 'The `quiet` variant alone: still recognisable as an aside, but with the least visual weight.' } } },
};

export const RichText: Story = {
  args: {
    fact: '<p>The quay was built in <strong>1923</strong> from island granite.</p><p>Read the <a href="#history">full history of the harbour</a> in our archive.</p>',
  },
  parameters: {
    docs: {
      description: { story: 'Several paragraphs, bold text and a link in the slot: paragraph spacing, link colour and focus ring inside the box.' },
    },
  },
};

export const InArticle: Story = {
  render: () => inArticle(html`<news-did-you-know>${fact}</news-did-you-know>`),
  parameters: {
    docs: { description: { story: 'Between two paragraphs of article text, where it will live: check the vertical rhythm above and below.' } },
  },
};

export const LongFact: Story = {
  args: { fact: longFact, heading: 'Did you know? The quay that outlived a century of storms and a thirty-year closure' },
  parameters: {
    docs: {
      description: { story: 'A 600-character fact under a heading that wraps: nothing may be cut off, overflow, or crowd the icon.' },
    },
  },
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  args: {
    fact: 'بُني الرصيف الشرقي عام ١٩٢٣ من حجارة الجرانيت المقتلعة من الجزيرة، وكان يستقبل في ذروة نشاطه أكثر من مئة قارب في الأسبوع.',
  },
  render: (args) => inArticle(renderBox(args), 'ar'),
  globals: { locale: 'ar' },
  parameters: {
    docs: {
      description: {
        story: 'Arabic page (`lang="ar"`, right to left): the heading is localized, the icon and accent edge sit on the right, text aligns right.',
      },
    },
  },
};

export const Spanish: Story = {
  args: {
    fact: 'El muelle este se construyó en 1923 con granito de la isla y, en su mejor época, recibía más de cien barcos por semana.',
  },
  globals: { locale: 'es' },
  parameters: { docs: { description: { story: 'Spanish page (`lang="es"`): the default heading comes from the Spanish catalog.' } } },
};

export const Dark: Story = {
  render: () => html`
    ${variants.map((variant) => html`<news-did-you-know variant=${variant} heading=${`Variant: ${variant}`}>${fact}</news-did-you-know>`)}
    <news-did-you-know><p>The quay was built in <strong>1923</strong>.</p><p>Read the <a href="#history">full history of the harbour</a>.</p></news-did-you-know>
  `,
  globals: { theme: 'dark' },
  parameters: {
    docs: {
      description: {
        story:
          'All three variants and a box with a link on a dark page (`color-scheme: dark`), with no theme tokens set: contrast of text, accent, surface and link must hold.',
      },
    },
  },
};

export const Phone: Story = {
  name: 'Phone width',
  args: { fact: longFact },
  globals: { viewport: { value: 'phone', isRotated: false } },
  parameters: {
    docs: { description: { story: 'A 375 px phone with a long fact: padding shrinks sensibly and the heading never collides with the icon.' } },
  },
};

export const CustomTokens: Story = {
  name: 'Publisher theme tokens',
  render: () => html`
    <div
      style="--news-font-body: Georgia, serif; --news-font-heading: 'Trebuchet MS', sans-serif; --news-color-accent: #8a1538; --news-color-surface: #fbf3ec; --news-color-text: #2a2420; --news-radius: 0; --news-space: 20px"
    >
      <news-did-you-know>${fact}</news-did-you-know>
    </div>
  `,
  parameters: {
    docs: {
      description: {
        story: 'A publisher brand set only through the global `--news-*` tokens on an ancestor: the box must pick up font, colours, radius and spacing.',
      },
    },
  },
};
