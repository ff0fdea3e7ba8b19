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
  const last = parts.pop()!;
  const end = s.length - last.length;
  let i = 0;
  return (
    s.endsWith(last) &&
    // Without a star the last part is the whole pattern: equality.
    (parts.length ? parts.every((p, k) => (k = k ? s.indexOf(p, i) : s.startsWith(p) ? 0 : -1) >= 0 && (i = k + p.length) <= end) : !end)
  );
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
 * Conditions come from validated config: objects with an id. `_why` is for the debug console: each
 * condition tried, with the first field that failed or 'matches' for the winner.
 */
export function pickCondition(
  conditions: Condition[] | undefined,
  visit: { source: Source; referrer: string; landing: string },
  page: URL,
): { _condition?: Condition; _why: string } {
  const landing = httpUrl(visit.landing, page);
  const ref = httpUrl(visit.referrer);
  const host = ref ? ref.hostname : '';
  const onPath = (u: URL | undefined) => (p: string) => !!u && glob(norm(String(p)), norm(u.pathname));
  // One test per field, in the order they are explained; a field holds one value or a list, and
  // matches when one of them passes.
  const tests: Record<string, (v: any) => boolean> = {
    source: (s: Source) => s == visit.source,
    referrer: (d: string) => isUnder(host, d),
    params: (params: Record<string, string | true>) => {
      for (const k in params) {
        const got = landing && landing.searchParams.get(k);
        // true = present (even empty); a string = equal, case-insensitive.
        if (got == null || (params[k] !== true && got.toLowerCase() != String(params[k]).toLowerCase())) return false;
      }
      return true;
    },
    landing: onPath(landing),
    page: onPath(page),
  };
  const tried: string[] = [];
  for (const c of conditions || []) {
    let miss = '';
    for (const f in tests) if (!miss && (c as any)[f] != null && !list((c as any)[f]).some(tests[f])) miss = f;
    tried.push(c.id + (miss ? ': ' + miss : ' matches'));
    if (!miss) return { _condition: c, _why: tried.join(', ') };
  }
  return { _why: tried.join(', ') || 'no conditions' };
}
