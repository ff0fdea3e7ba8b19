import type { Adapter } from './types';
import { guard } from './guard';
import { queue } from './when';

/**
 * Axeptio: `_axcb` runs our callback with the SDK once it is ready. `cookies:complete` carries the
 * visitor's choices (on each load for a returning visitor, and after a choice), so it is a
 * decision: our vendor accepted or not. `hasAcceptedVendor` is only trusted when true, since it
 * is also false before any choice.
 */
export const axeptio: Adapter = (signal, vendor, _c, w) =>
  // '_' built at run time: terser renames every property starting with '_' (rollup.config.mjs)
  queue(w, '_'.repeat(1) + 'axcb', guard((sdk: any) => {
    if (sdk.hasAcceptedVendor && sdk.hasAcceptedVendor(vendor) === true) signal(1);
    sdk.on('cookies:complete', guard((c: any) => {
      if (c && c.$$completed !== false) signal(c[vendor]);
    }));
  }));
