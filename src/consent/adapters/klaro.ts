import type { Adapter } from './types';
import { guard } from './guard';

/**
 * Klaro: `klaro.getManager()` is the manager its UI uses (it throws until Klaro has its config).
 * `confirmed` is true once the visitor saved a choice (now or on an earlier visit); toggles in the
 * modal are not a decision until saved, so we follow only the `saveConsents` notification of
 * `manager.watch`.
 */
export const klaro: Adapter = [
  (w, name, s) => {
    const m = w.klaro.getManager();
    m.confirmed && s(m.getConsent(name));
    m.watch({ update: guard((_m: unknown, type: string, d: any) => type == 'saveConsents' && (d = d.consents[name]) === !!d && s(d)) });
    return 1;
  },
  'mgt',
];
