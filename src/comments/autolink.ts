import { html, type TemplateResult } from 'lit';
import { safeUrl } from '../core/safe-url.js';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?'")\]}*]$/;

const count = (text: string, char: string) => text.split(char).length - 1;

/**
 * A comment's plain text as text parts and http(s) links (`rel="nofollow ugc noopener"`), never as
 * markup: Lit renders every string part as a text node. Sentence punctuation after a URL stays
 * outside the link; a closing parenthesis stays inside only when the URL opened one.
 */
export function autolink(text: string): (string | TemplateResult)[] {
  const parts: (string | TemplateResult)[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0];
    while (TRAILING.test(url) && !(url.endsWith(')') && count(url, '(') >= count(url, ')'))) url = url.slice(0, -1);
    if (!safeUrl(url)) continue;
    parts.push(text.slice(last, match.index), html`<a href=${url} rel="nofollow ugc noopener" target="_blank">${url}</a>`);
    last = match.index + url.length;
  }
  parts.push(text.slice(last));
  return parts;
}
