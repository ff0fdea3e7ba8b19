// The mgt_session localStorage object (SPEC 6.5). What is read back is validated field by field:
// storage can be edited by anyone with devtools or by another script, so an entry that is not
// exactly what we write (a missing, extra or malformed field, another version) is discarded.
import type { Source } from '../types';
import { idText } from '../lib/idText';
import { log } from '../lib/log';
import { SOURCES } from '../lib/sources';

export interface SwapEntry {
  original: string;
  tracked: string;
  /** Epoch ms; leased numbers only. */
  expires?: number;
}

export interface Session {
  v: 1;
  condition: string | null;
  landing: string;
  last_action: number;
  last_url: string;
  referrer: string;
  source: Source;
  to_swap: SwapEntry[];
  tracking_ids: Record<string, string>;
  pageviews?: number;
}

const str = (v: unknown): v is string => typeof v == 'string' && v.length <= 2000;
const num = (v: unknown): boolean => typeof v == 'number' && v >= 0 && v < 1e15;
const numOrNone = (v: unknown): boolean => v === undefined || num(v);
const object = (v: any): boolean => v && typeof v == 'object' && !Array.isArray(v);
// What the module writes: absolute http(s) URLs as the URL parser serializes them (it leaves an
// apostrophe in a path, as in /l'offre, but encodes spaces, quotes and angle brackets), an origin
// or 'direct'. Anything else was not written by us. Phone numbers are checked by readSession's
// caller, with parsePhone() itself.
const test = (re: RegExp) => (v: unknown) => str(v) && re.test(v);
const href = test(/^https?:\/\/[^\s<>"`]*$/);

/** One check per stored field: every field must pass, and no other may be there. */
const FIELDS: Record<string, (v: any) => boolean> = {
  v: (v) => v === 1,
  condition: (v) => v === null || str(v),
  landing: href,
  last_action: num,
  last_url: href,
  // An origin: host (an IPv6 one in brackets) and port, no path.
  referrer: test(/^(direct|https?:\/\/[\w.:[\]-]+)$/),
  source: (v) => SOURCES.includes(v),
  // Each entry is checked by readSession, which knows the numbers.
  to_swap: (v) => Array.isArray(v) && v.length <= 50,
  // Names and values as the module captures them (lib/idText.ts).
  tracking_ids: (v) => object(v) && Object.keys(v).every((k) => idText(k) && idText(v[k])),
  pageviews: numOrNone,
};
const NAMES = Object.keys(FIELDS);

/**
 * The one place that touches localStorage['mgt_session']: `getItem`, `setItem` (with `value`) or
 * `removeItem`. A localStorage that throws (disabled, private mode, quota) holds nothing of ours:
 * undefined.
 */
const store = (op: 'getItem' | 'setItem' | 'removeItem', value?: string): string | null | void => {
  try {
    return localStorage[op]('mgt_session', value!);
  } catch {
    /* storage unavailable */
  }
};

/** localStorage[key] for the custom tracking ids read from it (attribution/trackingIds.ts); may throw. */
export const getLocal = (key: string): string | null => localStorage.getItem(key);

export const removeSession = (): void => {
  store('removeItem');
};

/**
 * The stored session, or undefined when absent; a damaged entry is removed and reported (debug). `isNumber`
 * tells a valid phone number of the configured country, `isTracked` one that may be shown (valid and
 * not one of the config's originals); both are given strings only. A `to_swap` entry holding
 * anything else, markup included, was not written by the module (SPEC 11).
 */
export function readSession(isNumber: (n: string) => boolean, isTracked: (n: string) => boolean): Session | undefined {
  const raw = store('getItem');
  if (raw == null) return;
  let s: any;
  try {
    s = raw.length <= 32768 && JSON.parse(raw);
  } catch {
    /* not JSON: damaged */
  }
  const entry = (e: SwapEntry): boolean => !!e && str(e.original) && str(e.tracked) && numOrNone(e.expires) && isNumber(e.original) && isTracked(e.tracked);
  if (object(s) && Object.keys(s).every((k) => NAMES.includes(k)) && NAMES.every((k) => FIELDS[k](s[k])) && s.to_swap.every(entry)) return s;
  removeSession();
  log('mgt_session invalid: rebuilt');
}

/**
 * Writes the session as it is: the tracker builds it with exactly the documented fields (undefined
 * ones, such as `pageviews` outside traffic and journey, are left out by JSON). A storage that
 * refuses it keeps nothing, and the next page starts from the cookie alone.
 */
export const writeSession = (s: Session): void => {
  store('setItem', JSON.stringify(s));
};
