/** The public core API: configuration, adapters, events, errors, types and the base class. */
export { configure, pageContext, type PageContext, type PageDefaults } from './context.js';
export { createFetchAdapter, type FetchAdapterOptions } from './fetch-adapter.js';
export { HttpError, NetworkError } from './errors.js';
export * from './events.js';
export { registerMessages, type Messages } from './i18n.js';
export { defineElement, NewsElement } from './news-element.js';
export { safeUrl } from './safe-url.js';
export type * from './types.js';
