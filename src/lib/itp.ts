// Safari's Intelligent Tracking Prevention (WebKit: every browser on iOS too) caps cookies written
// by scripts at 7 days, and at 24 hours on a landing from a known tracker's link with a query string
// (a Google Ads ?gclid= click); it erases script-written storage after 7 days without a visit. So
// in Safari mgt_visitor, the first_entry window and cookie.days are shorter: a site owner testing
// with debug on is told so (docs/privacy.md, "Safari"). The cookie is never extended (SPEC 6.5).
import { log } from './log';

/** In debug mode, in WebKit (navigator.vendor is Apple's there only), says that ITP shortens the cookie. */
export const itpNote = (nav: Navigator): void => {
  if (String(nav.vendor).includes('Apple')) log('Safari ITP: cookie 7 days max, 24 h after ad clicks');
};
