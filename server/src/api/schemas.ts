import { z } from '@hono/zod-openapi';
import type { Article, ArticleSummary, Comment, CommentPage, Feed, FeedValue, Poll, PollOption, TrendingPicks, User } from '../../../src/core/contract.ts';

/**
 * The reply shapes of the REST API as zod schemas: openapi.json's components are generated from
 * them, and each is checked against the matching type of src/core/contract.ts.
 */

const nullableText = z.string().nullable();
const dateTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

export const ErrorSchema = z
  .strictObject({ error: z.strictObject({ code: z.string(), message: z.string() }) })
  .openapi('Error', { description: 'Every error reply; `code` is stable and machine-readable (see ErrorCode in src/core/contract.ts).' });

export const UserSchema = z.strictObject({ id: z.string(), name: z.string(), avatar: nullableText.optional() }).openapi('User') satisfies z.ZodType<User>;

export const InlineNodeSchema = z
  .union([z.string(), z.object({ text: z.string(), bold: z.boolean().optional(), italic: z.boolean().optional(), href: z.string().optional() })])
  .openapi('InlineNode', {}, { unionPreferredType: 'oneOf' });

export const ArticleBlockSchema = z.looseObject({ type: z.string() }).openapi('ArticleBlock', {
  description:
    'paragraph, heading, figure, quote, list, did-you-know, also-read, poll, comments, related, or a publisher-defined type (see src/core/contract.ts).',
});

const summaryShape = {
  id: z.string(),
  url: z.string(),
  headline: z.string(),
  image: nullableText.optional(),
  imageAlt: nullableText.optional(),
  publishedAt: dateTime.nullable().optional(),
  kicker: nullableText.optional(),
};

export const ArticleSummarySchema = z.strictObject(summaryShape).openapi('ArticleSummary') satisfies z.ZodType<ArticleSummary>;

export const FigureSchema = z
  .strictObject({
    src: z.string(),
    alt: z.string(),
    caption: z.string().optional(),
    credit: z.string().optional(),
    width: z.number().int().optional(),
    height: z.number().int().optional(),
  })
  .openapi('Figure');

export const articleShape = {
  ...summaryShape,
  section: nullableText.optional(),
  dek: nullableText.optional(),
  author: nullableText.optional(),
  authorHref: nullableText.optional(),
  authorAvatar: nullableText.optional(),
  updatedAt: dateTime.nullable().optional(),
  hero: z.union([FigureSchema, z.null()]).optional(),
  lang: nullableText.optional(),
  blocks: z.array(ArticleBlockSchema),
};

export const ArticleSchema = z.strictObject(articleShape).openapi('Article') satisfies z.ZodType<Article>;

export const PollOptionSchema = z
  .strictObject({
    id: z.string(),
    label: z.string(),
    votes: count.nullable().openapi({ description: 'null while results are hidden' }),
  })
  .openapi('PollOption') satisfies z.ZodType<PollOption>;

export const PollSchema = z
  .strictObject({
    id: z.string(),
    question: z.string(),
    options: z.array(PollOptionSchema),
    totalVotes: count.nullable().openapi({
      description: 'Number of voters (a multiple-choice ballot counts once); null while results are hidden.',
    }),
    multiple: z.boolean(),
    maxChoices: z.number().int().nullable(),
    status: z.enum(['open', 'closed']),
    closesAt: dateTime.nullable(),
    results: z.enum(['after-vote', 'always', 'after-close']),
    myVote: z.array(z.string()).nullable(),
  })
  .openapi('Poll') satisfies z.ZodType<Poll>;

export const CommentSchema = z
  .strictObject({
    id: z.string(),
    threadId: z.string(),
    parentId: nullableText,
    author: UserSchema,
    body: z.string().openapi({ description: 'Plain text as typed; empty for deleted comments.' }),
    createdAt: dateTime,
    editedAt: dateTime.nullable(),
    status: z.enum(['published', 'pending', 'deleted', 'rejected']),
    likes: count,
    likedByMe: z.boolean(),
    mine: z.boolean(),
    replyCount: count,
    replyToName: nullableText.optional().openapi({ description: 'Author this reply answers, when it replies to a reply.' }),
  })
  .openapi('Comment') satisfies z.ZodType<Comment>;

export const CommentPageSchema = z
  .strictObject({ total: count, comments: z.array(CommentSchema), nextCursor: nullableText })
  .openapi('CommentPage') satisfies z.ZodType<CommentPage>;

export const ReportReceiptSchema = z.strictObject({ status: z.literal('received') }).openapi('ReportReceipt');

export const LikesSchema = z.strictObject({ likes: count }).openapi('Likes');

export const CountsSchema = z.strictObject({ counts: z.record(z.string(), count) }).openapi('Counts');

export const ModerationItemSchema = z.strictObject({ comment: CommentSchema, reports: count, reasons: z.array(z.string()) }).openapi('ModerationItem');

export const ModerationQueueSchema = z.strictObject({ items: z.array(ModerationItemSchema) }).openapi('ModerationQueue');

export const ThreadSettingsSchema = z.strictObject({ id: z.string(), premoderation: z.boolean() }).openapi('ThreadSettings');

export const TrendingPicksSchema = z
  .strictObject({
    section: nullableText.openapi({ description: 'The section the list is for; null for requests that name no section.' }),
    articleIds: z.array(z.string()),
  })
  .openapi('TrendingPicks') satisfies z.ZodType<TrendingPicks>;

export const FeedValueSchema = z
  .strictObject({
    id: z.string(),
    label: z.string(),
    value: z.number().nullable().openapi({ description: 'The figure; percent figures are in percent (42.5 is 42.5 %). null: no figure yet.' }),
    format: z.enum(['number', 'percent', 'currency']),
    currency: nullableText.optional().openapi({ description: 'ISO 4217 code of a currency figure.' }),
    decimals: z.number().int().min(0).max(6).nullable().optional(),
    change: z.number().nullable().optional().openapi({ description: 'Change since the reference point (previous close, last count).' }),
    changeFormat: z
      .enum(['percent', 'value'])
      .nullable()
      .optional()
      .openapi({ description: "percent (default): the change is relative, in percent; value: in the figure's own format." }),
    asOf: dateTime.nullable().optional().openapi({ description: 'When this figure was measured, if not at updatedAt.' }),
  })
  .openapi('FeedValue') satisfies z.ZodType<FeedValue>;

export const FeedSchema = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    values: z.array(FeedValueSchema),
    updatedAt: dateTime.openapi({ description: 'When the feed last changed: the "as of" time of its figures.' }),
    staleAfterSeconds: z
      .number()
      .int()
      .positive()
      .nullable()
      .openapi({ description: 'The feed promises to update at least this often; past it, readers see its figures marked out of date.' }),
  })
  .openapi('Feed') satisfies z.ZodType<Feed>;
