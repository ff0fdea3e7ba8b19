import type { Adapter } from './types';
import { guard } from './guard';
import { when } from './when';

/**
 * Klaro: `klaro.getManager()` is the manager its UI uses. `confirmed` is true once the visitor
 * saved a choice (now or on an earlier visit); toggles in the modal are not a decision until
 * saved, so we follow only the `saveConsents` notification of `manager.watch`.
 */
export const klaro: Adapter = (signal, name, _c, w) =>
  when(w, () => {
    const m = w.klaro.getManager();
    if (m.confirmed) signal(m.getConsent(name));
    m.watch({
      update: guard((_m: unknown, type: string, d: any) => {
        if (type == 'saveConsents') {
          const v = d.consents[name];
          if (v === !!v) signal(v);
        }
      }),
    });
    return 1;
  });
