import type { Adapter } from './types';
import { guard, U } from './guard';

/**
 * Usercentrics v3 (`__ucCmp.getConsentDetails()`, a promise) and v2 (`UC_UI.getServicesBaseInfo()`).
 * Usercentrics reports implicit consent (the visitor ignored or closed the banner) like any
 * other: only an explicit one is a decision. The service is matched by id or by name.
 */
export const usercentrics: Adapter = [
  (w, service, s) => {
    const C = w[U + U + 'ucCmp'];
    if (C)
      C.getConsentDetails().then(guard((d: any) => {
        if (/^explicit$/i.test(d.consent.type))
          for (const id in d.services) {
            const x = d.services[id];
            (id == service || x.name == service) && s(x.consent.given);
          }
      }), () => 0);
    // v2; throws (polled again) until Usercentrics is there
    else
      for (const x of w.UC_UI.getServicesBaseInfo())
        (x.id == service || x.name == service) && /^explicit$/i.test(x.consent.history.slice(-1)[0].type) && s(x.consent.status);
    return 1;
  },
  'mgt',
  'UC_UI_INITIALIZED UC_UI_CMP_EVENT UC_CONSENT',
];
