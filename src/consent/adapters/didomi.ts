import type { Adapter } from './types';
import { guard } from './guard';
import { queue } from './when';

/**
 * Didomi: `didomiOnReady` runs our callback once the SDK is ready (now if it already is), and
 * `didomiEventListeners` tells us of `consent.changed`. `getCurrentUserStatus()` shows vendors
 * the visitor has not decided on as disabled, so we read it only once Didomi no longer asks
 * (`shouldConsentBeCollected()` false). Without a configured id, the custom vendor whose id
 * starts with `c:mgt-` is used. `isConsentRequired()` false (a visitor the site's Didomi
 * configuration exempts) counts as granted, as Didomi's own documentation does.
 */
export const didomi: Adapter = (signal, id, _c, w) => {
  const read = guard(() => {
    const D = w.Didomi;
    if (!D.isConsentRequired()) return signal(1);
    if (D.shouldConsentBeCollected()) return;
    const vendors = D.getCurrentUserStatus().vendors;
    const v = vendors[id || Object.keys(vendors).find((k) => /^c:mgt-/.test(k))!];
    if (v) signal(v.enabled);
  });
  queue(w, 'didomiOnReady', read);
  queue(w, 'didomiEventListeners', { event: 'consent.changed', listener: read });
};
