/**
 * The `news-elements/core` entry: the core API, and `createFetchAdapter`, whose adapter has the
 * REST routes of every element (each element's live in its folder, `routes.ts`).
 */
export * from './core/index.js';
export { createFetchAdapter } from './fetch-adapter.js';
