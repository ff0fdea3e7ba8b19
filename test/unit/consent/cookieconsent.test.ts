// orestbida cookieconsent v3 against the UMD API shape (window.CookieConsent with validConsent()
// and acceptedCategory(), window events cc:onConsent / cc:onChange), and its clash with
// Cookiebot's CookieConsent alias. The real library runs in test/e2e/cmp-real.spec.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeWindow, last, settle, start } from './harness';

function installCC(w: any, accepted: string[] | null) {
  const state = { accepted };
  w.CookieConsent = {
    validConsent: () => state.accepted !== null,
    acceptedCategory: (c: string) => !!state.accepted && state.accepted.includes(c),
  };
  return (next: string[], first = false) => {
    state.accepted = next;
    w.dispatchEvent(new CustomEvent(first ? 'cc:onConsent' : 'cc:onChange', { detail: {} }));
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('cookieconsent adapter', () => {
  it('is silent without a valid consent, grants, then follows a change', async () => {
    const w = fakeWindow();
    const choose = installCC(w, null);
    const got = start(w, { cmp: 'cookieconsent' });
    await settle(20_000);
    expect(got).toEqual([]);
    choose(['necessary', 'analytics'], true);
    expect(last(got)).toEqual([true, 'cookieconsent']);
    choose(['necessary']);
    expect(last(got)).toEqual([false, 'cookieconsent']);
  });

  it('uses the configured category and reads an earlier choice of a CMP that arrives later', async () => {
    const w = fakeWindow();
    const got = start(w, { cmp: 'cookieconsent', cookieconsent: 'calls' });
    // found through its own announcement, not by polling
    expect(vi.getTimerCount()).toBe(0);
    await settle(500);
    installCC(w, ['necessary', 'calls']);
    // CookieConsent.run() fires cc:onConsent on every load where a choice is stored
    w.dispatchEvent(new CustomEvent('cc:onConsent', { detail: {} }));
    expect(got).toEqual([[true, 'cookieconsent']]);
  });

  it("is not fooled by Cookiebot's CookieConsent alias, which the cookiebot adapter reads", async () => {
    const w = fakeWindow();
    w.CookieConsent = { consent: { statistics: true, method: 'explicit' }, hasResponse: true };
    const got = start(w, { cmp: ['cookieconsent', 'cookiebot'] });
    await settle(20_000);
    expect(got.every((s) => s[1] === 'cookiebot')).toBe(true);
    expect(got).toContainEqual([true, 'cookiebot']);
  });
});
