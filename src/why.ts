// The debug sentences of state().why (debug only): each decision of this page explained in one
// sentence, printed when set. One page runs one tracker (install.ts), so they are kept here once
// instead of being handed to every module; every key is set again by the first decision.
import type { Why } from './types';
import { log } from './lib/log';

export const why = {} as Why;

/** Sets and prints the sentence `k`; all but the condition's read 'Numbers: {…} — condition ads.' */
export const explain = (k: keyof Why, what: string, because?: string): void => {
  log((why[k] = because == null ? what : `${k[0].toUpperCase() + k.slice(1)}: ${what} — ${because}.`));
};

export type Explain = typeof explain;
