/** Every element, registered on import, plus the core API. */
export * from './core/index.js';
export { NewsAlsoRead } from './also-read/news-also-read.js';
export { NewsDidYouKnow, type DidYouKnowVariant } from './did-you-know/news-did-you-know.js';
