// One page's tracker: the wiring of settings -> consent -> the visit decision -> what the page shows
// -> reporting. What decides lives elsewhere: a grant, a denial, GPC and another tab's withdrawal in
// consent/state.ts; a new visit, the condition and the numbers in decide.ts (pure), run with what
// the page and the device hold by visits.ts; a decision's numbers, at once or once its pool's
// lease answers, in pools.ts, shown by display.ts; events in reporter.ts. decide() below runs on
// init, on every (virtual) page view, and whenever the right to store (or to store tracking IDs)
// changes.
import type { State } from './types';
import type { Settings } from './settings';
import { setDebug } from './lib/log';
import { explain, why } from './why';
import { onCall } from './lib/onCall';
import { onNavigation } from './lib/onNavigation';
import { itpNote } from './lib/itp';
import { e164, parsePhone } from './swap/phone';
import { createConsent } from './consent/state';
import { startAdapters } from './consent/adapters/index';
import { cleanFor, type Visit } from './decide';
import { createVisits } from './visits';
import { createDisplay } from './display';
import { createPools } from './pools';
import { createReporter } from './reporter';

export interface Tracker {
  _consent(granted: boolean, source: string): void;
  _swap(root?: Node): void;
  _restore(): void;
  _pageview(url?: string): void;
  _state(): State;
}

/**
 * Starts the tracker of this page: init's work, in order. Invisible needs no attribution for its
 * numbers: it swaps first (issue 11). GPC and the consent signals given before init are applied
 * before the first decision, which sees them. The CMP adapters start a microtask later, so that
 * code right after init (mgt('on', 'consent', …)) hears a CMP that answers at once, still before
 * the first paint; in every mode (even invisible, which never stores, reports the visitor's choice
 * in its state).
 */
export function createTracker(s: Settings, w: Window, emit: (name: string, payload: any) => void, early: boolean[]): Tracker {
  setDebug(s._debug);
  itpNote(w.navigator); // Safari caps the cookie: said in debug (lib/itp.ts)
  const loc = w.location;
  let page = new URL(loc.href);
  let referrer = w.document.referrer;
  let visit: Visit; // the latest decision
  let views = 0; // page views of this page load, for the cookieless counter
  explain('events', 'none', s._mode + ' mode'); // until the first report, in the collecting modes
  const consent = createConsent(s, w, () => decide(false));
  const visits = createVisits(s, w, consent);
  const display = createDisplay(s, w, emit);
  const reporter = createReporter(s, consent, w, () => ({ source: visit._kept.source, condition: visit._id, number: display._tracked()[0] }));
  const pools = createPools(s, w.document, consent, display, visits);

  function decide(newView: boolean, grant?: boolean): void {
    const v = (visit = visits._decide(page, referrer, newView, grant));
    const stored = v._session;
    if (!stored && newView) views++;
    // The view is reported once its numbers are final, so that its events carry the number shown.
    pools._show(v, () => reporter._view(v._new && v._kept, stored ? stored.pageviews! : views, page.href));
  }

  function setConsent(granted: boolean, source: string): void {
    const was = consent._persistent;
    // Repeated signals are no-ops; the storage sentence is set before the event, for a listener reading state().why.
    if (!consent._set(granted, source)) return;
    // Withdrawal takes effect now: queued events lose their identifiers (and the decision below drops any lease).
    if (!granted) reporter._anonymise();
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

  if (s._mode == 'invisible') display._show(s._numbers, true, 'defaults');
  if (s._gpc && (w.navigator as any).globalPrivacyControl === true) setConsent(false, 'gpc');
  for (const g of early) setConsent(g, 'command');
  consent._start();
  decide(true);
  Promise.resolve().then(() => startAdapters(s._consent, setConsent, w));

  // Calls: a click on a tel:/callto: link that shows one of our tracked numbers (with probabilistic
  // 'off' without storage, the reporter drops it).
  if (s._collecting)
    onCall(w.document, (dialled) => {
      const p = parsePhone(dialled, s._country);
      const number = p && e164(p);
      if (display._tracked().includes(number!)) {
        reporter._call(number!, page.href);
        visits._update({ last_action: Date.now() });
      }
    });

  // A virtual page view: the URL changed other than by its fragment.
  if (s._spa) onNavigation(w, () => { if (loc.href.split('#')[0] != page.href.split('#')[0]) view(); });

  const state = (): State => {
    const st: State = {
      mode: s._mode, consent: consent._state, persistent: consent._persistent, source: visit._kept.source, condition: visit._id,
      landing: cleanFor(s, consent._persistent, consent._withIds())(visit._kept.landing), referrer: visit._kept.referrer, numbers: display._numbers(),
    };
    if (consent._visitor) st.visitor = consent._visitor;
    if (s._debug) st.why = { ...why };
    return Object.freeze(st);
  };
  emit('ready', state());

  return { _consent: setConsent, _swap: display._swap, _restore: display._restore, _pageview: view, _state: state };
}
