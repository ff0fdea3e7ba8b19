// One page's tracker: wires config -> consent -> attribution -> swap -> transport.
//
// decide() is the heart: for the current page view and the current consent, it works out the
// attribution (the stored visit, or this page load alone when cookieless), the matching condition,
// the numbers to show, what to store and what to report. It runs on init, on every (virtual) page
// view, and whenever the right to store changes (grant, denial, another tab's withdrawal).
import type { Config, Condition, ConsentState, State } from './types';
import { log, setDebug } from './lib/log';
import { unhide } from './lib/unhide';
import { classify, referrerOrigin } from './attribution/source';
import { pickCondition } from './attribution/conditions';
import { deviceTrackingIds, urlTrackingIds } from './attribution/trackingIds';
import { cleanUrl, urlFilter } from './attribution/url';
import { isNewVisit, keepAttribution, type Attribution } from './attribution/visit';
import { createSwapper } from './swap/swapper';
import { e164, parsePhone, samePhone } from './swap/phone';
import { storageAllowed } from './consent/gate';
import { startAdapters } from './consent/adapters/index';
import { createVisitor, deleteVisitor, readVisitor } from './storage/visitor';
import { readSession, removeSession, writeSession, type Session } from './storage/session';
import { deviceReader } from './storage/device';
import { createBatch } from './transport/batch';
import { lease } from './transport/lease';

export interface Tracker {
  _consent(granted: boolean, source: string): void;
  _swap(root?: Node): void;
  _restore(): void;
  _pageview(url?: string): void;
  _state(): State;
}

type Ev = Record<string, any>;
type Numbers = Record<string, string>;

export function createTracker(cfg: Config, w: Window, emit: (name: string, payload: any) => void, early: boolean[]): Tracker {
  const doc = w.document;
  const loc = w.location;
  const mode = cfg.mode;
  const country = (cfg.country || 'FR').toUpperCase();
  const prob = cfg.probabilistic || 'fallback';
  const cookie = cfg.cookie || {};
  const poolTimeout = cfg.pool && cfg.pool.timeout !== undefined ? cfg.pool.timeout : 2000;
  const batch = /^(origin|traffic|journey)$/.test(mode) ? createBatch(cfg.endpoint!, cfg.site, log) : undefined;
  const swapper = createSwapper(doc, { _country: country, _ignore: cfg.ignore, _onSwap: (e) => emit('swap', e) });
  setDebug(!!cfg.debug || /[?&]mgt_debug=1(&|$)/.test(loc.search));

  let consent: ConsentState = 'unknown';
  let visitor: string | undefined; // known only while storage is allowed and our cookie exists
  let created = false; // mgt_visitor was created on this page
  let started = false;
  let swapping = true; // false after mgt('restore'), until mgt('swap')
  let applied = false; // the swapper has been given a first mapping
  let page = new URL(loc.href);
  let referrer = doc.referrer;
  let kept: Attribution;
  let arrival: Attribution | undefined; // what this page load saw on arrival (see decide)
  let arrivalInternal = false;
  let condition: Condition | undefined;
  let shown: Numbers = {};
  let session: Session | undefined;
  let views = 0; // page views of this page load, for the cookieless counter
  let counted = false; // this page view is already counted in mgt_session.pageviews
  let reported = false; // this page view's events are queued, or deliberately not sent
  let pending: Ev[] = []; // anonymous page events waiting for the consent decision (SPEC 9)
  let heldCalls: Array<() => Ev> = []; // calls made while the decision is pending
  let renewal: ReturnType<typeof setTimeout> | undefined;
  let leasing = 0; // so that an answer for an older decision is ignored

  const persistent = (): boolean => !!visitor && storageAllowed(cfg, consent);
  // Tracking IDs are identifiers: stored and sent only with consent, not on rotation's
  // consent-free storage (SPEC 6.4).
  const withIds = (): boolean => persistent() && consent === 'granted';
  const keep = (ids: boolean) => urlFilter(cfg, ids);
  const mute = (): boolean => !persistent() && prob === 'off'; // SPEC 8: sends nothing
  const waiting = (): boolean => !persistent() && consent === 'unknown' && prob === 'fallback';
  const same = (a: string, b: string): boolean => samePhone(a, b, country);

  /** Creates mgt_visitor if storage is allowed; a new visitor never inherits an old mgt_session. */
  const ensureVisitor = (): void => {
    if (visitor || !storageAllowed(cfg, consent)) return;
    visitor = readVisitor();
    if (!visitor) {
      removeSession();
      visitor = createVisitor(cookie.days || 30, cookie.domain);
      created = true;
    }
    log(visitor ? 'mgt_visitor ready' : 'cookies blocked: cookieless');
  };

  /** Our cookie still there? Another tab's withdrawal (or expiry) is never undone here. */
  const alive = (): boolean => {
    if (visitor && readVisitor() !== visitor) {
      log('mgt_visitor gone (withdrawn in another tab, or expired): cookieless');
      visitor = undefined;
      removeSession();
    }
    return !!visitor;
  };

  const show = (numbers: Numbers, final: boolean): void => {
    // The observer keeps the page swapped; a new full pass is needed only when the mapping changes.
    const changed = JSON.stringify(numbers) !== JSON.stringify(shown);
    shown = numbers;
    if (swapping && (changed || !applied)) {
      swapper._set(numbers);
      applied = true;
    }
    if (final) unhide(doc);
    log('numbers', numbers);
  };

  const save = (): void => {
    if (session && alive()) {
      writeSession(session);
      log('stored mgt_session', session);
    }
  };

  /** Strips what identifies: visitor, tracking IDs, title, and every URL down to its path. */
  const anonymous = (e: Ev): Ev => {
    const out: Ev = { ...e, cookieless: true };
    delete out.visitor;
    delete out.tracking_ids;
    delete out.title;
    for (const k of ['landing', 'url', 'page']) if (out[k]) out[k] = cleanUrl(out[k], keep(false), true);
    return out;
  };

  /** An event with the fields every event carries; identified only while storage is allowed. */
  const event = (type: string, fields: Ev): Ev => {
    const first = Object.keys(shown)[0];
    const tracked = first && parsePhone(shown[first], country);
    const e: Ev = { type, mode, cookieless: false, ts: Date.now(), source: kept.source, condition: condition ? condition.id : null };
    if (tracked) e.number = e164(tracked);
    for (const k in fields) e[k] = fields[k];
    e.visitor = visitor;
    return persistent() ? e : anonymous(e);
  };

  /** Queues this page view's events, or holds anonymous ones until the consent decision. */
  const report = (events: Ev[]): void => {
    if (!batch || reported) return;
    if (waiting()) {
      pending = events; // replaced if consent comes: a visit is reported once, identified
      return log('anonymous events wait for the consent decision');
    }
    reported = true;
    pending = [];
    if (mute()) return log('nothing sent: no consent and probabilistic is off');
    for (const e of events) batch._push(e);
  };

  /** Sends what waited: on a consent decision, or when the page is hidden (`force`). */
  const release = (force?: boolean): void => {
    if (!batch || (waiting() && !force)) return;
    const events = mute() ? [] : pending;
    const calls = mute() ? [] : heldCalls;
    if (pending.length) reported = true;
    pending = [];
    heldCalls = [];
    for (const e of events) batch._push(e);
    for (const c of calls) batch._push(c(), true);
  };

  function decide(newView: boolean): void {
    const now = Date.now();
    const p = persistent() && alive();
    const ids = withIds();
    const here = classify(page, referrer, cookie.domain);
    const fresh: Attribution = {
      landing: page.href,
      referrer: here._internal ? 'direct' : referrerOrigin(referrer),
      source: here._source,
      tracking_ids: urlTrackingIds(page, cfg.trackingIds),
    };
    log('source', here._source, '—', here._why);
    // The arrival is kept in memory: it is the cookieless attribution, and what a later grant
    // saves, even after virtual page views dropped the landing URL's parameters. A reload or a
    // back/forward navigation is not a new arrival.
    const first = !arrival;
    if (first) {
      arrival = fresh;
      let nav = '';
      try {
        nav = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type;
      } catch {
        /* no Navigation Timing: treat as a normal navigation */
      }
      arrivalInternal = here._internal || nav === 'reload' || nav === 'back_forward';
    }
    const spaView = newView && !first;
    const current = spaView ? fresh : arrival!;
    let isNew: boolean;
    if (p) {
      session = readSession(log);
      const internal = spaView ? here._internal : arrivalInternal;
      // An existing visitor arriving by internal navigation without a session here comes from a
      // sibling subdomain under cookie.domain (localStorage is per origin): same visit.
      isNew = internal && !session && !created ? false : isNewVisit(internal, session && session.last_action, now, (cfg.session && cfg.session.timeout) || 30);
      const prev: Attribution | undefined = session && { landing: session.landing, referrer: session.referrer, source: session.source, tracking_ids: session.tracking_ids };
      const mine: Attribution = {
        ...current,
        landing: cleanUrl(current.landing, keep(ids)),
        tracking_ids: ids ? { ...current.tracking_ids, ...deviceTrackingIds(cfg.trackingIds, deviceReader(w)) } : {},
      };
      kept = isNew ? keepAttribution(prev, mine, cfg.entry || 'first_entry') : prev || mine;
      log(isNew ? 'new visit' : 'same visit', kept);
    } else {
      isNew = first && !arrivalInternal;
      kept = arrival!;
    }

    const pick = pickCondition(cfg.conditions, { _source: kept.source, _referrer: kept.referrer, _landing: kept.landing, _page: page });
    const cond = (condition = pick._condition);
    log('condition', cond ? cond.id : 'none', '—', pick._why);

    // The default numbers, overridden by the condition's; a pool leases visitor-level numbers.
    const numbers: Numbers = { ...cfg.numbers };
    if (mode !== 'invisible' && !mute() && cond) Object.assign(numbers, cond.numbers);
    const pool = batch && p && cond && cond.pool;
    const originals = Object.keys((cond && cond.numbers) || cfg.numbers || {});
    const leased = pool ? storedLease(originals, now) : undefined;
    Object.assign(numbers, leased);

    if (p) {
      session = {
        v: 1,
        condition: cond ? cond.id : null,
        landing: kept.landing,
        last_action: now,
        last_url: cleanUrl(page, keep(ids)),
        referrer: kept.referrer,
        source: kept.source,
        to_swap: Object.keys(numbers).map((o) => (leased && leased[o] ? { original: o, tracked: numbers[o], expires: leasedUntil } : { original: o, tracked: numbers[o] })),
        tracking_ids: kept.tracking_ids,
        pageviews: batch && mode !== 'origin' ? (isNew || !session ? 0 : session.pageviews || 0) + (counted ? 0 : 1) : undefined,
      };
      counted = true;
      save();
    } else if (newView) views++;

    // Page events are built once the numbers are final, so that they carry the number shown.
    const reportView = (): void => {
      if (!batch) return;
      const events: Ev[] = [];
      if (isNew) events.push(event('visit', { landing: kept.landing, referrer: kept.referrer, tracking_ids: kept.tracking_ids }));
      if (mode === 'traffic') events.push(event('pageview', { count: session ? session.pageviews : views }));
      if (mode === 'journey') events.push(event('pageview', { url: cleanUrl(page, keep(ids)), title: doc.title.slice(0, 2000) }));
      report(events);
    };
    if (pool && !leased) {
      const meanwhile = { ...numbers };
      for (const o of originals) delete meanwhile[o];
      show(meanwhile, false);
      requestLease(pool, originals, numbers, reportView);
    } else {
      show(numbers, true);
      if (leased) scheduleRenewal();
      reportView();
    }
  }

  let leasedUntil = 0;
  /** Leased numbers still valid in mgt_session, checked before they can reach the page. */
  function storedLease(originals: string[], now: number): Numbers | undefined {
    const out: Numbers = {};
    let n = 0;
    for (const e of (session && session.to_swap) || []) {
      if (e.expires && e.expires > now && originals.indexOf(e.original) >= 0 && valid(e.tracked)) {
        out[e.original] = e.tracked;
        leasedUntil = e.expires;
        n++;
      }
    }
    return n && n === originals.length ? out : undefined;
  }

  /** A number from storage or the endpoint reaches the page only if it is a valid phone number that is not an original. */
  const valid = (t: unknown): t is string => {
    if (typeof t !== 'string' || t.length > 40 || !parsePhone(t, country)) return false;
    for (const m of [cfg.numbers, ...(cfg.conditions || []).map((c) => c.numbers)]) for (const o in m) if (same(o, t)) return false;
    return true;
  };

  function requestLease(pool: string, originals: string[], fallback: Numbers, then?: () => void): void {
    const id = ++leasing;
    log('leasing from pool', pool);
    lease(cfg.endpoint!, { site: cfg.site, pool, visitor, source: kept.source, condition: condition!.id, numbers: originals }, poolTimeout).then((answer) => {
      if (id !== leasing) return;
      const got: Numbers = {};
      for (const o of originals) if (answer && valid(answer.numbers[o])) got[o] = answer.numbers[o];
      const ok = Object.keys(got).length > 0;
      log(ok ? 'leased' : 'no lease (timeout, error or invalid answer): fallback', got);
      show({ ...fallback, ...got }, true);
      if (ok && session && persistent()) {
        leasedUntil = Date.now() + answer!.ttl * 1000;
        session.to_swap = Object.keys(shown).map((o) => (got[o] ? { original: o, tracked: got[o], expires: leasedUntil } : { original: o, tracked: shown[o] }));
        save();
        scheduleRenewal();
      }
      if (then) then();
    });
  }

  /** Renews leased numbers before they expire, while the page is visible (SPEC 9.3). */
  function scheduleRenewal(): void {
    clearTimeout(renewal);
    renewal = setTimeout(function renew() {
      if (doc.visibilityState === 'hidden') return doc.addEventListener('visibilitychange', renew, { once: true });
      if (persistent() && alive() && condition && condition.pool) requestLease(condition.pool, Object.keys(condition.numbers || cfg.numbers || {}), { ...shown });
    }, Math.max(1000, leasedUntil - Date.now() - 30000));
  }

  function setConsent(granted: boolean, source: string): void {
    const next: ConsentState = granted ? 'granted' : 'denied';
    if (next === consent) return; // repeated signals are no-ops
    const was = persistent();
    consent = next;
    log('consent', next, 'from', source);
    if (granted) ensureVisitor();
    else {
      // Withdrawal takes effect now, on this page: erase, forget, and send nothing identifying.
      deleteVisitor();
      removeSession();
      visitor = undefined;
      clearTimeout(renewal);
      if (batch) batch._queue = batch._queue.map(anonymous);
      log('erased mgt_visitor and mgt_session');
    }
    emit('consent', { state: next, source });
    if (!started) return;
    if (persistent() !== was) {
      if (!was) reported = false; // a grant reports the visit, identified (SPEC 7)
      pending = [];
      decide(false);
    }
    release();
  }

  function view(url?: string): void {
    referrer = page.href;
    page = new URL(url || loc.href, loc.href);
    reported = counted = false;
    decide(true);
  }

  // --- start -------------------------------------------------------------------------------
  const consentCfg = cfg.consent || {};
  if (consentCfg.gpc !== false && (w.navigator as any).globalPrivacyControl === true) setConsent(false, 'gpc');
  for (const g of early) setConsent(g, 'command');
  ensureVisitor();
  started = true;
  decide(true);
  // A microtask later, so that code right after init (mgt('on', 'consent', …)) hears a CMP that
  // answers at once; still before the first paint. In every mode: even invisible, which never
  // stores, reports the visitor's choice in its state.
  Promise.resolve().then(() => startAdapters(consentCfg, setConsent, w));

  if (batch) {
    // The page's last chance: what still waits for the consent decision goes out anonymous.
    const leave = (): void => {
      release(true);
      batch._flush();
    };
    w.addEventListener('pagehide', leave);
    doc.addEventListener('visibilitychange', () => doc.visibilityState === 'hidden' && leave());
    // Calls: a click on a tel:/callto: link that shows one of our tracked numbers.
    doc.addEventListener(
      'click',
      (e) => {
        try {
          const a = (e.target as Element).closest('a[href]');
          const m = a && /^\s*(?:tel|callto):([^?]*)/i.exec(a.getAttribute('href')!);
          const dialled = m && decodeURIComponent(m[1]);
          if (!dialled || mute() || !Object.keys(shown).some((o) => same(shown[o], dialled))) return;
          const build = () => event('call', { number: e164(parsePhone(dialled, country)!), page: cleanUrl(page, keep(withIds())) });
          if (waiting()) heldCalls.push(build);
          else batch._push(build(), true);
          if (session && persistent()) {
            session.last_action = Date.now();
            save();
          }
        } catch (x) {
          log('call not tracked:', x);
        }
      },
      true,
    );
  }

  // Another tab withdrew consent and removed mgt_session: stop storing here too, at once. Only
  // where this page may store at all (the listener has a cost at init).
  if (mode !== 'invisible' && prob !== 'always')
    w.addEventListener('storage', (e) => {
      if (e.key === 'mgt_session' && e.newValue === null && visitor && !alive()) decide(false);
    });

  if (cfg.spa) {
    const h = w.history;
    const changed = (): void => {
      try {
        if (loc.href.split('#')[0] !== page.href.split('#')[0]) view();
      } catch (x) {
        log('page view not counted:', x);
      }
    };
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = h[name];
      h[name] = function (this: History) {
        const r = original.apply(this, arguments as any);
        changed();
        return r;
      };
    }
    w.addEventListener('popstate', changed);
  }

  const state = (): State => {
    const p = persistent();
    const s: State = {
      mode,
      consent,
      persistent: p,
      source: kept.source,
      condition: condition ? condition.id : null,
      landing: cleanUrl(kept.landing, keep(withIds()), !p),
      referrer: kept.referrer,
      numbers: { ...shown },
    };
    if (p) s.visitor = visitor;
    return Object.freeze(s);
  };

  emit('ready', state());

  return {
    _consent: setConsent,
    _swap(root) {
      if (!swapping) {
        swapping = true;
        swapper._set(shown);
      }
      swapper._scan(root);
    },
    _restore() {
      swapping = false;
      swapper._restore();
    },
    _pageview: view,
    _state: state,
  };
}
