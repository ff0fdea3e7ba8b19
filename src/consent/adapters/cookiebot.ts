import type { Adapter } from './types';

/**
 * Cookiebot (`window.Cookiebot`, or its alias `window.CookieConsent` — told apart from orestbida's
 * by its `consent` object; throws, polled again, until there is one). A decision needs
 * `hasResponse`. A grant with `consent.method` 'implied' (given automatically, without the
 * visitor acting) is not followed.
 */
export const cookiebot: Adapter = [
  (w, category, s) => {
    const C = w.Cookiebot?.consent ? w.Cookiebot : w.CookieConsent,
      c = C.consent,
      v = !!c[category];
    return !C.hasResponse || (v && c.method == 'implied') || s(v);
  },
  'statistics',
  'CookiebotOnConsentReady CookiebotOnAccept CookiebotOnDecline',
];
