import type { Adapter } from './types';

/**
 * Complianz: `cmplz_has_consent(category)` is also true by default in opt-out regions, so it says
 * nothing about a decision. The visitor's answer is the category cookie read through
 * `cmplz_get_cookie` ('allow' / 'deny'), once the banner was dismissed ('banner-status'). On
 * accept Complianz sets the categories before 'banner-status', then fires
 * `cmplz_fire_categories`; on deny the other way round, then `cmplz_status_change`: we re-read on
 * both, and on `cmplz_revoke`. No event is documented for every load: polled.
 */
export const complianz: Adapter = {
  _read(w, category, signal) {
    // '' for a cookie that is not set; undefined while Complianz is not there
    const v = w.cmplz_get_cookie?.(category);
    if ((v == 'allow' || v == 'deny') && w.cmplz_get_cookie('banner-status') == 'dismissed') signal(v == 'allow');
    return v != null;
  },
  _option: 'statistics',
  _events: 'cmplz_status_change cmplz_fire_categories cmplz_revoke',
  _poll: 1,
};
