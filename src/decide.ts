// The visit decision, pure (issue 9): for one page view and the consent of the moment, the
// attribution to keep, the condition, the numbers to show, the session to store, and the sentences
// that explain it in debug mode. Everything it needs is an argument (no DOM, no storage, no clock),
// so it is tested with tables (test/unit/decide.test.ts). "A new visit" is decided here, and only here.
import type { Session, SwapEntry } from './storage/session';
import { usableNumber, type Numbers, type Settings } from './settings';
import type { Explain } from './why';
import { pickCondition } from './attribution/conditions';
import { cleanUrl, urlFilter } from './attribution/url';
import { isNewVisit, keepAttribution, type Attribution } from './attribution/visit';

/** How a page view arrived: its attribution as classify() saw it, with the tracking IDs of its URL. */
export type Arrival = Attribution & { _internal: boolean; _why: string };

export interface VisitInput {
  _page: URL;
  /**
   * The arrival decided now: when persistent, this view's own (the page load's arrival, or a
   * virtual page view's); cookieless, the page load's arrival (the attribution kept in memory).
   */
  _view: Arrival;
  /** The first decision of this page load. */
  _first: boolean;
  _persistent: boolean;
  /** Tracking IDs may be stored (SPEC 6.4). */
  _withIds: boolean;
  /** mgt_visitor was created on this page. */
  _created: boolean;
  /** mgt_session as stored before this decision (persistent only). */
  _stored?: Session;
  /** Tracking IDs read from the device (with `_withIds` only). */
  _deviceIds: Record<string, string>;
  _now: number;
}

export interface Visit {
  _kept: Attribution;
  _new: boolean;
  /** The condition's id, or null. */
  _id: string | null;
  /** Where the numbers come from once final, for the debug sentence: 'defaults', 'condition ads', 'leased from pool p1'. */
  _from: string;
  /** What to show once final: the defaults, the condition's, and leased numbers still valid. */
  _numbers: Numbers;
  /** The condition's pool, while persistent (leased now unless `_leased`). */
  _pool?: string;
  /** The originals the condition's pool leases numbers for. */
  _wanted: string[];
  /** When the leased numbers reused from mgt_session expire; 0 when none are (a lease is needed). */
  _leasedUntil: number;
  /** The session to store (persistent only). */
  _session?: Session;
}

/** A URL as stored and sent: redacted (SPEC 9.2), or only its path when cookieless (SPEC 8). */
export const cleanFor = (s: Settings, persistent: boolean, withIds: boolean) => (url: string | URL): string =>
  cleanUrl(url, persistent ? urlFilter(s, withIds) : undefined);

/** mgt_session.to_swap: the numbers shown, leased ones with their expiry. */
export const toSwap = (numbers: Numbers, leased: Numbers | undefined, until: number): SwapEntry[] =>
  Object.keys(numbers).map((original) => ({ original, tracked: numbers[original], expires: leased && leased[original] ? until : undefined }));

export function decideVisit(s: Settings, v: VisitInput, explain: Explain): Visit {
  const { _view: a, _stored: stored, _persistent: p, _now: now } = v;
  const clean = cleanFor(s, p, v._withIds);
  let isNew = v._first && !a._internal;
  let kept: Attribution = a;
  if (p) {
    // An existing visitor arriving by internal navigation without a session here comes from a
    // sibling subdomain under cookie.domain (localStorage is per origin): same visit.
    const sibling = a._internal && !stored && !v._created;
    isNew = !sibling && isNewVisit(a._internal, stored?.last_action, now, s._timeout);
    const mine: Attribution = { ...a, landing: clean(a.landing), tracking_ids: v._withIds ? { ...a.tracking_ids, ...v._deviceIds } : {} };
    kept = isNew ? keepAttribution(stored, mine, s._entry) : stored || mine;
  }
  const from = a._internal ? 'internal navigation' : a.referrer == 'direct' ? 'no referrer' : 'from ' + a.referrer;
  const last = stored ? `, last activity ${Math.round((now - stored.last_action) / 6e4)} min ago` : '';

  const pick = pickCondition(s._conditions, kept, v._page);
  const cond = pick._condition;
  const id = cond ? cond.id : null;
  // The condition's own numbers: none with probabilistic 'off' without storage, which swaps the
  // default numbers only (SPEC 8).
  const own = (p || s._probabilistic != 'off') && cond?.numbers;
  const numbers: Numbers = { ...s._numbers, ...own };
  const pool = p ? cond?.pool : undefined;
  const wanted = Object.keys(cond?.numbers || s._numbers);
  // Leased numbers still valid in mgt_session are reused, when there is one for every original.
  const leased: Numbers = {};
  let until = 0;
  for (const e of (pool && stored?.to_swap) || []) {
    if (e.expires! > now && wanted.includes(e.original) && usableNumber(s, e.tracked)) {
      leased[e.original] = e.tracked;
      until = e.expires!;
    }
  }
  const reuse = pool && Object.keys(leased).length == wanted.length ? leased : undefined;
  Object.assign(numbers, reuse);

  const session: Session | undefined = p
    ? {
        v: 1,
        condition: id,
        landing: kept.landing,
        last_action: now,
        last_url: clean(v._page),
        referrer: kept.referrer,
        source: kept.source,
        to_swap: toSwap(numbers, reuse, until),
        tracking_ids: kept.tracking_ids,
        pageviews: s._collecting && s._mode != 'origin' ? (isNew || !stored ? 0 : stored.pageviews || 0) + 1 : undefined,
      }
    : undefined;
  // The source's reason from classify()'s terse one ('gclid', 'utm_medium=cpc', 'referrer www.google.fr', 'no referrer').
  explain('source', kept.source, kept == stored ? 'stored with the visit' : a._why.includes(' ') ? a._why : 'the landing URL has ' + a._why);
  explain('condition', pick._why);
  explain('visit', p ? (isNew ? 'new' : 'same') + ' visit' : 'cookieless', from + last);
  return {
    _kept: kept,
    _new: isNew,
    _id: id,
    _from: reuse ? 'leased from pool ' + pool : own ? 'condition ' + id : 'defaults',
    _numbers: numbers,
    _pool: pool,
    _wanted: wanted,
    _leasedUntil: reuse ? until : 0,
    _session: session,
  };
}
