import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../core/i18n.js';
import type { Poll } from '../core/types.js';
import { percentages } from './percentages.js';

type Msg = (key: string, params?: Record<string, string | number>) => string;

/** The placeholder while the poll loads: its question if known, else a line in its place. */
export function skeletonTemplate(question: TemplateResult | typeof nothing, loading: string): TemplateResult {
  return html`${question}
    <div class="skeleton" aria-hidden="true">
      ${question === nothing ? html`<span class="line question-line"></span>` : nothing}
      <span class="row"></span><span class="row"></span><span class="row"></span><span class="row"></span>
      <span class="footer"><span class="line button-line"></span></span>
    </div>
    <span class="visually-hidden">${loading}</span>`;
}

/** One row per option: its label, the reader's choice, and with `counted` its bar, count and share. */
export function resultsListTemplate(poll: Poll, counted: boolean, msg: Msg, locale: string): TemplateResult {
  const mine = poll.myVote ?? [];
  const shares = counted ? percentages(poll.options.map((option) => option.votes!)) : [];
  // A bar's length (`--_share`) is set through the CSSOM (`.style`): a `style` attribute is
  // refused under a strict CSP (`style-src` without 'unsafe-inline').
  return html`<ul part="results" class="results">
    ${poll.options.map((option, index) => {
      const chosen = mine.includes(option.id);
      return html`<li part="result" class="row result ${chosen ? 'mine' : ''}">
        ${counted ? html`<span part="bar" class="bar" .style=${`--_share:${shares[index]}%`}></span>` : nothing}
        <span class="label" dir="auto">${option.label}${chosen ? html` <span class="tag">${msg('poll.yourChoice')}</span>` : nothing}</span>
        ${
          counted
            ? html`<span class="numbers">
                <span class="count">${msg('poll.votes', { count: option.votes! })}</span>
                <span class="share">${formatNumber(locale, shares[index] / 100, { style: 'percent' })}</span>
              </span>`
            : nothing
        }
      </li>`;
    })}
  </ul>`;
}

/** A radio (or, for `multiple`, a checkbox) per option; once `full`, the unpicked ones are disabled. */
export function choicesTemplate(poll: Poll, picked: string[], full: boolean): TemplateResult[] {
  return poll.options.map((option) => {
    const checked = picked.includes(option.id);
    return html`<label part="choice" class="row choice">
      <input type=${poll.multiple ? 'checkbox' : 'radio'} name="choice" .value=${option.id} .checked=${checked} ?disabled=${full && !checked} /><span
        class="label"
        dir="auto"
        >${option.label}</span
      >
    </label>`;
  });
}
