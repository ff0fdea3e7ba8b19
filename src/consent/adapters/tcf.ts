import type { Adapter } from './types';
import { guard, U } from './guard';

/**
 * IAB TCF v2.2: `__tcfapi('addEventListener', 2, cb)` calls back now and on every change.
 * A decision is a TC string loaded from the visitor's earlier choice (`tcloaded`) or just made
 * (`useractioncomplete`); at `cmpuishown` every consent is still false, so it is no decision.
 * Granted when every configured purpose (default [1], store/access on a device) has consent, and
 * our vendor too when `tcf.vendorId` is set. `gdprApplies === false`: the CMP says no consent is
 * required for this visitor, which we follow as a grant. The option is `consent.tcf` (an object),
 * or 1 when absent: both read as "no purposes, no vendor".
 */
export const tcf: Adapter = [
  (w, t, s) => {
    // throws (polled again) until a __tcfapi function exists
    w[U + U + 'tcfapi']('addEventListener', 2, guard((d: any, ok: boolean) =>
      ok && /^(tcloaded|useractioncomplete)$/.test(d.eventStatus) &&
      s(d.gdprApplies === false || ((t.purposes?.length ? t.purposes : [1]).every((p: number) => d.purpose.consents[p]) && (!t.vendorId || d.vendor.consents[t.vendorId])))));
    return 1;
  },
  1,
];
