import type { Adapter } from './types';
import { follow } from './when';

/**
 * Cookiebot (`window.Cookiebot`, or its alias `window.CookieConsent` — told apart from orestbida's
 * by its `consent` object). A decision needs `hasResponse`. A grant with `consent.method`
 * 'implied' (given automatically, without the visitor acting) is not followed.
 */
export const cookiebot: Adapter = (signal, category, _c, w) => {
  const read = () => {
    let C = w.Cookiebot;
    if (!(C && C.consent)) C = w.CookieConsent;
    if (C && typeof C.consent == 'object') {
      const v = C.hasResponse && !!C.consent[category];
      if (C.hasResponse && (!v || C.consent.method != 'implied')) signal(v);
      return 1;
    }
  };
  follow(w, read, w, 'CookiebotOnConsentReady CookiebotOnAccept CookiebotOnDecline');
};
