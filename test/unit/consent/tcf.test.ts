// IAB TCF against a __tcfapi that behaves like the IAB's CmpApi: addEventListener calls back with
// the current TCData and again on every change (eventStatus tcloaded / cmpuishown /
// useractioncomplete). The real CmpApi with real TC strings is exercised in test/e2e/cmp-real.spec.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeWindow, last, settle, start } from './harness';

function tcData(eventStatus: string, purposes: number[], vendors: number[], gdprApplies = true): any {
  const map = (ids: number[]) => Object.fromEntries(ids.map((i) => [i, true]));
  return { tcString: 'x', gdprApplies, eventStatus, cmpStatus: 'loaded', listenerId: 1, purpose: { consents: map(purposes), legitimateInterests: {} }, vendor: { consents: map(vendors), legitimateInterests: {} } };
}

/** A page-side CMP: `emit` plays the CMP's state changes to every listener. */
function installCmp(w: any): (d: any) => void {
  const listeners: ((d: any, ok: boolean) => void)[] = [];
  let current: any;
  w.__tcfapi = (cmd: string, version: number, cb: (d: any, ok: boolean) => void) => {
    if (cmd === 'addEventListener' && version === 2) {
      listeners.push(cb);
      if (current) cb(current, true);
    }
  };
  return (d) => {
    current = d;
    for (const l of listeners) l(d, true);
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('tcf adapter', () => {
  it('ignores cmpuishown, grants on useractioncomplete with purpose 1, withdraws on a later refusal', async () => {
    const w = fakeWindow();
    const emit = installCmp(w);
    const got = start(w, { cmp: 'tcf' });
    emit(tcData('cmpuishown', [], []));
    expect(got).toEqual([]);
    emit(tcData('useractioncomplete', [1, 2], []));
    expect(last(got)).toEqual([true, 'tcf']);
    emit(tcData('useractioncomplete', [], []));
    expect(last(got)).toEqual([false, 'tcf']);
  });

  it("reads a returning visitor's stored choice (tcloaded), CMP arriving later", async () => {
    const w = fakeWindow();
    const got = start(w, { cmp: 'tcf' });
    await settle(1_000);
    const emit = installCmp(w);
    emit(tcData('tcloaded', [1], []));
    await settle(1_500);
    expect(got).toEqual([[true, 'tcf']]);
  });

  it('requires every configured purpose and the configured vendor', () => {
    const w = fakeWindow();
    const emit = installCmp(w);
    const got = start(w, { cmp: 'tcf', tcf: { vendorId: 755, purposes: [1, 7] } });
    emit(tcData('useractioncomplete', [1, 7], []));
    expect(last(got)).toEqual([false, 'tcf']);
    emit(tcData('useractioncomplete', [1], [755]));
    expect(last(got)).toEqual([false, 'tcf']);
    emit(tcData('useractioncomplete', [1, 7], [755]));
    expect(last(got)).toEqual([true, 'tcf']);
  });

  it('treats gdprApplies false as no consent requirement: granted', () => {
    const w = fakeWindow();
    const emit = installCmp(w);
    const got = start(w, { cmp: 'tcf' });
    emit(tcData('tcloaded', [], [], false));
    expect(got).toEqual([[true, 'tcf']]);
  });

  it('ignores failed calls, missing data and a __tcfapi that throws', async () => {
    const w = fakeWindow();
    w.__tcfapi = (_c: string, _v: number, cb: (d: any, ok: boolean) => void) => {
      cb(tcData('tcloaded', [1], []), false);
      cb(null, true);
      cb({ eventStatus: 'tcloaded' }, true); // no purpose object: throws inside, caught
    };
    const got = start(w, { cmp: 'tcf' });
    expect(got).toEqual([]);
    const w2 = fakeWindow();
    w2.__tcfapi = () => {
      throw new Error('stub');
    };
    expect(() => start(w2, { cmp: 'tcf' })).not.toThrow();
    await settle(20_000);
  });
});
