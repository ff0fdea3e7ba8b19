// Conditions (SPEC 5): the marketer's ordered rules that pick which numbers a visit sees.
import type { Condition, Source } from '../types';
import { isUnder } from './source';
import { httpUrl } from './url';

const list = <T>(v: T | T[] | undefined): T[] | undefined => (v == null ? undefined : ([] as T[]).concat(v));

/**
 * Whole-string match where '*' is any run of characters and everything else is literal. No regex:
 * patterns come from config, the path from the URL, and a backtracking regex over a hostile 100 KB
 * path with several stars could stall the page. Leftmost placement of each middle part is optimal,
 * so one indexOf per part suffices.
 */
const glob = (pattern: string, s: string): boolean => {
  const parts = pattern.split('*');
  const first = parts[0];
  const last = parts.pop()!;
  if (!parts.length) return s == first;
  let i = first.length;
  const end = s.length - last.length;
  if (end < i || s.slice(0, i) != first || s.slice(end) != last) return false;
  for (let k = 1; k < parts.length; k++) {
    const j = s.indexOf(parts[k], i);
    if (j < 0 || (i = j + parts[k].length) > end) return false;
  }
  return true;
};

// Marketers write '/Promo/' for '/promo' and 'été' for '%C3%A9t%C3%A9': paths compare without case,
// without one trailing slash, and both as sent and percent-decoded.
const norm = (s: string) => (s = s.toLowerCase()).length > 1 && s.slice(-1) == '/' ? s.slice(0, -1) : s;
const onPath = (patterns: string[], u: URL | undefined): boolean => {
  if (!u) return false;
  let decoded = u.pathname;
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    /* malformed escape: compare as sent only */
  }
  return patterns.some((p) => glob((p = norm(String(p))), norm(u.pathname)) || glob(p, norm(decoded)));
};

/**
 * The first condition whose every set field matches. `_referrer` is an origin or 'direct';
 * `_landing` may be absolute or a path (resolved against the page). `_why` is for the debug console:
 * the winner, or each condition with the first field that failed.
 */
export function pickCondition(
  conditions: Condition[] | undefined,
  ctx: { _source: Source; _referrer: string; _landing: string; _page: URL },
): { _condition?: Condition; _why: string } {
  const landing = httpUrl(ctx._landing, ctx._page);
  const ref = httpUrl(ctx._referrer);
  const host = ref ? ref.hostname : '';
  const failed: string[] = [];
  for (const c of conditions || []) {
    if (!c) continue;
    const sources = list(c.source);
    const referrers = list(c.referrer);
    const landings = list(c.landing);
    const pages = list(c.page);
    const params = c.params;
    const miss =
      sources && sources.indexOf(ctx._source) < 0
        ? 'source'
        : referrers && !referrers.some((d) => isUnder(host, d))
          ? 'referrer'
          : params &&
              Object.keys(params).some((k) => {
                const got = landing && landing.searchParams.get(k);
                return got == null || (params[k] !== true && got.toLowerCase() != String(params[k]).toLowerCase());
              })
            ? 'params'
            : landings && !onPath(landings, landing)
              ? 'landing'
              : pages && !onPath(pages, ctx._page)
                ? 'page'
                : '';
    if (!miss) return { _condition: c, _why: `condition ${c.id} matches` };
    failed.push(`${c.id}: ${miss}`);
  }
  return { _why: failed.length ? `no condition matches (${failed.join(', ')})` : 'no conditions' };
}
