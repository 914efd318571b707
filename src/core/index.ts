/**
 * The public core API: configuration, events, errors, types and the base class, and what an
 * element module plugs in with (`addRoutes` for its REST routes, `addMessages` for its wording).
 * Core imports no element; the package's `news-elements/core` entry (`src/api.ts`) adds
 * `createFetchAdapter`, which has every element's routes.
 */
export { configure, pageContext, type PageContext, type PageDefaults } from './context.js';
export { HttpError, NetworkError } from './errors.js';
export * from './events.js';
export { addMessages, registerMessages, type Message, type Messages, type PluralMessage, type Translation, type Translations } from './i18n.js';
export { defineElement, NewsElement } from './news-element.js';
export { safeUrl } from './safe-url.js';
export { addRoutes, type FetchAdapterOptions, type Request, type Routes } from './transport.js';
export type * from './types.js';
