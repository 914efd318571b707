import type { Comment } from './types.js';

/** Base of every `news-*` event: bubbles, crosses shadow roots, carries a typed `detail`. */
export class NewsEvent<Detail> extends Event {
  readonly detail: Detail;
  constructor(type: string, detail: Detail, init: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable: init.cancelable });
    this.detail = detail;
  }
}

export interface NewsVoteDetail {
  pollId: string;
  optionIds: string[];
}
/** A reader's vote was recorded. */
export class NewsVoteEvent extends NewsEvent<NewsVoteDetail> {
  constructor(detail: NewsVoteDetail) {
    super('news-vote', detail);
  }
}

export interface NewsCommentPostDetail {
  threadId: string;
  comment: Comment;
}
/** A reader's comment was accepted by the server. */
export class NewsCommentPostEvent extends NewsEvent<NewsCommentPostDetail> {
  constructor(detail: NewsCommentPostDetail) {
    super('news-comment-post', detail);
  }
}

export interface NewsSignInDetail {
  returnUrl: string;
}
/** A reader asked to sign in. Cancel it to open the host's own login instead of following `sign-in-url`. */
export class NewsSignInEvent extends NewsEvent<NewsSignInDetail> {
  constructor(detail: NewsSignInDetail) {
    super('news-sign-in', detail, { cancelable: true });
  }
}

export interface NewsAlsoReadClickDetail {
  href: string;
}
/** A reader followed an "Also read" link. Cancel it to route the link in a single-page app. */
export class NewsAlsoReadClickEvent extends NewsEvent<NewsAlsoReadClickDetail> {
  constructor(detail: NewsAlsoReadClickDetail) {
    super('news-also-read-click', detail, { cancelable: true });
  }
}

export interface NewsErrorDetail {
  /** Tag name of the element that failed, e.g. `news-poll`. */
  element: string;
  code: string;
  message: string;
}
/** An element could not load or save its data, or was given bad input. */
export class NewsErrorEvent extends NewsEvent<NewsErrorDetail> {
  constructor(detail: NewsErrorDetail) {
    super('news-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'news-vote': NewsVoteEvent;
    'news-comment-post': NewsCommentPostEvent;
    'news-sign-in': NewsSignInEvent;
    'news-also-read-click': NewsAlsoReadClickEvent;
    'news-error': NewsErrorEvent;
  }
}
