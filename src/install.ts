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
  if (current?.v) return current;
  const mgt: any = (w.mgt = createMgt(w));
  // Replay in order, but subscriptions first: a listener queued after init must still hear the
  // first swaps and the consent a returning visitor's CMP reports during init.
  const queue: IArguments[] = Array.from(current?.q || []);
  for (const on of [true, false]) for (const args of queue) if ((args[0] === 'on') === on) mgt.apply(null, args);
  return mgt;
}
