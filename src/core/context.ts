/**
 * Page-level facts (adapter, article id, locale) shared over the community context protocol, the
 * one `@lit/context` speaks. Each element resolves them in this order: its own attribute/property →
 * the nearest `<news-article>` → `configure()` → `<meta name="news-elements:endpoint">`. The last
 * two are answered by one provider on the document.
 */
import type { ReactiveControllerHost } from 'lit';
import { endpointAdapter } from './transport.js';
import type { NewsAdapter } from './types.js';

export interface PageContext {
  adapter?: NewsAdapter;
  articleId?: string;
  /** Reading time of the enclosing `<news-article>`, in minutes. */
  readingMinutes?: number;
}

/**
 * A string key, so two copies of the library on one page share page context. Typed like
 * `@lit/context`'s `Context`, so it also works with that library's providers and consumers.
 */
export const pageContext = 'news-elements/page' as 'news-elements/page' & { __context__: PageContext };

/** Receives the value; a subscriber also gets how to stop hearing of changes. */
export type PageCallback = (value: PageContext, unsubscribe?: () => void) => void;

/** The fields of the protocol's `context-request` and `context-provider` events. */
interface ContextEvent extends Event {
  context: unknown;
  contextTarget?: EventTarget;
  callback: PageCallback;
  subscribe?: boolean;
}

/** Dispatches a protocol event from `target`, bubbling out of shadow roots. */
const announce = (target: EventTarget, type: string, fields?: Partial<ContextEvent>) =>
  target.dispatchEvent(Object.assign(new Event(type, { bubbles: true, composed: true }), { context: pageContext, contextTarget: target, ...fields }));

/** Asks the nearest provider for page context, subscribing to changes. */
const request = (consumer: EventTarget, callback: PageCallback) => announce(consumer, 'context-request', { callback, subscribe: true });

export interface PageProvider {
  readonly value: PageContext;
  /** Changes the value; subscribers hear of it when it is a new object, or always with `force`. */
  setValue(value: PageContext, force?: boolean): void;
  /** Announces the provider, so consumers a provider further up answered switch to this nearer one. */
  hostConnected(): void;
}

/** Answers page-context requests from inside `host`; a Lit host announces it on every connect. */
export function providePage(host: EventTarget, value: PageContext): PageProvider {
  const subscribers = new Map<PageCallback, [consumer: EventTarget, unsubscribe: () => void]>();
  /** The element that sent `event` when it asks this provider (not the host itself), else undefined. */
  const sender = (event: Event) => {
    const { context, contextTarget = event.composedPath()[0] } = event as ContextEvent;
    if (context !== pageContext || contextTarget === host) return undefined;
    event.stopPropagation();
    return contextTarget;
  };
  host.addEventListener('context-request', (event) => {
    const consumer = sender(event);
    const { callback, subscribe } = event as ContextEvent;
    if (!consumer) return;
    if (!subscribe) return callback(value);
    if (!subscribers.has(callback)) subscribers.set(callback, [consumer, () => subscribers.delete(callback)]);
    callback(value, subscribers.get(callback)![1]);
  });
  // A provider connected below this one: our consumers ask again, and the nearest provider answers.
  host.addEventListener('context-provider', (event) => {
    if (sender(event)) [...subscribers].forEach(([callback, [consumer]]) => request(consumer, callback));
  });
  const provider: PageProvider = {
    get value() {
      return value;
    },
    setValue(next, force) {
      const changed = force || next !== value;
      value = next;
      if (changed) subscribers.forEach(([, unsubscribe], callback) => callback(value, unsubscribe));
    },
    hostConnected: () => announce(host, 'context-provider'),
  };
  (host as Partial<ReactiveControllerHost>).addController?.(provider);
  return provider;
}

/**
 * Keeps `receive` fed with the page context while `host` is connected. When a nearer provider
 * answers (one that connected later), the subscription to the farther one ends.
 */
export function consumePage(host: ReactiveControllerHost & EventTarget, receive: (value: PageContext) => void): void {
  let unsubscribe: (() => void) | undefined;
  const callback: PageCallback = (value, next) => {
    if (unsubscribe !== next) unsubscribe?.();
    unsubscribe = next;
    receive(value);
    host.requestUpdate();
  };
  host.addController({
    hostConnected: () => request(host, callback),
    hostDisconnected() {
      unsubscribe?.();
      unsubscribe = undefined;
    },
  });
}

export interface PageDefaults {
  /** Base URL of the REST API, e.g. `https://api.example.com` or `/api`. */
  endpoint?: string;
  /** A ready adapter; wins over `endpoint`. */
  adapter?: NewsAdapter;
  /** Returns the reader's JWT (single sign-on), or null when signed out. */
  getToken?: () => string | null | Promise<string | null>;
}

let defaults: PageDefaults = {};
let provider: PageProvider | undefined;

function resolveDefaults(): PageContext {
  const endpoint = defaults.endpoint ?? (document.querySelector<HTMLMetaElement>('meta[name="news-elements:endpoint"]')?.content.trim() || undefined);
  const adapter = defaults.adapter ?? (endpoint ? endpointAdapter({ endpoint, getToken: defaults.getToken }) : undefined);
  return adapter ? { adapter } : {};
}

/** Sets the page-wide defaults every element falls back to. Later calls merge with earlier ones. */
export function configure(options: PageDefaults): void {
  defaults = { ...defaults, ...options };
  providePageDefaults()?.setValue(resolveDefaults(), true);
}

/** Installs the document-level provider once; elements call this before asking for context. */
export function providePageDefaults(): PageProvider | undefined {
  if (provider || typeof document === 'undefined') return provider;
  provider = providePage(document.documentElement, resolveDefaults());
  // A module loaded before the <meta> was parsed looks again once the document is complete.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => provider!.setValue(resolveDefaults(), true), { once: true });
  }
  return provider;
}
