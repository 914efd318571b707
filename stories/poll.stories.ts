import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { action } from 'storybook/actions';
import '../src/poll/news-poll.ts';
import type { NewsVoteEvent } from '../src/core/events.ts';
import { createMemoryAdapter, type MemoryAdapter } from '../src/memory-adapter/index.ts';
import type { NewsAdapter, Poll, PollResultsVisibility } from '../src/core/types.ts';
import { bridgePoll, cssProperties, inArticle } from './support/story-helpers.ts';

interface PollArgs {
  'poll-id'?: string;
  question?: string;
  multiple?: boolean;
  'max-choices'?: number;
  results?: PollResultsVisibility;
  'closes-at'?: string;
  live?: boolean;
  loading?: 'lazy' | 'eager';
  /** JS properties; every story passes its own in-memory adapter and data, so they have no control. */
  adapter?: NewsAdapter;
  poll?: Poll;
  '--news-poll-bar-color'?: string;
  '--news-poll-bar-fill'?: string;
  '--news-poll-surface'?: string;
  '--news-poll-border-color'?: string;
}

const QUESTION = bridgePoll().question;

const arabicPoll = (overrides: Partial<Poll> = {}) =>
  bridgePoll({
    question: 'ما الخطوة التالية الأكثر مصداقية بعد تقرير فحص الجسر؟',
    options: [
      { id: 'toll', label: 'رسم عبور بقيمة 2.50 دولار حتى سداد تكلفة الإصلاح', votes: 187 },
      { id: 'bond', label: 'سندات لمدة 30 عامًا توزّع التكلفة', votes: 142 },
      { id: 'rates', label: 'زيادة ضريبة العقارات لمدة خمس سنوات', votes: 68 },
      { id: 'blend', label: 'رسم عبور أصغر مع سندات أقصر أجلًا', votes: 127 },
    ],
    ...overrides,
  });

/** A fresh in-memory backend per render, so one story's vote or failure switch never leaks into another. */
function storyAdapter(poll: Poll = bridgePoll(), latencyMs = 300): MemoryAdapter {
  return createMemoryAdapter({ polls: [poll] }, { latencyMs });
}

const logVote = action('news-vote');
const logError = action('news-error');

/** Logs `news-vote` and `news-error` in the Actions panel. */
const logEvents: Decorator = (story) => html`
  <div @news-vote=${(event: NewsVoteEvent) => logVote(event.detail)} @news-error=${(event: CustomEvent) => logError(event.detail)}>${story()}</div>
`;

/** A poll from the API (through `adapter`) with the controls' attributes. */
const renderPoll = (
  { 'poll-id': pollId, question, multiple, 'max-choices': maxChoices, results, 'closes-at': closesAt, live, loading, adapter, ...tokens }: PollArgs,
  options: TemplateResult | string = '',
) => html`
  <news-poll
    poll-id=${ifDefined(pollId || undefined)}
    question=${ifDefined(question || undefined)}
    ?multiple=${multiple}
    max-choices=${ifDefined(maxChoices || undefined)}
    results=${ifDefined(results || undefined)}
    closes-at=${ifDefined(closesAt || undefined)}
    ?live=${live}
    loading=${ifDefined(loading)}
    .adapter=${adapter ?? storyAdapter()}
    style=${cssProperties(tokens)}
    >${options}</news-poll
  >
`;

const inlineOptions = html`
  <option value="toll">A $2.50 toll until the repair is paid off</option>
  <option value="bond">A 30-year bond that spreads the cost</option>
  <option value="rates">A five-year rise in property rates</option>
  <option value="blend">A smaller toll combined with a shorter bond</option>
`;

const meta: Meta<PollArgs> = {
  title: 'Elements/Poll',
  component: 'news-poll',
  decorators: [logEvents],
  render: (args) => renderPoll(args),
  argTypes: {
    results: { control: 'inline-radio', options: ['after-vote', 'always', 'after-close'] },
    loading: { control: 'inline-radio', options: ['lazy', 'eager'] },
    'max-choices': { control: { type: 'number', min: 1, max: 12 } },
    adapter: { control: false },
    poll: { control: false },
    '--news-poll-bar-color': { control: 'color' },
    '--news-poll-bar-fill': { control: 'color' },
    '--news-poll-surface': { control: 'color' },
    '--news-poll-border-color': { control: 'color' },
  },
  args: { 'poll-id': 'harbour-bridge-funding', loading: 'eager' },
};
export default meta;

type Story = StoryObj<PollArgs>;

export const Playground: Story = {
  args: { question: QUESTION },
  parameters: {
    docs: {
      description: {
        story:
          'A poll served by a seeded in-memory backend (300 ms latency): vote, watch the optimistic results, then change `results`, `multiple` or the colour tokens. The docs table comes from the custom elements manifest.',
      },
    },
  },
};

export const Inline: Story = {
  name: 'Inline (no API)',
  render: () => html`<news-poll question=${QUESTION}>${inlineOptions}</news-poll>`,
  parameters: {
    docs: {
      description: {
        story:
          'Only the `question` attribute and `<option>` children, with no adapter at all: the choices render at once but are disabled, and the poll says voting is unavailable (the console gets one warning).',
      },
    },
  },
};

export const Loading: Story = {
  render: (args) => {
    const adapter = storyAdapter();
    adapter.hang('getPoll');
    return html`<div style="display: grid; gap: 24px">
      ${renderPoll({ ...args, adapter })} ${renderPoll({ ...args, adapter, question: QUESTION }, inlineOptions)}
    </div>`;
  },
  parameters: {
    docs: {
      description: {
        story:
          'The API never answers. Top: nothing inline, so a skeleton reserves the height of a four-choice poll. Bottom: the inline question and options show meanwhile; the Vote button waits for the server.',
      },
    },
  },
};

export const Open: Story = {
  args: { question: QUESTION },
  render: (args) => renderPoll(args, inlineOptions),
  parameters: {
    docs: { description: { story: 'Loaded and open, nothing chosen yet: the Vote button stays disabled until a choice is made.' } },
  },
};

export const Voted: Story = {
  render: (args) => renderPoll({ ...args, adapter: storyAdapter(bridgePoll({ myVote: ['bond'] })) }),
  parameters: {
    docs: {
      description: {
        story:
          'A reader who has voted sees the results on load: a bar, a percentage and a count per choice (percentages add up to exactly 100), their choice marked, and "Total votes".',
      },
    },
  },
};

export const Closed: Story = {
  render: (args) => renderPoll({ ...args, adapter: storyAdapter(bridgePoll({ status: 'closed', closesAt: '2026-11-20T18:00:00Z' })) }),
  parameters: {
    docs: { description: { story: 'A closed poll shows its final results and "Poll closed" to everyone, voter or not; nothing can be chosen.' } },
  },
};

export const ClosesSoon: Story = {
  name: 'Open with a closing time',
  render: (args) => renderPoll({ ...args, adapter: storyAdapter(bridgePoll({ closesAt: '2099-11-30T18:00:00Z' })) }),
  parameters: {
    docs: { description: { story: 'An open poll with a `closesAt`: the localized closing date and time sit beside the Vote button.' } },
  },
};

export const LoadError: Story = {
  name: 'Error',
  render: (args) => {
    const adapter = storyAdapter();
    adapter.fail('getPoll', 500);
    return renderPoll({ ...args, adapter });
  },
  parameters: {
    docs: {
      description: { story: 'The API fails every time: a clear, localized message with a "Try again" button, one console warning and a `news-error` event.' },
    },
  },
};

export const VoteFails: Story = {
  name: 'Vote fails (rollback)',
  render: (args) => {
    const adapter = storyAdapter(bridgePoll({ results: 'always' }), 600);
    adapter.fail('vote', 'network', 1);
    return renderPoll({ ...args, adapter });
  },
  parameters: {
    docs: {
      description: {
        story:
          "The first vote fails: the optimistic results roll back to the choices with the reader's pick kept, a message appears and focus returns to Vote. The second attempt succeeds.",
      },
    },
  },
};

export const HiddenResults: Story = {
  name: 'Hidden results (after-close)',
  render: (args) => renderPoll({ ...args, adapter: storyAdapter(bridgePoll({ results: 'after-close', myVote: ['toll'] })) }),
  parameters: {
    docs: {
      description: {
        story: 'Results are hidden until the poll closes: after voting the reader sees their choice and a thank-you note, never a guessed count.',
      },
    },
  },
};

export const ResultsAlways: Story = {
  name: 'Results always visible',
  render: (args) => renderPoll({ ...args, adapter: storyAdapter(bridgePoll({ results: 'always' })) }),
  parameters: {
    docs: { description: { story: 'With `results: always`, a "Show results" button lets readers look before they vote, and come back to the choices.' } },
  },
};

export const Multiple: Story = {
  name: 'Multiple choice',
  render: (args) =>
    renderPoll({
      ...args,
      adapter: storyAdapter(
        bridgePoll({
          question: 'Which crossings do you use at least once a week?',
          multiple: true,
          maxChoices: 2,
          options: [
            { id: 'bridge', label: 'Northgate Harbour Bridge', votes: 311 },
            { id: 'ferry', label: 'Eastshore ferry', votes: 158 },
            { id: 'tunnel', label: 'Old town tunnel', votes: 204 },
            { id: 'none', label: 'None of them', votes: 37 },
          ],
          totalVotes: 486,
        }),
      ),
    }),
  parameters: {
    docs: {
      description: { story: 'Checkboxes with `maxChoices: 2`: a hint says so, and once two are ticked the others are disabled until one is cleared.' },
    },
  },
};

const twelveOptions = [
  'Harbour Bridge',
  'Eastshore ferry',
  'Old town tunnel',
  'Northgate bus lane',
  'Cycle path along the quay',
  'Tram line 4',
  'Park and ride at Kestrel Fields',
  'Night bus N2',
  'Water taxi',
  'Airport shuttle',
  'Car share scheme',
  'On foot',
].map((label, index) => ({ id: `o${index + 1}`, label, votes: [92, 57, 41, 38, 35, 30, 22, 19, 11, 8, 5, 2][index] }));

export const TwelveOptions: Story = {
  name: '12 options',
  render: (args) =>
    html`<div style="display: grid; gap: 24px">
      ${renderPoll({ ...args, adapter: storyAdapter(bridgePoll({ question: 'How do you usually get to work?', options: twelveOptions, totalVotes: 360 })) })}
      ${renderPoll({
        ...args,
        adapter: storyAdapter(bridgePoll({ question: 'How do you usually get to work?', options: twelveOptions, totalVotes: 360, myVote: ['o7'] })),
      })}
    </div>`,
  parameters: {
    docs: { description: { story: 'Twelve choices, open and voted: rows stay compact and the small shares (1%, 2%) remain legible.' } },
  },
};

export const LongLabels: Story = {
  name: 'Long question and labels',
  render: (args) =>
    renderPoll({
      ...args,
      adapter: storyAdapter(
        bridgePoll({
          question:
            'After the inspection found corrosion in eleven of the bridge’s forty-two hangers, and with the council due to vote on Tuesday, which of the four funding options set out in the engineers’ report do you think is the fairest way to pay for the $214 million repair?',
          options: [
            {
              id: 'toll',
              label:
                'A $2.50 toll on every crossing, charged in both directions, until the full cost of the repair has been paid off, which the council estimates will take eleven years',
              votes: 187,
            },
            { id: 'bond', label: 'A 30-year bond that spreads the cost over a generation of ratepayers', votes: 142 },
            { id: 'rates', label: 'Rates', votes: 68 },
            { id: 'blend', label: 'Averyveryverylongwordwithoutanyspacesthatmustwrapinsidetheboxandneveroverflowit', votes: 127 },
          ],
          myVote: ['toll'],
        }),
      ),
    }),
  parameters: {
    docs: {
      description: { story: 'A long question, a three-line label and an unbroken word: everything wraps inside the box, percentages and counts stay aligned.' },
    },
  },
};

export const InArticle: Story = {
  render: (args) => inArticle(renderPoll({ ...args, question: QUESTION }, inlineOptions)),
  parameters: {
    docs: { description: { story: 'Between two paragraphs of article text, where it will live: check the spacing above and below.' } },
  },
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  render: (args) =>
    html`<div style="display: grid; gap: 24px">
      ${renderPoll({ ...args, adapter: storyAdapter(arabicPoll()) })} ${renderPoll({ ...args, adapter: storyAdapter(arabicPoll({ myVote: ['bond'] })) })}
    </div>`,
  globals: { locale: 'ar' },
  parameters: {
    docs: {
      description: {
        story: 'An Arabic page, open and voted: text and bars run right to left, counts use Arabic plural forms ("صوتًا"), and the total is localized.',
      },
    },
  },
};

export const Spanish: Story = {
  render: (args) => renderPoll({ ...args, adapter: storyAdapter(bridgePoll({ myVote: ['toll'], status: 'closed' })) }),
  globals: { locale: 'es' },
  parameters: { docs: { description: { story: 'A Spanish page: "Encuesta cerrada", "Total de votos" and vote counts come from the Spanish catalog.' } } },
};

export const Dark: Story = {
  render: (args) =>
    html`<div style="display: grid; gap: 24px">
      ${renderPoll({ ...args, adapter: storyAdapter() })} ${renderPoll({ ...args, adapter: storyAdapter(bridgePoll({ myVote: ['bond'] })) })}
    </div>`,
  globals: { theme: 'dark' },
  parameters: {
    docs: {
      description: {
        story: 'Open and voted on a dark page with no tokens set: borders, bars, the "Your choice" tag and the Vote button must keep their contrast.',
      },
    },
  },
};

export const Phone: Story = {
  name: 'Phone width',
  render: (args) =>
    html`<div style="display: grid; gap: 24px">
      ${renderPoll({ ...args, adapter: storyAdapter() })} ${renderPoll({ ...args, adapter: storyAdapter(bridgePoll({ myVote: ['blend'] })) })}
    </div>`,
  globals: { viewport: { value: 'phone', isRotated: false } },
  parameters: {
    docs: { description: { story: 'A 375 px phone: labels wrap to two lines, counts and percentages keep their column, tap targets stay 44 px tall.' } },
  },
};

export const Live: Story = {
  render: (args) => {
    const adapter = storyAdapter(bridgePoll({ myVote: ['toll'] }), 0);
    const ids = ['toll', 'bond', 'rates', 'blend'];
    // Other readers keep voting while the story is open; the poll animates at most once a second.
    const timer = setInterval(() => {
      if (!document.querySelector('news-poll[live]')) return clearInterval(timer);
      adapter.simulateVotes('harbour-bridge-funding', { [ids[Math.floor(Math.random() * ids.length)]]: 1 + Math.floor(Math.random() * 3) });
    }, 400);
    return renderPoll({ ...args, live: true, adapter });
  },
  parameters: {
    docs: {
      description: {
        story:
          '`live` on, with simulated readers voting every 400 ms: bars and numbers move smoothly, once a second at most, and nothing below the poll shifts.',
      },
    },
  },
};

export const CustomTokens: Story = {
  name: 'Publisher theme tokens',
  render: (args) => html`
    <div
      style="--news-font-body: Georgia, serif; --news-font-heading: 'Trebuchet MS', sans-serif; --news-color-accent: #8a1538; --news-color-surface: #fbf3ec; --news-color-text: #2a2420; --news-radius: 0; --news-space: 20px"
    >
      ${renderPoll({ ...args, adapter: storyAdapter(bridgePoll({ myVote: ['bond'] })) })}
    </div>
  `,
  parameters: {
    docs: {
      description: { story: 'A publisher brand set only through the global `--news-*` tokens: the bar colour, surface, radius and fonts follow.' },
    },
  },
};
