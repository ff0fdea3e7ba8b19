import type { Adapter } from './types';
import { guard } from './guard';
import { follow } from './when';

/**
 * Usercentrics v3 (`__ucCmp.getConsentDetails()`, a promise) and v2 (`UC_UI.getServicesBaseInfo()`).
 * Usercentrics reports implicit consent (the visitor ignored or closed the banner) like any
 * other: only an explicit one is a decision. The service is matched by id or by name.
 */
export const usercentrics: Adapter = (signal, service, _c, w) => {
  const read = () => {
    // built at run time: terser renames every property starting with '_' (rollup.config.mjs)
    const C = w['_'.repeat(2) + 'ucCmp'];
    if (C) {
      C.getConsentDetails().then(guard((d: any) => {
        if (/^explicit$/i.test(d.consent.type))
          for (const id in d.services) {
            const s = d.services[id];
            if (id == service || s.name == service) signal(s.consent.given);
          }
      }), () => 0);
      return 1;
    }
    // v2; throws (no decision, `when` tries again) until Usercentrics is there
    for (const s of w.UC_UI.getServicesBaseInfo()) {
      const h = s.consent.history;
      if ((s.id == service || s.name == service) && /^explicit$/i.test(h[h.length - 1].type)) signal(s.consent.status);
    }
    return 1;
  };
  follow(w, read, w, 'UC_UI_INITIALIZED UC_UI_CMP_EVENT UC_CONSENT');
};
