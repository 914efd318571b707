/**
 * Drafts that survive a reload or a crash: one per thread and target (`''` for a new comment, else
 * the comment being answered), in localStorage. Each draft carries the idempotency key its post
 * will use, so posting it again after a reload, a timeout or a server restart never doubles it.
 */
export interface Draft {
  body: string;
  key: string;
}

const PREFIX = 'news-comments:draft:';
const SAVE_DELAY_MS = 400;
const unsaved = new Map<string, Draft | null>();
let timer: ReturnType<typeof setTimeout> | undefined;

/** Writes every unsaved draft now. Storage that is full or switched off only loses persistence. */
export function flushDrafts(): void {
  clearTimeout(timer);
  timer = undefined;
  for (const [name, draft] of unsaved) {
    try {
      if (draft) localStorage.setItem(name, JSON.stringify(draft));
      else localStorage.removeItem(name);
    } catch {
      // Private mode or quota: the draft stays in memory for this page.
    }
  }
  unsaved.clear();
}

if (typeof addEventListener === 'function') addEventListener('pagehide', flushDrafts);

/** 128 random bits; works outside secure contexts too, unlike `crypto.randomUUID`. */
export function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('-');
}

function stored(name: string): Draft | undefined {
  if (unsaved.has(name)) return unsaved.get(name) ?? undefined;
  try {
    const draft = JSON.parse(localStorage.getItem(name) ?? 'null') as Draft | null;
    if (typeof draft?.body === 'string' && typeof draft.key === 'string') return draft;
  } catch {
    // Unreadable or blocked storage: no draft.
  }
  return undefined;
}

/** The drafts of one thread. */
export class DraftStore {
  private readonly prefix: string;

  constructor(threadId: string) {
    this.prefix = `${PREFIX}${threadId}:`;
  }

  get(target: string): Draft | undefined {
    return stored(this.prefix + target);
  }

  /** Saves `body` for `target` (debounced), keeping the draft's key or making one; empty text removes it. */
  set(target: string, body: string, fresh = false): Draft | undefined {
    const name = this.prefix + target;
    const draft = body.trim() ? { body, key: (!fresh && stored(name)?.key) || newKey() } : null;
    unsaved.set(name, draft);
    timer ??= setTimeout(flushDrafts, SAVE_DELAY_MS);
    return draft ?? undefined;
  }

  /** Forgets the draft once the server has confirmed its post. */
  clear(target: string): void {
    unsaved.set(this.prefix + target, null);
    flushDrafts();
  }
}
