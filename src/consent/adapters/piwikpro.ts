import type { Adapter } from './types';
import { guard } from './guard';
import { onDataLayer } from './data-layer';

/**
 * Piwik PRO Consent Manager: `ppms.cm.api('getComplianceSettings', ok, fail)` gives
 * `consents[type].status`: 1 approved, 0 rejected, -1 no decision. It pushes
 * `{ event: 'stg.consentDecisionMade' }` onto dataLayer (which its snippet creates) once a
 * decision is saved. Polled until both the API and the dataLayer are there.
 */
export const piwikpro: Adapter = [
  (w, type, s) => {
    const read = () =>
      w.ppms.cm.api('getComplianceSettings', guard((r: any) => {
        const st = r.consents[type].status;
        st >= 0 && s(st > 0);
      }), () => 0);
    read();
    return onDataLayer(w, (e) => e.event == 'stg.consentDecisionMade' && read());
  },
  'analytics',
];
