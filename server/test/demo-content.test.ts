// The seed data and the demo page tell the same story: this keeps them in step.
// Run: node --import tsx --test server/test/demo-content.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArticleBlock, InlineNode } from '../../src/core/contract.ts';
import { demoArticle, demoPoll, demoThread, relatedArticles } from '../src/seed/demo-content.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const page = readFileSync(`${repoRoot}demo/index.html`, 'utf8');

/** The page's markup is hand-written and simple, so a few patterns read it reliably. */
function between(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  assert.ok(from >= 0, `demo page has ${start}`);
  const to = html.indexOf(end, from + start.length);
  assert.ok(to >= 0, `demo page has ${end} after ${start}`);
  return html.slice(from + start.length, to);
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function openTag(html: string, tagName: string): string {
  const match = new RegExp(`<${tagName}\\b[^>]*>`).exec(html);
  assert.ok(match, `demo page has <${tagName}>`);
  return match[0];
}

const collapse = (html: string) => html.replace(/\s+/g, ' ').replace(/>\s+</g, '><').trim();
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const textOf = (html: string) => collapse(html.replace(/<[^>]+>/g, ' ')).replace(/\s+([.,])/g, '$1');

function inlineHtml(nodes: InlineNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return escapeHtml(node);
      let html = escapeHtml(node.text);
      if (node.bold) html = `<strong>${html}</strong>`;
      if (node.italic) html = `<em>${html}</em>`;
      if (node.href) html = `<a href="${node.href}">${html}</a>`;
      return html;
    })
    .join('');
}

/** How the demo page writes each kind of body block in light DOM. */
function blockHtml(block: ArticleBlock): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlineHtml(block.content as InlineNode[])}</p>`;
    case 'heading': {
      const level = (block.level as number | undefined) ?? 2;
      return `<h${level}>${escapeHtml(block.text as string)}</h${level}>`;
    }
    case 'did-you-know':
      return `<news-did-you-know><p>${escapeHtml(block.text as string)}</p></news-did-you-know>`;
    case 'also-read':
      return `<news-also-read href="${block.href}"><a href="${block.href}">${escapeHtml(block.headline as string)}</a></news-also-read>`;
    default:
      throw new Error(`no light-DOM form for block type ${block.type}`);
  }
}

const widgetTypes = new Set(['poll', 'comments', 'related']);
const bodyBlocks = demoArticle.blocks.filter((block) => !widgetTypes.has(block.type));

const articleHtml = between(page, '<news-article', '</news-article>');
const pageBody = articleHtml.slice(articleHtml.indexOf('</figure>') + '</figure>'.length);
const blockPattern = /<(p|h[2-4]|news-did-you-know|news-also-read)\b[^>]*>[\s\S]*?<\/\1>/g;
const pageBlocks = [...pageBody.matchAll(blockPattern)].map((m) => collapse(m[0]));

function inlineText(nodes: InlineNode[]): string {
  return nodes.map((node) => (typeof node === 'string' ? node : node.text)).join('');
}

function bodyWords(): number {
  return bodyBlocks
    .map((block) => (block.type === 'paragraph' ? inlineText(block.content as InlineNode[]) : block.type === 'heading' ? (block.text as string) : ''))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean).length;
}

test('the article body in the seed is the body of the demo page, block by block', () => {
  assert.equal(pageBody.replace(blockPattern, '').trim(), '', 'the page body holds only paragraphs, headings and news-* blocks');
  assert.deepEqual(pageBlocks, bodyBlocks.map(blockHtml));
});

test('the article header in the seed matches the demo page', () => {
  assert.equal(attr(openTag(page, 'news-article'), 'article-id'), demoArticle.id);
  assert.equal(textOf(between(articleHtml, '<p slot="kicker">', '</p>')), demoArticle.kicker);
  assert.equal(textOf(between(articleHtml, '<h1 slot="headline">', '</h1>')), demoArticle.headline);
  assert.equal(textOf(between(articleHtml, '<p slot="dek">', '</p>')), demoArticle.dek);

  const byline = openTag(articleHtml, 'news-byline');
  assert.equal(attr(byline, 'author'), demoArticle.author);
  assert.equal(attr(byline, 'published'), demoArticle.publishedAt);

  const img = openTag(articleHtml, 'img');
  const hero = demoArticle.hero!;
  assert.equal(attr(img, 'src'), hero.src);
  assert.equal(attr(img, 'alt'), hero.alt);
  assert.equal(Number(attr(img, 'width')), hero.width);
  assert.equal(Number(attr(img, 'height')), hero.height);
  assert.equal(demoArticle.image, hero.src);
  assert.equal(demoArticle.imageAlt, hero.alt);
  assert.equal(textOf(between(articleHtml, '<figcaption>', '</figcaption>')), `${hero.caption} ${hero.credit}`);
  assert.match(hero.credit!, /^Image Credits - /);
  assert.ok(hero.caption!.startsWith(hero.alt), 'the caption repeats the image description');
});

test('the headline is a question of about ten words and the dek one or two sentences', () => {
  assert.match(demoArticle.headline, /\?$/);
  const words = demoArticle.headline.split(/\s+/).length;
  assert.ok(words >= 8 && words <= 13, `headline has ${words} words`);
  const sentences = demoArticle.dek!.split(/(?<=[.!?])\s+/).length;
  assert.ok(sentences >= 1 && sentences <= 2, `dek has ${sentences} sentences`);
});

test('the body has about 650 words under four or five subheadings', () => {
  const words = bodyWords();
  assert.ok(words >= 600 && words <= 700, `body has ${words} words`);
  const headings = bodyBlocks.filter((block) => block.type === 'heading');
  assert.ok(headings.length >= 4 && headings.length <= 5, `body has ${headings.length} subheadings`);
});

test('one "Did you know?" box after the second section, two also-read links in the lower half', () => {
  const headingIndexes = bodyBlocks.flatMap((block, i) => (block.type === 'heading' ? [i] : []));
  const didYouKnow = bodyBlocks.flatMap((block, i) => (block.type === 'did-you-know' ? [i] : []));
  assert.equal(didYouKnow.length, 1);
  assert.ok(didYouKnow[0]! > headingIndexes[1]! && didYouKnow[0]! < headingIndexes[2]!, 'between the second and third section');

  const alsoRead = bodyBlocks.flatMap((block, i) => (block.type === 'also-read' ? [i] : []));
  assert.equal(alsoRead.length, 2);
  for (const i of alsoRead) {
    assert.ok(i >= bodyBlocks.length / 2, 'in the lower half of the body');
    assert.equal(bodyBlocks[i - 1]!.type, 'paragraph', 'after a paragraph');
    const href = (bodyBlocks[i] as { href: string }).href;
    assert.ok(
      relatedArticles.some((story) => story.url === href),
      `${href} is a seeded story, so /articles/lookup finds it`,
    );
  }
});

test('the widget blocks at the end point at the seeded poll and thread', () => {
  const widgets = demoArticle.blocks.filter((block) => widgetTypes.has(block.type));
  assert.deepEqual(
    widgets.map((block) => block.type),
    ['poll', 'comments', 'related'],
  );
  assert.equal((widgets[0] as { pollId: string }).pollId, demoPoll.id);
  assert.equal((widgets[1] as { threadId: string }).threadId, demoThread.id);
});

test('the poll has four options, 524 votes in all, and matches the page', () => {
  assert.equal(demoPoll.options.length, 4);
  const ids = demoPoll.options.map((option) => option.id);
  assert.equal(new Set(ids).size, ids.length, 'option ids are unique');
  assert.deepEqual(Object.keys(demoPoll.votes).sort(), [...ids].sort(), 'one vote count per option');
  for (const count of Object.values(demoPoll.votes)) assert.ok(Number.isInteger(count) && count >= 0);
  assert.equal(
    Object.values(demoPoll.votes).reduce((sum, n) => sum + n, 0),
    524,
  );
  assert.match(demoPoll.question, /^What is the most credible next step after .+\?$/);

  const pollHtml = between(page, '<news-poll', '</news-poll>');
  assert.equal(attr(`<x${pollHtml}`, 'poll-id'), demoPoll.id);
  assert.equal(attr(`<x${pollHtml}`, 'question'), demoPoll.question);
  const pageOptions = [...pollHtml.matchAll(/<option value="([^"]+)">([^<]+)<\/option>/g)].map((m) => ({
    id: m[1],
    label: m[2],
  }));
  assert.deepEqual(pageOptions, demoPoll.options);
});

test('the comment thread: ids unique, parents seeded first, a reply to a reply, a link and line breaks', () => {
  const comments = demoThread.comments;
  assert.equal(attr(openTag(page, 'news-comments'), 'thread-id'), demoThread.id);

  const ids = comments.map((comment) => comment.id);
  assert.equal(new Set(ids).size, ids.length, 'comment ids are unique');

  const seen = new Map<string, (typeof comments)[number]>();
  for (const comment of comments) {
    if (comment.parentId !== null) {
      const parent = seen.get(comment.parentId);
      assert.ok(parent, `${comment.id}: parent ${comment.parentId} exists and is seeded before it`);
      assert.ok(comment.minutesAgo < parent.minutesAgo, `${comment.id} was written after its parent`);
    }
    assert.ok(comment.body.length >= 1 && comment.body.length <= 2000, `${comment.id}: body length within 1..2000`);
    assert.ok(Number.isInteger(comment.likes) && comment.likes >= 0);
    assert.ok(comment.author.id && comment.author.name);
    seen.set(comment.id, comment);
  }

  const topLevel = comments.filter((comment) => comment.parentId === null);
  const replies = comments.filter((comment) => comment.parentId !== null);
  assert.ok(topLevel.length >= 7 && topLevel.length <= 10, `${topLevel.length} top-level comments`);
  assert.ok(replies.length >= 4, `${replies.length} replies`);
  assert.ok(
    replies.some((reply) => seen.get(reply.parentId!)!.parentId !== null),
    'at least one reply answers a reply',
  );
  assert.ok(
    comments.some((comment) => /https?:\/\/\S+/.test(comment.body) && comment.body.includes('\n')),
    'one comment has a URL and line breaks',
  );
  const lengths = comments.map((comment) => comment.body.length);
  assert.ok(Math.min(...lengths) < 20 && Math.max(...lengths) > 250, 'lengths vary from a word to a paragraph');
});

test('related stories: four, unique, relative links, local images, listed on the page in order with image and date', () => {
  assert.equal(relatedArticles.length, 4);
  const ids = [demoArticle.id, ...relatedArticles.map((story) => story.id)];
  assert.equal(new Set(ids).size, ids.length, 'article ids are unique');
  for (const story of relatedArticles) {
    assert.match(story.url, /^\/articles\/[a-z0-9-]+$/);
    assert.match(story.image ?? '', /^\/demo\/img\/[a-z0-9-]+\.svg$/);
    assert.ok(story.imageAlt && story.kicker && story.headline);
    assert.ok(!Number.isNaN(Date.parse(story.publishedAt ?? '')), `${story.id} has a publication date`);
  }

  const relatedHtml = between(page, '<news-related', '</news-related>');
  assert.equal(attr(`<x${relatedHtml}`, 'article-id'), demoArticle.id);
  const links = [...relatedHtml.matchAll(/<a href="([^"]+)" data-published="([^"]+)"><img src="([^"]+)" alt=""[^>]*>([^<]+)<\/a>/g)].map((m) => ({
    url: m[1],
    publishedAt: m[2],
    image: m[3],
    headline: m[4],
  }));
  assert.deepEqual(
    links,
    relatedArticles.map(({ url, publishedAt, image, headline }) => ({ url, publishedAt, image, headline })),
  );
});

test('every image the seed and the page refer to is a file in demo/img', () => {
  const pageImages = [...page.matchAll(/(?:src|href)="(\/demo\/img\/[^"]+)"/g)].map((m) => m[1]!);
  const seedImages = [demoArticle.hero!.src, ...relatedArticles.map((story) => story.image!)];
  for (const path of new Set([...pageImages, ...seedImages])) {
    assert.ok(existsSync(`${repoRoot}${path.slice(1)}`), `${path} exists`);
  }
});
