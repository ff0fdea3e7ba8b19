import type { Adapter } from './types';

/**
 * Cookiebot (`window.Cookiebot`, or its alias `window.CookieConsent` — told apart from orestbida's
 * by its `consent` object). A decision needs `hasResponse`. A grant with `consent.method`
 * 'implied' (given automatically, without the visitor acting) is not followed.
 * `CookiebotOnAccept` / `CookiebotOnDecline` fire on each load for a visitor who answered and on
 * every choice, so no polling.
 */
export const cookiebot: Adapter = {
  _read(w, category, signal) {
    const C = w.Cookiebot?.consent ? w.Cookiebot : w.CookieConsent;
    const c = C?.consent;
    const v = !!c?.[category];
    if (c && C.hasResponse && !(v && c.method == 'implied')) signal(v);
  },
  _option: 'statistics',
  _events: 'CookiebotOnAccept CookiebotOnDecline',
};
