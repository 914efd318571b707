import type { Routes } from '../core/index.js';
import type { Poll } from '../core/types.js';

/** `<news-poll>`: its poll and the reader's vote. */
export const pollRoutes: Routes = (request) => ({
  getPoll: (id, o) => request('GET', `/polls/${encodeURIComponent(id)}`, o),
  vote: (id, optionIds, o) => request<Poll>('POST', `/polls/${encodeURIComponent(id)}/votes`, o, { optionIds }),
});
