/** Small helpers shared by the stories files; not part of the library. */
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Comment, Poll, User } from '../../src/core/types.ts';

/** Picks the CSS custom property args (`--news-…`) a Playground sets, ready for `style=${…}`. */
export function cssProperties(args: object) {
  const entries = Object.entries(args).filter(([name, value]) => name.startsWith('--') && typeof value === 'string' && value.trim() !== '');
  return styleMap(Object.fromEntries(entries) as Record<string, string>);
}

/**
 * Places an element between two paragraphs of article text, so designers judge its spacing and
 * contrast against body copy rather than alone on an empty canvas.
 */
export function inArticle(element: TemplateResult, lang: 'en' | 'ar' | 'es' = 'en'): TemplateResult {
  const text = {
    en: [
      'The harbour authority confirmed on Tuesday that the eastern quay will reopen to fishing boats next month, after a winter of repairs that cost more than twice the original estimate.',
      'Local traders said the delay had hurt the spring season, but welcomed the new lighting and the wider slipway that now lets two boats unload at once.',
    ],
    es: [
      'La autoridad portuaria confirmó el martes que el muelle este reabrirá a los barcos pesqueros el próximo mes, tras un invierno de reparaciones que costaron más del doble de lo previsto.',
      'Los comerciantes locales dijeron que el retraso perjudicó la temporada de primavera, pero celebraron la nueva iluminación y la rampa más ancha.',
    ],
    ar: [
      'أكدت هيئة الميناء يوم الثلاثاء أن الرصيف الشرقي سيُعاد افتتاحه أمام قوارب الصيد الشهر المقبل، بعد شتاء من أعمال الإصلاح التي كلّفت أكثر من ضعف التقديرات الأولية.',
      'وقال التجار المحليون إن التأخير أضرّ بموسم الربيع، لكنهم رحّبوا بالإنارة الجديدة والمنحدر الأوسع الذي يتيح لقاربين التفريغ في آن واحد.',
    ],
  }[lang];
  return html`<article style="max-width: 40rem; margin-inline: auto">
    <p>${text[0]}</p>
    ${element}
    <p>${text[1]}</p>
  </article>`;
}

/** An ISO date `minutes` before now, so relative dates ("3 hours ago") read the same on any day. */
export function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

export const hoursAgo = (hours: number) => minutesAgo(hours * 60);
export const daysAgo = (days: number) => minutesAgo(days * 24 * 60);

/** A story image from `stories/assets/`, which Storybook serves at `./news-assets/`. */
export const storyAsset = (name: string) => `./news-assets/${name}`;

/** The drawn hero of the harbour bridge story (1200 × 675), with its description and credit. */
export const bridgeHero = {
  src: storyAsset('bridge-hero.svg'),
  alt: 'The Northgate Harbour Bridge at dusk, seen from the western shore, with container cranes on the far side of the harbour',
  caption: 'The Northgate Harbour Bridge at dusk, seen from the western shore, with container cranes on the far side of the harbour.',
  credit: 'Image Credits - Courier Graphics Desk',
  width: 1200,
  height: 675,
};

/**
 * Four other stories of the fictional Kestrel Bay Courier, each with a drawn 16:9 thumbnail: what
 * the related list and the also-read links point to. Dates are relative to now, newest first.
 */
export function kestrelStories() {
  return [
    {
      id: 'eastshore-ferry-subsidy',
      url: '/articles/eastshore-ferry-subsidy',
      kicker: 'Transport',
      headline: 'Eastshore ferry keeps its subsidy for one more winter',
      image: storyAsset('related-ferry.svg'),
      imageAlt: '',
      publishedAt: daysAgo(2),
      blocks: [],
    },
    {
      id: 'port-authority-surplus',
      url: '/articles/port-authority-surplus',
      kicker: 'Business',
      headline: 'Port authority posts its first surplus in six years as container traffic recovers',
      image: storyAsset('related-port.svg'),
      imageAlt: '',
      publishedAt: daysAgo(4),
      blocks: [],
    },
    {
      id: 'kestrel-bay-rates-compared',
      url: '/articles/kestrel-bay-rates-compared',
      kicker: 'City Hall',
      headline: 'How Kestrel Bay’s property rates compare with its neighbours',
      image: storyAsset('related-rates.svg'),
      imageAlt: '',
      publishedAt: daysAgo(8),
      blocks: [],
    },
    {
      id: 'harbourside-night-market',
      url: '/articles/harbourside-night-market',
      kicker: 'Business',
      headline: 'Harbourside traders bet on a winter night market to bring back evening crowds',
      image: storyAsset('related-market.svg'),
      imageAlt: '',
      publishedAt: daysAgo(10),
      blocks: [],
    },
  ];
}

/** The demo article's poll: 187 + 142 + 68 + 127 = 524 votes; override any field. */
export function bridgePoll(overrides: Partial<Poll> = {}): Poll {
  return {
    id: 'harbour-bridge-funding',
    question: 'What is the most credible next step after the bridge inspection report?',
    options: [
      { id: 'toll', label: 'A $2.50 toll until the repair is paid off', votes: 187 },
      { id: 'bond', label: 'A 30-year bond that spreads the cost', votes: 142 },
      { id: 'rates', label: 'A five-year rise in property rates', votes: 68 },
      { id: 'blend', label: 'A smaller toll combined with a shorter bond', votes: 127 },
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

/** A published comment posted `minutes` ago, for seeding a story's memory adapter. */
export function storyComment(
  id: string,
  author: User,
  body: string,
  minutes: number,
  { likes = 0, parentId = null, threadId = 'harbour-bridge-vote' }: { likes?: number; parentId?: string | null; threadId?: string } = {},
): Comment {
  return {
    id,
    threadId,
    parentId,
    author,
    body,
    createdAt: minutesAgo(minutes),
    editedAt: null,
    status: 'published',
    likes,
    likedByMe: false,
    mine: false,
    replyCount: 0,
  };
}
