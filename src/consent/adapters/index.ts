// The CMP adapters behind one contract (ARCHITECTURE.md, consent/adapters/): the consent core
// calls startAdapters once at init; each adapter calls `signal` only on a visitor's decision.
// Each adapter is a small named object (types.ts); the waiting, events and guarding are here, once.
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

// In the order of CMPS (cmps.ts), which names them: a unit test checks each name against its adapter.
export const ADAPTERS: Adapter[] = [tcf, gcm, didomi, axeptio, tarteaucitron, klaro, cookieconsent, onetrust, cookiebot, usercentrics, piwikpro, cookieyes, complianz];

/**
 * Listens for each of the space-separated event `types`, whether dispatched at the window or at
 * the document: an event dispatched at the document passes the window first, in its capture phase.
 */
const on = (w: any, types: string, fn: (e: Event) => unknown): void => {
  for (const t of types.split(' ')) w.addEventListener(t, fn, true);
};

/**
 * Starts the adapters `cfg.cmp` selects: 'auto' (default) every one; 'none' (no such adapter,
 * so nothing at all runs); one name; or a list. An adapter runs with its option (for tcf the
 * `consent.tcf` object), else its default; Google Consent Mode has none, so it is followed only
 * when `cfg.gcm` names a consent type, because its 'update' entries may come from any script.
 * Each adapter looks for its CMP now, and again on the CMP's events. The few CMPs that announce
 * neither through a queue nor through an event (adapter `_poll`) are looked for by one shared
 * poll: at DOMContentLoaded, at load, then at growing delays, the last 16 s after start; it stops
 * as soon as every one was found, and is never endless.
 */
export function startAdapters(cfg: ConsentConfig, signal: (granted: boolean, source: CmpName) => void, w: any): void {
  const sel = cfg.cmp || 'auto';
  let waiting: (() => unknown)[] = [];
  for (const name of sel == 'auto' ? CMPS : ([] as string[]).concat(sel) as CmpName[]) {
    const a = ADAPTERS[CMPS.indexOf(name)];
    const option = a && ((cfg as any)[name] || a._option);
    if (option) {
      // guarded: a CMP (or a signal) that throws never throws into the page nor stops the others
      const read = guard((e?: Event) => a._read(w, option, (granted) => signal(!!granted, name), e));
      if (a._events) on(w, a._events.split('#').join(option), read);
      if (!read() && a._poll) waiting.push(read);
    }
  }
  if (waiting.length) {
    // read() is truthy once its CMP is there: the adapter leaves the poll then.
    const poll = (): unknown => (waiting = waiting.filter((read) => !read())).length;
    on(w, 'DOMContentLoaded load', poll);
    let i = 1;
    // at i² × 250 ms from start (0.25, 1, 2.25 … 16 s), while something is still missing
    const tick = (): unknown => poll() && ++i < 9 && w.setTimeout(tick, (2 * i - 1) * 250);
    w.setTimeout(tick, 250);
  }
}
