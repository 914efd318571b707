/**
 * "3 hours ago", in its own module: only the byline and the comments use it, so in the per-element
 * build it travels in their shared chunk, not in the core chunk every element pays for.
 */
import { english, intl } from './i18n.js';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/**
 * "3 hours ago" for dates within the last week (or up to a minute ahead, for clock skew),
 * else null so the caller shows an absolute date.
 */
export function formatRelative(locale: string, date: Date, now: Date = new Date()): string | null {
  let value = (date.getTime() - now.getTime()) / 1000;
  if (value > 60 || value < -7 * 24 * 3600) return null;
  let unit: Intl.RelativeTimeFormatUnit = 'week';
  for (const [name, size] of units) {
    if (Math.abs(value) < size) {
      unit = name;
      break;
    }
    value /= size;
  }
  const n = Math.round(value);
  if (!english(locale)) return intl(Intl.RelativeTimeFormat, locale, { numeric: 'auto' }).format(n, unit);
  // What `Intl.RelativeTimeFormat('en', {numeric: 'auto'})` says for these units.
  if (n == 0) return unit == 'second' ? 'now' : unit == 'day' ? 'today' : 'this ' + unit;
  const one = n * n == 1;
  if (one && unit == 'day') return n > 0 ? 'tomorrow' : 'yesterday';
  if (one && unit == 'week') return (n > 0 ? 'next' : 'last') + ' week';
  const words = `${Math.abs(n)} ${unit}${one ? '' : 's'}`;
  return n > 0 ? 'in ' + words : words + ' ago';
}
