/**
 * The CDN bundle's one lazily loaded module: the elements that usually sit below the fold. One
 * module rather than one per element, so the page makes one request and the code compresses as one.
 */
export { NewsPoll } from './poll/news-poll.js';
export { NewsComments } from './comments/news-comments.js';
export { NewsRelated } from './related/news-related.js';
