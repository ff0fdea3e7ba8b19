// Tracking IDs (SPEC 6.4): identifiers of the ad click or of the analytics visitor, captured on the
// entry page so calls can be tied back to the campaign. Values are data from the page: they are only
// stored and sent, never written into the document, and each read is guarded.
import type { CustomId } from '../types';
import { idText } from '../lib/idText';
import type { DeviceReader } from '../storage/device';

export type { DeviceReader };

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

/**
 * Stores what `read` returns when it is a primitive (not null/undefined) whose text is an ID as the
 * module writes it (lib/idText.ts: at most 200 characters). Objects and functions are skipped. A
 * failing read (a throwing getter, a blocked localStorage, a Proxy trap, a Symbol that cannot become
 * text) is an absent id: it must not cost the others.
 */
const put = (ids: Ids, key: string, read: () => any): void => {
  try {
    const v = read();
    if (v != null && Object(v) !== v && idText('' + v)) ids[key] = '' + v;
  } catch {
    /* unreadable: absent */
  }
};

/** A dotted path ('dataLayer.0.userType') followed through own data properties of objects only:
 * a getter or a Proxy trap could run page code with side effects, so accessors are absent, and
 * primitives are not walked ('str'.length is not an id). */
const path = (w: any, keys: string): unknown =>
  keys.split('.').reduce((o, k) => (Object(o) === o ? Object.getOwnPropertyDescriptor(o, k)?.value : undefined), w);

/**
 * The tracking IDs found in the page URL (`page`), on the device (`device`), or both: the defaults
 * (unless `defaults: false`) and the custom ones, from the places given. The device is read only with
 * consent (SPEC 6.4): reading a tracker is access to the device as much as writing one.
 */
export function trackingIds(cfg: IdSettings, page?: URL, device?: DeviceReader): Ids {
  const ids: Ids = {};
  for (const c of cfg._customIds) {
    if (c.from == 'url') {
      if (page) put(ids, c.name, () => page.searchParams.get(c.key));
    } else if (device) {
      put(ids, c.name, () => (c.from == 'cookie' ? device._cookie(c.key) : c.from == 'localStorage' ? device._local(c.key) : path(device._window, c.key)));
    }
  }
  if (!cfg._defaultIds) return ids;
  const defaults: Ids = {};
  if (page) for (const k of URL_IDS) put(defaults, k, () => page.searchParams.get(k));
  // _ga and every _pk_id.* cookie. Listing the cookies may throw too (blocked cookies).
  if (device) {
    let names: string[] = [];
    try {
      names = device._cookieNames();
    } catch {
      /* cookies blocked: none */
    }
    for (const n of names) if (/^(_ga$|_pk_id\.)/.test(n)) put(defaults, n, () => device._cookie(n));
  }
  // A custom id named like a default one wins.
  return Object.assign(defaults, ids);
}
