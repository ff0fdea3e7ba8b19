import type { ConsentConfig } from '../../types';

/**
 * One CMP adapter: waits for its CMP, reads the current decision, subscribes to changes, and
 * calls `signal` only on an actual decision of the visitor (truthy = granted).
 */
export type Adapter = (signal: (granted: unknown) => void, option: string, cfg: ConsentConfig, w: any) => void;
