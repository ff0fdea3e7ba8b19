// One page's tracker: wires config -> consent -> attribution -> swap -> transport.
//
// decide() is the heart: for the current page view and the current consent, it works out the
// attribution (stored visit, or this page alone when cookieless), the matching condition, the
// numbers to show, what to store and what to report. It runs on init, on every (virtual) page
// view, and whenever the right to store changes (grant, denial, another tab's withdrawal).
import type { Condition, Config, ConsentState, State } from './types';
import { log, setDebug } from './lib/log';
import { classify, referrerOrigin } from './attribution/source';
import { pickCondition } from './attribution/conditions';
import { deviceTrackingIds, urlTrackingIds } from './attribution/trackingIds';
import { cleanUrl, urlFilter } from './attribution/url';
import { isNewVisit, keepAttribution, type Attribution } from './attribution/visit';
import { createSwapper } from './swap/swapper';
import { e164, parsePhone } from './swap/phone';
import { storageAllowed } from './consent/gate';
import { startAdapters } from './consent/adapters/index';
import { createVisitor, deleteVisitor, readVisitor } from './storage/visitor';
import { readSession, removeSession, writeSession, type Session, type SwapEntry } from './storage/session';
import { deviceReader } from './storage/device';
import { createBatch } from './transport/batch';
import { lease } from './transport/lease';
import { unhide } from './lib/unhide';

export interface Tracker {
  _consent(granted: boolean, source: string): void;
  _swap(root?: Node): void;
  _restore(): void;
  _pageview(url?: string): void;
  _state(): State;
}

type Ev = Record<string, any>;

export function createTracker(cfg: Config, w: Window, emit: (name: string, payload: any) => void, early: boolean[]): Tracker {
  const doc = w.document;
  const loc = w.location;
  const mode = cfg.mode;
  const collecting = mode !== 'invisible' && mode !== 'rotation';
  const country = (cfg.country || 'FR').toUpperCase();
  const prob = cfg.probabilistic || 'fallback';
  const cookieCfg = cfg.cookie || {};
  const poolTimeout = cfg.pool && cfg.pool.timeout !== undefined ? cfg.pool.timeout : 2000;
  setDebug(!!cfg.debug || /[?&]mgt_debug=1(&|$)/.test(loc.search));

  let consent: ConsentState = 'unknown';
  let visitor: string | undefined; // set only while storage is allowed and our cookie exists
  let started = false;
  let swapping = true; // false after mgt('restore'), until mgt('swap')
  let applied = false; // the swapper has been given its first mapping
  let page = new URL(loc.href);
  let referrer = doc.referrer;
  let kept: Attribution = { landing: page.href, referrer: 'direct', source: 'direct', tracking_ids: {} };
  let condition: Condition | undefined;
  let shown: Record<string, string> = {};
  let session: Session | undefined;
  let memory: Attribution | undefined; // this page load's arrival (see decide)
  let memoryInternal = false;
  let memoryViews = 0; // cookieless page views of this page load (SPA), for traffic's counter
  let counted = false; // this page view is already in mgt_session.pageviews
  let reported = false; // this page view's events are queued (or deliberately not sent)
  let pending: Ev[] = []; // anonymous page events waiting for a consent decision (SPEC 9)
  let heldCalls: Array<() => Ev> = []; // calls made while consent is unknown
  let renewal: ReturnType<typeof setTimeout> | undefined;
  let leasing = 0; // a counter, so that a late answer for an older page view is ignored

  const batch = collecting ? createBatch(cfg.endpoint!, cfg.site, log) : undefined;
  const swapper = createSwapper(doc, { _country: country, _ignore: cfg.ignore, _onSwap: (e) => emit('swap', e) });

  const persistent = (): boolean => !!visitor && storageAllowed(cfg, consent);
  const keep = (withIds: boolean) => urlFilter(cfg, withIds);
  const waiting = (): boolean => consent === 'unknown' && prob === 'fallback';

  /** Our cookie still there? Another tab's withdrawal (or expiry) must never be undone here. */
  const alive = (): boolean => {
    if (visitor && readVisitor() === visitor) return true;
    if (visitor) {
      log('mgt_visitor is gone (withdrawn in another tab, or expired): cookieless from now on');
      visitor = undefined;
      removeSession();
    }
    return false;
  };

  const show = (numbers: Record<string, string>, final: boolean): void => {
    // The observer keeps the page swapped; a full re-scan is needed only when the mapping changes.
    const same = JSON.stringify(numbers) === JSON.stringify(shown);
    shown = numbers;
    if (swapping && (!same || !applied)) {
      swapper._set(numbers);
      applied = true;
    }
    if (final) unhide(doc);
    log('numbers', numbers);
  };

  /** The fields every event carries, and the identity when there is one. */
  const event = (type: string, fields: Ev): Ev => {
    const p = persistent();
    const first = Object.keys(shown)[0];
    const tracked = first && parsePhone(shown[first], country);
    const e: Ev = { type, mode, cookieless: !p, ts: Date.now(), source: kept.source, condition: condition ? condition.id : null };
    if (tracked) e.number = e164(tracked);
    for (const k in fields) e[k] = fields[k];
    if (p) e.visitor = visitor;
    return p ? e : anonymous(e);
  };

  /** Strips what identifies: visitor and tracking IDs, titles, and every URL down to its path. */
  const anonymous = (e: Ev): Ev => {
    const out: Ev = { ...e, cookieless: true };
    delete out.visitor;
    delete out.tracking_ids;
    delete out.title;
    for (const k of ['landing', 'url', 'page']) if (out[k]) out[k] = cleanUrl(out[k], keep(false), true);
    return out;
  };

  const report = (events: Ev[]): void => {
    if (!batch || reported) return;
    if (!persistent() && prob === 'off') {
      log('nothing sent: no consent and probabilistic is off');
      reported = true;
    } else if (!persistent() && waiting()) {
      pending = events; // replaced if consent comes: a visit is reported once, identified
      log('anonymous events wait for the consent decision', events);
    } else {
      for (const e of events) batch._push(e);
      reported = true;
      pending = [];
    }
  };

  /**
   * Sends what waited for the consent decision: on a decision, or when the page is hidden
   * (`force`). Page events still pending are anonymous ones; held calls are built now, so a call
   * made before a grant is reported identified.
   */
  const release = (force?: boolean): void => {
    if (!batch || (!force && waiting())) return;
    if (pending.length) reported = true;
    for (const e of pending) batch._push(e);
    pending = [];
    const calls = heldCalls;
    heldCalls = [];
    for (const c of calls) batch._push(c(), true);
  };

  function decide(newView: boolean): void {
    const now = Date.now();
    const p = persistent() && alive();
    const here = classify(page, referrer, cookieCfg.domain);
    log('source', here._source, '—', here._why);
    const fresh: Attribution = {
      landing: page.href,
      referrer: here._internal ? 'direct' : referrerOrigin(referrer),
      source: here._source,
      tracking_ids: urlTrackingIds(page, cfg.trackingIds),
    };
    // What this page load saw on arrival, kept in memory: the cookieless attribution, and what a
    // later grant saves, even after virtual page views dropped the landing URL's parameters.
    const first = !memory;
    if (first) {
      memory = fresh;
      memoryInternal = here._internal;
    }
    const spaView = newView && !first;
    const arrival = spaView ? fresh : memory!;
    let isNew: boolean;
    if (p) {
      session = readSession(log);
      const prev: Attribution | undefined = session && {
        landing: session.landing,
        referrer: session.referrer,
        source: session.source,
        tracking_ids: session.tracking_ids,
      };
      isNew = isNewVisit(spaView ? here._internal : memoryInternal, session && session.last_action, now, (cfg.session && cfg.session.timeout) || 30);
      if (isNew) {
        const ids = { ...arrival.tracking_ids, ...deviceTrackingIds(cfg.trackingIds, deviceReader(w)) };
        kept = keepAttribution(prev, { ...arrival, landing: cleanUrl(arrival.landing, keep(true)), tracking_ids: ids }, cfg.entry || 'first_entry');
      } else kept = prev!;
      log(isNew ? 'new visit' : 'same visit', '— kept attribution', kept);
    } else {
      isNew = first && !memoryInternal;
      kept = memory!;
    }

    const pick = pickCondition(cfg.conditions, { _source: kept.source, _referrer: kept.referrer, _landing: kept.landing, _page: page });
    condition = pick._condition;
    log('condition', condition ? condition.id : 'none', '—', pick._why);

    // Numbers: the defaults, overridden by the condition's; pools lease visitor-level numbers.
    const numbers: Record<string, string> = { ...cfg.numbers };
    const cookieless = !p;
    if (mode !== 'invisible' && !(cookieless && prob === 'off') && condition) Object.assign(numbers, condition.numbers);
    const pool = collecting && p && condition && condition.pool;
    const poolOriginals = pool ? Object.keys(condition!.numbers || cfg.numbers || {}) : [];
    const leased = pool ? storedLease(poolOriginals, now) : undefined;
    if (pool && !leased) {
      const waitFor = { ...numbers };
      for (const o of poolOriginals) delete waitFor[o];
      show(waitFor, false);
      requestLease(pool, poolOriginals, numbers);
    } else {
      if (leased) Object.assign(numbers, leased);
      show(numbers, true);
      if (leased) scheduleRenewal();
    }

    if (p) {
      const views = collecting && mode !== 'origin' ? (isNew || !session ? 0 : session.pageviews || 0) + (counted ? 0 : 1) : undefined;
      counted = true;
      session = {
        v: 1,
        condition: condition ? condition.id : null,
        landing: kept.landing,
        last_action: now,
        last_url: cleanUrl(page, keep(true)),
        referrer: kept.referrer,
        source: kept.source,
        to_swap: entries(numbers, session),
        tracking_ids: kept.tracking_ids,
        pageviews: views,
      };
      save();
    } else {
      session = undefined;
      if (newView) memoryViews++;
    }

    if (collecting) {
      const events: Ev[] = [];
      if (isNew) {
        events.push(event('visit', { landing: kept.landing, referrer: kept.referrer, tracking_ids: kept.tracking_ids }));
      }
      if (mode === 'traffic') events.push(event('pageview', { count: p ? session!.pageviews : memoryViews }));
      if (mode === 'journey') events.push(event('pageview', { url: cleanUrl(page, keep(p)), title: doc.title.slice(0, 2000) }));
      report(events);
    } else if (mode === 'rotation') log('rotation mode: nothing is ever sent');
  }

  const save = (): void => {
    if (session && alive()) {
      writeSession(session);
      log('stored mgt_session', session);
    }
  };

  /** to_swap for the session: every number shown, leased ones with their expiry kept. */
  const entries = (numbers: Record<string, string>, prev?: Session): SwapEntry[] =>
    Object.keys(numbers).map((original) => {
      const old = prev && prev.to_swap.filter((e) => e.original === original && e.tracked === numbers[original] && e.expires)[0];
      return old ? old : { original, tracked: numbers[original] };
    });

  /** Leased numbers still valid in mgt_session, validated before they can reach the page. */
  function storedLease(originals: string[], now: number): Record<string, string> | undefined {
    const out: Record<string, string> = {};
    let n = 0;
    for (const e of (session && session.to_swap) || []) {
      if (e.expires && e.expires > now && originals.indexOf(e.original) >= 0 && validTracked(e.tracked)) {
        out[e.original] = e.tracked;
        n++;
      }
    }
    return n === originals.length && n ? out : undefined;
  }

  /** A tracked number may reach the page only if it is a valid number that is not an original. */
  const validTracked = (t: unknown): t is string => {
    if (typeof t !== 'string' || t.length > 40 || !parsePhone(t, country)) return false;
    const all = { ...cfg.numbers };
    for (const c of cfg.conditions || []) Object.assign(all, c.numbers);
    for (const o in all) {
      const a = parsePhone(o, country)!;
      const b = parsePhone(t, country)!;
      if (a._cc === b._cc && a._nsn === b._nsn) return false;
    }
    return true;
  };

  function requestLease(pool: string, originals: string[], fallback: Record<string, string>): void {
    const id = ++leasing;
    log('leasing numbers from pool', pool);
    lease(
      cfg.endpoint!,
      { site: cfg.site, pool, visitor, source: kept.source, condition: condition!.id, numbers: originals },
      poolTimeout,
    ).then((answer) => {
      if (id !== leasing) return;
      const got: Record<string, string> = {};
      let n = 0;
      if (answer) {
        for (const o of originals) {
          if (validTracked(answer.numbers[o])) {
            got[o] = answer.numbers[o];
            n++;
          }
        }
      }
      const numbers = { ...fallback, ...got };
      log(n ? 'leased' : 'no lease (timeout, error or invalid answer): fallback numbers', got);
      show(numbers, true);
      if (n && session && persistent()) {
        const expires = Date.now() + answer!.ttl * 1000;
        session.to_swap = Object.keys(numbers).map((o) => (got[o] ? { original: o, tracked: got[o], expires } : { original: o, tracked: numbers[o] }));
        save();
        scheduleRenewal();
      }
    });
  }

  /** Renews leased numbers before they expire, while the page is visible (SPEC 9.3). */
  function scheduleRenewal(): void {
    clearTimeout(renewal);
    const expiries = ((session && session.to_swap) || []).map((e) => e.expires || 0).filter(Boolean);
    if (!expiries.length) return;
    const due = Math.max(1000, Math.min(...expiries) - Date.now() - 30000);
    renewal = setTimeout(function renew() {
      if (doc.visibilityState === 'hidden') {
        doc.addEventListener('visibilitychange', renew, { once: true });
        return;
      }
      if (persistent() && alive() && condition && condition.pool) {
        const originals = Object.keys(condition.numbers || cfg.numbers || {});
        const fallback = { ...shown };
        requestLease(condition.pool, originals, fallback);
      }
    }, due);
  }

  function setConsent(granted: boolean, source: string): void {
    const next: ConsentState = granted ? 'granted' : 'denied';
    if (next === consent) return; // repeated signals are no-ops
    const was = persistent();
    consent = next;
    log('consent', next, 'from', source);
    if (granted) {
      if (storageAllowed(cfg, consent)) {
        visitor = readVisitor() || createVisitor(cookieCfg.days || 30, cookieCfg.domain);
        log(visitor ? 'mgt_visitor ready' : 'cookies are blocked: cookieless');
      }
    } else {
      // Withdrawal takes effect now, on this page: erase, forget, and send nothing identifying.
      deleteVisitor();
      removeSession();
      visitor = undefined;
      clearTimeout(renewal);
      if (batch) batch._queue.splice(0, batch._queue.length, ...batch._queue.map(anonymous));
      log('erased mgt_visitor and mgt_session');
    }
    emit('consent', { state: next, source });
    if (!started) return;
    if (persistent() !== was) {
      pending = []; // a grant reports this view once, identified (decide below)
      decide(false);
    }
    release();
  }

  function view(url?: string): void {
    const next = new URL(url || loc.href, loc.href);
    referrer = page.href;
    page = next;
    reported = counted = false;
    decide(true);
  }

  // --- start -------------------------------------------------------------------------------
  const c = cfg.consent || {};
  if (c.gpc !== false && (w.navigator as any).globalPrivacyControl === true) setConsent(false, 'gpc');
  for (const g of early) setConsent(g, 'command');
  if (storageAllowed(cfg, consent) && !visitor) visitor = readVisitor() || createVisitor(cookieCfg.days || 30, cookieCfg.domain);
  started = true;
  decide(true);
  // A microtask later, so that code right after init (mgt('on', 'consent', …)) hears a CMP that
  // answers at once; still before the first paint.
  if (mode !== 'invisible') Promise.resolve().then(() => startAdapters(c, setConsent, w));

  if (batch) {
    // The page's last chance: anonymous events still waiting for consent go out now.
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
          const a = e.target && (e.target as Element).closest && (e.target as Element).closest('a[href]');
          const href = a && a.getAttribute('href');
          const m = href && /^\s*(?:tel|callto):([^?]*)/i.exec(href);
          const dialled = m && parsePhone(decodeURIComponent(m[1]), country);
          if (!dialled) return;
          const tracked = Object.keys(shown).some((o) => {
            const t = parsePhone(shown[o], country);
            return t && t._cc === dialled._cc && t._nsn === dialled._nsn;
          });
          if (!tracked) return;
          const build = () => event('call', { number: e164(dialled), page: cleanUrl(page, keep(true)) });
          if (waiting() && !persistent()) heldCalls.push(build);
          else batch._push(build(), true);
          if (session && persistent()) {
            session.last_action = Date.now();
            save();
          }
        } catch (x) {
          log('call tracking failed', x);
        }
      },
      true,
    );
  }

  // Another tab withdrew consent: it removed mgt_session; stop storing here too, at once.
  w.addEventListener('storage', (e) => {
    if (e.key === 'mgt_session' && e.newValue === null && visitor && !alive()) decide(false);
  });

  if (cfg.spa) {
    const h = w.history;
    const changed = (): void => {
      try {
        if (loc.href.split('#')[0] !== page.href.split('#')[0]) view();
      } catch (x) {
        log('pageview failed', x);
      }
    };
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = h[name];
      h[name] = function (this: History, ...args: any[]) {
        const r = original.apply(this, args as any);
        changed();
        return r;
      } as any;
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
      landing: cleanUrl(kept.landing, keep(p), !p),
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
