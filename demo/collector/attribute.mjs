// What the platform would attribute an incoming call to (POST /api/simulate-call). The telephony
// side knows only the number dialled and the time, so:
// - a pool number held by a consenting visitor (a lease) names that visitor exactly;
// - a number last shown in identified events (visit/pageview/call carrying it) names the latest
//   such visitor;
// - a number shown only to cookieless visitors gives probabilities: the sources of the anonymous
//   events that showed it in the last 30 minutes, in proportion (SPEC 8's "approche probabiliste").
import { toE164 } from './phone.mjs';

export const WINDOW_MS = 30 * 60 * 1000;

/** The visitor's latest visit and the pages seen since, as the platform would show them. */
function visitorReport(store, visitor, via) {
  const mine = store.events.filter((e) => e.visitor === visitor);
  const visits = mine.filter((e) => e.type === 'visit');
  const visit = visits[visits.length - 1];
  const after = visit ? mine.filter((e) => e.id > visit.id) : mine;
  const pages = after.filter((e) => e.type === 'pageview' && e.url).map((e) => e.url);
  const pageviews = after.filter((e) => e.type === 'pageview').length;
  return {
    id: visitor,
    via,
    visit: visit ? { ts: visit.ts, source: visit.source, condition: visit.condition ?? null, landing: visit.landing,
      referrer: visit.referrer, tracking_ids: visit.tracking_ids || {} } : null,
    pageviews,
    pages,
  };
}

/** True when `visitor`'s latest visit (and the pages and calls since) showed `number`. */
function shownInLatestVisit(store, visitor, number, since) {
  const mine = store.events.filter((e) => e.visitor === visitor && e.received >= since);
  let start = 0;
  mine.forEach((e, i) => { if (e.type === 'visit') start = i; });
  return mine.slice(start).some((e) => e.number === number);
}

/**
 * @param caller  the demo's visitor who presses *Call* (their mgt_visitor), when they have one: the
 *   answer is then about them, never about another visitor who happened to see the same number.
 * @returns `{ error }` for an unusable number, else `{ number, attribution, visitor?, statistical }`
 * where attribution is 'visitor' (exact), 'statistical' (proportions) or 'none'.
 */
export function simulateCall(input, store, pools, now = Date.now(), caller = undefined) {
  const number = toE164(typeof input === 'string' ? input : '');
  if (!number) return { error: 'number: not a phone number' };
  const since = now - WINDOW_MS;

  const hold = pools.holder(number, now);
  const shown = store.events.filter((e) => e.number === number && e.received >= since);
  const identified = shown.filter((e) => !e.cookieless && e.visitor);
  const anonymous = shown.filter((e) => e.cookieless && e.source);

  const counts = new Map();
  for (const e of anonymous) counts.set(e.source, (counts.get(e.source) || 0) + 1);
  const statistical = {
    window: WINDOW_MS / 1000,
    events: anonymous.length,
    sources: [...counts].sort((a, b) => b[1] - a[1])
      .map(([source, events]) => ({ source, events, share: Math.round((events / anonymous.length) * 100) / 100 })),
  };

  let visitor;
  if (hold && hold.visitor) visitor = visitorReport(store, hold.visitor, 'lease');
  else if (caller !== undefined) {
    if (caller && shownInLatestVisit(store, caller, number, since)) visitor = visitorReport(store, caller, 'event');
  } else if (identified.length) visitor = visitorReport(store, identified[identified.length - 1].visitor, 'event');

  // The latest display decides between an exact and a statistical answer, unless a lease holds the number.
  const latestAnonymous = anonymous.length ? anonymous[anonymous.length - 1].id : 0;
  const latestIdentified = identified.length ? identified[identified.length - 1].id : 0;
  let attribution = 'none';
  if (visitor && (visitor.via === 'lease' || caller || latestIdentified > latestAnonymous)) attribution = 'visitor';
  else if (anonymous.length) attribution = 'statistical';
  return { number, attribution, ...(visitor ? { visitor } : {}), statistical };
}
