/**
 * The CDN bundle's loader for the heavy elements that usually sit below the fold: their code is
 * fetched and run only when one of their tags comes within ~600px of the viewport (or has
 * `loading="eager"`), so a poll or comment thread further down costs no script until the reader
 * approaches it. Elements are defined one per task, so no single long task upgrades and renders
 * a whole page of them.
 */
import { defineInTasks } from './core/news-element.js';

defineInTasks();

const loadBelowTheFold = () => import('./lazy-elements.js');
const loaders: Record<string, () => Promise<unknown>> = {
  'news-poll': loadBelowTheFold,
  'news-comments': loadBelowTheFold,
  'news-related': loadBelowTheFold,
};
const selector = Object.keys(loaders).join(',');
const started = new Map<string, Promise<unknown>>();

/** Loads and defines the given lazily loaded elements now (all of them without arguments); resolves once they are defined. */
export function loadElements(...tags: string[]): Promise<unknown[]> {
  return Promise.all(
    (tags.length ? tags : Object.keys(loaders)).map((tag) => {
      const load = loaders[tag];
      if (!load) return customElements.whenDefined(tag);
      let loading = started.get(tag);
      if (!loading) {
        loading = load().then(
          () => customElements.whenDefined(tag),
          (error: unknown) => {
            started.delete(tag);
            console.warn(`news-elements: could not load <${tag}>`, error);
          },
        );
        started.set(tag, loading);
      }
      return loading;
    }),
  );
}

let nearViewport: IntersectionObserver | undefined;

function watch(element: Element) {
  const tag = element.localName;
  if (started.has(tag) || customElements.get(tag)) return;
  if (element.getAttribute('loading') === 'eager' || typeof IntersectionObserver === 'undefined') {
    void loadElements(tag);
    return;
  }
  nearViewport ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        nearViewport!.unobserve(entry.target);
        void loadElements(entry.target.localName);
      }
    },
    { rootMargin: '600px' },
  );
  nearViewport.observe(element);
}

function scan(root: ParentNode) {
  if (root instanceof Element && root.matches(selector)) watch(root);
  root.querySelectorAll(selector).forEach(watch);
}

/** Watches the document for the lazily loaded elements, now and as they are added. */
export function autoload(): void {
  const start = () => {
    scan(document);
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
