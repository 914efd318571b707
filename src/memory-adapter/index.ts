/**
 * `news-elements/memory-adapter`: a complete {@link NewsAdapter} in memory, for Storybook, tests and
 * offline demos. No element imports it, so it never ships in a page bundle. One module per domain:
 * `articles.ts`, `trending.ts`, `polls.ts`, `comments.ts` (with the counts and the session), `feeds.ts`, on the call pipeline,
 * clock and live channels of `backend.ts`; `demo-seed.ts` has demo data.
 */
import type { NewsAdapter } from '../core/types.js';
import { articleMethods, summary } from './articles.js';
import { clone, createBackend } from './backend.js';
import { commentMethods } from './comments.js';
import { feedMethods } from './feeds.js';
import { pollMethods } from './polls.js';
import { trendingMethods } from './trending.js';
import type { MemoryAdapter, MemoryReport, MemorySeed } from './types.js';

export type { AdapterMethod, MemoryAdapter, MemoryCall, MemoryReport, MemorySeed } from './types.js';

/**
 * A complete {@link NewsAdapter} in memory with the reference server's rules (visibility of poll
 * results, one vote per voter, one level of replies, pending comments, soft deletes, the edit
 * window, likes, idempotency keys), simulated latency and failure switches.
 */
export function createMemoryAdapter(seed: MemorySeed = {}, options: { latencyMs?: number } = {}): MemoryAdapter {
  const data = clone(seed);
  const reports: MemoryReport[] = data.reports ?? [];
  const { backend, controls } = createBackend(data, () => adapter.latencyMs);
  const { current: currentPoll, ...polls } = pollMethods(data, backend);
  const { current: currentFeed, ...feeds } = feedMethods(data, backend);
  const { read, ...trending } = trendingMethods(data, backend, summary);

  const adapter: MemoryAdapter = {
    latencyMs: options.latencyMs ?? 0,
    get reports() {
      return clone(reports);
    },
    ...controls,
    ...articleMethods(data, backend, read),
    ...trending,
    ...polls,
    ...commentMethods(data, backend, reports),
    ...feeds,

    subscribe(channel, onEvent) {
      const listener = backend.listen(channel, onEvent);
      // Like the server, a poll stream starts with the current results, and a feed's with the feed.
      const [kind, id = ''] = channel.split('/');
      const first =
        kind === 'polls'
          ? currentPoll(id) && { type: 'results', data: currentPoll(id) }
          : kind === 'feeds' && currentFeed(id) && { type: 'feed', data: currentFeed(id) };
      if (first) {
        setTimeout(() => {
          if (listener.active()) onEvent(clone(first));
        });
      }
      return listener.stop;
    },
  };
  return adapter satisfies NewsAdapter;
}
