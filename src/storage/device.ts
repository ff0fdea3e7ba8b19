// Reads third-party tracking IDs (_ga, _pk_id.*, custom ones) from the device. Only called once
// consent allows storage: reading a tracker is access to the device as much as writing one. Every
// read may throw (blocked cookies or storage): trackingIds() guards each one.
import { cookieNames, getCookie } from './cookies';

/** What attribution/trackingIds.ts may read on the device; tests provide fakes. The functions are called unbound. */
export interface DeviceReader {
  _cookie(name: string): string | undefined;
  _cookieNames(): string[];
  _local(key: string): string | null;
  _window: any;
}

export const deviceReader = (w: Window): DeviceReader => ({
  _cookie: getCookie,
  _cookieNames: cookieNames,
  _local: (key) => localStorage.getItem(key),
  _window: w,
});
