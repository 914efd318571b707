/**
 * Drafts that survive a reload or a crash: one per reader, thread and target (`''` for a new comment,
 * else the comment being answered), in localStorage under `news-comments:draft:<reader>:<thread>:<target>`
 * (`<reader>` is the URI-encoded user id, or `anonymous`). On a shared browser one reader never sees
 * another's unsent text, and a reader's drafts are removed when they sign out. Each draft carries the
 * idempotency key its post will use, so posting it again after a reload, a timeout or a server restart
 * never doubles it.
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

/** The storage prefix of one reader's drafts (`null`/`undefined`: not signed in). */
function readerPrefix(readerId: string | null | undefined): string {
  return `${PREFIX}${readerId ? encodeURIComponent(readerId) : 'anonymous'}:`;
}

/**
 * Removes every draft of one reader, in every thread (on sign-out). Drafts from before drafts were
 * keyed by reader (`news-comments:draft:<thread>:<target>`) belong to nobody known and go too.
 */
export function clearReaderDrafts(readerId: string | null | undefined): void {
  const prefix = readerPrefix(readerId);
  const legacy = (name: string) => name.startsWith(PREFIX) && name.slice(PREFIX.length).split(':').length === 2;
  for (const name of unsaved.keys()) if (name.startsWith(prefix)) unsaved.set(name, null);
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const name = localStorage.key(i);
      if (name && (name.startsWith(prefix) || legacy(name))) unsaved.set(name, null);
    }
  } catch {
    // Storage blocked: there is nothing stored to clear.
  }
  flushDrafts();
}

/** The drafts of one thread, for whichever reader `reader()` names at the time of each call. */
export class DraftStore {
  readonly #threadId: string;
  readonly #reader: () => string | null | undefined;

  constructor(threadId: string, reader: () => string | null | undefined) {
    this.#threadId = threadId;
    this.#reader = reader;
  }

  #name(target: string): string {
    return `${readerPrefix(this.#reader())}${this.#threadId}:${target}`;
  }

  get(target: string): Draft | undefined {
    return stored(this.#name(target));
  }

  /** Saves `body` for `target` (debounced), keeping the draft's key or making one; empty text removes it. */
  set(target: string, body: string, fresh = false): Draft | undefined {
    const name = this.#name(target);
    const draft = body.trim() ? { body, key: (!fresh && stored(name)?.key) || newKey() } : null;
    unsaved.set(name, draft);
    timer ??= setTimeout(flushDrafts, SAVE_DELAY_MS);
    return draft ?? undefined;
  }

  /** Forgets the draft once the server has confirmed its post. */
  clear(target: string): void {
    unsaved.set(this.#name(target), null);
    flushDrafts();
  }
}
