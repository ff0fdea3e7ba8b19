// The eight CMPs only available from their vendors' servers, and Google Consent Mode, each against
// its documented-shape stand-in: grant, refusal, withdrawal, present before or arriving later,
// returning visitors, duplicate events, defaults that must never grant, a CMP that throws.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeWindow, last, loadFake, settle, start } from './harness';
import type { CmpName, ConsentConfig } from '../../../src/types';

interface Case {
  name: CmpName;
  cfg?: ConsentConfig;
  /** A returning visitor who accepted earlier. */
  granted: unknown;
  /** A returning visitor who refused earlier. */
  denied: unknown;
  /** Defaults that look like consent but are no decision of the visitor. */
  traps: Record<string, unknown>;
  /** Breaks the CMP's API so that every call throws. */
  breakIt(w: any): void;
}

const thrower = () => {
  throw new Error('blocked');
};

const CASES: Case[] = [
  {
    name: 'didomi',
    cfg: { didomi: 'c:mgt-AbCdEf12' },
    granted: { decided: true, enabled: true },
    denied: { decided: true, enabled: false },
    traps: { 'undecided vendors shown as disabled': { decided: false, enabled: false } },
    breakIt: (w) => { w.Didomi.getCurrentUserStatus = w.Didomi.shouldConsentBeCollected = w.Didomi.isConsentRequired = thrower; },
  },
  {
    name: 'axeptio',
    granted: { mgt: true },
    denied: { mgt: false },
    traps: { 'no stored choice': null },
    breakIt: (w) => { w.axeptioSDK.on = w.axeptioSDK.hasAcceptedVendor = thrower; },
  },
  {
    name: 'onetrust',
    granted: { closed: true, groups: ',C0001,C0002,' },
    // C00021 holds our C0002 but is another group: only whole group ids count
    denied: { closed: true, groups: ',C0001,C00021,' },
    traps: { 'group active by default while the banner is open': { closed: false, groups: ',C0001,C0002,C0003,' } },
    breakIt: (w) => { w.OneTrust.IsAlertBoxClosed = thrower; },
  },
  {
    name: 'cookiebot',
    granted: { hasResponse: true, consent: { necessary: true, statistics: true, method: 'explicit' } },
    denied: { hasResponse: true, consent: { necessary: true, statistics: false, method: 'explicit' } },
    traps: {
      'no response yet': { hasResponse: false, consent: { necessary: true, statistics: false, method: null } },
      'implied consent': { hasResponse: true, consent: { necessary: true, statistics: true, method: 'implied' } },
    },
    breakIt: (w) => { Object.defineProperty(w, 'Cookiebot', { get: thrower }); Object.defineProperty(w, 'CookieConsent', { get: thrower }); },
  },
  {
    name: 'usercentrics',
    granted: { type: 'EXPLICIT', given: true },
    denied: { type: 'EXPLICIT', given: false },
    traps: { 'implicit consent (banner ignored)': { type: 'IMPLICIT', given: true } },
    breakIt: (w) => { w.__ucCmp.getConsentDetails = thrower; },
  },
  {
    name: 'piwikpro',
    granted: { analytics: { status: 1 } },
    denied: { analytics: { status: 0 } },
    traps: { 'no decision (-1)': { analytics: { status: -1 } }, 'no settings yet': {} },
    breakIt: (w) => { w.ppms.cm.api = thrower; },
  },
  {
    name: 'cookieyes',
    granted: { done: true, analytics: true },
    denied: { done: true, analytics: false },
    traps: { 'category on by default before any action': { done: false, analytics: true } },
    breakIt: (w) => { w.getCkyConsent = thrower; },
  },
  {
    name: 'complianz',
    granted: { statistics: 'allow', 'banner-status': 'dismissed' },
    denied: { statistics: 'deny', 'banner-status': 'dismissed' },
    traps: { 'opt-out region, no cookie (cmplz_has_consent true)': { consenttype: 'optout' } },
    breakIt: (w) => { w.cmplz_get_cookie = thrower; },
  },
  {
    name: 'gcm',
    cfg: { gcm: 'analytics_storage' },
    granted: undefined,
    denied: undefined,
    traps: { "a 'default' of granted": 'granted' },
    breakIt: (w) => { w.dataLayer.push = thrower; },
  },
];

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each(CASES)('$name adapter', (c) => {
  const cfg = (extra: ConsentConfig = {}): ConsentConfig => ({ cmp: c.name, ...c.cfg, ...extra });

  it('stays silent before the visitor decides, grants on accept, withdraws on a later refusal', async () => {
    const w = fakeWindow();
    loadFake(w, c.name);
    const got = start(w, cfg());
    await settle(20_000);
    expect(got).toEqual([]);
    w.cmpFake.accept();
    await settle();
    expect(last(got)).toEqual([true, c.name]);
    w.cmpFake.deny();
    await settle();
    expect(last(got)).toEqual([false, c.name]);
  });

  it('signals a refusal made first', async () => {
    const w = fakeWindow();
    loadFake(w, c.name);
    const got = start(w, cfg());
    await settle();
    w.cmpFake.deny();
    await settle();
    expect(got.length).toBeGreaterThan(0);
    expect(got.every(([g]) => g === false)).toBe(true);
  });

  it('finds a CMP that loads after the module', async () => {
    const w = fakeWindow();
    const got = start(w, cfg());
    await settle(1_500);
    w.dispatchEvent(new Event('load'));
    loadFake(w, c.name);
    await settle(3_000);
    expect(got).toEqual([]);
    w.cmpFake.accept();
    await settle();
    expect(last(got)).toEqual([true, c.name]);
  });

  it('repeats the same decision on duplicate events, never the opposite one', async () => {
    const w = fakeWindow();
    loadFake(w, c.name);
    const got = start(w, cfg());
    await settle();
    w.cmpFake.accept();
    await settle();
    w.cmpFake.refire();
    w.cmpFake.refire();
    await settle(20_000);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((s) => s[0] === true && s[1] === c.name)).toBe(true);
  });

  if (c.granted !== undefined) {
    it("reads a returning visitor's earlier grant, whether the CMP loaded before or after", async () => {
      for (const before of [true, false]) {
        const w = fakeWindow();
        if (before) loadFake(w, c.name, c.granted);
        const got = start(w, cfg());
        if (!before) {
          await settle(250);
          loadFake(w, c.name, c.granted);
        }
        await settle(20_000);
        expect(last(got)).toEqual([true, c.name]);
        expect(got.every(([g]) => g)).toBe(true);
      }
    });

    it("never grants for a returning visitor's earlier refusal", async () => {
      const w = fakeWindow();
      const got = start(w, cfg());
      loadFake(w, c.name, c.denied);
      await settle(20_000);
      expect(got.some(([g]) => g)).toBe(false);
    });
  }

  for (const [what, state] of Object.entries(c.traps)) {
    it(`does not grant on a default: ${what}`, async () => {
      for (const before of [true, false]) {
        const w = fakeWindow();
        if (before) loadFake(w, c.name, state);
        const got = start(w, cfg());
        if (!before) loadFake(w, c.name, state);
        await settle(20_000);
        w.cmpFake.refire();
        await settle(100);
        expect(got).toEqual([]);
      }
    });
  }

  it('survives a CMP whose API throws: no exception, no signal', async () => {
    const w = fakeWindow();
    loadFake(w, c.name);
    c.breakIt(w);
    let got: unknown[] = [];
    expect(() => (got = start(w, cfg()))).not.toThrow();
    await settle(20_000);
    expect(() => w.cmpFake.refire()).not.toThrow();
    expect(got.filter((s: any) => s[0])).toEqual([]);
  });

  it('stops looking after a bounded time when the CMP never loads', async () => {
    const w = fakeWindow();
    const got = start(w, cfg());
    await settle(17_000);
    expect(vi.getTimerCount()).toBe(0);
    expect(got).toEqual([]);
  });
});

// Usercentrics v2 has no stand-in page: UC_UI.getServicesBaseInfo() lists services with a consent
// status and a history whose latest entry tells an explicit choice from an implicit default.
describe('usercentrics adapter, v2 (UC_UI)', () => {
  const v2 = (w: any, status: boolean, type: string, service = { id: 'xYz', name: 'mgt' }) => {
    w.UC_UI = {
      getServicesBaseInfo: () => [
        { id: 'HkocEodjb7', name: 'Usercentrics Consent Management Platform', consent: { status: true, history: [{ type: 'explicit' }] } },
        { ...service, consent: { status, history: [{ type: 'implicit' }, { type }] } },
      ],
    };
  };

  it('follows an explicit choice for the service, by name or by id, and ignores an implicit one', () => {
    const w = fakeWindow();
    const got = start(w, { cmp: 'usercentrics' });
    v2(w, true, 'implicit');
    w.dispatchEvent(new Event('UC_UI_INITIALIZED'));
    expect(got).toEqual([]);
    v2(w, true, 'explicit');
    w.dispatchEvent(new Event('UC_UI_CMP_EVENT'));
    v2(w, false, 'explicit', { id: 'mgt', name: 'Call tracking' });
    w.dispatchEvent(new Event('UC_CONSENT'));
    expect(got).toEqual([[true, 'usercentrics'], [false, 'usercentrics']]);
  });
});
