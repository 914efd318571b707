import { html, nothing, type TemplateResult } from 'lit';
import { safeUrl } from '../core/safe-url.js';
import type { Article, ArticleBlock, InlineNode } from '../core/types.js';

/** Called for input the renderer drops: an unknown block type or a refused URL. */
export type Complaint = (code: 'unknown_block' | 'unsafe_url', message: string) => void;

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

function inline(nodes: unknown, complain: Complaint): unknown[] {
  if (!Array.isArray(nodes)) return [text(nodes)];
  return nodes.map((node: InlineNode) => {
    if (typeof node === 'string') return node;
    if (!node || typeof node !== 'object') return '';
    let content: unknown = text(node.text);
    if (node.italic) content = html`<em>${content}</em>`;
    if (node.bold) content = html`<strong>${content}</strong>`;
    if (node.href != null) {
      const href = safeUrl(text(node.href));
      if (!href) {
        complain('unsafe_url', `refused link "${text(node.href).slice(0, 100)}" in the article text`);
        return content;
      }
      content = html`<a href=${href}>${content}</a>`;
    }
    return content;
  });
}

function figure(block: Record<string, unknown>, slot: string | undefined, complain: Complaint) {
  const src = safeUrl(text(block.src));
  if (!src) {
    complain('unsafe_url', `refused image "${text(block.src).slice(0, 100)}"`);
    return nothing;
  }
  const width = Number(block.width) || undefined;
  const height = Number(block.height) || undefined;
  const caption = text(block.caption);
  const credit = text(block.credit);
  return html`<figure slot=${slot ?? nothing}>
    <img src=${src} alt=${text(block.alt)} width=${width ?? nothing} height=${height ?? nothing} loading=${slot ? 'eager' : 'lazy'} decoding="async" />
    ${caption || credit ? html`<figcaption>${caption}${caption && credit ? ' ' : ''}${credit ? html`<span class="credit">${credit}</span>` : nothing}</figcaption>` : nothing}
  </figure>`;
}

function block(b: ArticleBlock, complain: Complaint): unknown {
  const data = b as Record<string, unknown>;
  switch (b.type) {
    case 'paragraph':
      return html`<p>${inline(data.content, complain)}</p>`;
    case 'heading': {
      const level = Number(data.level);
      return level === 3 ? html`<h3>${text(data.text)}</h3>` : level === 4 ? html`<h4>${text(data.text)}</h4>` : html`<h2>${text(data.text)}</h2>`;
    }
    case 'figure':
      return figure(data, undefined, complain);
    case 'quote':
      return html`<blockquote>
        <p>${inline(data.content, complain)}</p>
        ${data.cite ? html`<footer>${text(data.cite)}</footer>` : nothing}
      </blockquote>`;
    case 'list': {
      const items = Array.isArray(data.items) ? data.items.map((item) => html`<li>${inline(item, complain)}</li>`) : [];
      return data.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case 'did-you-know':
      return html`<news-did-you-know heading=${data.heading ? text(data.heading) : nothing}><p>${text(data.text)}</p></news-did-you-know>`;
    case 'also-read': {
      const href = safeUrl(text(data.href));
      if (!href) {
        complain('unsafe_url', `refused also-read link "${text(data.href).slice(0, 100)}"`);
        return nothing;
      }
      return html`<news-also-read href=${href} label=${data.label ? text(data.label) : nothing} image=${data.image ? text(data.image) : nothing}
        ><a href=${href}>${text(data.headline) || href}</a></news-also-read
      >`;
    }
    case 'poll':
      return html`<news-poll poll-id=${text(data.pollId)}></news-poll>`;
    case 'comments':
      return html`<news-comments thread-id=${data.threadId ? text(data.threadId) : nothing}></news-comments>`;
    case 'related':
      return html`<news-related limit=${data.limit ? text(data.limit) : nothing}></news-related>`;
    default:
      complain('unknown_block', `skipped a block of unknown type "${text(b.type).slice(0, 50)}"`);
      return nothing;
  }
}

/** The article's header and blocks as light-DOM content for `<news-article>`'s slots. */
export function articleTemplate(article: Article, complain: Complaint): TemplateResult {
  const blocks = Array.isArray(article.blocks) ? article.blocks : [];
  return html`${article.kicker ? html`<p slot="kicker">${text(article.kicker)}</p>` : nothing}
    <h1 slot="headline">${text(article.headline)}</h1>
    ${article.dek ? html`<p slot="dek">${text(article.dek)}</p>` : nothing}
    ${
      article.author || article.publishedAt
        ? html`<news-byline
          slot="byline"
          author=${article.author ? text(article.author) : nothing}
          author-href=${article.authorHref ? text(article.authorHref) : nothing}
          avatar=${article.authorAvatar ? text(article.authorAvatar) : nothing}
          published=${article.publishedAt ? text(article.publishedAt) : nothing}
          updated=${article.updatedAt ? text(article.updatedAt) : nothing}
          reading-time="auto"
        ></news-byline>`
        : nothing
    }
    ${article.hero ? figure(article.hero as unknown as Record<string, unknown>, 'hero', complain) : nothing}
    ${blocks.map((b) => (b && typeof b === 'object' ? block(b, complain) : nothing))}`;
}
