// Tracking IDs (SPEC 6.4): identifiers of the ad click or of the analytics visitor, captured on the
// entry page so calls can be tied back to the campaign. Values are data from the page: they are only
// stored and sent, never written into the document, and each read is guarded.
import type { CustomId } from '../types';
import { idText } from '../lib/idText';
import { cookieNames, getCookie } from '../storage/cookies';
import { getLocal } from '../storage/session';

/** Click IDs of the ad platforms, in SPEC 6.2 order: their presence makes a visit paid (fbclid, last, makes it social). */
export const CLICK_IDS = 'gclid gbraid wbraid dclid msclkid ttclid fbclid'.split(' ');
/**
 * URL parameters captured by default (SPEC 6.4): five of the click IDs (not dclid/ttclid) and the
 * Google Ads ValueTrack parameters. Written out rather than derived: gzip makes the repeat nearly free.
 */
export const URL_IDS = 'gclid gbraid wbraid fbclid msclkid campaignid adgroupid keyword matchtype network device creative placement targetid'.split(' ');

type Ids = Record<string, string>;
/** The resolved trackingIds section (settings.ts). */
export interface IdSettings {
  _defaultIds: boolean;
  _customIds: CustomId[];
}

/** A dotted path ('dataLayer.0.userType') followed through own data properties of objects only:
 * a getter or a Proxy trap could run page code with side effects, so accessors are absent, and
 * primitives are not walked ('str'.length is not an id). */
const path = (w: any, keys: string): unknown =>
  keys.split('.').reduce((o, k) => (Object(o) === o ? Object.getOwnPropertyDescriptor(o, k)?.value : undefined), w);

/**
 * The tracking IDs found in the page URL (`page`), on the device (`device`: the window, its cookies
 * and localStorage), or both: the defaults (unless `defaults: false`) and the custom ones, from the
 * places given. The device is read only with consent (SPEC 6.4): reading a tracker is access to the
 * device as much as writing one; the URL and the device are read in separate calls.
 *
 * The defaults are read as custom ids of their own (from the URL, or a cookie) and first, so that a
 * custom id named like a default one wins.
 */
export function trackingIds(cfg: IdSettings, page?: URL, device?: Window): Ids {
  const ids: Ids = {};
  /**
   * Stores the value of `key` in the place `from` under `name`, when it is a primitive (not
   * null/undefined) whose text is an ID as the module writes it (lib/idText.ts: at most 200
   * characters); a place not given reads nothing. Objects and functions are skipped. A failing read
   * (a throwing getter, a blocked localStorage, a Proxy trap, a Symbol that cannot become text) is
   * an absent id: it must not cost the others.
   */
  const put = (name: string, from: CustomId['from'], key = name): void => {
    try {
      const v: any =
        from == 'url'
          ? page?.searchParams.get(key)
          : device && (from == 'cookie' ? getCookie(key) : from == 'localStorage' ? getLocal(key) : path(device, key));
      if (v != null && Object(v) !== v && idText('' + v)) ids[name] = '' + v;
    } catch {
      /* unreadable: absent */
    }
  };
  if (cfg._defaultIds) {
    for (const k of URL_IDS) put(k, 'url');
    // _ga and every _pk_id.* cookie. Listing the cookies may throw too (blocked cookies): none.
    try {
      for (const n of device ? cookieNames() : []) if (/^(_ga$|_pk_id\.)/.test(n)) put(n, 'cookie');
    } catch {
      /* cookies blocked */
    }
  }
  for (const c of cfg._customIds) put(c.name, c.from, c.key);
  return ids;
}
