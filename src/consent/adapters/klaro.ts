import type { Adapter } from './types';
import { guard } from './guard';

/**
 * Klaro: `klaro.getManager()` is the manager its UI uses (it throws until Klaro has its config).
 * `confirmed` is true once the visitor saved a choice (now or on an earlier visit); toggles in the
 * modal are not a decision until saved, so we follow only the `saveConsents` notification of
 * `manager.watch`. Klaro announces itself by no event: polled.
 */
export const klaro: Adapter = {
  _read(w, name, signal) {
    const m = w.klaro?.getManager?.();
    if (!m) return;
    if (m.confirmed) signal(m.getConsent(name));
    m.watch({
      update: guard((_m: unknown, type: string, d: any) => {
        if (type == 'saveConsents') {
          const v = d.consents[name];
          if (v === true || v === false) signal(v);
        }
      }),
    });
    return 1;
  },
  _option: 'mgt',
  _poll: 1,
};
