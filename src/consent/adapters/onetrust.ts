import type { Adapter } from './types';
import { follow } from './when';

/**
 * OneTrust: `window.OneTrust` may be a plain config object before the SDK is ready, so we wait for
 * its methods. `OnetrustActiveGroups` (",C0001,C0002,") also lists groups active by default, so
 * it is a decision only once the banner was closed (`IsAlertBoxClosed()`).
 * `OneTrustGroupsUpdated` fires on load and on every change.
 */
export const onetrust: Adapter = (signal, group, _c, w) => {
  const read = () => {
    // throws (no decision, `when` tries again) while OneTrust is absent or a plain object
    if (w.OneTrust.IsAlertBoxClosed()) signal((',' + (w.OnetrustActiveGroups || w.OptanonActiveGroups) + ',').indexOf(',' + group + ',') >= 0);
    return 1;
  };
  follow(w, read, w, 'OneTrustGroupsUpdated');
};
