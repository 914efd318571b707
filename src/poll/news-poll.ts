import { html, nothing, type PropertyValues } from 'lit';
import { DataController } from '../core/data-controller.js';
import { LiveStreamController } from '../core/live-stream.js';
import { LatestThrottle } from './latest-throttle.js';
import type { HttpError } from '../core/errors.js';
import { NewsVoteEvent } from '../core/events.js';
import { formatDate, parseDate } from '../core/i18n.js';
import { NearViewportController } from '../core/near-viewport.js';
import { defineElement, hostStyles, NewsElement, textStyles } from '../core/news-element.js';
import type { Poll, PollResultsVisibility } from '../core/types.js';
import { normalizePoll, strictestRule, withVote } from './poll-data.js';
import { styles } from './poll.styles.js';
import { choicesTemplate, resultsListTemplate, skeletonTemplate } from './poll-templates.js';
import { addMessages, addRoutes } from '../core/index.js';
import { messages, translations } from './messages.js';
import { pollRoutes } from './routes.js';

/** Live results are applied at most this often, however fast votes arrive. */
const LIVE_INTERVAL_MS = 1000;
/** setTimeout's ceiling; a poll closing later than this is re-checked when the reader comes back. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * @summary A reader poll: a question, choices to vote on, then results with a bar, a percentage
 * and a count per choice and "Total votes: N". Works from inline markup alone, from the API
 * (`poll-id`) or from data set on the `poll` property; `live` follows other readers' votes.
 * @tagname news-poll
 *
 * @slot - The choices as `<option value="id">Label</option>` elements. They show as a plain list
 * before the element upgrades and until (or unless) the API answers; the API's poll wins.
 *
 * @csspart base - The poll box.
 * @csspart question - The question (legend of the choices, or the heading of the results).
 * @csspart choices - The fieldset of radios or checkboxes.
 * @csspart choice - One choice: its input and label.
 * @csspart vote-button - The "Vote" button.
 * @csspart results - The list of results.
 * @csspart result - One result: label, count and percentage over its bar.
 * @csspart bar - One result's bar: its length is the option's share of the votes.
 * @csspart total - The "Total votes: N" line.
 * @csspart message - Notes and errors ("Poll closed", "Voting is unavailable", …).
 *
 * @cssprop [--news-poll-bar-color=var(--news-color-accent)] - Filled share of each result bar.
 * @cssprop [--news-poll-bar-fill=color-mix(in srgb, var(--news-poll-bar-color) 16%, transparent)] - Tint of each bar
 * behind the text; the bar's edge uses `--news-poll-bar-color`.
 * @cssprop [--news-poll-surface=var(--news-color-surface)] - Background of the poll box.
 * @cssprop [--news-poll-border-color=var(--news-color-border)] - Border of the box and of each choice.
 *
 * @fires {NewsVoteEvent} news-vote - The server recorded the reader's vote; `detail` is `{pollId, optionIds}`.
 * @fires {NewsErrorEvent} news-error - The poll could not load, a vote failed, no adapter is
 * configured, or the poll data needed repair.
 */
export class NewsPoll extends NewsElement {
  static override styles = [hostStyles, textStyles, styles];

  // Declared without decorators: the same reactive properties, a smaller bundle. The element's own
  // state below is in private fields (short names in the CDN build): each change asks for an update.
  static override properties = {
    pollId: { attribute: 'poll-id', reflect: true },
    question: {},
    multiple: { type: Boolean, reflect: true },
    maxChoices: { attribute: 'max-choices', type: Number },
    results: {},
    closesAt: { attribute: 'closes-at' },
    live: { type: Boolean, reflect: true },
    loading: {},
    poll: { attribute: false },
  };

  /** Id of the poll on the server (`GET /polls/{id}`). Without it the poll shows its inline choices only. */
  pollId?: string;

  /** The question, shown at once; the server's question wins once it arrives. */
  question?: string;

  /** Inline polls: let readers pick several choices (checkboxes). The server's setting wins. */
  multiple = false;

  /** Inline polls with `multiple`: the most choices a reader may pick. The server's setting wins. */
  maxChoices?: number;

  /**
   * When readers see results: `after-vote`, `always` or `after-close`. Unset follows the poll data
   * (default `after-vote`); when set, the stricter of the attribute and the server's rule applies.
   */
  results?: PollResultsVisibility;

  /** Inline polls: ISO date and time when voting ends. The server's `closesAt` wins. */
  closesAt?: string;

  /** Follow other readers' votes as they arrive (server-sent events), at most one update a second. */
  live = false;

  /** `lazy` (default) loads when the poll nears the viewport; `eager` loads at once. */
  loading: 'lazy' | 'eager' = 'lazy';

  /** The poll as data (the shape of `GET /polls/{id}`), e.g. rendered by the host; the API's answer wins over it. */
  poll?: Poll;

  #inlineOptions: { id: string; label: string }[] = [];
  /** The latest poll from the adapter: loaded, returned by a vote, or pushed live. */
  #server?: Poll;
  #picked: string[] = [];
  /** The choice being sent, shown optimistically until the server answers. */
  #sending?: string[];
  /** A visible note about the last vote attempt (message key). */
  #voteProblem?: string;
  /** What the status region says: the outcome of the last vote. */
  #spoken = '';
  /** The reader chose "Show results" before voting (`results="always"`). */
  #browsing = false;
  /** The server said 409: this reader has voted, even if the poll data does not say so. */
  #alreadyVoted = false;
  /** The server said 410. */
  #closedByServer = false;

  /** The poll being shown: from the server, the `poll` property or the inline markup. */
  #pollData?: Poll;
  readonly #reported = new Set<string>();
  readonly #nearViewport = new NearViewportController(this, { eager: () => this.loading === 'eager' });
  /** Loads the poll once per poll id and adapter, when near the viewport. */
  readonly #loader = new DataController(this, {
    args: () => (this.#nearViewport.near && this.pollId && this.resolvedAdapter ? ([this.pollId, this.resolvedAdapter] as const) : undefined),
    task: ([id, adapter], signal) => adapter.getPoll(id, { signal }),
    onComplete: (poll) => (this.#server = this.#fromServer(poll)),
    onError: (error, [id]) => this.fail('load_failed', `could not load poll "${id}": ${String(error)}`),
  });
  readonly #liveStream = new LiveStreamController(this, {
    channel: () => (this.live && this.#nearViewport.near && this.pollId ? [this.resolvedAdapter, `polls/${this.pollId}`] : undefined),
    onEvent: ({ type, data }) => type === 'results' && data && this.#liveResults.push(data),
    onError: (error) => this.#reportOnce('live_failed', `could not subscribe to live results: ${String(error)}`),
  });
  /** Live results, applied at most once a second and never over a vote in flight. */
  readonly #liveResults = new LatestThrottle<unknown>(
    LIVE_INTERVAL_MS,
    () => !!this.#sending,
    (raw) => this.#applyLive(raw),
  );
  #closeTimer?: ReturnType<typeof setTimeout>;
  #focusAfterRender?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readOptions();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLive();
    clearTimeout(this.#closeTimer);
  }

  /** Reads the inline `<option>` children. */
  #readOptions() {
    this.#inlineOptions = Array.from(this.querySelectorAll('option'), (option) => ({ id: option.value, label: option.label }));
    this.requestUpdate();
  }

  /** `fail()` once per problem code, however often live updates repeat the same bad data. */
  #reportOnce = (code: string, message: string) => {
    if (this.#reported.has(code)) return;
    this.#reported.add(code);
    this.fail(code, message);
  };

  get #adapterReady(): boolean {
    return !!this.resolvedAdapter && !!this.pollId;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('pollId') && changed.get('pollId') !== undefined) {
      this.#server = this.#sending = this.#voteProblem = undefined;
      this.#picked = [];
      this.#browsing = this.#alreadyVoted = this.#closedByServer = false;
    }
    this.#pollData = this.#server ?? (this.poll ? normalizePoll(this.poll, this.#reportOnce) : this.#inlinePoll());
  }

  #fromServer(raw: unknown): Poll {
    return normalizePoll({ ...(raw as object), id: this.pollId }, this.#reportOnce);
  }

  /** The poll as written in the page: attributes and `<option>` children; no counts. */
  #inlinePoll(): Poll | undefined {
    if (!this.question?.trim() && !this.#inlineOptions.length) return undefined;
    return normalizePoll(
      {
        id: this.pollId,
        question: this.question,
        options: this.#inlineOptions,
        multiple: this.multiple,
        maxChoices: this.maxChoices,
        closesAt: this.closesAt,
        results: this.results,
        myVote: null,
      },
      this.#reportOnce,
    );
  }

  protected override updated(): void {
    const pollId = this.pollId;
    if (this.#nearViewport.near && !(this.resolvedAdapter && pollId)) {
      // Without them the poll shows its choices; say so when a reader could vote on them.
      const poll = this.#pollData;
      if ((pollId && !this.poll) || (poll?.options.length && !this.#isClosed(poll) && !this.#hasVoted(poll))) {
        this.#reportOnce(
          'no_adapter',
          pollId
            ? 'voting needs an adapter: set <meta name="news-elements:endpoint">, call configure() or set the adapter property'
            : 'voting needs a poll-id and an adapter; showing the choices only',
        );
      }
    }
    this.#scheduleClose();
    if (this.#focusAfterRender) {
      this.shadowRoot!.querySelector<HTMLElement>(this.#focusAfterRender)?.focus();
      this.#focusAfterRender = undefined;
    }
  }

  // ---- Derived state ----

  #isClosed(poll: Poll): boolean {
    const closesAt = parseDate(poll.closesAt);
    return this.#closedByServer || poll.status === 'closed' || (!!closesAt && closesAt.getTime() <= Date.now());
  }

  #hasVoted(poll: Poll): boolean {
    return poll.myVote !== null || this.#alreadyVoted;
  }

  /** Counts the reader may see now: known (never guessed) and allowed by the visibility rule. */
  #countsVisible(poll: Poll): boolean {
    if (!poll.options.length || poll.options.some((option) => option.votes === null)) return false;
    const rule = strictestRule(this.results, poll.results);
    return rule === 'always' || this.#isClosed(poll) || (rule === 'after-vote' && this.#hasVoted(poll));
  }

  // ---- Live results and closing time ----

  /** Closes the live stream (the next update reopens it if still wanted) and drops its pending update. */
  #stopLive() {
    this.#liveStream.close();
    this.#liveResults.stop();
  }

  #applyLive(raw: unknown) {
    const next = this.#fromServer(raw);
    const current = this.#server;
    // A stream opened before this reader voted may still speak for an anonymous reader.
    if (current?.myVote && !next.myVote) {
      if (this.#countsVisible(current) && !this.#countsVisible({ ...next, myVote: current.myVote })) return;
      next.myVote = current.myVote;
    }
    this.#server = next;
    this.requestUpdate();
  }

  /** Re-renders (and reloads the final results) the moment `closesAt` passes. */
  #scheduleClose() {
    clearTimeout(this.#closeTimer);
    const poll = this.#pollData;
    const closesAt = parseDate(poll?.closesAt);
    if (!poll || !closesAt || this.#isClosed(poll)) return;
    const wait = closesAt.getTime() - Date.now() + 50;
    if (wait > MAX_TIMER_MS) return;
    this.#closeTimer = setTimeout(() => {
      if (this.#server && this.#adapterReady) void this.#loader.run();
      this.requestUpdate();
    }, wait);
  }

  // ---- Voting ----

  #onChange(event: Event) {
    const input = event.target as HTMLInputElement;
    if (!this.#pollData?.multiple) {
      this.#picked = [input.value];
    } else {
      this.#picked = input.checked ? [...this.#picked, input.value] : this.#picked.filter((id) => id !== input.value);
    }
    this.#voteProblem = undefined;
    this.requestUpdate();
  }

  async #submitVote(event: SubmitEvent) {
    event.preventDefault();
    const adapter = this.resolvedAdapter;
    const pollId = this.pollId;
    const choice = this.#picked.filter((id) => this.#pollData?.options.some((option) => option.id === id));
    if (!adapter || !pollId || !choice.length || this.#sending) return;
    this.#sending = choice;
    this.#voteProblem = undefined;
    this.#spoken = '';
    this.#browsing = false;
    this.#focusAfterRender = '[part="question"]';
    this.requestUpdate();
    try {
      const poll = this.#fromServer(await adapter.vote(pollId, choice));
      this.#liveResults.drop();
      if (poll.myVote === null) poll.myVote = choice;
      this.#server = poll;
      this.#sending = undefined;
      const total = this.#countsVisible(poll) && poll.totalVotes !== null ? ' ' + this.msg('poll.totalVotes', { count: poll.totalVotes }) : '';
      this.#spoken = this.msg('poll.voteRecorded') + total;
      this.emit(new NewsVoteEvent({ pollId, optionIds: choice }));
      // Reopen the live stream: it now speaks for a reader who has voted (cookie or token).
      this.#stopLive();
    } catch (error) {
      this.#sending = undefined;
      const status = (error as HttpError | undefined)?.status;
      if (status === 409) {
        this.#alreadyVoted = true;
        this.#voteProblem = 'poll.alreadyVoted';
        void this.#loader.run();
      } else if (status === 410) {
        this.#closedByServer = true;
        this.#voteProblem = 'poll.closedNow';
        void this.#loader.run();
      } else {
        this.#voteProblem = 'poll.voteFailed';
        this.#focusAfterRender = '[part="vote-button"]';
        this.fail('vote_failed', `could not record the vote in poll "${pollId}": ${String(error)}`);
      }
      this.#spoken = this.msg(this.#voteProblem);
    }
    this.requestUpdate();
    this.#liveResults.flush();
  }

  #showResults(browsing: boolean) {
    this.#browsing = browsing;
    this.#focusAfterRender = browsing ? '[part="question"]' : 'input';
    this.requestUpdate();
  }

  // ---- Rendering ----

  override render() {
    // The vote being sent is shown at once.
    const poll = this.#pollData && this.#sending ? withVote(this.#pollData, this.#sending) : this.#pollData;
    const { status } = this.#loader;
    const waiting = this.#adapterReady && (status === 'loading' || (status === 'idle' && !this.#server));
    const failed = status === 'error';
    // No choices to show: a skeleton while they may still come, else the question and why not.
    return html`<div part="base" aria-busy=${waiting || !!this.#sending}>
      ${
        poll?.options.length
          ? this.#isClosed(poll) || this.#hasVoted(poll) || (this.#browsing && this.#countsVisible(poll))
            ? this.#renderResults(poll)
            : this.#renderForm(poll, waiting)
          : waiting
            ? skeletonTemplate(this.#renderQuestion(poll), this.msg('common.loading'))
            : html`${this.#renderQuestion(poll)} ${this.#renderMessage(failed ? 'poll.loadFailed' : poll ? 'poll.noOptions' : 'poll.unavailable', failed)}
              ${this.#renderRetry()}`
      }
      <p class="visually-hidden" role="status">${this.#spoken}</p>
      <slot hidden @slotchange=${this.#readOptions}></slot>
    </div>`;
  }

  #renderQuestion(poll?: Poll, focusable = false) {
    const text = poll?.question || this.question?.trim();
    return text ? html`<p part="question" class="question" dir="auto" tabindex=${focusable ? '-1' : nothing}>${text}</p>` : nothing;
  }

  /** A note (`problem` for errors) under the choices or results; nothing without a message key. */
  #renderMessage(key: string | undefined, problem = true, after?: unknown) {
    return key ? html`<p part="message" class="message ${problem ? 'problem' : ''}">${this.msg(key)} ${after}</p>` : nothing;
  }

  #renderButton(key: string, onClick: () => void) {
    return html`<button type="button" class="secondary" @click=${onClick}>${this.msg(key)}</button>`;
  }

  #renderRetry() {
    return this.#loader.status === 'error' ? this.#renderButton('common.retry', () => this.#loader.run()) : nothing;
  }

  #renderForm(poll: Poll, waiting: boolean) {
    const available = this.#adapterReady;
    const loadFailed = this.#loader.status === 'error';
    const { multiple } = poll;
    const max = multiple && poll.maxChoices;
    const full = !!max && this.#picked.length >= max;
    const hint = multiple ? (max ? this.msg('poll.chooseUpTo', { count: max }) : this.msg('poll.chooseAny')) : '';
    const closesAt = parseDate(poll.closesAt);
    return html`<form @submit=${this.#submitVote} @change=${this.#onChange}>
      <fieldset part="choices" ?disabled=${!available || loadFailed} aria-describedby=${hint ? 'hint' : nothing}>
        <legend part="question" class="question" dir="auto">${poll.question || this.question?.trim() || ''}</legend>
        ${hint ? html`<p id="hint" class="hint">${hint}</p>` : nothing} ${choicesTemplate(poll, this.#picked, full)}
      </fieldset>
      <div class="footer">
        <button part="vote-button" type="submit" ?disabled=${!available || waiting || loadFailed || !this.#picked.length}>${this.msg('poll.vote')}</button>
        ${this.#countsVisible(poll) ? this.#renderButton('poll.showResults', () => this.#showResults(true)) : nothing}
        ${
          closesAt
            ? html`<span class="note"
                >${this.msg('poll.closesOn', { date: formatDate(this.locale, closesAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</span
              >`
            : nothing
        }
      </div>
      ${
        available
          ? this.#renderMessage(loadFailed ? 'poll.loadFailed' : this.#voteProblem, true, this.#renderRetry())
          : this.#renderMessage('poll.unavailable', false)
      }
    </form>`;
  }

  #renderResults(poll: Poll) {
    const closed = this.#isClosed(poll);
    const counted = this.#countsVisible(poll);
    const note = closed
      ? 'poll.closed'
      : counted
        ? undefined
        : this.#sending
          ? 'poll.sending'
          : strictestRule(this.results, poll.results) === 'after-close'
            ? 'poll.hiddenUntilClose'
            : undefined;
    return html`${this.#renderQuestion(poll, true)} ${resultsListTemplate(poll, counted, (key, params) => this.msg(key, params), this.locale)}
      <div class="footer">
        ${note ? html`<span part="message" class="message ${closed ? 'closed' : ''}">${this.msg(note)}</span>` : nothing}
        ${
          counted && poll.totalVotes !== null
            ? html`<span part="total" class="total">${this.msg('poll.totalVotes', { count: poll.totalVotes })}</span>`
            : nothing
        }
        ${this.#browsing && !closed && !this.#hasVoted(poll) ? this.#renderButton('poll.backToVote', () => this.#showResults(false)) : nothing}
      </div>
      ${this.#renderMessage(this.#voteProblem)} ${this.#renderRetry()}`;
  }
}

addMessages(messages, translations);
addRoutes(pollRoutes);
defineElement('news-poll', NewsPoll);

declare global {
  interface HTMLElementTagNameMap {
    'news-poll': NewsPoll;
  }
}
