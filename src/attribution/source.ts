// Traffic source (SPEC 6.2): why the visitor is here, from the page URL and document.referrer.
// Host lists are data, not code: space-separated strings keep them small in the bundle.
import type { Source } from '../types';
import { CLICK_IDS } from './trackingIds';
import { httpUrl } from './url';

/**
 * `host` is `domain` or a subdomain of it, on a label boundary: 'www.google.fr' is under 'google.fr',
 * 'notgoogle.fr' is not. `domain` is config text: case and a leading dot are tolerated.
 */
export const isUnder = (host: string, domain: string): boolean => {
  domain = String(domain).toLowerCase().replace(/^\./, '');
  return !!domain && (host == domain || host.slice(-domain.length - 1) == '.' + domain);
};

// Tables of "source entry entry…" groups joined by '|', split on use: the smallest form of the data.
// utm_medium values: each group starts with the source's own name, which is also a medium.
const MEDIUMS = 'paid cpc ppc paid paidsearch paid_search cpm display paid_social|email email e-mail newsletter|social social social-network social_media|organic organic|referral referral';
// Referrer hosts, matched on a label boundary; webmail first, since mail.google.com is also Google.
// A trailing dot stands for any country domain: 'google.' is google.fr, google.co.uk, google.com.br…
const HOSTS =
  'email mail.google.com mail.yahoo.com outlook.live.com outlook.office.com outlook.office365.com' +
  '|organic google. bing. search.yahoo. yandex. ya.ru duckduckgo.com qwant.com ecosia.org baidu.com startpage.com search.brave.com lilo.org ask.com naver.com seznam.cz' +
  '|social facebook.com instagram.com linkedin.com lnkd.in x.com twitter.com t.co youtube.com youtu.be pinterest. tiktok.com reddit.com snapchat.com threads.net threads.com bsky.app';
export const CAMPAIGN = ['utm_source', 'utm_medium', 'utm_campaign'];

/** The source named by the first group of `table` with an entry that `hit` accepts. */
const lookup = (table: string, hit: (entry: string) => boolean): Source | undefined => {
  for (const group of table.split('|')) {
    const entries = group.split(' ');
    if (entries.slice(1).some(hit)) return entries[0] as Source;
  }
};

/** The referrer's origin ('https://www.google.fr'), or 'direct' when empty, unparsable or not http(s). */
export function referrerOrigin(referrer: string): string {
  const u = httpUrl(referrer);
  return u ? u.origin : 'direct';
}

/**
 * Classifies the visit. `_internal` marks a same-site referrer (same host, or `cookieDomain` and its
 * subdomains) without campaign parameter or click ID: navigation inside the site starts no visit,
 * and its source is reported as 'direct' since the real one was decided on the entry page.
 */
export function classify(page: URL, referrer: string, cookieDomain?: string): { _source: Source; _why: string; _internal: boolean } {
  const out = (source: Source, why: string, internal?: boolean) => ({ _source: source, _why: why, _internal: !!internal });
  const get = (name: string) => page.searchParams.get(name);
  // Empty parameters (?gclid=) are treated as absent: they identify nothing.
  const click = CLICK_IDS.slice(0, 6).filter(get)[0];
  if (click) return out('paid', click + ' in URL');
  const medium = (get('utm_medium') || '').trim().toLowerCase();
  const bymedium = lookup(MEDIUMS, (m) => m == medium);
  if (bymedium) return out(bymedium, 'utm_medium=' + medium);
  const utm = CAMPAIGN.filter(get)[0];
  if (utm) return out('campaign', utm + ' in URL');
  if (get('fbclid')) return out('social', 'fbclid in URL');
  const ref = httpUrl(referrer);
  if (!ref) return out('direct', 'no referrer');
  const host = ref.hostname;
  if (host == page.hostname || (cookieDomain && isUnder(host, cookieDomain))) {
    return out('direct', 'internal navigation', true);
  }
  // 'www.google.co.uk' -> 'www.google', for the any-country entries.
  const base = host.replace(/\.(com?\.)?[a-z]{2,3}$/, '');
  return out(
    /^(web)?mail\./.test(host) ? 'email' : lookup(HOSTS, (d) => (d.slice(-1) == '.' ? isUnder(base, d.slice(0, -1)) : isUnder(host, d))) || 'referral',
    'referrer ' + host,
  );
}
