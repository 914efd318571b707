import type { ReactiveControllerHost } from 'lit';
import type { CommentSort, NewsAdapter, User } from '../core/types.js';

/**
 * What the comment thread's controllers reach on `<news-comments>`, the way Spectrum's picker
 * controllers reach their picker. The `_` names are internal: the CDN build shortens them.
 */
export interface CommentsHost extends ReactiveControllerHost, HTMLElement {
  readonly _adapter: NewsAdapter | undefined;
  /** The thread shown: `thread-id`, else the enclosing article's id. */
  readonly _threadKey: string | undefined;
  readonly _sortOrder: CommentSort;
  /** Top-level comments (and replies) per page. */
  readonly _pageLimit: number;
  /** The longest comment the reader may post. */
  readonly _bodyLimit: number;
  /** The thread is near the viewport: time to load it. */
  readonly _near: boolean;
  readonly live: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The signed-in reader, null when signed out, undefined until known. */
  _session?: User | null;
  /** A first page starts loading; `newReader` when the thread or the adapter changed (drafts and session start over). */
  _loadStarted(adapter: NewsAdapter, thread: string, newReader: boolean): void;
  /** A post of the reader's is on its way (its comment arrives with the answer, not live). */
  readonly _posting: boolean;
  _msg(key: string, params?: Record<string, string | number>): string;
  _fail(code: string, message: string): void;
  /** Says `text` in the live region. */
  _announce(text: string): void;
  /** An action failed: tell the reader (`message`, by default "that did not work") and the page. */
  _reportProblem(code: string, error: unknown, message?: string): void;
  /** Closes the inline form without moving focus (its reply was posted). */
  _closeForm(): void;
  /** Moves focus to `selector` after the next render. */
  _focusAfter(selector: string): void;
  emit(event: Event): boolean;
}

export const commentSelector = (id: string) => `article[data-id="${CSS.escape(id)}"]`;
