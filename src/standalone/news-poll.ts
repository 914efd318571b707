/**
 * `dist/standalone/news-poll.js`: the poll and all it needs, Lit included, in one file, for a page
 * whose only news element is a poll. A page with several elements loads the per-element files,
 * which share one Lit and core chunk, or `news-elements.js`: two standalone files on one page
 * would each bring their own Lit.
 */
export { configure } from '../core/context.js';
export { NewsPoll } from '../poll/news-poll.js';
