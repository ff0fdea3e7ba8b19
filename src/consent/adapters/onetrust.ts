import type { Adapter } from './types';

/**
 * OneTrust: `window.OneTrust` may be a plain config object before the SDK is ready, so it counts
 * only once its methods exist. `OnetrustActiveGroups` (",C0001,C0002,", whole ids only) also lists groups active
 * by default, so it is a decision only once the banner was closed (`IsAlertBoxClosed()`).
 * `OneTrustGroupsUpdated` fires when the SDK loads and on every change, so no polling.
 */
export const onetrust: Adapter = {
  _read(w, group, signal) {
    const closed = w.OneTrust?.IsAlertBoxClosed?.();
    if (closed) signal(String(w.OnetrustActiveGroups || w.OptanonActiveGroups).split(',').includes(group));
  },
  _option: 'C0002',
  _events: 'OneTrustGroupsUpdated',
};
