import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { action } from 'storybook/actions';
import '../src/article/news-article.ts';
import '../src/byline/news-byline.ts';
import '../src/did-you-know/news-did-you-know.ts';
import '../src/also-read/news-also-read.ts';
import '../src/poll/news-poll.ts';
import '../src/comments/news-comments.ts';
import '../src/related/news-related.ts';
import { createMemoryAdapter, type MemoryAdapter } from '../src/memory-adapter/index.ts';
import type { Article, NewsAdapter } from '../src/core/types.ts';
import { bridgeHero, bridgePoll, cssProperties, hoursAgo, kestrelStories, minutesAgo, storyAsset, storyComment } from './support/story-helpers.ts';

type Source = 'light DOM' | 'data (adapter)';

interface ArticleArgs {
  'article-id'?: string;
  endpoint?: string;
  'words-per-minute'?: number;
  /** Where the Playground's content comes from: the light DOM below, or `getArticle` through the adapter. */
  source?: Source;
  /** JS properties and internal state; every story sets its own, so they have no control. */
  adapter?: NewsAdapter;
  article?: Article;
  readingMinutes?: number;
  '--news-color-accent'?: string;
  '--news-color-muted'?: string;
  '--news-font-heading'?: string;
  '--news-font-body'?: string;
}

const ARTICLE_ID = 'harbour-bridge-vote';
const HEADLINE = 'Will Kestrel Bay make drivers pay to fix its harbour bridge?';
const DEK =
  'Councillors vote on Tuesday on how to pay for a $214 million repair of the Northgate Harbour Bridge. A toll, a 30-year bond and a rates rise are on the table, and none of them is painless.';

/** The reader poll that the data-mode article embeds. */

/** A comment by a reader known only by name. */
const comment = (id: string, name: string, body: string, minutes: number, likes: number, parentId: string | null = null) =>
  storyComment(id, { id: `reader-${id}`, name }, body, minutes, { likes, parentId, threadId: ARTICLE_ID });

/** The article as `GET /articles/{id}` returns it, with one block of every type the renderer knows. */
function everyBlockArticle(): Article {
  return {
    id: ARTICLE_ID,
    url: `/articles/${ARTICLE_ID}`,
    kicker: 'City Hall',
    headline: HEADLINE,
    dek: DEK,
    author: 'Metro Bureau',
    authorHref: '/authors/metro-bureau',
    publishedAt: hoursAgo(3),
    updatedAt: minutesAgo(40),
    hero: bridgeHero,
    blocks: [
      {
        type: 'paragraph',
        content: [
          'Kestrel Bay’s city council will decide on Tuesday how to pay for the ',
          { text: 'biggest repair in the 58-year history', bold: true },
          ' of the Northgate Harbour Bridge, which carries about 61,000 vehicles a day. Read the ',
          { text: 'inspection report', href: '/documents/northgate-inspection' },
          ' or the ',
          { text: 'finance committee’s summary', italic: true },
          ' before the vote.',
        ],
      },
      { type: 'heading', level: 2, text: 'What is wrong with the bridge' },
      {
        type: 'paragraph',
        content: [
          'A city inspection last spring found corrosion in 14 of the bridge’s 40 steel bearings and cracks in the concrete deck above the main shipping channel.',
        ],
      },
      {
        type: 'quote',
        content: ['Nobody on this council disputes that the bridge needs fixing. The argument is about who carries the bill, and for how long.'],
        cite: 'Ines Halvorsen, Mayor of Kestrel Bay',
      },
      {
        type: 'figure',
        src: storyAsset('harbour.svg'),
        alt: 'Fishing boats moored below the eastern quay at sunset',
        caption: 'The eastern quay, where freight operators say night closures would cost them most.',
        credit: 'Image Credits - Courier Graphics Desk',
        width: 320,
        height: 240,
      },
      { type: 'heading', level: 3, text: 'Three ways to pay' },
      {
        type: 'list',
        items: [
          ['A toll of ', { text: '$2.50 per crossing', bold: true }, ' for about 11 years'],
          ['A 30-year municipal bond, adding roughly $96 million in interest'],
          ['A five-year rise in property rates of about 4.8 percent'],
        ],
      },
      {
        type: 'did-you-know',
        text: 'The Northgate Harbour Bridge opened in 1968 and was designed for about 20,000 vehicles a day. It now carries three times that number.',
      },
      { type: 'heading', level: 4, text: 'What happens after Tuesday' },
      {
        type: 'list',
        ordered: true,
        items: [
          ['The council votes on a plan'],
          ['The regional transport authority approves any toll'],
          ['Contracts are signed and work starts by the autumn'],
        ],
      },
      {
        type: 'also-read',
        href: '/articles/eastshore-ferry-subsidy',
        headline: 'Eastshore ferry keeps its subsidy for one more winter',
        image: storyAsset('related-ferry.svg'),
      },
      { type: 'poll', pollId: bridgePoll().id },
      { type: 'comments' },
      { type: 'related', limit: 4 },
    ],
  };
}

/** A fresh in-memory backend per render, so one story's failure switch never leaks into another. */
function storyAdapter(latencyMs = 150): MemoryAdapter {
  return createMemoryAdapter(
    {
      articles: [everyBlockArticle(), ...kestrelStories()],
      polls: [bridgePoll()],
      comments: [
        comment('c1', 'Lena Marsh', 'I cross this bridge twice a day. Fix it first, argue about the bill afterwards.', 95, 12),
        comment('c2', 'Tomás Reyes', 'A toll only makes sense if the ferry keeps running as the alternative.', 60, 5),
        comment('c2r1', 'Priya Natarajan', 'The ferry subsidy was renewed for one more winter, so for now it does.', 45, 2, 'c2'),
      ],
    },
    { latencyMs },
  );
}

/** The header of the light-DOM article: kicker, headline, dek, byline and hero. */
function header({ headline = HEADLINE, published = hoursAgo(3) }: { headline?: string; published?: string } = {}) {
  return html`
    <p slot="kicker">City Hall</p>
    <h1 slot="headline">${headline}</h1>
    <p slot="dek">${DEK}</p>
    <news-byline slot="byline" author="Metro Bureau" published=${published} reading-time="auto"></news-byline>
    <figure slot="hero">
      <img src=${bridgeHero.src} alt=${bridgeHero.alt} width="1200" height="675" />
      <figcaption>${bridgeHero.caption} <span class="credit">${bridgeHero.credit}</span></figcaption>
    </figure>
  `;
}

/** About 310 words of body: subheadings, a quote and a list. */
const body = html`
  <p>
    Kestrel Bay’s city council will decide on Tuesday how to pay for the biggest repair in the 58-year history of the Northgate Harbour
    Bridge, the four-lane crossing that carries about 61,000 vehicles a day between the city centre and the Eastshore suburbs.
  </p>
  <p>Engineers say the work cannot wait much longer. How the city pays for it has split the council, the business community and the people who cross the harbour every morning.</p>
  <h2>What is wrong with the bridge</h2>
  <p>
    A city inspection last spring found corrosion in 14 of the bridge’s 40 steel bearings and cracks in the concrete deck above the main
    shipping channel. The report rated the structure “fair but deteriorating” and warned that weight limits for lorries could follow within
    three years if nothing is done.
  </p>
  <blockquote>
    <p>Nobody on this council disputes that the bridge needs fixing. The argument is about who carries the bill, and for how long.</p>
    <footer>Ines Halvorsen, Mayor of Kestrel Bay</footer>
  </blockquote>
  <h2>Three ways to pay</h2>
  <p>City staff have put three funding options in front of councillors:</p>
  <ul>
    <li>a toll of <strong>$2.50 per crossing</strong> for cars, which would cover the cost in about 11 years;</li>
    <li>a 30-year municipal bond, with roughly <strong>$96 million</strong> of interest on top;</li>
    <li>a rise in property rates of about <strong>4.8 percent</strong> for five years.</li>
  </ul>
  <p>
    Councillor Tomas Reyes-Whitcombe, who chairs the finance committee, favours a mix: a smaller toll of $1 and a shorter bond. “A blend keeps
    the toll low and the debt short,” he said. “It is the least bad option we have.”
  </p>
  <h2>What happens after Tuesday</h2>
  <p>
    If councillors approve a plan, contracts could be signed early next year and work could start by the autumn. A toll would also need
    approval from the regional transport authority, which could add six months.
  </p>
  <p>
    Residents can still give their views through the city’s <a href="/consultations/northgate-bridge">online consultation</a>, which closes
    at midnight on Monday.
  </p>
`;

/** Wraps an article at a readable measure, as a publisher's column would. */
const column = (content: TemplateResult) => html`<div style="max-width: 42rem; margin-inline: auto">${content}</div>`;

const logError = action('news-error');

const renderPlayground = ({ 'article-id': articleId, endpoint, 'words-per-minute': wordsPerMinute, source, ...rest }: ArticleArgs) => {
  const dataMode = source === 'data (adapter)';
  const { adapter: _adapter, article: _article, readingMinutes: _minutes, ...tokens } = rest;
  return column(html`
    <news-article
      article-id=${ifDefined(articleId || undefined)}
      endpoint=${ifDefined(endpoint || undefined)}
      words-per-minute=${ifDefined(wordsPerMinute || undefined)}
      .adapter=${storyAdapter()}
      style=${cssProperties(tokens)}
      @news-error=${(event: CustomEvent) => logError(event.detail)}
      >${dataMode ? nothing : html`${header()}${body}`}</news-article
    >
  `);
};

const meta: Meta<ArticleArgs> = {
  title: 'Elements/Article',
  component: 'news-article',
  render: renderPlayground,
  argTypes: {
    'words-per-minute': { control: { type: 'number', min: 50, max: 600, step: 10 } },
    source: {
      control: 'inline-radio',
      options: ['light DOM', 'data (adapter)'],
      description: 'Story-only: the light-DOM article below, or an empty body that loads `article-id` from an in-memory adapter.',
      table: { category: 'story' },
    },
    adapter: { control: false },
    article: { control: false },
    readingMinutes: { control: false },
    '--news-color-accent': { control: 'color' },
    '--news-color-muted': { control: 'color' },
    '--news-font-heading': { control: 'text' },
    '--news-font-body': { control: 'text' },
  },
  args: { 'article-id': ARTICLE_ID, source: 'light DOM' },
};
export default meta;

type Story = StoryObj<ArticleArgs>;

export const Playground: Story = {
  args: { 'words-per-minute': 230 },
  parameters: {
    docs: {
      description: {
        story:
          'Change `words-per-minute` and watch the byline’s reading time follow; switch `source` to data to render the same article from `GET /articles/{id}` through an in-memory adapter. The docs table comes from the custom elements manifest.',
      },
    },
  },
};

export const LightDom: Story = {
  name: 'Light-DOM article',
  render: () => column(html`<news-article article-id=${ARTICLE_ID}>${header()}${body}</news-article>`),
  parameters: {
    docs: {
      description: {
        story:
          'The publisher’s own HTML, as most pages will use it: kicker, headline, dek, a byline with `reading-time="auto"` (about 310 words, so "2 min read"), a hero with caption and "Image Credits" credit, and a body with subheadings, a quote and a list, styled by the zero-specificity article typography.',
      },
    },
  },
};

export const DataLoaded: Story = {
  name: 'Data mode: loaded',
  render: () => column(html`<news-article article-id=${ARTICLE_ID} .adapter=${storyAdapter()}></news-article>`),
  parameters: {
    docs: {
      description: {
        story:
          'An empty `<news-article article-id>`: the article arrives from the adapter as blocks, one of every type (paragraph with bold, italic and a link, h2–h4, quote, figure, both lists, did-you-know, also-read, poll, comments, related). The widgets below the fold load as you scroll to them.',
      },
    },
  },
};

export const DataLoading: Story = {
  name: 'Data mode: loading',
  render: () => {
    const adapter = storyAdapter();
    adapter.hang('getArticle');
    return column(html`<news-article article-id=${ARTICLE_ID} .adapter=${adapter}></news-article>`);
  },
  parameters: {
    docs: {
      description: {
        story:
          '`getArticle` never answers: a pulsing skeleton of headline, lines and a 16:9 hero holds the article’s height, so nothing below it jumps when it arrives.',
      },
    },
  },
};

export const DataError: Story = {
  name: 'Data mode: error',
  render: () => {
    const adapter = storyAdapter();
    // One failure only, so "Try again" shows the recovery.
    adapter.fail('getArticle', 500, 1);
    return column(
      html`<news-article article-id=${ARTICLE_ID} .adapter=${adapter} @news-error=${(event: CustomEvent) => logError(event.detail)}></news-article>`,
    );
  },
  parameters: {
    docs: {
      description: {
        story:
          'The first `getArticle` fails (HTTP 500): a localized "This article could not be loaded." with a "Try again" button, one console warning and a `news-error` event. Trying again loads the article.',
      },
    },
  },
};

const longHeadline =
  'Will Kestrel Bay make drivers pay to fix its harbour bridge, or will councillors once again put off a decision that engineers, traders and commuters on both shores say cannot wait another winter?';

/** Eight sections of body: about 1,600 words, so "7 min read". */
const longBody = Array.from(
  { length: 8 },
  (_, section) => html`
    <h2>${['Background', 'The inspection', 'The money', 'The commuters', 'The traders', 'The freight yards', 'The politics', 'What comes next'][section]}</h2>
    <p>
      Kestrel Bay’s city council will decide on Tuesday how to pay for the biggest repair in the 58-year history of the Northgate Harbour
      Bridge, the four-lane crossing that carries about 61,000 vehicles a day between the city centre and the Eastshore suburbs. Engineers say
      the work cannot wait much longer, and how the city pays for it has split the council.
    </p>
    <p>
      A city inspection last spring found corrosion in 14 of the bridge’s 40 steel bearings and cracks in the concrete deck above the main
      shipping channel. The report rated the structure “fair but deteriorating” and warned that weight limits for lorries could follow within
      three years if nothing is done. Inspectors said the damage is typical for a steel bridge of its age in salt air.
    </p>
    <p>
      Each option moves the cost onto a different group. A toll falls mainly on Eastshore commuters, many of whom have no practical
      alternative: the nearest other crossing is a 25-minute detour. A rates rise spreads the bill across all 142,000 residents, including those
      who rarely use the bridge, and the bond shifts part of it onto taxpayers who are not yet old enough to vote.
    </p>
  `,
);

export const Long: Story = {
  name: 'Long headline, long article',
  render: () =>
    column(html`<news-article article-id=${ARTICLE_ID}>
      ${header({ headline: longHeadline })}
      <p>
        The full agenda, with every funding model the council’s staff have costed, is published at
        https://www.kestrelbay.example/council/meetings/2026/budget-session/agenda-item-14/northgate-harbour-bridge-funding-options.
      </p>
      ${longBody}
    </news-article>`),
  parameters: {
    docs: {
      description: {
        story:
          'A 33-word headline that wraps over several balanced lines, an unbroken URL in the body, and about 1,600 words of body ("7 min read" in the byline): nothing may overflow the column.',
      },
    },
  },
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  render: () =>
    column(html`<news-article article-id=${ARTICLE_ID}>
      <p slot="kicker">البلدية</p>
      <h1 slot="headline">هل ستدفع خليج كيستريل السائقين ثمن إصلاح جسر الميناء؟</h1>
      <p slot="dek">يصوّت أعضاء المجلس يوم الثلاثاء على طريقة تمويل إصلاح جسر نورثغيت بتكلفة 214 مليون دولار: رسم عبور أو سندات لثلاثين عامًا أو زيادة في ضريبة العقارات.</p>
      <news-byline slot="byline" author="مكتب المدينة" published=${hoursAgo(3)} reading-time="auto"></news-byline>
      <figure slot="hero">
        <img src=${bridgeHero.src} alt="جسر نورثغيت عند الغسق من الضفة الغربية، وخلفه رافعات الحاويات" width="1200" height="675" />
        <figcaption>جسر نورثغيت عند الغسق من الضفة الغربية، وخلفه رافعات الحاويات. <span class="credit">حقوق الصورة - قسم الرسوم في الصحيفة</span></figcaption>
      </figure>
      <p>يقرر مجلس مدينة خليج كيستريل يوم الثلاثاء كيفية تمويل أكبر عملية إصلاح في تاريخ جسر نورثغيت الممتد على 58 عامًا، وهو الجسر الذي تعبره نحو 61 ألف مركبة يوميًا.</p>
      <h2>ما الخلل في الجسر؟</h2>
      <p>وجد فحص أجرته المدينة في الربيع الماضي تآكلًا في 14 من أصل 40 محملًا فولاذيًا، وتشققات في السطح الخرساني فوق قناة الملاحة الرئيسية.</p>
      <blockquote>
        <p>لا أحد في هذا المجلس يشكك في حاجة الجسر إلى الإصلاح. الخلاف حول من يدفع الفاتورة، ولكم من الوقت.</p>
        <footer>إينس هالفورسن، رئيسة البلدية</footer>
      </blockquote>
      <h2>ثلاث طرق للدفع</h2>
      <ul>
        <li>رسم عبور قدره <strong>2.50 دولار</strong> لكل عبور لمدة 11 عامًا تقريبًا؛</li>
        <li>سندات بلدية لمدة 30 عامًا؛</li>
        <li>زيادة في ضريبة العقارات بنحو 4.8 في المئة لخمس سنوات.</li>
      </ul>
      <p>ويمكن للسكان إبداء آرائهم عبر <a href="/consultations/northgate-bridge">الاستشارة الإلكترونية</a> التي تُغلق منتصف ليل الاثنين.</p>
    </news-article>`),
  globals: { locale: 'ar' },
  parameters: {
    docs: {
      description: {
        story:
          'An Arabic page (`lang="ar"`, right to left): the kicker, quote rule and list markers sit on the right, the byline reads "بقلم مكتب المدينة" with Arabic initials and a localized reading time and date.',
      },
    },
  },
};

export const Dark: Story = {
  render: () => column(html`<news-article article-id=${ARTICLE_ID}>${header()}${body}</news-article>`),
  globals: { theme: 'dark' },
  parameters: {
    docs: {
      description: {
        story: 'On a dark page with no tokens set: kicker, links and the quote rule switch to their light-on-dark accent, dek and caption stay legible.',
      },
    },
  },
};

export const Phone: Story = {
  name: 'Phone width',
  render: () => html`<news-article article-id=${ARTICLE_ID}>${header()}${body}</news-article>`,
  globals: { viewport: { value: 'phone', isRotated: false } },
  parameters: {
    docs: {
      description: {
        story: 'A 375 px phone: the headline scales down with the viewport, the hero fills the width, and the byline wraps without crowding the avatar.',
      },
    },
  },
};
