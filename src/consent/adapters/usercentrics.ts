import type { Adapter } from './types';
import { guard } from './guard';

/**
 * Usercentrics v3 (`__ucCmp.getConsentDetails()`, a promise) and v2 (`UC_UI.getServicesBaseInfo()`).
 * Usercentrics reports implicit consent (the visitor ignored or closed the banner) like any
 * other: only an explicit one is a decision. The service is matched by id or by name.
 * `UC_UI_INITIALIZED` fires when it is ready, `UC_CONSENT` / `UC_UI_CMP_EVENT` on changes, so no
 * polling.
 */
export const usercentrics: Adapter = {
  _read(w, service, signal) {
    // Both versions list services with an id and a name; v3 gives one consent type for all, v2
    // one per service (its latest history entry).
    const pick = (id: string, x: any, type: string, given: unknown): void => {
      if ((id == service || x.name == service) && /^explicit$/i.test(type)) signal(given);
    };
    const details = w.__ucCmp?.getConsentDetails?.();
    if (details) {
      details.then(guard((d: any) => {
        for (const id in d.services) pick(id, d.services[id], d.consent.type, d.services[id].consent.given);
      }), () => 0);
      return;
    }
    for (const x of w.UC_UI?.getServicesBaseInfo?.() || []) {
      const history = x.consent.history;
      pick(x.id, x, history[history.length - 1]?.type, x.consent.status);
    }
  },
  _option: 'mgt',
  _events: 'UC_UI_INITIALIZED UC_UI_CMP_EVENT UC_CONSENT',
};
