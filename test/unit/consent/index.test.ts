// startAdapters: which adapters the `cmp` option starts, Google Consent Mode only on request,
// and isolation: a hostile or broken CMP never throws into the page nor silences the others.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeWindow, loadFake, settle, start } from './harness';
import { ADAPTERS as STARTED, startAdapters } from '../../../src/consent/adapters/index';
import { CMPS } from '../../../src/consent/cmps';
import type { Adapter } from '../../../src/consent/adapters/types';

import { tcf } from '../../../src/consent/adapters/tcf';
import { gcm } from '../../../src/consent/adapters/gcm';
import { didomi } from '../../../src/consent/adapters/didomi';
import { axeptio } from '../../../src/consent/adapters/axeptio';
import { tarteaucitron } from '../../../src/consent/adapters/tarteaucitron';
import { klaro } from '../../../src/consent/adapters/klaro';
import { cookieconsent } from '../../../src/consent/adapters/cookieconsent';
import { onetrust } from '../../../src/consent/adapters/onetrust';
import { cookiebot } from '../../../src/consent/adapters/cookiebot';
import { usercentrics } from '../../../src/consent/adapters/usercentrics';
import { piwikpro } from '../../../src/consent/adapters/piwikpro';
import { cookieyes } from '../../../src/consent/adapters/cookieyes';
import { complianz } from '../../../src/consent/adapters/complianz';

const ADAPTERS: Record<string, Adapter> = { tcf, gcm, didomi, axeptio, tarteaucitron, klaro, cookieconsent, onetrust, cookiebot, usercentrics, piwikpro, cookieyes, complianz };
const adapter = (name: string): Adapter => ADAPTERS[name];

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

  it('looks for absent CMPs with one shared, bounded poll, not one timer series per adapter', async () => {
    const w = fakeWindow();
    const got = start(w);
    expect(vi.getTimerCount()).toBe(1);
    await settle(16_500);
    expect(vi.getTimerCount()).toBe(0);
    expect(got).toEqual([]);
  });

  it('polls only for CMPs that announce themselves by no queue or event, and stops once they are found', async () => {
    const w = fakeWindow();
    start(w, { cmp: ['onetrust', 'cookiebot', 'cookieconsent', 'usercentrics', 'cookieyes', 'tarteaucitron', 'didomi', 'axeptio'] });
    expect(vi.getTimerCount()).toBe(0);
    const w2 = fakeWindow();
    start(w2, { cmp: ['complianz', 'tcf'] });
    expect(vi.getTimerCount()).toBe(1);
    loadFake(w2, 'complianz');
    w2.__tcfapi = () => undefined;
    await settle(250);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does no work at all for the CMPs the config leaves out', () => {
    const w = fakeWindow();
    const add = vi.spyOn(w, 'addEventListener');
    const globals = Object.keys(w);
    start(w, { cmp: 'onetrust' });
    expect(add.mock.calls.map((c) => c[0])).toEqual(['OneTrustGroupsUpdated']);
    expect(vi.getTimerCount()).toBe(0);
    // no queue created for Didomi, Axeptio or Google's dataLayer
    expect(Object.keys(w)).toEqual(globals);
  });

  it('starts, for each name of CMPS, the adapter of that name (the two lists are in the same order)', () => {
    expect(STARTED.length).toBe(CMPS.length);
    CMPS.forEach((name, i) => expect(STARTED[i], name).toBe(adapter(name)));
  });

  it('looks for a CMP that is not there without throwing (no exception on the normal path)', () => {
    for (const name of CMPS) {
      const w = fakeWindow();
      const option = name == 'gcm' ? 'analytics_storage' : adapter(name)._option;
      expect(() => adapter(name)._read(w, option, () => undefined), name).not.toThrow();
    }
  });
});
