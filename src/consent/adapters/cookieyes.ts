import type { Adapter } from './types';

/**
 * CookieYes: `getCkyConsent()` has the categories and `isUserActionCompleted` (false until the
 * visitor acted: the categories are then only defaults). `cookieyes_consent_update` on document
 * carries `{ accepted, rejected }` category lists after each choice: those lists are the answer.
 */
export const cookieyes: Adapter = [
  (w, category, s, e) => {
    const d = e?.detail;
    if (d) d.accepted.includes(category) ? s(1) : d.rejected.includes(category) && s(0);
    else {
      // throws (polled again) until CookieYes is there
      const c = w.getCkyConsent();
      c.isUserActionCompleted && s(c.categories[category]);
    }
    return 1;
  },
  'analytics',
  'cookieyes_consent_update',
];
