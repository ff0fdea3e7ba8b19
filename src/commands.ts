// TEMPORARY — being written by the lead.
import type { Mgt } from './types';
export function createMgt(_w: Window): Mgt {
  const mgt = (() => undefined) as unknown as Mgt & { v: string };
  mgt.v = '0';
  return mgt;
}
