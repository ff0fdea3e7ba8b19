// The visit decision at work on this page: decide.ts decides (pure); this module reads what it
// decides on (the page's attribution, how it was reached, mgt_session, the device's tracking IDs,
// the clock) and stores the session it decided. The session is written only here.
import type { Settings } from './settings';
import { usableNumber } from './settings';
import type { Consent } from './consent/state';
import { log } from './lib/log';
import { classify } from './attribution/source';
import { trackingIds } from './attribution/trackingIds';
import { parsePhone } from './swap/phone';
import { readSession, writeSession, type Session } from './storage/session';
import { explain } from './why';
import { decideVisit, type Arrival, type Visit } from './decide';

export interface Visits {
  /**
   * Decides the view of `page`: a new page view (`newView`), or the same one again after a consent
   * change (`grant`: an explicit grant, which saves what this page computed before consent).
   */
  _decide(page: URL, referrer: string, newView: boolean, grant?: boolean): Visit;
  /** Changes the session stored (a call keeps the visit alive; a lease answered sets `to_swap`) and stores it again. */
  _update(fields: Partial<Session>): void;
}

/** Sets the debug sentences of the decision (source, condition, visit), and the storage one, at each decision. */
export function createVisits(s: Settings, w: Window, consent: Consent): Visits {
  let arrival: Arrival | undefined; // this page load's arrival (see decide.ts)
  let session: Session | undefined; // the latest one stored
  let before: Session | undefined | false = false; // mgt_session as found when the page became persistent (false: not read)
  const save = (): void => {
    if (session && consent._alive()) {
      writeSession(session);
      log('stored mgt_session', session);
    }
  };
  return {
    _decide(page, referrer, newView, grant) {
      const here = classify(page, referrer, s._domain);
      const first = !arrival;
      // A reload or a back/forward navigation is not a new arrival. (Browsers without Navigation
      // Timing 2 list no entry: a normal navigation.)
      if (first) here._internal ||= performance.getEntriesByType('navigation').some((n) => ['reload', 'back_forward'].includes((n as PerformanceNavigationTiming).type));
      const fresh = { ...here, landing: page.href, tracking_ids: trackingIds(s, page) };
      if (first) arrival = fresh;
      const p = consent._alive();
      let stored = p ? readSession((n) => !!parsePhone(n, s._country), (t) => usableNumber(s, t)) : undefined;
      if (!p || before === false) before = p && stored;
      // A grant saves what this page computed before consent (SPEC 7), tracking IDs included, as if
      // the consent-free session this page wrote (rotation) had not been there.
      if (grant && before !== false) stored = before;
      const ids = consent._withIds();
      const v = decideVisit(s, {
        _page: page, _view: p && newView ? fresh : arrival!, _first: first, _persistent: p, _withIds: ids,
        _created: consent._created, _stored: stored, _deviceIds: ids ? trackingIds(s, undefined, w) : {}, _now: Date.now(),
      }, explain);
      consent._explain();
      session = v._session;
      save();
      return v;
    },
    _update(fields) {
      if (session) Object.assign(session, fields);
      save();
    },
  };
}
