import type { Adapter } from './types';
import { guard, queue } from './guard';

/**
 * Axeptio: `_axcb` runs our callback with the SDK once it is ready (a queue that exists before
 * the SDK: no polling). `cookies:complete` carries the visitor's choices (on each load for a
 * returning visitor, and after a choice), so it is a decision: our vendor accepted or not.
 * `hasAcceptedVendor` is only trusted when true, since it is also false before any choice.
 */
export const axeptio: Adapter = {
  _read: (w, vendor, signal) =>
    queue(w, '_axcb', guard((sdk: any) => {
      if (sdk.hasAcceptedVendor?.(vendor) === true) signal(1);
      sdk.on('cookies:complete', guard((c: any) => {
        if (c.$$completed !== false) signal(c[vendor]);
      }));
    })),
  _option: 'mgt',
};
