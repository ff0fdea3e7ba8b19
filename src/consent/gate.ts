// The one rule that decides whether the module may store anything on this device (SPEC 7).
// Every cookie and localStorage write is behind this rule and the presence of mgt_visitor.
import type { Config, ConsentState } from '../types';

export function storageAllowed(c: Config, state: ConsentState): boolean {
  return (
    c.mode !== 'invisible' &&
    c.probabilistic !== 'always' &&
    (state === 'granted' || (c.mode === 'rotation' && c.consent?.required === false && state !== 'denied'))
  );
}
