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
  // Own fields only: a page whose scripts add `v` or `q` to Object.prototype (old plugins do) must
  // not make the stub look like a running instance, or its queue like something else.
  const own = (k: string): any => current && Object.prototype.hasOwnProperty.call(current, k) && current[k];
  if (own('v')) return current;
  const mgt: any = (w.mgt = createMgt(w));
  // Replay in order, but subscriptions first: a listener queued after init must still hear the
  // first swaps and the consent a returning visitor's CMP reports during init. A queued entry that
  // is not a list of arguments is skipped (apply() would throw into the page).
  const queue = Array.from<IArguments>(own('q') || []).filter((args) => args && typeof args == 'object');
  for (const on of [true, false]) for (const args of queue) if ((args[0] === 'on') === on) mgt.apply(null, args);
  return mgt;
}
