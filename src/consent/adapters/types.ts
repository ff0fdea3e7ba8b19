/** Called by an adapter on a visitor's decision only: truthy = granted. */
export type Signal = (granted: unknown) => void;

/**
 * One CMP adapter, driven by startAdapters (index.ts).
 *
 * `_read(w, option, signal, event?)` looks for the CMP and, when it is there, reads its current
 * decision and calls `signal` only on an actual decision of the visitor: looking for a CMP never
 * throws on the normal path. A polled adapter (`_poll`) returns something truthy once the CMP was
 * there, falsy while it is not (yet): the poll stops calling it then, so an adapter that subscribes
 * through the CMP's own queue or listener API in `_read` does it once. What the others return is
 * not read: their queue or events find the CMP.
 */
export interface Adapter {
  _read(w: any, option: any, signal: Signal, e?: any): unknown;
  /** The default of the adapter's `consent.<name>` option (SPEC 7); an adapter whose option ends up empty (gcm has none) is not started. */
  _option?: unknown;
  /**
   * Space-separated window/document events on which `_read` runs again, given the event; '#'
   * stands for the option (tarteaucitron's per-service events). A CMP that fires one of them when
   * it loads, for every visitor, is found through it and needs no polling.
   */
  _events?: string;
  /** 1 when nothing announces the CMP's arrival: the shared, bounded poll looks for it. */
  _poll?: 1;
}
