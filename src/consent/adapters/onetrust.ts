import type { Adapter } from './types';

/**
 * OneTrust: `window.OneTrust` may be a plain config object before the SDK is ready, so this throws
 * (polled again) until its methods exist. `OnetrustActiveGroups` (",C0001,C0002,") also lists
 * groups active by default, so it is a decision only once the banner was closed
 * (`IsAlertBoxClosed()`). `OneTrustGroupsUpdated` fires on load and on every change.
 */
export const onetrust: Adapter = [
  (w, group, s) =>
    !w.OneTrust.IsAlertBoxClosed() || s((',' + (w.OnetrustActiveGroups || w.OptanonActiveGroups) + ',').includes(',' + group + ',')),
  'C0002',
  'OneTrustGroupsUpdated',
];
