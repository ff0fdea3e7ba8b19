// Tracking IDs (SPEC 6.4): identifiers of the ad click or of the analytics visitor, captured on the
// entry page so calls can be tied back to the campaign. Values are data from the page: they are only
// stored and sent, never written into the document, and each read is guarded.
import type { Config, CustomId } from '../types';

/** Click IDs of the ad platforms, in SPEC 6.2 order: their presence makes a visit paid (fbclid, last, makes it social). */
export const CLICK_IDS = 'gclid gbraid wbraid dclid msclkid ttclid fbclid'.split(' ');
/**
 * URL parameters captured by default (SPEC 6.4): five of the click IDs (not dclid/ttclid) and the
 * Google Ads ValueTrack parameters. Written out rather than derived: gzip makes the repeat nearly free.
 */
export const URL_IDS = 'gclid gbraid wbraid fbclid msclkid campaignid adgroupid keyword matchtype network device creative placement targetid'.split(' ');

type Ids = Record<string, string>;
type Cfg = Config['trackingIds'];

/** What trackingIds may read on the device; storage/ provides it, tests provide fakes. The functions are called unbound. */
export interface DeviceReader {
  _cookie(name: string): string | undefined;
  _cookieNames(): string[];
  _local(key: string): string | null;
  _window: any;
}

/**
 * Stores what `read` returns when it is a primitive (not null/undefined) whose text is non-empty and
 * at most 200 characters. Objects and functions are skipped. A failing read (a throwing getter, a
 * blocked localStorage, a Proxy trap, a Symbol that cannot become text, a place not given) is an
 * absent id: it must not cost the others.
 */
const put = (ids: Ids, key: string, read: () => any): void => {
  try {
    let v = read();
    if (v != null && Object(v) !== v && (v += '') && v.length <= 200) ids[key] = v;
  } catch {
    /* unreadable: absent */
  }
};

/** The custom ids read from `from` (all of them without it); malformed entries are skipped. */
export const customIds = (cfg: Cfg, from?: CustomId['from']): CustomId[] => (cfg?.custom || []).filter((c) => c && (!from || c.from == from));

/**
 * The tracking IDs found in the page URL, on the device, or both: the defaults (unless
 * `defaults: false`) and the custom ones, from the places given. The device is read only with
 * consent (SPEC 6.4): reading a tracker is access to the device as much as writing one.
 */
export function trackingIds(cfg: Cfg, page?: URL, device?: DeviceReader): Ids {
  const ids: Ids = {};
  const url = (k: string) => page!.searchParams.get(k);
  if (cfg?.defaults !== false) {
    URL_IDS.map((k) => put(ids, k, () => url(k)));
    // _ga and every _pk_id.* cookie. Listing the cookies may throw too (blocked cookies): inside put,
    // that costs nothing else, and the list itself (an object) is never stored.
    put(ids, '', () => device!._cookieNames().map((n) => /^(_ga$|_pk_id\.)/.test(n) && put(ids, n, () => device!._cookie(n))));
  }
  // Each place a custom id may come from (`from` is validated config); a place not given throws,
  // inside put: absent.
  const places: Record<string, (key: string) => unknown> = {
    url,
    cookie: (k) => device!._cookie(k),
    localStorage: (k) => device!._local(k),
    // A dotted path ('dataLayer.0.userType') followed through own data properties of objects only:
    // a getter or a Proxy trap could run page code with side effects, so accessors are absent, and
    // primitives are not walked ('str'.length is not an id).
    window: (path) => path.split('.').reduce((o, k) => (Object(o) === o ? (Object.getOwnPropertyDescriptor(o, k) || {}).value : undefined), device!._window),
  };
  customIds(cfg).map((c) => put(ids, c.name, () => places[c.from](c.key)));
  return ids;
}
