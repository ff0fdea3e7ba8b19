// One page's tracker: wires config -> consent -> attribution -> swap -> transport.
//
// decide() is the heart: for the current page view and the current consent, it works out the
// attribution (the stored visit, or this page load alone when cookieless), the matching condition,
// the numbers to show, what to store and what to report. It runs on init, on every (virtual) page
// view, and whenever the right to store changes (grant, denial, another tab's withdrawal).
//
// The config has been validated (config.ts): conditions are objects with an id, invisible mode has
// none, a pool only comes with a collecting mode and fallback numbers.
import type { Config, ConsentState, State } from './types';
import { log, setDebug } from './lib/log';
import { classify } from './attribution/source';
import { pickCondition } from './attribution/conditions';
import { trackingIds } from './attribution/trackingIds';
import { cleanUrl, urlFilter } from './attribution/url';
import { isNewVisit, keepAttribution, type Attribution } from './attribution/visit';
import { createSwapper } from './swap/swapper';
import { watchHydration, WAITING } from './hydration';
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
/** The attribution of a page load, and whether it came by internal navigation (or a reload). */
type Arrival = Attribution & { _internal: boolean };

export function createTracker(cfg: Config, w: Window, emit: (name: string, payload: any) => void, early: boolean[]): Tracker {
  const doc = w.document;
  const loc = w.location;
  const { mode, conditions = [], cookie = {} } = cfg;
  const defaults = cfg.numbers || {};
  const country = (cfg.country || 'FR').toUpperCase();
  const prob = cfg.probabilistic || 'fallback';
  const batch = /^(origin|traffic|journey)$/.test(mode) ? createBatch(cfg.endpoint!, cfg.site) : undefined;
  // Framework roots are not swapped until hydrated (hydration.ts): they join the ignored subtrees.
  const swapper = createSwapper(doc, { _country: country, _ignore: (cfg.ignore ? cfg.ignore + ',' : '') + WAITING, _onSwap: (e) => emit('swap', e) });
  // Every original of the config: a number from storage or the endpoint that is one of them would
  // be swapped again, so it never reaches the page.
  const originals = [defaults, ...conditions.map((c) => c.numbers || {})].flatMap(Object.keys);
  const same = (a: string, b: string): boolean => samePhone(a, b, country);
  setDebug(!!cfg.debug || /[?&]mgt_debug=1(&|$)/.test(loc.search));

  let consent: ConsentState = 'unknown';
  // The visitor ID, known only while storage is allowed and our cookie exists: set means the page
  // is persistent. It is only set where storageAllowed() holds, and the one consent change that
  // can end storage (a denial) clears it: a grant allows whatever an unknown state allowed.
  let visitor: string | undefined;
  let created = false; // mgt_visitor was created on this page
  let swapping = true; // false after mgt('restore'), until mgt('swap')
  let page = new URL(loc.href);
  let referrer = doc.referrer;
  let kept: Attribution; // set by the first decision
  let arrival: Arrival | undefined; // what this page load saw on arrival (see decide)
  let cid: string | null = null; // the id of the condition that matched
  let pool: string | false | undefined; // its pool, while persistent
  let wanted: string[] = []; // the originals that pool leases numbers for
  let shown: Numbers; // undefined until the first decision, so that the first one is applied
  let session: Session | undefined; // while persistent
  let views = 0; // page views of this page load, for the cookieless counter
  let reported = false; // this page view's events are reported (sent, held, or deliberately not sent)
  let held: Ev[] = []; // anonymous page events waiting for the consent decision (SPEC 9)
  let heldCalls: Array<() => Ev> = []; // calls made meanwhile, built when sent
  let renewal: ReturnType<typeof setTimeout> | undefined;
  let leasing = 0; // so that an answer for an older request is ignored
  let leasedUntil = 0;

  /** Tracking IDs are identifiers: stored and sent only with consent, not on rotation's consent-free storage (SPEC 6.4). */
  const withIds = (): boolean => !!visitor && consent == 'granted';
  /** A URL as stored and sent: redacted (SPEC 9.2), or only its path when cookieless (SPEC 8). */
  const clean = (url: string | URL): string => cleanUrl(url, visitor ? urlFilter(cfg, withIds()) : undefined);
  const mute = (): boolean => !visitor && prob == 'off'; // SPEC 8: sends nothing
  const waiting = (): boolean => !visitor && consent == 'unknown' && prob == 'fallback';

  const forget = (): void => {
    visitor = session = undefined;
    removeSession();
  };

  /** Creates mgt_visitor if storage is allowed; a new visitor never inherits an old mgt_session. */
  const ensureVisitor = (): void => {
    if (!visitor && storageAllowed(cfg, consent)) {
      visitor = readVisitor();
      if (!visitor) {
        removeSession();
        visitor = createVisitor(cookie.days || 30, cookie.domain);
        created = true;
      }
      log('mgt_visitor', visitor || 'blocked: cookieless');
    }
  };

  /** Our cookie still there? Another tab's withdrawal (or expiry) is never undone here. */
  const alive = (): boolean => {
    if (visitor && readVisitor() != visitor) {
      log('mgt_visitor gone: cookieless');
      forget();
    }
    return !!visitor;
  };

  const show = (numbers: Numbers, final?: boolean): void => {
    // The observer keeps the page swapped; a new full pass is needed only when the mapping changes.
    if (swapping && JSON.stringify(numbers) != JSON.stringify(shown)) {
      swapper._set(numbers);
      emit('numbers', numbers);
    }
    shown = numbers;
    if (final) unhideWhenHydrated();
    log('numbers', numbers);
  };

  const save = (): void => {
    if (session && alive()) {
      writeSession(session);
      log('stored mgt_session', session);
    }
  };

  /** mgt_session.to_swap: the numbers shown, leased ones with their expiry. */
  const toSwap = (numbers: Numbers, leased?: Numbers) =>
    Object.keys(numbers).map((original) => ({ original, tracked: numbers[original], expires: leased && leased[original] ? leasedUntil : undefined }));

  /**
   * Completes an event as the current consent allows: identified, with its URLs redacted; or
   * anonymous (SPEC 8, 9.1): no visitor, tracking IDs or title, and URLs cut to their path. Also
   * rewrites the identified events still queued when consent is withdrawn.
   */
  const finish = (e: Ev): Ev => {
    if (!visitor) {
      delete e.visitor;
      delete e.tracking_ids;
      delete e.title;
    }
    e.cookieless = !visitor;
    for (const k of ['landing', 'url', 'page']) if (e[k]) e[k] = clean(e[k]);
    return e;
  };

  /** An event with the fields every event carries; the URLs in `fields` are absolute. */
  const event = (type: string, fields: Ev): Ev => {
    const tracked = parsePhone(Object.values(shown)[0] || '', country);
    return finish({ type, mode, ts: Date.now(), source: kept.source, condition: cid, number: tracked && e164(tracked), ...fields, visitor });
  };

  /** Sends what waits (page events, calls) unless the consent decision is pending; `force` on pagehide. */
  const release = (force?: boolean): void => {
    if (batch && (force || !waiting())) {
      if (!mute()) {
        for (const e of held) batch._push(e);
        for (const c of heldCalls) batch._push(c(), true);
      }
      held = [];
      heldCalls = [];
    }
  };

  /** A number from storage or the endpoint reaches the page only if it is a valid phone number that is not an original. */
  const valid = (t: unknown): t is string => typeof t == 'string' && t.length <= 40 && !!parsePhone(t, country) && !originals.some((o) => same(o, t));

  function decide(newView: boolean): void {
    const now = Date.now();
    const p = alive();
    const here = classify(page, referrer, cookie.domain);
    log('source', here.source, here._why);
    const fresh: Arrival = { ...here, landing: page.href, tracking_ids: trackingIds(cfg.trackingIds, page) };
    // The arrival is kept in memory: it is the cookieless attribution, and what a later grant
    // saves, even after virtual page views dropped the landing URL's parameters. A reload or a
    // back/forward navigation is not a new arrival.
    const first = !arrival;
    if (first) {
      // (Browsers without Navigation Timing 2 list no entry: a normal navigation.)
      const again = performance.getEntriesByType('navigation').some((n) => /^(reload|back_forward)$/.test((n as PerformanceNavigationTiming).type));
      arrival = { ...fresh, _internal: here._internal || again };
    }
    const current = newView && !first ? fresh : arrival!;
    const internal = current._internal;
    let isNew = first && !internal;
    kept = arrival!;
    if (p) {
      const stored = (session = readSession(log));
      // An existing visitor arriving by internal navigation without a session here comes from a
      // sibling subdomain under cookie.domain (localStorage is per origin): same visit.
      isNew = !(internal && !stored && !created) && isNewVisit(internal, stored && stored.last_action, now, cfg.session?.timeout || 30);
      const mine = {
        ...current,
        landing: clean(current.landing),
        tracking_ids: withIds() ? { ...current.tracking_ids, ...trackingIds(cfg.trackingIds, undefined, deviceReader(w)) } : {},
      };
      kept = isNew ? keepAttribution(stored, mine, cfg.entry) : stored || mine;
      log(isNew ? 'new visit' : 'same visit', kept);
    }

    const pick = pickCondition(conditions, kept, page);
    const cond = pick._condition;
    cid = cond?.id ?? null;
    log('condition', cid || 'none', pick._why);

    // The default numbers, overridden by the condition's; a pool leases visitor-level numbers.
    const numbers: Numbers = { ...defaults, ...(!mute() && cond?.numbers) };
    pool = p && cond?.pool;
    wanted = Object.keys(cond?.numbers || defaults);
    // Leased numbers still valid in mgt_session are reused, when there is one for every original.
    const leased: Numbers = {};
    for (const e of (pool && session?.to_swap) || []) {
      if (e.expires! > now && wanted.includes(e.original) && valid(e.tracked)) {
        leased[e.original] = e.tracked;
        leasedUntil = e.expires!;
      }
    }
    const reuse = pool && Object.keys(leased).length == wanted.length ? leased : undefined;
    Object.assign(numbers, reuse);

    if (p) {
      session = {
        v: 1,
        condition: cid,
        landing: kept.landing,
        last_action: now,
        last_url: clean(page),
        referrer: kept.referrer,
        source: kept.source,
        to_swap: toSwap(numbers, reuse),
        tracking_ids: kept.tracking_ids,
        pageviews: batch && mode != 'origin' ? (isNew || !session ? 0 : session.pageviews || 0) + 1 : undefined,
      };
      save();
    } else if (newView) views++;

    // Page events are built once the numbers are final, so that they carry the number shown.
    const reportView = (): void => {
      if (batch && !reported) {
        reported = true;
        const events = [
          isNew && event('visit', { landing: kept.landing, referrer: kept.referrer, tracking_ids: kept.tracking_ids }),
          mode == 'traffic' && event('pageview', { count: session ? session.pageviews : views }),
          mode == 'journey' && event('pageview', { url: page.href, title: doc.title.slice(0, 2000) }),
        ].filter(Boolean) as Ev[];
        log(waiting() ? 'events wait for consent' : mute() ? 'not sent: probabilistic off' : 'events', events);
        held.push(...events);
        release();
      }
    };
    if (pool && !reuse) {
      // Until the lease answers, the pooled originals are left as they are (hidden by anti-flicker).
      const meanwhile = { ...numbers };
      for (const o of wanted) delete meanwhile[o];
      show(meanwhile);
      requestLease(numbers, reportView);
    } else {
      show(numbers, true);
      if (reuse) scheduleRenewal();
      reportView();
    }
  }

  /** Leases numbers for the current condition's pool; `fallback` is shown on timeout, error or an invalid answer. */
  function requestLease(fallback: Numbers, then?: () => void): void {
    const id = ++leasing;
    log('lease', pool);
    lease(cfg.endpoint!, { site: cfg.site, pool, visitor, source: kept.source, condition: cid, numbers: wanted }, cfg.pool?.timeout ?? 2000).then((answer) => {
      if (id != leasing) return;
      const got: Numbers = {};
      if (answer) for (const o of wanted) if (valid(answer.numbers[o])) got[o] = answer.numbers[o] as string;
      const ok = Object.keys(got).length > 0;
      log(ok ? 'leased' : 'no valid lease in time: fallback', got);
      show({ ...fallback, ...got }, true);
      if (ok && session) {
        leasedUntil = Date.now() + answer!.ttl * 1000;
        session.to_swap = toSwap(shown, got);
        save();
        scheduleRenewal();
      }
      then?.();
    });
  }

  /** Renews leased numbers before they expire, while the page is visible (SPEC 9.3). */
  function scheduleRenewal(): void {
    clearTimeout(renewal);
    renewal = setTimeout(function renew() {
      if (doc.visibilityState == 'hidden') return doc.addEventListener('visibilitychange', renew, { once: true });
      if (alive() && pool) requestLease({ ...shown });
    }, Math.max(1000, leasedUntil - Date.now() - 30000));
  }

  function setConsent(granted: boolean, source: string): void {
    const next: ConsentState = granted ? 'granted' : 'denied';
    if (next == consent) return; // repeated signals are no-ops
    const was = !!visitor;
    consent = next;
    log('consent', next, source);
    if (granted) ensureVisitor();
    else {
      // Withdrawal takes effect now, on this page: erase, forget, and send nothing identifying.
      deleteVisitor();
      forget();
      clearTimeout(renewal);
      // Identified events still queued go out without identifiers (SPEC 9.1).
      if (batch) for (const e of batch._queue) if (!e.cookieless) finish(e);
      log('erased mgt_visitor, mgt_session');
    }
    emit('consent', { state: next, source });
    if (!kept) return; // before the first decision: it will see this consent
    if (!was && visitor) {
      // A grant reports this page view again, identified (SPEC 7): what waited, anonymous, is dropped.
      reported = false;
      held = [];
    }
    if (!!visitor != was) decide(false);
    release();
  }

  function view(url?: string): void {
    referrer = page.href;
    page = new URL(url || loc.href, loc.href);
    reported = false;
    decide(true);
  }

  // --- start -------------------------------------------------------------------------------
  const consentCfg = cfg.consent || {};
  if (consentCfg.gpc !== false && (w.navigator as any).globalPrivacyControl === true) setConsent(false, 'gpc');
  for (const g of early) setConsent(g, 'command');
  ensureVisitor();
  // A root hydrated before the first decision is swapped by it.
  const unhideWhenHydrated = watchHydration(w, (root) => swapping && shown && swapper._scan(root), log);
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
    doc.addEventListener('visibilitychange', () => doc.visibilityState == 'hidden' && leave());
    // Calls: a click on a tel:/callto: link that shows one of our tracked numbers.
    doc.addEventListener(
      'click',
      (e) => {
        try {
          const a = (e.target as Element).closest('a[href]');
          const m = a && /^\s*(?:tel|callto):([^?]*)/i.exec(a.getAttribute('href')!);
          const dialled = m && decodeURIComponent(m[1]);
          if (dialled && !mute() && Object.values(shown).some((t) => same(t, dialled))) {
            heldCalls.push(() => event('call', { number: e164(parsePhone(dialled, country)!), page: page.href }));
            release();
            // A call keeps the visit alive.
            if (session) session.last_action = Date.now();
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
  if (mode != 'invisible' && prob != 'always')
    w.addEventListener('storage', (e) => {
      if (e.key == 'mgt_session' && e.newValue == null && visitor && !alive()) decide(false);
    });

  if (cfg.spa) {
    const h = w.history;
    const changed = (): void => {
      try {
        if (loc.href.split('#')[0] != page.href.split('#')[0]) view();
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

  const state = (): State =>
    Object.freeze({
      mode,
      consent,
      persistent: !!visitor,
      source: kept.source,
      condition: cid,
      landing: clean(kept.landing),
      referrer: kept.referrer,
      numbers: { ...shown },
      ...(visitor ? { visitor } : {}),
    });

  emit('ready', state());

  return {
    _consent: setConsent,
    _swap(root) {
      if (!swapping) {
        swapping = true;
        swapper._set(shown);
        emit('numbers', shown);
      }
      swapper._scan(root);
    },
    _restore() {
      swapping = false;
      swapper._restore();
      emit('numbers', {});
    },
    _pageview: view,
    _state: state,
  };
}
