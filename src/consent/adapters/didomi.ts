import type { Adapter } from './types';
import { guard, queue } from './guard';

/**
 * Didomi: `didomiOnReady` runs our callback once the SDK is ready (now if it already is), and
 * `didomiEventListeners` tells us of `consent.changed`. `getCurrentUserStatus()` shows vendors
 * the visitor has not decided on as disabled, so we read it only once Didomi no longer asks
 * (`shouldConsentBeCollected()` false). The vendor is the first whose id starts with the option:
 * the configured id, else the custom vendor `c:mgt-…`. `isConsentRequired()` false (a visitor the
 * site's Didomi configuration exempts) counts as granted, as Didomi's own documentation does.
 */
export const didomi: Adapter = [
  (w, id, s) => {
    const read = guard(() => {
      const D = w.Didomi;
      if (!D.isConsentRequired()) s(1);
      else if (!D.shouldConsentBeCollected()) {
        const v = D.getCurrentUserStatus().vendors;
        // throws (no signal) when there is no such vendor
        s(v[Object.keys(v).find((k) => !k.indexOf(id))!].enabled);
      }
    });
    queue(w, 'didomiOnReady', read);
    return queue(w, 'didomiEventListeners', { event: 'consent.changed', listener: read });
  },
  'c:mgt-',
];
