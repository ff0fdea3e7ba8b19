import type { Adapter } from './types';
import { guard } from './guard';
import { when } from './when';

/**
 * IAB TCF v2.2: `__tcfapi('addEventListener', 2, cb)` calls back now and on every change.
 * A decision is a TC string loaded from the visitor's earlier choice (`tcloaded`) or just made
 * (`useractioncomplete`); at `cmpuishown` every consent is still false, so it is no decision.
 * Granted when every configured purpose (default [1], store/access on a device) has consent, and
 * our vendor too when `tcf.vendorId` is set. `gdprApplies === false`: the CMP says no consent is
 * required for this visitor, which we follow as a grant.
 */
export const tcf: Adapter = (signal, _o, cfg, w) =>
  when(w, () => {
    // '__tcfapi' is built at run time: terser renames every property starting with '_'
    const t = cfg.tcf || {};
    const purposes = t.purposes && t.purposes.length ? t.purposes : [1];
    // throws (so `when` tries again later) until a __tcfapi function exists
    w['_'.repeat(2) + 'tcfapi']('addEventListener', 2, guard((d: any, ok: boolean) => {
      if (ok && d && /^(tcloaded|useractioncomplete)$/.test(d.eventStatus))
        signal(d.gdprApplies === false || (purposes.every((p) => d.purpose.consents[p]) && (!t.vendorId || d.vendor.consents[t.vendorId])));
    }));
    return 1;
  });
