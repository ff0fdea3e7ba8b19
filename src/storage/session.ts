// The mgt_session localStorage object (SPEC 6.5). What is read back is validated field by field:
// storage can be edited by anyone with devtools or by another script, so an entry that is not
// exactly what we write is discarded rather than trusted.
import type { Source } from '../types';

const KEY = 'mgt_session';
const SOURCES = /^(paid|organic|social|email|referral|campaign|direct)$/;
const MAX = 2000;

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

const str = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX;
// What the module writes: absolute http(s) URLs, an origin or 'direct', and phone numbers as written
// in the config. Anything else was not written by us.
const href = (v: unknown): boolean => str(v) && /^https?:\/\/[^\s<>"'`]*$/.test(v);
const origin = (v: unknown): boolean => v === 'direct' || (str(v) && /^https?:\/\/[\w.-]+(:\d+)?$/.test(v));
const phone = (v: unknown): boolean => str(v) && /^[+\d][\d\s().\/\u00a0\u202f-]{5,40}$/.test(v);
const num = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v < 1e15;

function valid(s: any): s is Session {
  if (!s || typeof s !== 'object' || s.v !== 1) return false;
  if (!(s.condition === null || str(s.condition)) || !href(s.landing) || !href(s.last_url) || !origin(s.referrer)) return false;
  if (!num(s.last_action) || !SOURCES.test(s.source) || (s.pageviews !== undefined && !num(s.pageviews))) return false;
  if (!Array.isArray(s.to_swap) || s.to_swap.length > 50) return false;
  for (const e of s.to_swap) if (!e || !phone(e.original) || !phone(e.tracked) || (e.expires !== undefined && !num(e.expires))) return false;
  const ids = s.tracking_ids;
  if (!ids || typeof ids !== 'object' || Array.isArray(ids)) return false;
  for (const k in ids) if (!str(ids[k])) return false;
  return true;
}

/** Removes mgt_session; never throws (a localStorage that throws holds nothing of ours). */
export function removeSession(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* storage unavailable */
  }
}

/** The stored session, or undefined when absent; a damaged entry is removed and reported once. */
export function readSession(onDamaged: (why: string) => void): Session | undefined {
  let raw: string | null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let s: unknown;
  try {
    s = raw.length <= 32768 ? JSON.parse(raw) : undefined;
  } catch {
    s = undefined;
  }
  if (valid(s)) return s;
  removeSession();
  onDamaged('mgt_session was not valid: discarded and rebuilt');
  return undefined;
}

/** Writes mgt_session with exactly the documented fields; false when storage refused it. */
export function writeSession(s: Session): boolean {
  const out: Session = {
    v: 1,
    condition: s.condition,
    landing: s.landing,
    last_action: s.last_action,
    last_url: s.last_url,
    referrer: s.referrer,
    source: s.source,
    to_swap: s.to_swap.map((e) => (e.expires ? { original: e.original, tracked: e.tracked, expires: e.expires } : { original: e.original, tracked: e.tracked })),
    tracking_ids: s.tracking_ids,
  };
  if (s.pageviews !== undefined) out.pageviews = s.pageviews;
  try {
    localStorage.setItem(KEY, JSON.stringify(out));
    return true;
  } catch {
    return false;
  }
}
