// The CMP adapters behind one contract (ARCHITECTURE.md, consent/adapters/): the consent core
// calls startAdapters once at init; each adapter calls `signal` only on a visitor's decision.
// Each adapter is a small table entry (types.ts); the waiting, events and guarding are here, once.
import type { CmpName, ConsentConfig } from '../../types';
import type { Adapter } from './types';
import { CMPS } from '../cmps';
import { guard } from './guard';
import { tcf } from './tcf';
import { gcm } from './gcm';
import { didomi } from './didomi';
import { axeptio } from './axeptio';
import { tarteaucitron } from './tarteaucitron';
import { klaro } from './klaro';
import { cookieconsent } from './cookieconsent';
import { onetrust } from './onetrust';
import { cookiebot } from './cookiebot';
import { usercentrics } from './usercentrics';
import { piwikpro } from './piwikpro';
import { cookieyes } from './cookieyes';
import { complianz } from './complianz';

const ADAPTERS: Record<CmpName, Adapter> = { tcf, gcm, didomi, axeptio, tarteaucitron, klaro, cookieconsent, onetrust, cookiebot, usercentrics, piwikpro, cookieyes, complianz };

/**
 * Listens for each of the space-separated event `types`, whether dispatched at the window or at
 * the document: an event dispatched at the document passes the window first, in its capture phase.
 */
const on = (w: any, types: string, fn: (e: Event) => unknown): void => {
  for (const t of types.split(' ')) w.addEventListener(t, fn, true);
};

/**
 * Starts the adapters `cfg.cmp` selects: 'auto' (default) every one, each waiting for its CMP;
 * 'none' (no such adapter); one name; or a list. An adapter runs with its option (for tcf the
 * `consent.tcf` object), else its default; Google Consent Mode has none, so it is followed only
 * when `cfg.gcm` names a consent type, because its 'update' entries may come from any script.
 * Each adapter's read is polled (now, at DOMContentLoaded, at load, then at growing delays, the
 * last 16 s after start: CMPs that document neither a queue nor a ready event are found this
 * way, bounded, never an endless poll) until it finds its CMP, and runs again on its events.
 */
export function startAdapters(cfg: ConsentConfig, signal: (granted: boolean, source: CmpName) => void, w: any): void {
  const sel = cfg.cmp || 'auto';
  for (const name of sel == 'auto' ? CMPS : ([] as string[]).concat(sel) as CmpName[]) {
    const a = ADAPTERS[name];
    const option = a && ((cfg as any)[name] || a[1]);
    if (option) {
      // guarded: a CMP (or a signal) that throws never throws into the page nor stops the others
      const read = guard((e?: Event) => a[0](w, option, (granted) => (signal(!!granted, name), 1), e));
      let found: unknown;
      const poll = () => found || (found = read());
      poll();
      on(w, 'DOMContentLoaded load', poll);
      for (let i = 1; i < 9; i++) w.setTimeout(poll, i * i * 250);
      if (a[2]) on(w, a[2].replace(/#/g, option), read);
    }
  }
}
