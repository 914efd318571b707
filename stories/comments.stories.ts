import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { action } from 'storybook/actions';
import '../src/comments/news-comments.ts';
import { createMemoryAdapter, type MemoryAdapter, type MemorySeed } from '../src/memory-adapter/index.ts';
import { createDemoSeed, DEMO_EMPTY_THREAD_ID, DEMO_THREAD_ID, demoReader } from '../src/memory-adapter/demo-seed.ts';
import type { NewsAdapter, User } from '../src/core/types.ts';
import { cssProperties, inArticle, storyComment } from './support/story-helpers.ts';

interface CommentsArgs {
  'thread-id'?: string;
  'sign-in-url'?: string;
  sort?: 'newest' | 'oldest' | 'top';
  'page-size'?: number;
  'max-length'?: number;
  live?: boolean;
  loading?: 'lazy' | 'eager';
  /** JS property; every story passes its own in-memory adapter, so it has no control. */
  adapter?: NewsAdapter;
  '--news-comments-accent'?: string;
  '--news-comments-surface'?: string;
  '--news-comments-border'?: string;
  '--news-comments-avatar-size'?: string;
}

/** A fresh in-memory backend per render, so one story's posts, drafts and failures never leak into another. */
function storyAdapter(options: { signedIn?: boolean; extraComments?: number } = {}, latencyMs = 150): MemoryAdapter {
  return createMemoryAdapter(createDemoSeed(options), { latencyMs });
}

/** The demo thread moved to its own id, for stories that leave a draft behind. */
function threadCopy(threadId: string, signedIn = true): MemorySeed {
  const seed = createDemoSeed({ signedIn });
  return { ...seed, comments: seed.comments!.map((c) => ({ ...c, threadId })) };
}

const logPost = action('news-comment-post');
const logSignIn = action('news-sign-in');
const logError = action('news-error');

/** Logs the element's events in the Actions panel; sign-in links stay on the story. */
const logEvents: Decorator = (story) => html`
  <div
    @news-comment-post=${(event: CustomEvent) => logPost(event.detail)}
    @news-sign-in=${(event: CustomEvent) => {
      event.preventDefault();
      logSignIn(event.detail);
    }}
    @news-error=${(event: CustomEvent) => logError(event.detail)}
  >
    ${story()}
  </div>
`;

const renderThread = ({
  'thread-id': threadId,
  'sign-in-url': signInUrl,
  sort,
  'page-size': pageSize,
  'max-length': maxLength,
  live,
  loading,
  adapter,
  ...tokens
}: CommentsArgs) => html`
  <news-comments
    thread-id=${ifDefined(threadId || undefined)}
    sign-in-url=${ifDefined(signInUrl || undefined)}
    sort=${ifDefined(sort)}
    page-size=${ifDefined(pageSize)}
    max-length=${ifDefined(maxLength)}
    ?live=${live}
    loading=${ifDefined(loading)}
    .adapter=${adapter ?? storyAdapter({ signedIn: true })}
    style=${cssProperties({ 'max-width': 'min(42rem, 100%)', ...tokens })}
  ></news-comments>
`;

/** Types `text` into the new-comment composer and posts it, as a reader would. */
async function post(canvas: HTMLElement, text: string) {
  const el = canvas.querySelector('news-comments')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('textarea#c'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  const field = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea#c')!;
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  field.form!.querySelector<HTMLButtonElement>('button.primary')!.click();
  await new Promise((resolve) => setTimeout(resolve, 300));
}

const meta: Meta<CommentsArgs> = {
  title: 'Elements/Comments',
  component: 'news-comments',
  decorators: [logEvents],
  render: renderThread,
  argTypes: {
    sort: { control: 'inline-radio', options: ['newest', 'oldest', 'top'] },
    loading: { control: 'inline-radio', options: ['lazy', 'eager'] },
    'page-size': { control: { type: 'number', min: 1, max: 100 } },
    'max-length': { control: { type: 'number', min: 1 } },
    adapter: { control: false },
    '--news-comments-accent': { control: 'color' },
    '--news-comments-surface': { control: 'color' },
    '--news-comments-border': { control: 'color' },
    '--news-comments-avatar-size': { control: 'text' },
  },
  args: { 'thread-id': DEMO_THREAD_ID, 'sign-in-url': '/sign-in', loading: 'eager' },
};
export default meta;

type Story = StoryObj<CommentsArgs>;

export const Playground: Story = {
  parameters: {
    docs: {
      description: {
        story:
          'A signed-in reader on a seeded in-memory thread (150 ms latency): post, reply, like, edit or delete your own comment, report others, and change sort, page size, the length limit and the colour tokens. The docs table comes from the custom elements manifest.',
      },
    },
  },
};

export const SignedOut: Story = {
  render: (args) => renderThread({ ...args, adapter: storyAdapter() }),
  parameters: {
    docs: {
      description: {
        story:
          'No session: everyone can read, sort, open replies and report; writing needs "Please sign in to leave a comment" and its link (the story cancels `news-sign-in`, as a host with its own login would).',
      },
    },
  },
};

export const SignedIn: Story = {
  render: (args) => renderThread({ ...args, adapter: storyAdapter({ signedIn: true }) }),
  parameters: {
    docs: {
      description: {
        story: 'Signed in as Sam Okafor: the composer with its character counter sits above the thread; every comment offers Like, Reply and Report.',
      },
    },
  },
};

export const Empty: Story = {
  args: { 'thread-id': DEMO_EMPTY_THREAD_ID },
  render: (args) => renderThread({ ...args, adapter: storyAdapter({ signedIn: true }) }),
  parameters: { docs: { description: { story: 'A thread nobody has commented on yet: "Comments (0)", the composer and a quiet "No comments yet."' } } },
};

export const Loading: Story = {
  render: (args) => {
    const adapter = storyAdapter({ signedIn: true });
    adapter.hang('listComments');
    adapter.hang('getSession');
    return renderThread({ ...args, adapter });
  },
  parameters: {
    docs: { description: { story: 'While the first page loads: a skeleton the height of a few comments, so the page below does not jump when they arrive.' } },
  },
};

export const LongThread: Story = {
  args: { 'page-size': 10 },
  render: (args) => renderThread({ ...args, adapter: storyAdapter({ signedIn: true, extraComments: 60 }) }),
  parameters: {
    docs: {
      description: {
        story: '64 top-level comments ten at a time: "Load more" fetches the next page with the cursor and moves focus to the first new comment.',
      },
    },
  },
};

const pendingSeed = (): MemorySeed => ({
  user: demoReader,
  comments: [
    {
      ...comment('p1', demoReader, 'I think the toll should end the day the repair is paid off, and the council should put that in writing.', 2),
      status: 'pending',
    },
    comment('p2', { id: 'reader-lena', name: 'Lena Marsh' }, 'The bond looks cheaper only because the interest is paid by somebody else later.', 40, 5),
  ],
  premoderatedThreads: ['story-pending'],
});

const comment = (id: string, author: User, body: string, minutes: number, likes = 0, parentId: string | null = null, threadId = 'story-pending') =>
  storyComment(id, author, body, minutes, { likes, parentId, threadId });

export const Pending: Story = {
  args: { 'thread-id': 'story-pending' },
  render: (args) => renderThread({ ...args, adapter: createMemoryAdapter(pendingSeed(), { latencyMs: 150 }) }),
  parameters: {
    docs: {
      description: {
        story: 'A pre-moderated thread: the reader\'s own comment is marked "Awaiting moderation"; nobody else sees it until a moderator approves it.',
      },
    },
  },
};

export const DeletedWithReplies: Story = {
  args: { 'thread-id': 'story-deleted' },
  render: (args) => {
    const lena = { id: 'reader-lena', name: 'Lena Marsh' };
    const priya = { id: 'reader-priya', name: 'Priya Natarajan' };
    const adapter = createMemoryAdapter(
      {
        user: demoReader,
        comments: [
          { ...comment('d1', lena, '', 50, 0, null, 'story-deleted'), status: 'deleted' },
          comment('d1r1', priya, 'Whatever was said here, the answer is that the bearings were inspected in March.', 45, 3, 'd1', 'story-deleted'),
          comment('d1r2', lena, 'Thanks, I had the wrong year.', 40, 1, 'd1r1', 'story-deleted'),
          comment('d2', priya, 'The cycle lane is the best part of the plan.', 30, 7, null, 'story-deleted'),
        ],
      },
      { latencyMs: 150 },
    );
    return renderThread({ ...args, adapter });
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('news-comments')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('.link'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    el.shadowRoot!.querySelector<HTMLButtonElement>('.link')!.click();
    await new Promise((resolve) => setTimeout(resolve, 400));
  },
  parameters: {
    docs: {
      description: {
        story: 'A deleted comment stays as a "This comment was deleted." placeholder so its replies keep their context; the second reply carries an @mention.',
      },
    },
  },
};

export const Error: Story = {
  render: (args) => {
    const adapter = storyAdapter({ signedIn: true });
    adapter.fail('listComments', 500);
    return renderThread({ ...args, adapter });
  },
  parameters: {
    docs: {
      description: { story: 'The thread could not be loaded: a plain message with "Try again" (the console gets one warning and the page a `news-error`).' },
    },
  },
};

export const Posting: Story = {
  args: { 'thread-id': 'story-posting' },
  render: (args) => {
    const adapter = createMemoryAdapter(threadCopy('story-posting'), { latencyMs: 150 });
    adapter.hang('postComment');
    return renderThread({ ...args, adapter });
  },
  play: ({ canvasElement }) => post(canvasElement, 'The night closures are the part nobody has explained yet.'),
  parameters: {
    docs: {
      description: {
        story:
          'The moment after "Post comment": the comment is already in the list, dimmed and marked "Posting…", and the composer keeps the text read-only until the server answers.',
      },
    },
  },
};

export const FailedPost: Story = {
  name: 'Failed post with kept draft',
  args: { 'thread-id': 'story-failed' },
  render: (args) => {
    const adapter = createMemoryAdapter(threadCopy('story-failed'), { latencyMs: 150 });
    adapter.fail('postComment', 'network');
    return renderThread({ ...args, adapter });
  },
  play: ({ canvasElement }) => post(canvasElement, 'This one must not be lost: the toll plan needs a sunset clause.'),
  parameters: {
    docs: {
      description: {
        story:
          'The post failed (network down): the text stays in the composer and in the saved draft, with the error and "Try again", which reuses the same idempotency key.',
      },
    },
  },
};

export const LiveNewComments: Story = {
  name: 'Live: new comments waiting',
  args: { live: true },
  render: (args) => {
    const adapter = storyAdapter({ signedIn: true });
    setTimeout(() => {
      adapter.simulateComment(DEMO_THREAD_ID, {
        author: { id: 'reader-olu', name: 'Olu Adeyemi' },
        body: 'Just back from the council meeting: the vote is postponed.',
      });
      adapter.simulateComment(DEMO_THREAD_ID, { author: { id: 'reader-jo', name: 'Jo Whitcombe' }, body: 'Postponed again? That is the third time.' });
    }, 400);
    return renderThread({ ...args, adapter });
  },
  play: () => new Promise((resolve) => setTimeout(resolve, 700)),
  parameters: {
    docs: {
      description: {
        story:
          'With `live`, other readers\' comments wait behind "Show 2 new comments" so nothing moves under the reader; a click shows them and moves focus to the first.',
      },
    },
  },
};

const arabicSeed = (): MemorySeed => {
  const a = { id: 'ar-1', name: 'ليلى حداد' };
  const b = { id: 'ar-2', name: 'عمر السيد' };
  const t = 'story-ar';
  return {
    comments: [
      comment('a1', a, 'أخيرًا. أعبر هذا الجسر مرتين يوميًا، والحفر في الجهة الشمالية تزداد سوءًا كل شهر.', 90, 12, null, t),
      comment('a2', b, 'تفاصيل المنحة هنا: https://example.org/grants\nتستحق القراءة قبل التصويت.', 60, 4, null, t),
      comment('a2r1', a, 'شكرًا، لم أكن أعرف ذلك.', 50, 1, 'a2', t),
    ],
  };
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  args: { 'thread-id': 'story-ar' },
  render: (args) => inArticle(renderThread({ ...args, adapter: createMemoryAdapter(arabicSeed(), { latencyMs: 150 }) }), 'ar'),
  globals: { locale: 'ar' },
  parameters: {
    docs: {
      description: {
        story:
          'An Arabic page, right to left: Arabic plurals ("عرض رد واحد"), avatars and the reply rule on the right, URLs kept left to right inside the text.',
      },
    },
  },
};

export const Dark: Story = {
  render: (args) => renderThread({ ...args, adapter: storyAdapter({ signedIn: true }) }),
  globals: { theme: 'dark' },
  parameters: {
    docs: {
      description: { story: 'A dark page (`color-scheme: dark`) with no tokens set: text, muted metadata, buttons and the composer keep their contrast.' },
    },
  },
};

export const Phone: Story = {
  name: 'Phone width',
  render: (args) => renderThread({ ...args, adapter: storyAdapter({ signedIn: true }) }),
  globals: { viewport: { value: 'phone', isRotated: false } },
  parameters: {
    docs: { description: { story: 'A 375 px phone: the header, the sort menu and the action buttons wrap; long URLs break instead of widening the page.' } },
  },
};

export const InArticle: Story = {
  render: (args) => inArticle(renderThread({ ...args, adapter: storyAdapter() })),
  parameters: { docs: { description: { story: 'Under the last paragraphs of an article, where it lives on the page: spacing and type against body copy.' } } },
};
