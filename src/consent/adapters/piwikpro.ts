import type { Adapter } from './types';
import { guard } from './guard';
import { onDataLayer } from './data-layer';

/**
 * Piwik PRO Consent Manager: `ppms.cm.api('getComplianceSettings', ok, fail)` gives
 * `consents[type].status`: 1 approved, 0 rejected, -1 no decision. It pushes
 * `{ event: 'stg.consentDecisionMade' }` onto dataLayer once a decision is saved. The API
 * arrives with its tag manager and announces itself by no event: polled.
 */
export const piwikpro: Adapter = {
  _read(w, type, signal) {
    if (!w.ppms?.cm?.api) return;
    const read = () =>
      w.ppms.cm.api('getComplianceSettings', guard((r: any) => {
        const st = r.consents[type]?.status;
        if (st >= 0) signal(st > 0);
      }), () => 0);
    read();
    return onDataLayer(w, (e) => e.event == 'stg.consentDecisionMade' && read());
  },
  _option: 'analytics',
  _poll: 1,
};
