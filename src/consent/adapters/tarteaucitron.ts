import type { Adapter } from './types';

/**
 * tarteaucitron: `tarteaucitron.state[key]` is true or false once the visitor has answered (and
 * undefined while the banner waits). It runs a service's `fallback` also while unanswered, so the
 * documented service grants in `js()` only and refusals come from here: `${key}_added` (service
 * registered, state known), `${key}_allowed` / `${key}_disallowed` (visitor's answer) and
 * `tac.consent_updated`.
 */
export const tarteaucitron: Adapter = [
  (w, key, s) => {
    // throws (polled again) until tarteaucitron and its state are there
    const v = w.tarteaucitron.state[key];
    return v !== !!v || s(v);
  },
  'mgt',
  '#_added #_allowed #_disallowed tac.consent_updated',
];
