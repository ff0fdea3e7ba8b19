// startAdapters: which adapters the `cmp` option starts, Google Consent Mode only on request,
// and isolation: a hostile or broken CMP never throws into the page nor silences the others.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeWindow, loadFake, settle, start } from './harness';
import { startAdapters } from '../../../src/consent/adapters/index';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A page with three CMPs whose visitor accepted on an earlier visit. */
function pageWithThree(): any {
  const w = fakeWindow();
  loadFake(w, 'onetrust', { closed: true, groups: ',C0001,C0002,' });
  loadFake(w, 'cookieyes', { done: true, analytics: true });
  loadFake(w, 'complianz', { statistics: 'allow', 'banner-status': 'dismissed' });
  return w;
}

const sources = (got: [boolean, string][]) => [...new Set(got.map((s) => s[1]))].sort();

describe('startAdapters', () => {
  it("'auto' (the default) follows every CMP on the page", async () => {
    const got = start(pageWithThree());
    await settle(100);
    expect(sources(got)).toEqual(['complianz', 'cookieyes', 'onetrust']);
    expect(got.every((s) => s[0])).toBe(true);
  });

  it("'none' starts nothing", async () => {
    const w = pageWithThree();
    const add = vi.spyOn(w, 'addEventListener');
    const got = start(w, { cmp: 'none' });
    await settle(20_000);
    expect(got).toEqual([]);
    expect(add).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('one name or a list starts only those; unknown names are ignored', async () => {
    expect(sources(start(pageWithThree(), { cmp: 'cookieyes' }))).toEqual(['cookieyes']);
    const got = start(pageWithThree(), { cmp: ['onetrust', 'complianz', 'nope' as any] });
    await settle(100);
    expect(sources(got)).toEqual(['complianz', 'onetrust']);
  });

  it('follows Google Consent Mode only when consent.gcm names a type, even in auto or when listed', async () => {
    for (const cfg of [{}, { cmp: 'gcm' as const }, { cmp: 'auto' as const, gcm: false as const }, { gcm: '' }]) {
      const w = fakeWindow();
      loadFake(w, 'gcm');
      const got = start(w, cfg);
      w.cmpFake.accept();
      await settle(100);
      expect(got).toEqual([]);
    }
    const w = fakeWindow();
    loadFake(w, 'gcm');
    const got = start(w, { gcm: 'ad_storage' });
    w.cmpFake.accept();
    expect(got).toEqual([[true, 'gcm']]);
  });

  it('keeps the site dataLayer working: entries still land and the original push is called', () => {
    const w = fakeWindow();
    const seen: unknown[] = [];
    w.dataLayer = [];
    const original = w.dataLayer.push;
    w.dataLayer.push = function (...a: unknown[]) {
      seen.push(...a);
      return original.apply(this, a);
    };
    start(w, { gcm: 'analytics_storage' });
    w.dataLayer.push({ event: 'page' });
    expect(seen).toEqual([{ event: 'page' }]);
    expect(Array.from(w.dataLayer)).toEqual([{ event: 'page' }]);
  });

  it('hostile stubs and throwing getters neither throw nor stop the other adapters', async () => {
    const w = pageWithThree();
    const boom = () => {
      throw new Error('blocked by an ad blocker');
    };
    for (const k of ['Didomi', 'Cookiebot', 'klaro', 'tarteaucitron', '__ucCmp', 'ppms', 'UC_UI']) Object.defineProperty(w, k, { get: boom });
    w.__tcfapi = boom;
    w.didomiOnReady = { push: boom };
    w._axcb = 42;
    w.dataLayer = 'garbage';
    w.getCkyConsent = () => ({ isUserActionCompleted: true, categories: { analytics: true } });
    let got: [boolean, string][] = [];
    expect(() => (got = start(w, { gcm: 'analytics_storage' }))).not.toThrow();
    await settle(20_000);
    expect(sources(got)).toEqual(['complianz', 'cookieyes', 'onetrust']);
  });

  it('a signal callback that throws does not break the CMP calling it', () => {
    const w = fakeWindow();
    loadFake(w, 'onetrust');
    startAdapters({ cmp: 'onetrust' }, () => {
      throw new Error('core bug');
    }, w);
    expect(() => w.cmpFake.accept()).not.toThrow();
  });
});
