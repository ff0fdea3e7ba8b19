// Tracking IDs (SPEC 6.4): identifiers of the ad click or of the analytics visitor, captured on the
// entry page so calls can be tied back to the campaign. Values are data from the page: they are only
// stored and sent, never written into the document, and each read is guarded.
import type { Config, CustomId } from '../types';

/** Click IDs of the ad platforms: their presence makes a visit paid (SPEC 6.2; fbclid makes it social). */
export const CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'dclid', 'msclkid', 'ttclid', 'fbclid'];
/** Google Ads ValueTrack parameters captured by default. */
export const VALUETRACK = 'campaignid adgroupid keyword matchtype network device creative placement targetid'.split(' ');
// SPEC 6.4 lists these five click IDs (not dclid/ttclid) among the captured defaults.
const URL_DEFAULTS = ['gclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid'].concat(VALUETRACK);

type Ids = Record<string, string>;
type Cfg = Config['trackingIds'];

/** Stores `value` when it is a non-empty string, number or boolean of at most 200 characters. */
const put = (ids: Ids, key: string, value: unknown): void => {
  const t = typeof value;
  if (t == 'string' || t == 'number' || t == 'boolean') {
    const s = String(value);
    if (s && s.length <= 200) ids[key] = s;
  }
};

/** The custom ids read from `from` (all of them without it); malformed entries are skipped. */
export const customIds = (cfg: Cfg, from?: CustomId['from']): CustomId[] =>
  ((cfg && cfg.custom) || []).filter((c) => c && (!from || c.from == from));

/** Tracking IDs in the page URL: the defaults present (unless `defaults: false`) and custom `from: 'url'`. */
export function urlTrackingIds(page: URL, cfg: Cfg): Ids {
  const ids: Ids = {};
  const p = page.searchParams;
  if (!cfg || cfg.defaults !== false) URL_DEFAULTS.forEach((k) => put(ids, k, p.get(k)));
  customIds(cfg, 'url').forEach((c) => put(ids, c.name, p.get(c.key)));
  return ids;
}

/** What deviceTrackingIds may read; storage/ provides it, tests provide fakes. */
export interface DeviceReader {
  _cookie(name: string): string | undefined;
  _cookieNames(): string[];
  _local(key: string): string | null;
  _window: any;
}

/**
 * Follows a dotted path ('dataLayer.0.userType') through own data properties only: a getter or a
 * Proxy trap could run page code with side effects, so accessors are treated as absent.
 */
const walk = (root: any, path: string): unknown =>
  path.split('.').reduce((o, k) => {
    const t = typeof o;
    return o && (t == 'object' || t == 'function') ? (Object.getOwnPropertyDescriptor(o, k) || {}).value : undefined;
  }, root);

/** Tracking IDs on the device (cookies, localStorage, window): read only with consent (SPEC 6.4). */
export function deviceTrackingIds(cfg: Cfg, read: DeviceReader): Ids {
  const ids: Ids = {};
  // One failing read (a throwing getter, a blocked localStorage) must not cost the others.
  const get = (key: string, f: () => unknown) => {
    try {
      put(ids, key, f());
    } catch {
      /* unreadable: absent */
    }
  };
  if (!cfg || cfg.defaults !== false) {
    get('_ga', () => read._cookie('_ga'));
    try {
      read._cookieNames().forEach((n) => n.indexOf('_pk_id.') == 0 && get(n, () => read._cookie(n)));
    } catch {
      /* cookies blocked */
    }
  }
  customIds(cfg).forEach((c) =>
    get(c.name, () =>
      c.from == 'cookie' ? read._cookie(c.key) : c.from == 'localStorage' ? read._local(c.key) : c.from == 'window' ? walk(read._window, c.key) : undefined,
    ),
  );
  return ids;
}
