// One page's tracker: the wiring of settings -> consent -> the visit decision -> swap -> reporting.
// What decides lives elsewhere: a grant, a denial, GPC and another tab's withdrawal in
// consent/state.ts; a new visit, the condition and the numbers in decide.ts (pure); leases in
// pools.ts; events in reporter.ts. decide() below runs on init, on every (virtual) page view, and
// whenever the right to store (or to store tracking IDs) changes.
import type { State, Why } from './types';
import { usableNumber, type Settings, type Numbers } from './settings';
import type { Session } from './storage/session';
import { log, sentence, setDebug } from './lib/log';
import { onCall } from './lib/onCall';
import { onNavigation } from './lib/onNavigation';
import { itpNote } from './lib/itp';
import { classify } from './attribution/source';
import { trackingIds } from './attribution/trackingIds';
import { createSwapper } from './swap/swapper';
import { watchHydration, WAITING } from './hydration';
import { e164, parsePhone } from './swap/phone';
import { createConsent } from './consent/state';
import { storageBlocked } from './consent/gate';
import { startAdapters } from './consent/adapters/index';
import { readSession, writeSession } from './storage/session';
import { deviceReader } from './storage/device';
import { cleanFor, decideVisit, toSwap, type Arrival, type Visit } from './decide';
import { createPools } from './pools';
import { createReporter } from './reporter';

export interface Tracker {
  _consent(granted: boolean, source: string): void;
  _swap(root?: Node): void;
  _restore(): void;
  _pageview(url?: string): void;
  _state(): State;
}

export function createTracker(s: Settings, w: Window, emit: (name: string, payload: any) => void, early: boolean[]): Tracker {
  const doc = w.document;
  const loc = w.location;
  const country = s._country;
  const consent = createConsent(s);
  // Framework roots are not swapped until hydrated (hydration.ts): they join the ignored subtrees.
  const swapper = createSwapper(doc, { _country: country, _ignore: (s._ignore ? s._ignore + ',' : '') + WAITING, _onSwap: (e) => emit('swap', e) });
  setDebug(s._debug);
  itpNote(w.navigator); // Safari caps the cookie: said in debug (lib/itp.ts)
  let swapping = true; // false after mgt('restore'), until mgt('swap')
  let page = new URL(loc.href);
  let referrer = doc.referrer;
  let arrival: Arrival | undefined; // this page load's arrival (see decide)
  let visit: Visit; // the latest decision
  let session: Session | undefined; // the latest one stored
  let before: Session | undefined | false = false; // mgt_session as found when the page became persistent (false: not read)
  let shown: Numbers; // undefined until the first decision, so that the first one is applied
  let views = 0; // page views of this page load, for the cookieless counter
  let report: () => void; // reports the latest page view: built by each decision, once its numbers are final
  // The debug sentences (state().why), each also printed when set.
  const why = { events: sentence('Events', 'none', s._mode + ' mode') } as Why;
  const explain = (k: keyof Why, sentence: string): void => {
    log((why[k] = sentence));
  };

  const reporter = createReporter(s, consent, doc, explain, () => {
    const tracked = Object.values(shown)[0];
    return { source: visit._kept.source, condition: visit._id, number: tracked && e164(parsePhone(tracked, country)!) };
  });
  const save = (): void => {
    if (session && consent._alive()) {
      writeSession(session);
      log('stored mgt_session', session);
    }
  };
  // The numbers to the swap engine (a copy without prototype: it walks it with for…in, and
  // Object.prototype may be polluted) and to the 'numbers' listeners.
  const paint = (numbers: Numbers): void => {
    swapper._set(Object.assign(Object.create(null), numbers));
    emit('numbers', numbers);
  };
  const show = (numbers: Numbers, final: boolean, reason: string): void => {
    const json = JSON.stringify(numbers);
    // The observer keeps the page swapped; a new full pass is needed only when the mapping changes.
    if (swapping && json != JSON.stringify(shown)) paint(numbers);
    shown = numbers;
    if (final) unhideWhenHydrated();
    explain('numbers', sentence('Numbers', json, reason));
  };
  const pools = createPools(s, doc, {
    _request: () =>
      consent._alive() && visit._pool
        ? { pool: visit._pool, visitor: consent._visitor, source: visit._kept.source, condition: visit._id, numbers: visit._wanted }
        : undefined,
    _answer(numbers, got, until) {
      show(numbers, true, (until ? 'leased from pool ' : 'no lease from pool ') + visit._pool);
      if (until && session) {
        session.to_swap = toSwap(numbers, got, until);
        save();
      }
      report();
    },
  });

  function decide(newView: boolean, grant?: boolean): void {
    const here = classify(page, referrer, s._domain);
    const fresh = { ...here, landing: page.href, tracking_ids: trackingIds(s, page) };
    const first = !arrival;
    if (!arrival) {
      // A reload or a back/forward navigation is not a new arrival. (Browsers without Navigation
      // Timing 2 list no entry: a normal navigation.)
      const again = performance.getEntriesByType('navigation').some((n) => /^(reload|back_forward)$/.test((n as PerformanceNavigationTiming).type));
      arrival = { ...fresh, _internal: here._internal || again };
    }
    const p = consent._alive();
    let stored = p ? readSession(log, (n) => !!parsePhone(n, country), (t) => usableNumber(s, t)) : undefined;
    if (!p || before === false) before = p && stored;
    // A grant saves what this page computed before consent (SPEC 7), tracking IDs included, as if
    // the consent-free session this page wrote (rotation) had not been there.
    if (grant && before !== false) stored = before;
    const ids = consent._withIds();
    const v = (visit = decideVisit(s, {
      _page: page, _arrival: arrival, _view: newView && !first ? fresh : arrival, _first: first, _persistent: p, _withIds: ids,
      _created: consent._created, _stored: stored, _deviceIds: ids ? trackingIds(s, undefined, deviceReader(w)) : {}, _now: Date.now(),
    }));
    for (const k in v._why) explain(k as keyof Why, v._why[k as keyof Visit['_why']]); // source, condition, visit
    explain('storage', consent._why());
    session = v._session;
    save();
    if (!p && newView) views++;
    // Page events are built once the numbers are final, so that they carry the number shown.
    report = (): void => reporter._view(v._new && v._kept, session ? session.pageviews! : views, page.href);
    if (v._pool && !v._leased) {
      // Until the lease answers, the pooled originals are left as they are (hidden by anti-flicker).
      const meanwhile = { ...v._numbers };
      for (const o of v._wanted) delete meanwhile[o];
      show(meanwhile, false, 'waiting for pool ' + v._pool);
      pools._lease(v._numbers); // reports when it answers
    } else {
      show(v._numbers, true, v._from);
      if (v._leased) pools._renew(v._leasedUntil, v._numbers);
      report();
    }
  }

  function setConsent(granted: boolean, source: string): void {
    const was = consent._persistent;
    if (!consent._set(granted)) return; // repeated signals are no-ops
    log(`Consent: ${consent._state} (${source}).`);
    explain('storage', consent._why()); // before the event: a listener reading state().why sees it
    if (!granted) {
      // Withdrawal takes effect now: no renewal, and queued events lose their identifiers.
      pools._stop();
      reporter._anonymise();
    }
    emit('consent', { state: consent._state, source });
    if (!visit) return; // before the first decision: it will see this consent
    // A grant reports this page view again, identified (SPEC 7): what waited, anonymous, is dropped.
    if (!was && consent._persistent) reporter._again(true);
    decide(false, granted);
    reporter._release();
  }

  function view(url?: string): void {
    referrer = page.href;
    page = new URL(url || loc.href, loc.href);
    reporter._again();
    decide(true);
  }

  // --- start -------------------------------------------------------------------------------
  // A root hydrated before the first decision is swapped by it.
  const unhideWhenHydrated = watchHydration(w, (root) => swapping && shown && swapper._scan(root), log);
  // invisible needs no attribution for its numbers: swap first (issue 11).
  if (s._mode == 'invisible') show(s._numbers, true, 'defaults');
  if (s._gpc && (w.navigator as any).globalPrivacyControl === true) setConsent(false, 'gpc');
  for (const g of early) setConsent(g, 'command');
  consent._start();
  decide(true);
  // A microtask later, so that code right after init (mgt('on', 'consent', …)) hears a CMP that
  // answers at once; still before the first paint. In every mode: even invisible, which never
  // stores, reports the visitor's choice in its state.
  Promise.resolve().then(() => startAdapters(s._consent, setConsent, w));

  if (s._collecting) {
    // The page's last chance: what still waits for the consent decision goes out anonymous.
    const leave = (): void => reporter._release(true);
    w.addEventListener('pagehide', leave);
    doc.addEventListener('visibilitychange', () => doc.visibilityState == 'hidden' && leave());
    // Calls: a click on a tel:/callto: link that shows one of our tracked numbers.
    onCall(doc, (dialled) => {
      const p = parsePhone(dialled, country);
      const number = p && e164(p);
      // What is shown is valid numbers of the country only (config.ts, usableNumber).
      if (consent._mute() || !Object.values(shown).some((t) => e164(parsePhone(t, country)!) == number)) return;
      reporter._call(number!, page.href);
      // A call keeps the visit alive.
      if (session) session.last_action = Date.now();
      save();
    });
  }

  // Another tab withdrew consent and removed mgt_session: stop storing here too, at once. Only
  // where this page may store at all (the listener has a cost at init).
  if (!storageBlocked(s, 'granted'))
    w.addEventListener('storage', (e) => {
      if (e.key == 'mgt_session' && e.newValue == null && consent._persistent && !consent._alive()) decide(false);
    });

  if (s._spa)
    onNavigation(w, () => {
      try {
        if (loc.href.split('#')[0] != page.href.split('#')[0]) view();
      } catch (x) {
        log('page view not counted:', x);
      }
    });

  const state = (): State =>
    Object.freeze({
      mode: s._mode,
      consent: consent._state,
      persistent: consent._persistent,
      source: visit._kept.source,
      condition: visit._id,
      landing: cleanFor(s, consent._persistent, consent._withIds())(visit._kept.landing),
      referrer: visit._kept.referrer,
      numbers: { ...shown },
      ...(consent._visitor ? { visitor: consent._visitor } : {}),
      ...(s._debug ? { why: { ...why } } : {}),
    });
  emit('ready', state());

  return {
    _consent: setConsent,
    _swap(root) {
      if (!swapping) {
        swapping = true;
        paint(shown);
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
