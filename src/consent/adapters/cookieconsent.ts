import type { Adapter } from './types';

/**
 * orestbida cookieconsent v3 (UMD build, `window.CookieConsent`; Cookiebot's alias of the same
 * name has no `validConsent`, so this throws and is polled again). `validConsent()` is true once
 * the visitor chose; `cc:onConsent` fires on every load with a choice and `cc:onChange` on a
 * later change.
 */
export const cookieconsent: Adapter = [
  (w, category, s) => {
    const C = w.CookieConsent;
    return !C.validConsent() || s(C.acceptedCategory(category));
  },
  'analytics',
  'cc:onConsent cc:onChange',
];
