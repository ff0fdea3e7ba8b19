import type { Adapter } from './types';

/**
 * tarteaucitron: `tarteaucitron.state[key]` is true or false once the visitor has answered (and
 * undefined while the banner waits). It runs a service's `fallback` also while unanswered, so the
 * documented service grants in `js()` only and refusals come from here. tarteaucitron sets the
 * state, then fires `${key}_added` when it registers the service on each load (so no polling),
 * `${key}_allowed` / `${key}_disallowed` on the visitor's answer, and `tac.consent_updated`.
 */
export const tarteaucitron: Adapter = {
  _read(w, key, signal) {
    const v = w.tarteaucitron?.state?.[key];
    if (v === true || v === false) signal(v);
  },
  _option: 'mgt',
  _events: '#_added #_allowed #_disallowed tac.consent_updated',
};
