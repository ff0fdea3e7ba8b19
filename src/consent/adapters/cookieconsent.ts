import type { Adapter } from './types';
import { follow } from './when';

/**
 * orestbida cookieconsent v3 (UMD build, `window.CookieConsent`; Cookiebot's alias of the same
 * name has no `validConsent`). `validConsent()` is true once the visitor chose; `cc:onConsent`
 * fires on every load with a choice and `cc:onChange` on a later change.
 */
export const cookieconsent: Adapter = (signal, category, _c, w) => {
  const read = () => {
    // throws (no decision, `when` tries again) until the UMD build's API is there
    const C = w.CookieConsent;
    if (C.validConsent()) signal(C.acceptedCategory(category));
    return 1;
  };
  follow(w, read, w, 'cc:onConsent cc:onChange');
};
