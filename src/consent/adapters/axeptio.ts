import type { Adapter } from './types';
import { guard, queue, U } from './guard';

/**
 * Axeptio: `_axcb` runs our callback with the SDK once it is ready. `cookies:complete` carries the
 * visitor's choices (on each load for a returning visitor, and after a choice), so it is a
 * decision: our vendor accepted or not. `hasAcceptedVendor` is only trusted when true, since it
 * is also false before any choice.
 */
export const axeptio: Adapter = [
  (w, vendor, s) =>
    queue(w, U + 'axcb', guard((sdk: any) => {
      sdk.hasAcceptedVendor?.(vendor) === true && s(1);
      sdk.on('cookies:complete', guard((c: any) => c.$$completed !== false && s(c[vendor])));
    })),
  'mgt',
];
