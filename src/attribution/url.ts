// URL helpers shared by the attribution modules, and the redaction of every URL mgt stores or
// sends (SPEC 9.2). Everything here is pure and total: hostile input yields '' or false, never a throw.
import type { Condition, CustomId } from '../types';
import { CLICK_IDS, URL_IDS } from './trackingIds';

/**
 * Cuts at 2,000 characters (SPEC 9.2). A surrogate pair cut in half is left as is: JSON.stringify
 * escapes the lone half, so the payload stays valid.
 */
export const clip = (s: string): string => String(s).slice(0, 2000);

/** Parses an http(s) URL (relative to `base` if given); anything else (javascript:, data:, garbage) is undefined. */
export const httpUrl = (s: string | URL, base?: string | URL): URL | undefined => {
  // Most referrers are '' or 'direct': no exception on the normal path (issue 11). test() reads a URL
  // as its href, which starts with the protocol: the same regex for both tests (V8 compiles a source
  // once per page, and each compile counts on a cold page).
  if (!base && !/^https?:/i.test(s as string)) return;
  try {
    const u = new URL(s as string, base);
    if (/^https?:/i.test(u.href)) return u;
  } catch {
    /* not a URL: the caller treats it as absent */
  }
};

/**
 * The allow-list of SPEC 9.2 as a predicate on one query parameter (decoded name and value).
 *
 * - Tracking-ID parameters (click IDs, ValueTrack, custom ids read from the URL) are kept only when
 *   `trackingIds` is true, and dropped otherwise even when a condition or `urlParams` names them:
 *   SPEC 6.4 removes them from every stored URL without consent.
 * - The built-in ones are exempt from the name and phone rules: ValueTrack `keyword` contains "key",
 *   and `campaignid=12345678901` is 11 digits; both are ad-platform identifiers that are stored in
 *   `tracking_ids` anyway, so dropping them from the URL would protect nothing.
 */
export function urlFilter(
  s: { _urlParams: string[]; _conditions: Condition[]; _customIds: CustomId[] },
  trackingIds: boolean,
): (name: string, value: string) => boolean {
  const builtin = CLICK_IDS.concat(URL_IDS);
  const ids = builtin.concat(s._customIds.filter((c) => c.from == 'url').map((c) => c.key));
  const allow = s._urlParams.concat(...s._conditions.map((c) => Object.keys(c.params || {})));
  return (name, value) =>
    (ids.includes(name) ? trackingIds : name.startsWith('utm_') || allow.includes(name)) &&
    // %40: a value that was encoded twice still carries an address.
    !/@|%40/i.test(value) &&
    (builtin.includes(name) ||
      // A name that suggests a secret or personal data ('mail' covers email, 'pass' password), or a
      // phone-like value: 8 digits, each at most 3 separators from the next ('06 12 34 56 78',
      // '+33 (0)6.12…'); the bounded repetition keeps the scan linear on a 100 KB value.
      !(/mail|token|pass|pwd|secret|auth|key|session|phone|tel|name|address/i.test(name) || /\d([\s.\/()-]{0,3}\d){7}/.test(value)));
}

/**
 * `url` as mgt may store or send it: absolute http(s), no credentials, no fragment, the query reduced
 * to the parameters `keep` accepts (original order, re-encoded), or only the path without `keep`
 * (cookieless, SPEC 8). At most 2,000 characters; '' for anything unparsable or not http(s).
 */
export function cleanUrl(url: string | URL, keep?: (name: string, value: string) => boolean): string {
  try {
    const u = httpUrl(url)!;
    u.search = '' + new URLSearchParams([...u.searchParams].filter(([k, v]) => keep && keep(k, v)));
    // The origin has no credentials; the fragment is left out.
    // A cut inside '%4', or between the bytes of '%C3%A9', would leave an escape a strict decoder
    // (decodeURIComponent on the collector) rejects: drop the unfinished character.
    // (Such an escape is in the last 12 characters: most URLs, without '%' there, skip the regex's compile.)
    const out = clip(keep ? u.origin + u.pathname + u.search : u.pathname);
    return out.slice(-12).includes('%') ? out.replace(/(%([cd][\da-f]|e[\da-f](%[89ab][\da-f])?|f[0-7](%[89ab][\da-f]){0,2}))?(%[\da-f]?)?$/i, '') : out;
  } catch {
    // Also undefined from httpUrl: anything that is not an http(s) URL.
    return '';
  }
}
