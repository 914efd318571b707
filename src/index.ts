/** Every element, registered on import, plus the core API. */
export * from './api.js';
export { NewsAlsoRead } from './also-read/news-also-read.js';
export { NewsArticle } from './article/news-article.js';
export { NewsByline } from './byline/news-byline.js';
export { NewsCommentCount } from './comment-count/news-comment-count.js';
export { NewsComments } from './comments/news-comments.js';
export { NewsDidYouKnow, type DidYouKnowVariant } from './did-you-know/news-did-you-know.js';
export { NewsPoll } from './poll/news-poll.js';
export { NewsRelated } from './related/news-related.js';
export { NewsTrending } from './trending/news-trending.js';
