/**
 * Demo data the reference server seeds on first start: the article shown on the demo
 * page (`demo/index.html`), four related stories, the reader poll, a comment thread and the
 * markets feed of the page's live-data box.
 *
 * The article text here and the light-DOM text of `demo/index.html` are the same story;
 * `server/test/demo-content.test.ts` compares them block by block, so edit both together.
 * Everything is fictional: the city, the bridge, the people and the publisher.
 */
import type { Article, ArticleBlock, ArticleSummary, FeedValue, InlineNode } from '../../../src/core/contract.ts';

export interface DemoPollSeed {
  id: string;
  question: string;
  options: { id: string; label: string }[];
  /** Starting vote count per option id. */
  votes: Record<string, number>;
  multiple: boolean;
  results: 'after-vote' | 'always' | 'after-close';
  closesAt: string | null;
}

export interface DemoCommentSeed {
  id: string;
  parentId: string | null;
  author: { id: string; name: string; avatar?: string | null };
  /** Plain text as the reader typed it (line breaks kept, URLs not linked yet). */
  body: string;
  /** Age at seeding time, so the thread always looks recent. */
  minutesAgo: number;
  likes: number;
}

export interface DemoThreadSeed {
  id: string;
  comments: DemoCommentSeed[];
}

const ARTICLE_ID = 'harbour-bridge-vote';
const POLL_ID = 'harbour-bridge-funding';

export const relatedArticles: ArticleSummary[] = [
  {
    id: 'eastshore-ferry-subsidy',
    url: '/articles/eastshore-ferry-subsidy',
    headline: 'Eastshore ferry keeps its subsidy for one more winter',
    image: '/demo/img/related-ferry.svg',
    imageAlt: 'A red and white passenger ferry crossing the harbour on a clear day',
    publishedAt: '2026-11-26T07:00:00Z',
    kicker: 'Transport',
  },
  {
    id: 'port-authority-surplus',
    url: '/articles/port-authority-surplus',
    headline: 'Port authority posts its first surplus in six years as container traffic recovers',
    image: '/demo/img/related-port.svg',
    imageAlt: 'Stacked shipping containers beside an orange container crane',
    publishedAt: '2026-11-24T11:45:00Z',
    kicker: 'Business',
  },
  {
    id: 'kestrel-bay-rates-compared',
    url: '/articles/kestrel-bay-rates-compared',
    headline: 'How Kestrel Bay’s property rates compare with its neighbours',
    image: '/demo/img/related-rates.svg',
    imageAlt: 'A bar chart of four councils’ property rates, with Kestrel Bay’s bar highlighted under a house icon',
    publishedAt: '2026-11-20T06:30:00Z',
    kicker: 'Explainer',
  },
  {
    id: 'harbourside-night-market',
    url: '/articles/harbourside-night-market',
    headline: 'Harbourside traders bet on a winter night market to bring back evening crowds',
    image: '/demo/img/related-night-market.svg',
    imageAlt: 'Three market stalls under strings of warm lights at night',
    publishedAt: '2026-11-18T17:20:00Z',
    kicker: 'Local business',
  },
];

const [ferryStory, , ratesStory] = relatedArticles as [ArticleSummary, ArticleSummary, ArticleSummary, ArticleSummary];

const p = (...content: InlineNode[]): ArticleBlock => ({ type: 'paragraph', content });
const h2 = (text: string): ArticleBlock => ({ type: 'heading', level: 2, text });

export const demoArticle: Article = {
  id: ARTICLE_ID,
  url: '/',
  kicker: 'City Hall',
  headline: 'Will Kestrel Bay make drivers pay to fix its harbour bridge?',
  dek: 'Councillors vote on Tuesday on how to pay for a $214 million repair of the Northgate Harbour Bridge. A toll, a 30-year bond and a rates rise are on the table, and none of them is painless.',
  author: 'Metro Bureau',
  authorHref: null,
  authorAvatar: null,
  publishedAt: '2026-11-28T09:30:00Z',
  updatedAt: null,
  lang: 'en',
  image: '/demo/img/hero-northgate-bridge.svg',
  imageAlt: 'The Northgate Harbour Bridge at dusk, seen from the western shore, with container cranes on the far side of the harbour',
  hero: {
    src: '/demo/img/hero-northgate-bridge.svg',
    alt: 'The Northgate Harbour Bridge at dusk, seen from the western shore, with container cranes on the far side of the harbour',
    caption: 'The Northgate Harbour Bridge at dusk, seen from the western shore, with container cranes on the far side of the harbour.',
    credit: 'Image Credits - Courier Graphics Desk',
    width: 1200,
    height: 675,
  },
  blocks: [
    p(
      'Kestrel Bay’s city council will decide on Tuesday how to pay for the biggest repair in the 58-year history of the Northgate Harbour Bridge, the four-lane crossing that carries about 61,000 vehicles a day between the city centre and the Eastshore suburbs.',
    ),
    p(
      'Engineers say the work cannot wait much longer. How the city pays for it has split the council, the business community and the people who cross the harbour every morning.',
    ),

    h2('What is wrong with the bridge'),
    p(
      'A city inspection last spring found corrosion in 14 of the bridge’s 40 steel bearings and cracks in the concrete deck above the main shipping channel. The report rated the structure “fair but deteriorating” and warned that weight limits for lorries could follow within three years if nothing is done. Inspectors said the damage is typical for a steel bridge of its age in salt air.',
    ),
    p(
      'The repair plan replaces the bearings, resurfaces the deck and adds a protected cycle lane. Work would take about 30 months, with one lane closed in each direction at night.',
    ),
    p(
      '“Nobody on this council disputes that the bridge needs fixing,” said Mayor Ines Halvorsen. “The argument is about who carries the bill, and for how long.”',
    ),

    h2('Three ways to pay'),
    p(
      'City staff have put three funding options in front of councillors. The first is a toll of ',
      { text: '$2.50 per crossing', bold: true },
      ' for cars, collected electronically, which staff estimate would cover the full cost in about 11 years before being removed.',
    ),
    p(
      'The second is a 30-year municipal bond. It spreads the cost over a generation, but interest would add roughly ',
      { text: '$96 million', bold: true },
      ' to the final price, according to the finance department.',
    ),
    p(
      'The third is a rise in property rates of about ',
      { text: '4.8 percent', bold: true },
      ', paid by every household and business in the city for five years.',
    ),

    {
      type: 'did-you-know',
      text: 'The Northgate Harbour Bridge opened in 1968 and was designed for about 20,000 vehicles a day. It now carries three times that number.',
    },

    h2('Who pays under each plan'),
    p(
      'Each option moves the cost onto a different group. A toll falls mainly on Eastshore commuters, many of whom have no practical alternative: the nearest other crossing is a 25-minute detour.',
    ),
    p(
      '“I cross twice a day, five days a week,” said Marek Lindqvist, a nurse at Kestrel Bay General Hospital. “That is more than a thousand dollars a year out of my pocket for a road everyone uses.”',
    ),
    p(
      'A rates rise spreads the bill across all 142,000 residents, including those who rarely use the bridge. The bond, meanwhile, shifts part of the cost onto taxpayers who are not yet old enough to vote.',
    ),

    { type: 'also-read', href: ferryStory.url, headline: ferryStory.headline },

    p(
      'Councillor Tomas Reyes-Whitcombe, who chairs the finance committee, favours a mix: a smaller toll of $1 and a shorter bond. “A blend keeps the toll low and the debt short,” he said. “It is the least bad option we have.”',
    ),

    h2('Businesses on both shores are split'),
    p(
      'The Harbourside Traders’ Association, which represents about 300 shops and restaurants near the western end of the bridge, has come out against a toll. Its chair, Priya Anand, said customers from Eastshore would simply stop coming.',
    ),
    p('“We saw it during the last closure,” she said. “Takings fell by a fifth in a month, and some places never recovered.”'),
    p(
      'Freight operators on the Eastshore industrial estate disagree. They argue that a toll, unlike a rates rise, charges the people who actually use the crossing, and that months of night closures will cost them far more than a fee.',
    ),

    { type: 'also-read', href: ratesStory.url, headline: ratesStory.headline },

    h2('What happens after Tuesday'),
    p(
      'If councillors approve a plan, contracts could be signed early next year and work could start by the autumn. A toll would also need approval from the regional transport authority, which could add six months.',
    ),
    p(
      'If the vote is deadlocked, the decision passes to a special budget meeting in January. Staff have warned that every year of delay adds about $7 million to the cost through inflation and further wear.',
    ),
    p(
      'Residents can still give their views through the city’s ',
      { text: 'online consultation', href: '/consultations/northgate-bridge' },
      ', which closes at midnight on Monday. The ',
      { text: 'Courier', italic: true },
      ' will report the result of Tuesday’s vote as it happens.',
    ),

    // The page-level widgets that follow the body on the demo page, for clients that render the whole page from blocks.
    { type: 'poll', pollId: POLL_ID },
    { type: 'comments', threadId: ARTICLE_ID },
    { type: 'related', limit: 4 },
  ],
};

export const demoPoll: DemoPollSeed = {
  id: POLL_ID,
  question: 'What is the most credible next step after the bridge inspection report?',
  options: [
    { id: 'toll', label: 'A $2.50 toll until the repair is paid off' },
    { id: 'bond', label: 'A 30-year bond that spreads the cost' },
    { id: 'rates', label: 'A five-year rise in property rates' },
    { id: 'blend', label: 'A smaller toll combined with a shorter bond' },
  ],
  // 187 + 142 + 68 + 127 = 524, the "Total votes: 524" of the reference page.
  votes: { toll: 187, bond: 142, rates: 68, blend: 127 },
  multiple: false,
  results: 'after-vote',
  closesAt: null,
};

const reader = (slug: string, name: string) => ({ id: `reader-${slug}`, name, avatar: null });
const hannah = reader('hannah-okafor', 'Hannah Okafor');
const declan = reader('declan-moss', 'Declan Moss');

export const demoThread: DemoThreadSeed = {
  id: ARTICLE_ID,
  comments: [
    {
      id: 'c-okafor-toll',
      parentId: null,
      author: hannah,
      body: 'I’d happily pay a toll if it actually comes off after 11 years. The last “temporary” charge this city introduced is still on my rates bill.',
      minutesAgo: 12,
      likes: 24,
    },
    {
      id: 'c-moss-which-levy',
      parentId: 'c-okafor-toll',
      author: declan,
      body: 'Which charge was that? Genuinely asking, I only moved here in 2023.',
      minutesAgo: 9,
      likes: 2,
    },
    {
      id: 'c-okafor-stormwater',
      parentId: 'c-moss-which-levy',
      author: hannah,
      body: 'The 2009 stormwater levy. It was meant to run for five years.',
      minutesAgo: 6,
      likes: 7,
    },
    {
      id: 'c-haddad-numbers',
      parentId: null,
      author: reader('samir-haddad', 'Samir Haddad'),
      body: [
        'A few numbers from the staff report, for anyone who hasn’t read it:',
        '',
        '- Toll: $2.50 a crossing, paid off in about 11 years',
        '- Bond: $214m plus roughly $96m in interest over 30 years',
        '- Rates: about 4.8% extra for five years',
        '',
        'The full report is on the council website: https://example.org/kestrel-bay/council/northgate-bridge-options.pdf',
        '',
        'Worth reading the section on night closures before you make up your mind.',
      ].join('\n'),
      minutesAgo: 45,
      likes: 31,
    },
    {
      id: 'c-adeyemi-interest',
      parentId: 'c-haddad-numbers',
      author: reader('ruth-adeyemi', 'Ruth Adeyemi'),
      body: 'Thanks for this. The interest on the bond is the part nobody at the meeting wanted to talk about.',
      minutesAgo: 40,
      likes: 5,
    },
    {
      id: 'c-brannigan-fix-it',
      parentId: null,
      author: reader('tom-brannigan', 'Tom Brannigan'),
      body: 'Fix it. Just fix it. Every option is better than waiting for a weight limit.',
      minutesAgo: 70,
      likes: 18,
    },
    {
      id: 'c-ferreira-cafe',
      parentId: null,
      author: reader('lucia-ferreira', 'Lucia Ferreira'),
      body: 'I run a café on Quay Street. Priya is right: when the bridge was closed for two weekends in 2022 we lost a third of our Saturday trade. For some of our regulars a toll would feel like a permanent closure.',
      minutesAgo: 95,
      likes: 12,
    },
    {
      id: 'c-achterberg-freight',
      parentId: 'c-ferreira-cafe',
      author: reader('ben-achterberg', 'Ben Achterberg'),
      body: 'But the freight lorries pay nothing extra under a rates rise, and they do most of the damage to the deck.',
      minutesAgo: 88,
      likes: 9,
    },
    {
      id: 'c-liu-lorries-only',
      parentId: 'c-ferreira-cafe',
      author: reader('grace-liu', 'Grace Liu'),
      body: 'Could the toll apply to lorries only? That seems fairer to everyone.',
      minutesAgo: 80,
      likes: 4,
    },
    {
      id: 'c-nasser-region',
      parentId: null,
      author: reader('ahmed-nasser', 'Ahmed Nasser'),
      body: 'Has anyone asked why the regional transport authority isn’t paying a share? Half the traffic on that bridge is passing through on the way to the port.',
      minutesAgo: 130,
      likes: 15,
    },
    {
      id: 'c-doyle-cycle-lane',
      parentId: null,
      author: reader('maggie-doyle', 'Maggie Doyle'),
      body: 'Cyclist here. Very glad the protected lane is in the plan, whichever way they pay for it.',
      minutesAgo: 180,
      likes: 9,
    },
    {
      id: 'c-vos-bond',
      parentId: null,
      author: reader('pieter-vos', 'Pieter Vos'),
      body: 'Bond. Spread the cost over the people who will use the bridge for the next 30 years. That is what bonds are for.',
      minutesAgo: 240,
      likes: 11,
    },
    {
      id: 'c-moss-interest',
      parentId: 'c-vos-bond',
      author: declan,
      body: 'Except we pay $96m extra for the privilege.',
      minutesAgo: 230,
      likes: 3,
    },
    {
      id: 'c-rahman-blend',
      parentId: null,
      author: reader('noor-rahman', 'Noor Rahman'),
      body: 'Blend.',
      minutesAgo: 300,
      likes: 2,
    },
  ],
};

/** The markets box at the top of the demo page (`<news-live-data feed-id="markets">`). */
export const demoFeed: { id: string; title: string; values: FeedValue[]; staleAfterSeconds: number | null } = {
  id: 'markets',
  title: 'Markets',
  values: [
    { id: 'harbour-50', label: 'Harbour 50', value: 4812.6, format: 'number', decimals: 1, change: 0.42, changeFormat: 'percent' },
    { id: 'port-freight', label: 'Port Freight Index', value: 1284.5, format: 'number', decimals: 1, change: -0.65, changeFormat: 'percent' },
    {
      id: 'coastal-dollar',
      label: 'Coastal dollar in US$',
      value: 0.6731,
      format: 'currency',
      currency: 'USD',
      decimals: 4,
      change: -0.18,
      changeFormat: 'percent',
    },
    { id: 'brent', label: 'Brent crude, US$', value: 81.24, format: 'currency', currency: 'USD', decimals: 2, change: 1.05, changeFormat: 'percent' },
  ],
  // Demo figures do not move on their own, so they make no promise to (a real feed would: e.g. 900).
  staleAfterSeconds: null,
};
