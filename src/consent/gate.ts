// The one rule that decides whether the module may store anything on this device (SPEC 7).
// Every cookie and localStorage write is behind this rule and the presence of mgt_visitor.
import type { ConsentState } from '../types';
import type { Settings } from '../settings';

/** Why nothing may be stored now, in the words of the debug sentence; '' when storage is allowed. */
export const storageBlocked = (s: Settings, state: ConsentState): string =>
  s._mode == 'invisible'
    ? 'invisible mode'
    : s._probabilistic == 'always'
      ? "probabilistic 'always'"
      : state == 'granted' || (s._consentFree && state != 'denied')
        ? ''
        : 'consent ' + state;
