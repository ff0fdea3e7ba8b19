import type { Adapter } from './types';
import { on, when } from './when';

/**
 * CookieYes: `getCkyConsent()` has the categories and `isUserActionCompleted` (false until the
 * visitor acted: the categories are then only defaults). `cookieyes_consent_update` on document
 * carries `{ accepted, rejected }` category lists after each choice.
 */
export const cookieyes: Adapter = (signal, category, _c, w) => {
  const read = () => {
    // throws (no decision, `when` tries again) until CookieYes is there
    const c = w.getCkyConsent();
    if (c.isUserActionCompleted) signal(c.categories[category]);
    return 1;
  };
  when(w, read);
  // the event's lists are the visitor's answer; throws (no signal) on an event without them
  on(w.document, 'cookieyes_consent_update', (e) => {
    const d = e.detail;
    if (d.accepted.indexOf(category) >= 0) signal(1);
    else if (d.rejected.indexOf(category) >= 0) signal(0);
  });
};
