// Klaro against a manager shaped like klaro's ConsentManager (getManager(), confirmed,
// getConsent(name), watch({ update(manager, eventType, data) })). The real Klaro runs in
// test/e2e/cmp-real.spec.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeWindow, last, settle, start } from './harness';

function installKlaro(w: any, consents: Record<string, boolean>, confirmed: boolean) {
  const watchers: any[] = [];
  const m = {
    confirmed,
    consents: { ...consents },
    getConsent: (n: string) => m.consents[n] || false,
    watch: (x: any) => watchers.push(x),
    updateConsent(n: string, v: boolean) {
      m.consents[n] = v;
      watchers.forEach((x) => x.update(m, 'consents', m.consents));
    },
    saveAndApplyConsents() {
      m.confirmed = true;
      watchers.forEach((x) => x.update(m, 'saveConsents', { changes: {}, consents: m.consents, type: 'save' }));
      watchers.forEach((x) => x.update(m, 'applyConsents', 1));
    },
  };
  w.klaro = { getManager: () => m };
  return m;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('klaro adapter', () => {
  it('ignores unsaved toggles, follows saved choices and a later withdrawal', () => {
    const w = fakeWindow();
    const m = installKlaro(w, { mgt: false }, false);
    const got = start(w, { cmp: 'klaro' });
    m.updateConsent('mgt', true);
    expect(got).toEqual([]);
    m.saveAndApplyConsents();
    expect(last(got)).toEqual([true, 'klaro']);
    m.updateConsent('mgt', false);
    expect(last(got)).toEqual([true, 'klaro']);
    m.saveAndApplyConsents();
    expect(last(got)).toEqual([false, 'klaro']);
  });

  it('reads a confirmed earlier choice; an unconfirmed default (even true) is no decision', async () => {
    const w = fakeWindow();
    installKlaro(w, { mgt: true }, true);
    expect(start(w, { cmp: 'klaro' })).toEqual([[true, 'klaro']]);
    const w2 = fakeWindow();
    installKlaro(w2, { mgt: true }, false);
    const got = start(w2, { cmp: 'klaro', klaro: 'mgt' });
    await settle(20_000);
    expect(got).toEqual([]);
  });

  it('waits for Klaro (getManager throws before its config exists) and uses the configured name', async () => {
    const w = fakeWindow();
    w.klaro = { getManager: () => { throw new Error('no config yet'); } };
    const got = start(w, { cmp: 'klaro', klaro: 'calltracking' });
    await settle(1_000);
    const m = installKlaro(w, { calltracking: false, mgt: true }, false);
    await settle(2_000);
    m.consents.calltracking = true;
    m.saveAndApplyConsents();
    expect(got).toEqual([[true, 'klaro']]);
  });
});
