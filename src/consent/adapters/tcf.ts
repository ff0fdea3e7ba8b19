import type { Adapter } from './types';
import { guard } from './guard';

/**
 * IAB TCF v2.2: `__tcfapi('addEventListener', 2, cb)` calls back now and on every change; the
 * CMP's stub queues the call until the CMP is ready. A decision is a TC string loaded from the
 * visitor's earlier choice (`tcloaded`) or just made (`useractioncomplete`); at `cmpuishown` every
 * consent is still false, so it is no decision. Granted when every configured purpose (default
 * [1], store/access on a device) has consent, and our vendor too when `tcf.vendorId` is set.
 * `gdprApplies === false`: the CMP says no consent is required for this visitor, which we follow
 * as a grant. The option is `consent.tcf` (an object), or 1 when absent: both read as "no
 * purposes, no vendor". Polled: the stub should come first, but nothing announces a late one.
 */
export const tcf: Adapter = {
  _read(w, t, signal) {
    const api = w.__tcfapi;
    if (!api) return;
    const purposes: number[] = t.purposes?.length ? t.purposes : [1];
    api('addEventListener', 2, guard((d: any, ok: boolean) => {
      if (ok && (d.eventStatus == 'tcloaded' || d.eventStatus == 'useractioncomplete'))
        signal(d.gdprApplies === false || (purposes.every((p) => d.purpose.consents[p]) && (!t.vendorId || d.vendor.consents[t.vendorId])));
    }));
    return 1;
  },
  _option: 1,
  _poll: 1,
};
