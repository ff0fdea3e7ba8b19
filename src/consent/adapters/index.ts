// The CMP adapters behind one contract (ARCHITECTURE.md, consent/adapters/): the consent core
// calls startAdapters once at init; each adapter calls `signal` only on a visitor's decision.
import type { CmpName, ConsentConfig } from '../../types';
import type { Adapter } from './types';
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

// Each adapter with the default of its option (SPEC 7); '' where there is none.
const ADAPTERS: Record<CmpName, [Adapter, string]> = {
  tcf: [tcf, ''],
  gcm: [gcm, ''],
  didomi: [didomi, ''],
  axeptio: [axeptio, 'mgt'],
  tarteaucitron: [tarteaucitron, 'mgt'],
  klaro: [klaro, 'mgt'],
  cookieconsent: [cookieconsent, 'analytics'],
  onetrust: [onetrust, 'C0002'],
  cookiebot: [cookiebot, 'statistics'],
  usercentrics: [usercentrics, 'mgt'],
  piwikpro: [piwikpro, 'analytics'],
  cookieyes: [cookieyes, 'analytics'],
  complianz: [complianz, 'statistics'],
};

/**
 * Starts the adapters `cfg.cmp` selects: 'auto' (default) every one, each waiting for its CMP;
 * 'none'; one name; or a list. Google Consent Mode is followed only when `cfg.gcm` names a
 * consent type, even when selected, because its 'update' entries may come from any script.
 */
export function startAdapters(cfg: ConsentConfig, signal: (granted: boolean, source: CmpName) => void, w: any): void {
  const sel = cfg.cmp || 'auto';
  if (sel == 'none') return;
  for (const name of (sel == 'auto' ? Object.keys(ADAPTERS) : ([] as string[]).concat(sel)) as CmpName[]) {
    const a = ADAPTERS[name];
    // a string option (for tcf an object, ignored by that adapter), else the default
    const option = (cfg as any)[name];
    if (!a || (name == 'gcm' && !option)) continue;
    try {
      // every call an adapter makes to signal comes from inside a guarded function (guard.ts)
      a[0]((granted) => signal(!!granted, name), option || a[1], cfg, w);
    } catch {
      // one broken CMP must not stop the others
    }
  }
}
