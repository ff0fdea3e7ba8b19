// The one rule that decides whether the module may store anything on this device (SPEC 7).
// Every cookie and localStorage write is behind this rule and the presence of mgt_visitor.
import type { ConsentState } from '../types';
import type { Settings } from '../settings';

export function storageAllowed(s: Settings, state: ConsentState): boolean {
  return s._mode != 'invisible' && s._probabilistic != 'always' && (state == 'granted' || (s._consentFree && state != 'denied'));
}
