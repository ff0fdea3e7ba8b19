import type { Adapter } from './types';
import { follow } from './when';

/**
 * tarteaucitron: `tarteaucitron.state[key]` is true or false once the visitor has answered (and
 * undefined while the banner waits). It runs a service's `fallback` also while unanswered, so the
 * documented service grants in `js()` only and refusals come from here: `${key}_added` (service
 * registered, state known), `${key}_allowed` / `${key}_disallowed` (visitor's answer) and
 * `tac.consent_updated`.
 */
export const tarteaucitron: Adapter = (signal, key, _c, w) => {
  const read = () => {
    const t = w.tarteaucitron;
    const v = t && t.state && t.state[key];
    if (v === !!v) signal(v);
    return t;
  };
  follow(w, read, w.document, `${key}_added ${key}_allowed ${key}_disallowed tac.consent_updated`);
};
