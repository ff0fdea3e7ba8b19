// The reporter (SPEC 9): builds the events of page views and calls, holds the anonymous ones while
// the consent decision is pending (so a visit accepted on its landing page is reported once,
// identified), and strips identifiers from queued events when consent is withdrawn.
import type { Settings } from './settings';
import type { Consent } from './consent/state';
import type { Attribution } from './attribution/visit';
import { explain } from './why';
import { createBatch } from './transport/batch';
import { cleanFor } from './decide';

export type Ev = Record<string, any>;

export interface Reporter {
  /** This page view's events (once per view): the visit when `visit` is given (a new visit), then the pageview. */
  _view(visit: Attribution | false, count: number, url: string): void;
  /** A new page view, or a grant that reports the current one again: what waited anonymous is dropped on a grant. */
  _again(grant?: boolean): void;
  /** A call to `number` (E.164) from the page `url`: sent at once unless the consent decision is pending. */
  _call(number: string, url: string): void;
  /** Sends what waits unless the decision is pending; `force` on pagehide. */
  _release(force?: boolean): void;
  /** Withdrawal: queued events go out without identifiers (SPEC 9.1). */
  _anonymise(): void;
}

/**
 * Sets the debug sentence about events; `base()`: the fields every event
 * carries from the decision of the moment (source, condition, number shown). Created in every
 * mode, so that the tracker needs no checks: only the collecting modes ever queue an event.
 */
export function createReporter(s: Settings, consent: Consent, w: Window, base: () => Ev): Reporter {
  const doc = w.document;
  const batch = createBatch(s._endpoint, s._site);
  let reported = false;
  let held: Ev[] = [];
  let calls: Ev[] = []; // built when sent: with the consent and the decision of that moment
  /** Completes an event as consent allows now: identified, or anonymous (SPEC 8, 9.1). */
  const finish = (e: Ev): Ev => {
    const p = consent._persistent;
    const clean = cleanFor(s, p, consent._withIds());
    if (!p) {
      delete e.visitor;
      delete e.tracking_ids;
      delete e.title;
    }
    e.cookieless = !p;
    for (const k of ['landing', 'url', 'page']) if (e[k]) e[k] = clean(e[k]);
    return e;
  };
  /** An event with the fields every event carries; the URLs in `fields` are absolute. */
  const event = (type: string, fields: Ev): Ev => finish({ type, mode: s._mode, ts: Date.now(), ...base(), ...fields, visitor: consent._visitor });
  const r: Reporter = {
    _view(visit, count, url) {
      // Only the collecting modes report (the others keep their 'none in … mode' sentence).
      if (reported || !s._collecting) return;
      reported = true;
      const types: string[] = [];
      const add = (type: string, fields: Ev): void => {
        types.push(type);
        held.push(event(type, fields));
      };
      if (visit) add('visit', { landing: visit.landing, referrer: visit.referrer, tracking_ids: visit.tracking_ids });
      // origin reports visits only; traffic counts page views, journey names them.
      if (s._mode != 'origin') add('pageview', s._mode == 'traffic' ? { count } : { url, title: doc.title.slice(0, 2000) });
      explain('events', types.join(', ') || 'none', consent._waiting() ? 'wait for the consent decision' : consent._mute() ? "not sent (probabilistic 'off')" : 'sent');
      r._release();
    },
    _again(grant) {
      reported = false;
      if (grant) held = [];
    },
    _call(number, page) {
      calls.push({ number, page });
      r._release();
    },
    _release(force) {
      if (!force && consent._waiting()) return;
      if (!consent._mute()) {
        for (const e of held) batch._push(e);
        for (const c of calls) batch._push(event('call', c), true);
      }
      held = [];
      calls = [];
      if (force) batch._flush();
    },
    _anonymise() {
      batch._rewrite((e) => (e.cookieless ? e : finish(e)));
    },
  };
  if (s._collecting) {
    // The page's last chance: what still waits for the consent decision goes out anonymous.
    const leave = (): void => r._release(true);
    w.addEventListener('pagehide', leave);
    doc.addEventListener('visibilitychange', () => doc.visibilityState == 'hidden' && leave());
  }
  return r;
}
