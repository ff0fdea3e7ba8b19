import type { Adapter } from './types';

/**
 * Complianz: `cmplz_has_consent(category)` is also true by default in opt-out regions, so it says
 * nothing about a decision. The visitor's answer is the category cookie read through
 * `cmplz_get_cookie` ('allow' / 'deny'; throws, polled again, until Complianz is there), once
 * the banner was dismissed ('banner-status'). On accept Complianz sets the categories before
 * 'banner-status', then fires `cmplz_fire_categories`; on deny the other way round, then
 * `cmplz_status_change`: we re-read on both, and on `cmplz_revoke`.
 */
export const complianz: Adapter = [
  (w, category, s) => {
    const v = w.cmplz_get_cookie(category);
    return w.cmplz_get_cookie('banner-status') != 'dismissed' || (v != 'allow' && v != 'deny') || s(v == 'allow');
  },
  'statistics',
  'cmplz_status_change cmplz_fire_categories cmplz_revoke',
];
