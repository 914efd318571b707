/**
 * Demo data for the memory adapter: one fictional article page (the harbour bridge story the demo
 * server also tells) with related stories, polls in every state and a comment thread with replies.
 * For stories, tests and offline demos only; no element imports this file.
 */
import type { Article, Comment, Poll, User } from '../core/types.js';
import type { MemorySeed } from './types.js';

export const DEMO_ARTICLE_ID = 'harbour-bridge-vote';
/** The article's thread; `<news-comments>` defaults its thread id to the article id. */
export const DEMO_THREAD_ID = DEMO_ARTICLE_ID;
/** Open, results after voting, 524 votes: the reader poll of the reference page. */
export const DEMO_POLL_ID = 'harbour-bridge-funding';
export const DEMO_POLL_IDS = {
  open: DEMO_POLL_ID,
  always: 'ferry-timetable',
  closed: 'bridge-name',
  multiple: 'waterfront-priorities',
  afterClose: 'toll-level',
} as const;
/** A thread without comments, and one whose new comments wait for moderation. */
export const DEMO_EMPTY_THREAD_ID = 'quiet-thread';
export const DEMO_PREMODERATED_THREAD_ID = 'moderated-thread';

/** The reader a story signs in with `adapter.setUser(demoReader)` or `createDemoSeed({ signedIn: true })`. */
export const demoReader: User = { id: 'reader-sam', name: 'Sam Okafor', avatar: null };

const people: User[] = [
  { id: 'reader-lena', name: 'Lena Marsh' },
  { id: 'reader-tomas', name: 'Tomás Reyes' },
  { id: 'reader-priya', name: 'Priya Natarajan' },
  { id: 'reader-olu', name: 'Olu Adeyemi' },
  { id: 'reader-jo', name: 'Jo Whitcombe' },
];

export interface DemoSeedOptions {
  /** Start signed in as {@link demoReader}. Default false. */
  signedIn?: boolean;
  /** Extra generated top-level comments, for long threads and "load more". Default 0. */
  extraComments?: number;
  /** The adapter clock; comment times are relative to it. Default: the real time. */
  now?: Date;
}

function summary(id: string, headline: string, kicker: string, daysAgo: number, now: number): Article {
  return {
    id,
    url: `/articles/${id}`,
    headline,
    kicker,
    section: kicker.toLowerCase(),
    image: `/demo/img/${id}.svg`,
    imageAlt: '',
    publishedAt: new Date(now - daysAgo * 86_400_000).toISOString(),
    blocks: [{ type: 'paragraph', content: [headline + '.'] }],
  };
}

function poll(id: string, question: string, labels: string[], votes: number[], extra: Partial<Poll> = {}): Poll {
  return {
    id,
    question,
    options: labels.map((label, i) => ({ id: `${id}-${i + 1}`, label, votes: votes[i] ?? 0 })),
    totalVotes: null,
    multiple: false,
    maxChoices: null,
    status: 'open',
    closesAt: null,
    results: 'after-vote',
    myVote: null,
    ...extra,
  };
}

/** A fresh seed each call, so one story's votes and comments never leak into another. */
export function createDemoSeed(options: DemoSeedOptions = {}): MemorySeed {
  const now = (options.now ?? new Date()).getTime();
  const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

  const article: Article = {
    id: DEMO_ARTICLE_ID,
    url: `/articles/${DEMO_ARTICLE_ID}`,
    kicker: 'City',
    headline: 'Will the harbour bridge finally be rebuilt after this week’s council vote?',
    dek: 'Councillors back a repair plan in principle, but the money and the timetable are still open questions.',
    author: 'Metro Bureau',
    publishedAt: ago(180),
    updatedAt: ago(45),
    hero: {
      src: '/demo/img/hero-bridge.svg',
      alt: 'The old harbour bridge at dusk, with scaffolding on its northern arch',
      caption: 'The old harbour bridge at dusk, with scaffolding on its northern arch.',
      credit: 'Metro Bureau',
    },
    blocks: [
      { type: 'paragraph', content: ['The council voted 31 to 12 on Tuesday to keep the harbour bridge open while its arches are rebuilt.'] },
      { type: 'heading', text: 'What was decided', level: 2 },
      { type: 'paragraph', content: ['Engineers will start on the northern arch in spring; traffic keeps one lane each way.'] },
      { type: 'did-you-know', text: 'The bridge opened in 1911 and was built for horse-drawn carts.' },
      { type: 'heading', text: 'Who pays', level: 2 },
      { type: 'paragraph', content: ['The plan needs a regional grant that will not be decided before the summer.'] },
      { type: 'also-read', href: '/articles/eastshore-ferry-subsidy' },
      { type: 'poll', pollId: DEMO_POLL_ID },
      { type: 'comments' },
      { type: 'related', limit: 4 },
    ],
  };

  const articles = [
    article,
    summary('eastshore-ferry-subsidy', 'Eastshore ferry keeps its subsidy for one more winter', 'Transport', 4, now),
    summary('port-authority-surplus', 'Port authority posts its first surplus in six years', 'Business', 6, now),
    summary('old-town-tram-trial', 'Old town tram trial extended after record summer', 'Transport', 9, now),
    summary('harbour-wall-survey', 'Survey finds the harbour wall sound, but the steps need work', 'City', 12, now),
  ];

  const polls: Poll[] = [
    poll(
      DEMO_POLL_ID,
      'What is the most credible next step after the council vote?',
      [
        'Apply for the regional grant first',
        'Start repairs now and borrow the rest',
        'Hold a public consultation on the options',
        'Close the bridge until the money is found',
      ],
      [212, 141, 118, 53],
    ),
    poll(DEMO_POLL_IDS.always, 'Should the ferry run later on weekends?', ['Yes', 'No', 'Only in summer'], [88, 21, 40], {
      results: 'always',
    }),
    poll(DEMO_POLL_IDS.closed, 'Which name should the rebuilt bridge carry?', ['Harbour Bridge', 'Founders’ Crossing', 'Tide Gate'], [301, 122, 77], {
      status: 'closed',
      closesAt: ago(60 * 24 * 3),
    }),
    poll(
      DEMO_POLL_IDS.multiple,
      'Which waterfront projects matter most to you? (up to two)',
      ['Cycle lanes', 'Market hall', 'Swimming spot', 'More benches'],
      [64, 51, 80, 23],
      {
        multiple: true,
        maxChoices: 2,
        totalVotes: 131,
      },
    ),
    poll(DEMO_POLL_IDS.afterClose, 'What should a crossing cost during the works?', ['Nothing', '50 cents', '1 euro'], [40, 33, 12], {
      results: 'after-close',
      closesAt: new Date(now + 86_400_000 * 2).toISOString(),
    }),
  ];

  const [lena, tomas, priya, olu, jo] = people as [User, User, User, User, User];
  const c = (id: string, author: User, body: string, minutesAgo: number, likes: number, parentId: string | null = null): Comment => ({
    id,
    threadId: DEMO_THREAD_ID,
    parentId,
    author,
    body,
    createdAt: ago(minutesAgo),
    editedAt: null,
    status: 'published',
    likes,
    likedByMe: false,
    mine: false,
    replyCount: 0,
  });
  const comments: Comment[] = [
    c('demo-c1', lena, 'Finally. I cross this bridge twice a day and the potholes on the north side are getting worse every month.', 150, 14),
    c('demo-c2', tomas, 'One lane each way for two years? The queues at the roundabout are already long at 8am.', 120, 9),
    c('demo-c2r1', priya, 'The article says the works are phased, so it should only be one lane for part of it.', 110, 4, 'demo-c2'),
    c('demo-c2r2', tomas, 'Fair, I missed that. Still want to see the traffic plan.', 100, 2, 'demo-c2r1'),
    c('demo-c3', olu, 'Details of the grant are here: https://example.org/regional-grants\nWorth reading before anyone votes on the options.', 80, 6),
    c('demo-c4', jo, 'Keep the old railings if you can. They are part of what makes the bridge ours.', 30, 11),
    c('demo-c4r1', lena, 'Agreed, and the lamps too.', 25, 3, 'demo-c4'),
  ];
  for (let i = 1; i <= (options.extraComments ?? 0); i++) {
    comments.push(c(`demo-x${i}`, people[i % people.length]!, `Comment number ${i} in a long thread.`, 200 + i * 7, i % 5));
  }

  return {
    user: options.signedIn ? demoReader : null,
    // Without an explicit time the adapter keeps the real clock, so edit windows elapse as usual.
    now: options.now,
    articles,
    related: { [DEMO_ARTICLE_ID]: articles.slice(1).map((a) => a.id) },
    polls,
    comments,
    premoderatedThreads: [DEMO_PREMODERATED_THREAD_ID],
    counts: { 'eastshore-ferry-subsidy': 12, 'port-authority-surplus': 1 },
    reads: { 'port-authority-surplus': 410, 'eastshore-ferry-subsidy': 320, 'old-town-tram-trial': 150, 'harbour-wall-survey': 90 },
  };
}
