/**
 * One CMP adapter, driven by startAdapters (index.ts):
 * - `read(w, option, signal, event?)` reads the CMP's current decision and calls `signal` only on
 *   an actual decision of the visitor (truthy = granted). It is polled (now, at DOMContentLoaded,
 *   at load, then at growing delays up to 16 s) until it returns something truthy: throwing or
 *   returning nothing means "CMP not there yet". Adapters that subscribe once (queues, listeners)
 *   do it in `read` and return 1.
 * - `option` is the default of the adapter's `consent.<name>` option (SPEC 7); an adapter whose
 *   option ends up empty (gcm, unless named) is not started.
 * - `events`: space-separated window/document events on which `read` runs again (given the
 *   event); '#' stands for the option (tarteaucitron's per-service events).
 */
export type Adapter = [read: (w: any, option: any, signal: (granted: unknown) => unknown, e?: any) => unknown, option: unknown, events?: string];
