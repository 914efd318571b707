/**
 * Page-level facts (adapter, article id, reading time) shared through `@lit/context`. Each element
 * resolves them in this order: its own attribute/property → the nearest `<news-article>` →
 * `configure()` → `<meta name="news-elements:endpoint">`. The last two are answered by one provider
 * on the document.
 */
import { ContextConsumer, ContextProvider, createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { endpointAdapter } from './transport.js';
import type { NewsAdapter } from './types.js';

export interface PageContext {
  adapter?: NewsAdapter;
  articleId?: string;
  /** Reading time of the enclosing `<news-article>`, in minutes. */
  readingMinutes?: number;
}

/** A string key, so two copies of the library on one page (each with its own `@lit/context`) share page context. */
export const pageContext = createContext<PageContext>('news-elements/page');

/** Answers page-context requests from inside `host`; a Lit host announces it on every connect. */
export const providePage = (host: HTMLElement, value: PageContext) => new ContextProvider(host, { context: pageContext, initialValue: value });

/**
 * Keeps `receive` fed with the page context while `host` is connected. When a nearer provider
 * answers (one that connected later), the subscription to the farther one ends.
 */
export const consumePage = (host: ReactiveControllerHost & HTMLElement, receive: (value: PageContext) => void) =>
  new ContextConsumer(host, { context: pageContext, subscribe: true, callback: receive });

export interface PageDefaults {
  /** Base URL of the REST API, e.g. `https://api.example.com` or `/api`. */
  endpoint?: string;
  /** A ready adapter; wins over `endpoint`. */
  adapter?: NewsAdapter;
  /** Returns the reader's JWT (single sign-on), or null when signed out. */
  getToken?: () => string | null | Promise<string | null>;
}

let defaults: PageDefaults = {};
let provider: ContextProvider<typeof pageContext> | undefined;

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
export function providePageDefaults(): ContextProvider<typeof pageContext> | undefined {
  if (provider || typeof document === 'undefined') return provider;
  provider = providePage(document.documentElement, resolveDefaults());
  // A module loaded before the <meta> was parsed looks again once the document is complete.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => provider!.setValue(resolveDefaults(), true), { once: true });
  }
  return provider;
}
