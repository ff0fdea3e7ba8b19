import type { Adapter } from './types';
import { follow } from './when';

/**
 * Complianz: `cmplz_has_consent(category)` is also true by default in opt-out regions, so it says
 * nothing about a decision. The visitor's answer is the category cookie read through
 * `cmplz_get_cookie` ('allow' / 'deny'), once the banner was dismissed ('banner-status').
 * On accept Complianz sets the categories before 'banner-status', then fires
 * `cmplz_fire_categories`; on deny the other way round, then `cmplz_status_change`: we re-read on
 * both, and on `cmplz_revoke`.
 */
export const complianz: Adapter = (signal, category, _c, w) => {
  const read = () => {
    // throws (no decision, `when` tries again) until Complianz is there
    const v = w.cmplz_get_cookie(category);
    if (w.cmplz_get_cookie('banner-status') == 'dismissed' && (v == 'allow' || v == 'deny')) signal(v == 'allow');
    return 1;
  };
  follow(w, read, w.document, 'cmplz_status_change cmplz_fire_categories cmplz_revoke');
};
