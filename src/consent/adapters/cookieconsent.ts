import type { Adapter } from './types';

/**
 * orestbida cookieconsent v3 (UMD build, `window.CookieConsent`; Cookiebot's alias of the same
 * name has no `validConsent`). `validConsent()` is true once the visitor chose; `cc:onConsent`
 * fires on every load with a choice and after the first one, `cc:onChange` on a later change, so
 * no polling.
 */
export const cookieconsent: Adapter = {
  _read(w, category, signal) {
    if (w.CookieConsent?.validConsent?.()) signal(w.CookieConsent.acceptedCategory(category));
  },
  _option: 'analytics',
  _events: 'cc:onConsent cc:onChange',
};
