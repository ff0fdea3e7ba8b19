// Traffic source (SPEC 6.2): why the visitor is here, from the page URL and document.referrer.
// The referrer hosts' lists are regular expressions: the smallest form of the data once minified and
// gzipped, read only when there is a referrer. What every page load reads is plain string work:
// each regex is compiled on its first run, and each compile counts on a cold page (issue 11).
import type { Source } from '../types';
import { CLICK_IDS } from './trackingIds';
import { httpUrl } from './url';
import { SOURCES } from '../lib/sources';

/**
 * `host` is `domain` or a subdomain of it, on a label boundary: 'www.google.fr' is under 'google.fr',
 * 'notgoogle.fr' is not. `domain` is config text: case and a leading dot are tolerated.
 */
export const isUnder = (host: string, domain: string): boolean =>
  !!(domain = domain.toLowerCase().replace(/^\./, '')) && ('.' + host).endsWith('.' + domain);

/**
 * Classifies the visit: its `source`, and its `referrer` as stored, the referring site's origin
 * ('https://www.google.fr'), or 'direct' when there is none (empty, unparsable, not http(s)) or it
 * is internal. `_internal` marks a same-site referrer (same host, or `cookieDomain` and its
 * subdomains) without campaign parameter or click ID: navigation inside the site starts no visit,
 * and its source is reported as 'direct' since the real one was decided on the entry page.
 * `_why` (debug console) names the deciding parameter or referrer host.
 */
export function classify(page: URL, referrer: string, cookieDomain?: string): { source: Source; referrer: string; _why: string; _internal: boolean } {
  // Empty parameters (?gclid=) are treated as absent: they identify nothing.
  const get = (name: string) => page.searchParams.get(name);
  // The first click ID in SPEC order; fbclid, listed last, is found only when no paid one is there.
  const click = CLICK_IDS.find(get);
  const utm = ['utm_source', 'utm_medium', 'utm_campaign'].find(get);
  const medium = (get('utm_medium') || '').trim().toLowerCase();
  // The listed utm_medium values, each read as its source; others as they are.
  const bymedium = ['cpc', 'ppc', 'cpm', 'display', 'paid_search', 'paidsearch', 'paid_social'].includes(medium)
    ? 'paid'
    : ['e-mail', 'newsletter'].includes(medium)
      ? 'email'
      : ['social-network', 'social_media'].includes(medium)
        ? 'social'
        : medium;
  const ref = httpUrl(referrer);
  const host = ref ? ref.hostname : '';
  const out = (source: string, why: string, internal?: boolean) => ({
    source: source as Source,
    referrer: ref && !internal ? ref.origin : 'direct',
    _why: why,
    _internal: !!internal,
  });
  if (click && click != 'fbclid') return out('paid', click);
  // The five sources a utm_medium may also name as is (lib/sources.ts lists them first).
  if (SOURCES.slice(0, 5).includes(bymedium)) return out(bymedium, 'utm_medium=' + medium);
  if (utm) return out('campaign', utm);
  if (click) return out('social', click);
  if (!ref) return out('direct', 'no referrer');
  if (host == page.hostname || (cookieDomain && isUnder(host, cookieDomain))) return out('direct', 'internal navigation', true);
  return out(
    // Referrer hosts, matched on a label boundary ('(^|\.)'); webmail first, since mail.google.com
    // is also Google. '(com?\.)?[a-z]{2,3}' is any country domain: google.fr, google.co.uk, google.com.br…
    /^(web)?mail\.|(^|\.)(mail\.yahoo|outlook\.(live|office(365)?))\.com$/.test(host)
      ? 'email'
      : /(^|\.)((google|bing|search\.yahoo|yandex)\.(com?\.)?[a-z]{2,3}|(duckduckgo|qwant|baidu|startpage|search\.brave|ask|naver)\.com|(ecosia|lilo)\.org|ya\.ru|seznam\.cz)$/.test(host)
        ? 'organic'
        : /(^|\.)((facebook|instagram|linkedin|x|twitter|youtube|tiktok|reddit|snapchat|threads)\.com|pinterest\.(com?\.)?[a-z]{2,3}|lnkd\.in|t\.co|youtu\.be|threads\.net|bsky\.app)$/.test(host)
          ? 'social'
          : 'referral',
    'referrer ' + host,
  );
}
