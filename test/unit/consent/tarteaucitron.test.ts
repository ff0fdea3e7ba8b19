// tarteaucitron against its documented state and document events (tarteaucitron.state[key]
// true/false once answered, `${key}_added`, `${key}_allowed`, `${key}_disallowed`). The real
// tarteaucitron.js runs in test/e2e/cmp-real.spec.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeWindow, last, settle, start } from './harness';

function installTac(w: any) {
  const tac = { state: {} as Record<string, unknown>, job: [] as string[] };
  w.tarteaucitron = tac;
  const ev = (name: string) => w.document.dispatchEvent(new Event(name));
  return {
    add(key: string, stored?: boolean) {
      if (stored !== undefined) tac.state[key] = stored;
      ev(`${key}_added`);
    },
    respond(key: string, v: boolean) {
      tac.state[key] = v;
      ev(`${key}_${v ? 'allowed' : 'disallowed'}`);
      ev('tac.consent_updated');
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('tarteaucitron adapter', () => {
  it('is silent while the banner waits (state undefined), then follows allow and a later deny', async () => {
    const w = fakeWindow();
    const t = installTac(w);
    const got = start(w, { cmp: 'tarteaucitron' });
    t.add('mgt');
    await settle(20_000);
    expect(got).toEqual([]);
    t.respond('mgt', true);
    expect(last(got)).toEqual([true, 'tarteaucitron']);
    t.respond('mgt', false);
    expect(last(got)).toEqual([false, 'tarteaucitron']);
  });

  it('signals the refusal that the documented service leaves to it, and ignores other keys', () => {
    const w = fakeWindow();
    const t = installTac(w);
    const got = start(w, { cmp: 'tarteaucitron', tarteaucitron: 'calltracking' });
    t.add('calltracking');
    t.respond('gtag', true);
    expect(got).toEqual([]);
    t.respond('calltracking', false);
    expect(new Set(got.map(String))).toEqual(new Set(['false,tarteaucitron']));
  });

  it("reads a returning visitor's stored answer, tarteaucitron loaded before or after", async () => {
    const w = fakeWindow();
    const t = installTac(w);
    t.add('mgt', true);
    expect(start(w, { cmp: 'tarteaucitron' })).toEqual([[true, 'tarteaucitron']]);
    const w2 = fakeWindow();
    const got = start(w2, { cmp: 'tarteaucitron' });
    await settle(600);
    installTac(w2).add('mgt', false);
    expect(got).toEqual([[false, 'tarteaucitron']]);
  });
});
