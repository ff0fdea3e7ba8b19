// The numbers of a decision (SPEC 10, 9.3): shown at once, or, for a condition with a pool, once
// its lease answers (leased per visitor from `${endpoint}/lease`), then renewed while the page is
// visible. Only the newest decision counts: a lease or a renewal of an older one is dropped.
import { usableNumber, type Numbers, type Settings } from './settings';
import type { Consent } from './consent/state';
import type { Display } from './display';
import type { Visits } from './visits';
import { toSwap, type Visit } from './decide';
import { lease } from './transport/lease';

export interface Pools {
  /**
   * Shows the numbers of decision `v`, then `report()`s the view: at once, or when its pool's lease
   * answers. A lease or a renewal of the decision before is dropped (a withdrawal, a new page view).
   */
  _show(v: Visit, report: () => void): void;
}

/** A condition's pool is leased while `consent` is persistent; the leased numbers are stored with the session (`visits`). */
export function createPools(s: Settings, doc: Document, consent: Consent, display: Display, visits: Visits): Pools {
  let latest = 0; // the newest decision
  return {
    _show(v, report) {
      const id = ++latest;
      /** Leases numbers; `fallback` is what shows on timeout, error or an invalid answer. */
      const leaseNow = (fallback: Numbers): void => {
        if (!consent._alive()) return;
        const body = { site: s._site, pool: v._pool, visitor: consent._visitor, source: v._kept.source, condition: v._id, numbers: v._wanted };
        lease(s._endpoint, body, s._leaseTimeout).then((answer) => {
          if (id != latest) return;
          const got: Numbers = {};
          if (answer) for (const o of body.numbers) if (usableNumber(s, answer.numbers[o])) got[o] = answer.numbers[o] as string;
          const until = answer && Object.keys(got).length ? Date.now() + answer.ttl * 1000 : 0;
          // The fallback with the valid leased numbers over it.
          const numbers = { ...fallback, ...got };
          display._show(numbers, true, (until ? 'leased from pool ' : 'no lease from pool ') + v._pool);
          if (until) {
            visits._update({ to_swap: toSwap(numbers, got, until) });
            renew(until, numbers);
          }
          report();
        });
      };
      /** Renews the lease 30 s before `until` (at the earliest in 1 s), once the page is visible; `numbers` (shown now) are the fallback. */
      const renew = (until: number, numbers: Numbers): void => {
        setTimeout(function again() {
          if (id != latest) return;
          if (doc.visibilityState == 'hidden') doc.addEventListener('visibilitychange', again, { once: true });
          else leaseNow(numbers);
        }, Math.max(1000, until - Date.now() - 30000));
      };
      if (v._pool && !v._leasedUntil) {
        // Until the lease answers, the pooled originals are left as they are (hidden by anti-flicker).
        const meanwhile = { ...v._numbers };
        for (const o of v._wanted) delete meanwhile[o];
        display._show(meanwhile, false, 'waiting for pool ' + v._pool);
        leaseNow(v._numbers);
      } else {
        display._show(v._numbers, true, v._from);
        if (v._leasedUntil) renew(v._leasedUntil, v._numbers);
        report();
      }
    },
  };
}
