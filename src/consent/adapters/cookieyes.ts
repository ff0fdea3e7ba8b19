import type { Adapter } from './types';

/**
 * CookieYes: `getCkyConsent()` has the categories and `isUserActionCompleted` (false until the
 * visitor acted: the categories are then only defaults). `cookieyes_banner_load` fires when it
 * loads (so no polling); `cookieyes_consent_update` on document carries `{ accepted, rejected }`
 * category lists after each choice: those lists are the answer.
 */
export const cookieyes: Adapter = {
  _read(w, category, signal, e) {
    // cookieyes_consent_update's detail has the lists; cookieyes_banner_load's is the consent
    const d = e?.detail;
    if (d?.accepted) {
      if (d.accepted.includes(category)) signal(1);
      else if (d.rejected.includes(category)) signal(0);
      return;
    }
    const c = w.getCkyConsent?.();
    if (c?.isUserActionCompleted) signal(c.categories[category]);
  },
  _option: 'analytics',
  _events: 'cookieyes_banner_load cookieyes_consent_update',
};
