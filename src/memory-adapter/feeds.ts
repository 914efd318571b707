// Live-data feeds in memory: replaced or updated value by value, each change pushed to subscribers.
import type { Feed, FeedValue } from '../core/types.js';
import { iso, notFound, type Backend } from './backend.js';
import type { MemoryAdapter, MemorySeed } from './types.js';

export interface FeedMethods extends Pick<MemoryAdapter, 'getFeed' | 'updateFeed'> {
  /** The feed now, or undefined when there is no such feed. */
  current(feedId: string): Feed | undefined;
}

export function feedMethods(data: MemorySeed, { run, now, publish }: Backend): FeedMethods {
  const feeds = new Map<string, Feed>((data.feeds ?? []).map((feed) => [feed.id, feed]));

  return {
    current: (feedId) => feeds.get(feedId),

    getFeed: (feedId, call) =>
      run('getFeed', [feedId], call, () => {
        const feed = feeds.get(feedId);
        if (!feed) throw notFound('Feed');
        return feed;
      }),

    updateFeed(feedId, changes) {
      const feed = feeds.get(feedId);
      if (!feed) throw notFound('Feed');
      const byId = new Map<string, Partial<FeedValue>>((changes.values ?? []).map((value) => [value.id as string, value]));
      const next: Feed = {
        ...feed,
        ...changes,
        id: feedId,
        // Values named in the change are updated in place; new ones join at the end.
        values: [
          ...feed.values.map((value) => ({ ...value, ...byId.get(value.id) })),
          ...(changes.values ?? []).filter((value) => !feed.values.some((old) => old.id === value.id)),
        ] as FeedValue[],
        updatedAt: changes.updatedAt ?? (iso(now()) as string),
      };
      feeds.set(feedId, next);
      publish(`feeds/${feedId}`, () => ({ type: 'feed', data: feeds.get(feedId) }));
      return next;
    },
  };
}
