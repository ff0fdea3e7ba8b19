// Every function a CMP (or a hostile stub) may call back, and every call we make into a CMP, runs
// through the module's one guard (lib/guard.ts), silent here: a CMP that throws must never throw
// into the page nor stop the other adapters. A broken or blocked CMP is the same as no CMP: no signal.
export { guard } from '../../lib/guard';

/**
 * Pushes onto a CMP's documented callback queue (an array the CMP's snippet or SDK drains, or the
 * SDK's own object with a push method), creating the array if the CMP has not loaded yet.
 */
export const queue = (w: any, name: string, item: unknown): void => {
  (w[name] = w[name] || []).push(item);
};
