import { createMgt } from './commands';
import type { Mgt } from './types';

/**
 * Takes over `window.mgt` once per page: replaces the snippet's queueing stub with the real
 * command function and replays the queued calls in order. A second copy of the script (or the
 * ES module next to the script tag) finds the real function, marked by its version `v`, and
 * leaves it alone, so exactly one instance runs.
 */
export function install(w: Window & { mgt?: any }): Mgt {
  const current = w.mgt;
  if (current && current.v) return current;
  const mgt = createMgt(w);
  w.mgt = mgt;
  const queue = current && current.q;
  if (queue) for (let i = 0; i < queue.length; i++) mgt.apply(null, Array.prototype.slice.call(queue[i]) as any);
  return mgt;
}
