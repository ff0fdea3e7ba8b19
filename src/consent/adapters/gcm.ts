import type { Adapter } from './types';
import { onDataLayer } from './data-layer';

/**
 * Google Consent Mode v2 has no read API: gtag('consent', 'default' | 'update', {...}) pushes an
 * arguments object onto dataLayer. Only 'update' is a decision (a CMP pushes it when the visitor
 * chooses, or with the stored choice on load); 'default' is the site's default and never counts.
 * Followed only when the site names the type (`consent.gcm: 'analytics_storage'`): no default.
 */
export const gcm: Adapter = {
  _read: (w, type, signal) =>
    onDataLayer(w, (e) => {
      const v = e[0] == 'consent' && e[1] == 'update' && e[2][type];
      if (v == 'granted' || v == 'denied') signal(v == 'granted');
    }),
  // no default: followed only when consent.gcm names a type
};
