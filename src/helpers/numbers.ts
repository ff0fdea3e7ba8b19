// What every helper shares: one subscription to the page's running module, through window.mgt
// only (the helpers never bundle the module). Before mgt.js has loaded, the calls go to the
// snippet's queue, which the module replays first when it loads (SPEC 3).
type Command = ((...args: unknown[]) => any) & { v?: string; q?: unknown[] };
type Win = { mgt?: Command };

/** The mapping the module shows now; undefined until it has told us (before its first decision). */
let mapping: Readonly<Record<string, string>> | undefined;
const listeners = new Set<() => void>();
let subscribed = false;

/** window.mgt, or the snippet's queueing stub when the module has not loaded yet (or no window: server). */
function command(): Command | undefined {
  if (typeof window == 'undefined') return undefined;
  const w = window as unknown as Win;
  return (w.mgt = w.mgt || (function (this: unknown) {
    (w.mgt!.q = w.mgt!.q || []).push(arguments);
  } as Command));
}

/** Calls `listener` whenever the numbers shown change; returns the unsubscribe function. */
export function subscribe(listener: () => void): () => void {
  const mgt = command();
  if (mgt && !subscribed) {
    subscribed = true;
    mgt('on', 'numbers', (m: Readonly<Record<string, string>>) => {
      mapping = m;
      listeners.forEach((l) => l());
    });
  }
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * `original` as the page shows it now: the tracked number once the module has decided, the
 * original before (and on the server, and after `mgt('restore')`).
 */
export function trackedNumber(original: string): string {
  const mgt = command();
  const text = mapping && mgt && mgt.v ? mgt('number', original) : original;
  return typeof text == 'string' ? text : original;
}

/** A `tel:` link for a number as written: its digits and a leading '+'. */
export const telHref = (text: string): string => 'tel:' + text.replace(/[^\d+]/g, '');

/**
 * Marks what a helper renders as not to be swapped by the module (SPEC 10.3): the helper writes
 * the tracked number itself.
 */
export const IGNORE = 'data-mgt-ignore';
