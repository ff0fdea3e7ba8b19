import type { Adapter } from './types';
import { guard, queue } from './guard';

/**
 * Didomi: `didomiOnReady` runs our callback once the SDK is ready (now if it already is), and
 * `didomiEventListeners` tells us of `consent.changed`: both queues exist before the SDK does, so
 * no polling. `getCurrentUserStatus()` shows vendors the visitor has not decided on as disabled,
 * so we read it only once Didomi no longer asks (`shouldConsentBeCollected()` false). The vendor
 * is the first whose id starts with the option: the configured id, else the custom vendor
 * `c:mgt-…`. `isConsentRequired()` false (a visitor the site's Didomi configuration exempts)
 * counts as granted, as Didomi's own documentation does.
 */
export const didomi: Adapter = {
  _read(w, id, signal) {
    const read = guard(() => {
      const D = w.Didomi;
      if (!D.isConsentRequired()) signal(1);
      else if (!D.shouldConsentBeCollected()) {
        const vendors = D.getCurrentUserStatus().vendors;
        const key = Object.keys(vendors).find((k) => k.startsWith(id));
        if (key) signal(vendors[key].enabled);
      }
    });
    queue(w, 'didomiOnReady', read);
    queue(w, 'didomiEventListeners', { event: 'consent.changed', listener: read });
  },
  _option: 'c:mgt-',
};
