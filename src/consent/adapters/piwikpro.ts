import type { Adapter } from './types';
import { guard } from './guard';
import { onDataLayer } from './data-layer';
import { when } from './when';

/**
 * Piwik PRO Consent Manager: `ppms.cm.api('getComplianceSettings', ok, fail)` gives
 * `consents[type].status`: 1 approved, 0 rejected, -1 no decision. It pushes
 * `{ event: 'stg.consentDecisionMade' }` onto dataLayer once a decision is saved.
 */
export const piwikpro: Adapter = (signal, type, _c, w) => {
  const read = () => {
    // throws (no decision, `when` tries again) until the Consent Manager API is there
    w.ppms.cm.api('getComplianceSettings', guard((r: any) => {
      const st = r.consents[type].status;
      if (st === 1 || st === 0) signal(st);
    }), () => 0);
    return 1;
  };
  when(w, read);
  onDataLayer(w, (e) => e && e.event == 'stg.consentDecisionMade' && read());
};
