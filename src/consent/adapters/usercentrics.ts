import type { Adapter } from './types';
import { guard } from './guard';

const explicit = (type: unknown): boolean => /^explicit$/i.test(type as string);

/**
 * Usercentrics v3 (`__ucCmp.getConsentDetails()`, a promise) and v2 (`UC_UI.getServicesBaseInfo()`).
 * Usercentrics reports implicit consent (the visitor ignored or closed the banner) like any
 * other: only an explicit one is a decision. The service is matched by id or by name.
 * `UC_UI_INITIALIZED` fires when it is ready, `UC_CONSENT` / `UC_UI_CMP_EVENT` on changes, so no
 * polling.
 */
export const usercentrics: Adapter = {
  _read(w, service, signal) {
    const details = w.__ucCmp?.getConsentDetails?.();
    if (details) {
      details.then(guard((d: any) => {
        if (explicit(d.consent.type))
          for (const id in d.services) {
            const x = d.services[id];
            if (id == service || x.name == service) signal(x.consent.given);
          }
      }), () => 0);
      return 1;
    }
    const services = w.UC_UI?.getServicesBaseInfo?.();
    if (!services) return;
    for (const x of services) {
      const history = x.consent.history;
      if ((x.id == service || x.name == service) && explicit(history[history.length - 1]?.type)) signal(x.consent.status);
    }
    return 1;
  },
  _option: 'mgt',
  _events: 'UC_UI_INITIALIZED UC_UI_CMP_EVENT UC_CONSENT',
};
