// Reads third-party tracking IDs (_ga, _pk_id.*, custom ones) from the device. Only called once
// consent allows storage: reading a tracker is access to the device as much as writing one. Every
// read may throw (blocked cookies or storage): trackingIds() guards each one.
import Cookies from 'js-cookie';
import type { DeviceReader } from '../attribution/trackingIds';

export const deviceReader = (w: Window): DeviceReader => ({
  _cookie: Cookies.get,
  _cookieNames: () => Object.keys(Cookies.get()),
  _local: (key) => localStorage.getItem(key),
  _window: w,
});
