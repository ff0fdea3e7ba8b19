// Conditions (SPEC 5): the marketer's ordered rules that pick which numbers a visit sees.
import type { Condition, Source } from '../types';
import { isUnder } from './source';
import { httpUrl } from './url';

/** `v` as an array: condition fields accept one value or several. */
const list = <T>(v: T | T[]): T[] => ([] as T[]).concat(v);

/**
 * Whole-string match where '*' is any run of characters and everything else is literal. No regex:
 * patterns come from config, the path from the URL, and a backtracking regex over a hostile 100 KB
 * path with several stars could stall the page. The first part must start `s`, the last end it, and
 * leftmost placement of each middle part is optimal, so one indexOf per part suffices.
 */
const glob = (pattern: string, s: string): boolean => {
  const parts = pattern.split('*');
  const last = parts.length - 1;
  if (!last) return pattern == s;
  let i = 0;
  return parts.every((part, j) => {
    // Where this part must sit: the first at the start, the last at the end, a middle one leftmost
    // after the previous; never before the end of the previous part.
    const k = j == last ? s.length - part.length : j ? s.indexOf(part, i) : 0;
    const ok = k >= i && s.startsWith(part, k);
    i = k + part.length;
    return ok;
  });
};

/**
 * Marketers write '/Promo/' for '/promo' and 'été' for '%C3%A9t%C3%A9': paths and patterns compare
 * percent-decoded (as sent when malformed), without case and without one trailing slash.
 */
const norm = (s: string): string => {
  try {
    s = decodeURIComponent(s);
  } catch {
    /* malformed escape: compare as sent */
  }
  return s.toLowerCase().replace(/(.)\/$/, '$1');
};

/**
 * The first condition whose every set field matches, for a visit (its source, its referrer: an
 * origin or 'direct', its landing URL: absolute or a path resolved against the page) seen on `page`.
 * Conditions come from resolved settings: every field an own property. `_why` is the debug sentence:
 * the winner and what it matched, or for each condition the first field that failed.
 */
export function pickCondition(
  conditions: Condition[],
  visit: { source: Source; referrer: string; landing: string },
  page: URL,
): { _condition?: Condition; _why: string } {
  const landing = httpUrl(visit.landing, page);
  const host = httpUrl(visit.referrer)?.hostname || '';
  const onPath = (u: URL | undefined) => (p: string) => !!u && glob(norm(p), norm(u.pathname));
  // true = present (even empty); a string = equal, case-insensitive.
  const params = (want: Record<string, string | true>): boolean =>
    Object.keys(want).every((k) => {
      const got = landing?.searchParams.get(k);
      return got != null && (want[k] === true || got.toLowerCase() == (want[k] as string).toLowerCase());
    });
  // Per field a condition may set, in the order they are tested and explained: its test (a field
  // holds one value or a list, and matches when one of them passes), and what this visit shows.
  const fields: Record<string, [(v: any) => boolean, string]> = {
    source: [(s: Source) => s == visit.source, visit.source],
    referrer: [(d: string) => isUnder(host, d), host || 'direct'],
    params: [params, landing?.search || 'none'],
    landing: [onPath(landing), landing?.pathname || 'none'],
    page: [onPath(page), page.pathname],
  };
  const misses: string[] = [];
  for (const c of conditions) {
    const miss = (Object.keys(fields) as (keyof Condition)[]).find((f) => c[f] != null && !list(c[f]).some(fields[f][0]));
    if (!miss) return { _condition: c, _why: `Condition: ${c.id} — every field it sets matches.` };
    misses.push(`${c.id} needs another ${miss} (this visit: ${fields[miss][1]})`);
  }
  return { _why: `No condition matched${misses.length ? ': ' + misses.join('; ') : ' (none configured)'}.` };
}
