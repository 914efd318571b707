/**
 * `dist/news-elements.js`, the one-script-tag bundle: the core API and the article elements at
 * once (defined one per task), and the poll, comments and related list, in one more file, when
 * their tags near the viewport. (The npm entry `news-elements` registers every element on import
 * instead.)
 */
import { autoload } from './autoload.js';

export * from './api.js';
// In the order they are defined, one per task: the article first, as it styles the whole body.
export { NewsArticle } from './article/news-article.js';
export { NewsByline } from './byline/news-byline.js';
export { NewsDidYouKnow } from './did-you-know/news-did-you-know.js';
export { NewsAlsoRead } from './also-read/news-also-read.js';
export { NewsCommentCount } from './comment-count/news-comment-count.js';
export { loadElements } from './autoload.js';

// Imported on a server (Node resolves `news-elements/cdn` to this module, on Lit's Node build),
// there is no document to watch: the elements render in the browser.
if (globalThis.document) autoload();
