// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLICK_IDS, trackingIds as resolvedTrackingIds } from '../../../src/attribution/trackingIds';
import type { Config, CustomId } from '../../../src/types';
import { validate } from '../../../src/config';

// The trackingIds section as settings.ts resolves it.
const trackingIds = (cfg: Config['trackingIds'], page?: URL, device?: Window) =>
  resolvedTrackingIds({ _defaultIds: cfg?.defaults !== false, _customIds: cfg?.custom || [] }, page, device);

// The tracker reads the URL and the device in separate calls: the URL on every page, the device
// only with consent.
const urlTrackingIds = (page: URL, cfg: Config['trackingIds']) => trackingIds(cfg, page);
const deviceTrackingIds = (cfg: Config['trackingIds'], device: Window) => trackingIds(cfg, undefined, device);

const url = (q: string) => new URL(`https://www.shop.fr/?${q}`);
const long = 'x'.repeat(201);
const max = 'y'.repeat(200);

describe('CLICK_IDS', () => {
  it('lists every click ID of SPEC 6.2, fbclid last', () => {
    expect(CLICK_IDS).toEqual(['gclid', 'gbraid', 'wbraid', 'dclid', 'msclkid', 'ttclid', 'fbclid']);
  });
});

describe('urlTrackingIds', () => {
  const all =
    'gclid=G&gbraid=GB&wbraid=WB&fbclid=F&msclkid=M&campaignid=1&adgroupid=2&keyword=shoes&matchtype=e&network=g&device=m' +
    '&creative=3&placement=site.com&targetid=kwd-4';
  it('captures the default click IDs and ValueTrack parameters present', () => {
    expect(urlTrackingIds(url(all), undefined)).toEqual({
      gclid: 'G', gbraid: 'GB', wbraid: 'WB', fbclid: 'F', msclkid: 'M', campaignid: '1', adgroupid: '2', keyword: 'shoes',
      matchtype: 'e', network: 'g', device: 'm', creative: '3', placement: 'site.com', targetid: 'kwd-4',
    });
  });
  it('defaults apply with an empty trackingIds object and with defaults: true', () => {
    expect(urlTrackingIds(url('gclid=G'), {})).toEqual({ gclid: 'G' });
    expect(urlTrackingIds(url('gclid=G'), { defaults: true })).toEqual({ gclid: 'G' });
  });
  it('SPEC 6.4 does not list dclid and ttclid among captured IDs', () => {
    expect(urlTrackingIds(url('dclid=D&ttclid=T'), undefined)).toEqual({});
  });
  it('ignores parameters that are not tracking IDs', () => {
    expect(urlTrackingIds(url('utm_source=x&email=a@b.c&q=1'), undefined)).toEqual({});
  });
  it('defaults: false captures none of the defaults', () => {
    expect(urlTrackingIds(url(all), { defaults: false })).toEqual({});
  });
  it('custom ids from the URL are captured under their name, with or without defaults', () => {
    const custom: CustomId[] = [{ name: 'affiliate', from: 'url', key: 'aff' }, { name: 'c', from: 'cookie', key: 'aff' }];
    expect(urlTrackingIds(url('aff=42&gclid=G'), { custom })).toEqual({ gclid: 'G', affiliate: '42' });
    expect(urlTrackingIds(url('aff=42&gclid=G'), { defaults: false, custom })).toEqual({ affiliate: '42' });
  });
  it('drops values longer than 200 characters and empty values; keeps exactly 200', () => {
    expect(urlTrackingIds(url(`gclid=${long}&msclkid=&fbclid=${max}`), undefined)).toEqual({ fbclid: max });
  });
  it('keeps the first of repeated parameters, decoded', () => {
    expect(urlTrackingIds(url('keyword=red+shoes&keyword=b'), undefined)).toEqual({ keyword: 'red shoes' });
  });
  it('survives a 100 KB query and malformed escapes', () => {
    expect(urlTrackingIds(url(`a=${'z'.repeat(100_000)}&gclid=%E0%A4%A&campaignid=%`), undefined)).toEqual({ gclid: '\ufffd%A', campaignid: '%' });
  });
});

// The device is the jsdom one: its cookies (read through js-cookie, as the module does), its
// localStorage, and a window object. `cookieFails(name)` makes the read of that cookie throw
// (undefined name: the listing of the cookie names), as a blocked or hostile cookie jar may.
const hooks = vi.hoisted(() => ({ cookieFails: (_name?: string): boolean => false }));
vi.mock('../../../src/storage/cookies', async (original) => {
  const real: typeof import('../../../src/storage/cookies') = await original();
  const check = (name?: string) => {
    if (hooks.cookieFails(name)) throw new Error('blocked');
  };
  return {
    ...real,
    getCookie: (name: string) => (check(name), real.getCookie(name)),
    cookieNames: () => (check(), real.cookieNames()),
  };
});

interface Device {
  cookies?: Record<string, string>;
  local?: Record<string, string>;
  /** The window object whose own properties custom `window` ids read (default: jsdom's window). */
  window?: unknown;
  cookieFails?: (name?: string) => boolean;
  localFails?: boolean;
}
/** Sets the device up as described and returns the window to read it through. */
const device = ({ cookies = {}, local = {}, window: w = window, cookieFails = () => false, localFails }: Device = {}): Window => {
  for (const [k, v] of Object.entries(cookies)) document.cookie = `${k}=${v}`;
  for (const [k, v] of Object.entries(local)) localStorage.setItem(k, v);
  hooks.cookieFails = cookieFails;
  if (localFails) vi.spyOn(Storage.prototype, 'getItem').mockImplementation(boom);
  return w as Window;
};
afterEach(() => {
  for (const name of Object.keys(Object.fromEntries(document.cookie.split('; ').map((c) => c.split('='))))) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  localStorage.clear();
  hooks.cookieFails = () => false;
  vi.restoreAllMocks();
});
const boom = () => {
  throw new Error('blocked');
};

describe('deviceTrackingIds: defaults', () => {
  const cookies = { _ga: 'GA1.1.123.456', '_pk_id.1.ab12': 'abc.1700000000.', '_pk_id.7.cd34': 'def', _pk_ses: 'x', other: 'y', _gid: 'z' };
  it('reads _ga and every _pk_id.* cookie, keyed by cookie name', () => {
    expect(deviceTrackingIds(undefined, device({ cookies }))).toEqual({
      _ga: 'GA1.1.123.456', '_pk_id.1.ab12': 'abc.1700000000.', '_pk_id.7.cd34': 'def',
    });
  });
  it('defaults: false reads none of them', () => {
    expect(deviceTrackingIds({ defaults: false }, device({ cookies }))).toEqual({});
  });
  it('absent cookies give nothing', () => {
    expect(deviceTrackingIds(undefined, device())).toEqual({});
  });
  it('drops cookie values over 200 characters and empty ones', () => {
    expect(deviceTrackingIds(undefined, device({ cookies: { _ga: long, '_pk_id.1.x': '' } }))).toEqual({});
  });
  it('a throwing cookie jar costs nothing else', () => {
    const read = device({ cookieFails: () => true, local: { k: 'L' } });
    expect(deviceTrackingIds({ custom: [{ name: 'l', from: 'localStorage', key: 'k' }] }, read)).toEqual({ l: 'L' });
  });
  it('one throwing cookie read does not lose the others', () => {
    const read = device({ cookies: { _ga: 'GA', '_pk_id.1.a': 'pk' }, cookieFails: (n) => n == '_ga' });
    expect(deviceTrackingIds(undefined, read)).toEqual({ '_pk_id.1.a': 'pk' });
  });
});

describe('deviceTrackingIds: custom', () => {
  const custom: CustomId[] = [
    { name: 'crm', from: 'cookie', key: 'crm_id' },
    { name: 'ab', from: 'localStorage', key: 'ab_test' },
    { name: 'userType', from: 'window', key: 'dataLayer.0.userType' },
    { name: 'fromUrl', from: 'url', key: 'gclid' },
  ];
  const win = { dataLayer: [{ userType: 'pro' }] };
  it('reads each place; url ids are left to urlTrackingIds', () => {
    expect(deviceTrackingIds({ defaults: false, custom }, device({ window: win, cookies: { crm_id: 'C1' }, local: { ab_test: 'B' } }))).toEqual({
      crm: 'C1', ab: 'B', userType: 'pro',
    });
  });
  it('a throwing localStorage gives nothing for that id only', () => {
    expect(deviceTrackingIds({ custom }, device({ localFails: true, window: win, cookies: { crm_id: 'C1' } }))).toEqual({ crm: 'C1', userType: 'pro' });
  });
  it.each([
    ['a', { a: 'text' }, 'text'],
    ['a', { a: 42 }, '42'],
    ['a', { a: 0 }, '0'],
    ['a', { a: false }, 'false'],
    ['a.b.c', { a: { b: { c: 'deep' } } }, 'deep'],
    ['list.1', { list: ['x', 'y'] }, 'y'],
    ['a', { a: '' }, undefined],
    ['a', { a: null }, undefined],
    ['a', { a: undefined }, undefined],
    ['a', { a: { b: 1 } }, undefined],
    ['a', { a: ['x'] }, undefined],
    ['a', { a: () => 'called' }, undefined],
    ['a', { a: Symbol('s') }, undefined],
    ['a.b', { a: 'str' }, undefined],
    ['a.length', { a: 'str' }, undefined],
    ['missing.path', {}, undefined],
    ['a', { a: long }, undefined],
    ['a', { a: max }, max],
    // inherited properties are not walked
    ['toString', {}, undefined],
    ['constructor.name', {}, undefined],
    ['__proto__.x', {}, undefined],
    ['', {}, undefined],
  ])('window path %j in %o -> %j', (key, w, expected) => {
    const ids = deviceTrackingIds({ defaults: false, custom: [{ name: 'v', from: 'window', key }] }, device({ window: w }));
    expect(ids.v).toBe(expected);
  });
  it('never runs a getter or a function on the way', () => {
    let calls = 0;
    const w = {
      get secret() {
        calls++;
        return 'leaked';
      },
      fn: Object.assign(() => calls++, { id: 'own-prop-of-function' }),
    };
    const ids = deviceTrackingIds(
      { defaults: false, custom: [{ name: 'g', from: 'window', key: 'secret' }, { name: 'f', from: 'window', key: 'fn.id' }] },
      device({ window: w }),
    );
    expect(ids).toEqual({ f: 'own-prop-of-function' });
    expect(calls).toBe(0);
  });
  it('a Proxy whose traps throw gives nothing for that id only', () => {
    const w = { p: new Proxy({}, { getOwnPropertyDescriptor: boom, get: boom }), ok: 'yes' };
    const ids = deviceTrackingIds(
      { defaults: false, custom: [{ name: 'p', from: 'window', key: 'p.x' }, { name: 'ok', from: 'window', key: 'ok' }] },
      device({ window: w }),
    );
    expect(ids).toEqual({ ok: 'yes' });
  });
  it('reads the real jsdom window through own properties', () => {
    (window as any).dataLayer = [{ userType: 'vip' }];
    const ids = deviceTrackingIds({ defaults: false, custom: [{ name: 'u', from: 'window', key: 'dataLayer.0.userType' }] }, device({ window }));
    expect(ids).toEqual({ u: 'vip' });
    delete (window as any).dataLayer;
  });
  it('a malformed custom entry is skipped (one that is not an object never gets here: config validation rejects it)', () => {
    expect(validate({ mode: 'rotation', trackingIds: { custom: [null] } })).toBe('config.trackingIds.custom[0]: an object (got null)');
    const bad = [{ name: 'x' }, { name: 'y', from: 'window' }] as unknown as CustomId[];
    expect(deviceTrackingIds({ defaults: false, custom: bad.concat([{ name: 'ok', from: 'cookie', key: 'c' }]) }, device({ cookies: { c: '1' } }))).toEqual({ ok: '1' });
  });
  it('a later custom id with a default name overrides the default', () => {
    expect(deviceTrackingIds({ custom: [{ name: '_ga', from: 'cookie', key: 'mine' }] }, device({ cookies: { _ga: 'GA', mine: 'M' } }))).toEqual({ _ga: 'M' });
  });
});

describe('trackingIds: places given', () => {
  const custom: CustomId[] = [{ name: 'aff', from: 'url', key: 'aff' }, { name: 'crm', from: 'cookie', key: 'crm_id' }];
  it('without a device, device ids are absent and the URL ones are read', () => {
    expect(trackingIds({ custom }, url('aff=1&gclid=G'))).toEqual({ aff: '1', gclid: 'G' });
  });
  it('without a page, URL ids are absent and the device ones are read', () => {
    expect(trackingIds({ custom }, undefined, device({ cookies: { crm_id: 'C', _ga: 'GA' } }))).toEqual({ crm: 'C', _ga: 'GA' });
  });
  it('with both, both are read', () => {
    expect(trackingIds({ custom }, url('aff=1'), device({ cookies: { crm_id: 'C' } }))).toEqual({ aff: '1', crm: 'C' });
  });
});
