/**
 * The CDN bundle's loader. An element is defined when one of its tags comes within ~600px of the
 * viewport (or has `loading="eager"`), so what sits further down the page costs no script until the
 * reader approaches it. The poll, comments and related list also have their code fetched only then.
 * Elements are defined one per task: upgrading an element and its first render share a task, so
 * nothing flashes, but no single long task upgrades and renders a whole page of elements.
 */
import { deferDefinitions } from './core/news-element.js';

const loadBelowTheFold = () => import('./lazy-elements.js');
const modules: Record<string, () => Promise<unknown>> = {
  'news-poll': loadBelowTheFold,
  'news-comments': loadBelowTheFold,
  'news-related': loadBelowTheFold,
  // Its own small file: the strip sits at the top of the pages that have one, and most pages have none.
  'news-trending': () => import('./trending/news-trending.js'),
};
/** Definitions of elements whose code is here, waiting for one of their tags to near the viewport. */
const waiting = new Map<string, () => void>();
/** Tags that came near the viewport (or were asked for), with their code loading or loaded. */
const wanted = new Map<string, Promise<unknown>>();
const queue: [tag: string, define: () => void][] = [];

const nextTask = (run: () => void) => {
  const scheduler = (globalThis as { scheduler?: { postTask?: (run: () => void) => Promise<void> } }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(run);
  else setTimeout(run);
};

function runQueue() {
  const [tag, define] = queue.shift()!;
  // A keyboard reader may have tabbed onto a link in the light-DOM fallback, which the element's
  // own rendering replaces: hand the focus to the first focusable thing the element renders.
  const focused = document.activeElement;
  const host = focused?.closest(tag) as (Element & { updateComplete?: Promise<unknown> }) | null | undefined;
  define();
  void host?.updateComplete?.then(() => {
    const lost = document.activeElement === document.body || (document.activeElement === focused && !focused!.getClientRects().length);
    if (lost) host.shadowRoot?.querySelector<HTMLElement>('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]')?.focus();
  });
  if (queue.length) nextTask(runQueue);
}

/** Queues the definition of `tag` if its code is here and it is wanted. */
function release(tag: string) {
  const define = waiting.get(tag);
  if (!define || !wanted.has(tag)) return;
  waiting.delete(tag);
  if (queue.push([tag, define]) === 1) nextTask(runQueue);
}

deferDefinitions((tag, define) => {
  waiting.set(tag, define);
  release(tag);
});

/** Defines `tag` soon, fetching its code first if it is one of the lazily loaded elements. */
function want(tag: string): Promise<unknown> {
  let ready = wanted.get(tag);
  if (!ready) {
    ready = (modules[tag]?.() ?? Promise.resolve()).catch((error: unknown) => {
      wanted.delete(tag);
      console.warn(`news-elements: could not load <${tag}>`, error);
    });
    wanted.set(tag, ready);
    release(tag);
  }
  return ready;
}

/**
 * Defines the given elements now, whether or not their tags are near the viewport (all of them
 * without arguments): for tags the document can't show us, e.g. inside your own shadow roots.
 * Resolves once they are defined (or their code failed to load, which is logged).
 */
export function loadElements(...tags: string[]): Promise<unknown[]> {
  const ours = [...new Set([...waiting.keys(), ...wanted.keys(), ...Object.keys(modules)])];
  return Promise.all(
    (tags.length ? tags : ours).map((tag) =>
      ours.includes(tag) ? want(tag).then(() => (wanted.has(tag) ? customElements.whenDefined(tag) : undefined)) : customElements.whenDefined(tag),
    ),
  );
}

let nearViewport: IntersectionObserver | undefined;

function watch(element: Element) {
  const tag = element.localName;
  if (wanted.has(tag) || customElements.get(tag)) return;
  if (element.getAttribute('loading') === 'eager' || typeof IntersectionObserver === 'undefined') {
    void want(tag);
    return;
  }
  nearViewport ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        nearViewport!.unobserve(entry.target);
        void want(entry.target.localName);
      }
    },
    { rootMargin: '600px' },
  );
  nearViewport.observe(element);
}

/** Watches the document for our tags, now and as they are added. */
export function autoload(): void {
  const selector = [...waiting.keys(), ...Object.keys(modules)].join(',');
  const scan = (root: ParentNode) => {
    if (root instanceof Element && root.matches(selector)) watch(root);
    root.querySelectorAll(selector).forEach(watch);
  };
  const start = () => {
    scan(document);
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  // A printed page shows every element rendered, not only those the reader scrolled near: define
  // the ones whose code is here at once (their first render runs before the print layout).
  addEventListener('beforeprint', () => {
    for (const [tag, define] of waiting) {
      wanted.set(tag, Promise.resolve());
      waiting.delete(tag);
      define();
    }
  });
}
