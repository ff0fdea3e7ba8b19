import { describe, expect, it } from 'vitest';
import { cleanUrl, clip, httpUrl, urlFilter } from '../../../src/attribution/url';
import type { Config } from '../../../src/types';
import { resolveSettings } from '../../../src/settings';

const cfg = (over: Partial<Config> = {}) => resolveSettings({ mode: 'origin', ...over }, '');
const everything = () => true;

describe('clip', () => {
  it('cuts at 2,000 characters and leaves shorter strings alone', () => {
    expect(clip('a'.repeat(2500))).toHaveLength(2000);
    expect(clip('a'.repeat(2000))).toHaveLength(2000);
    expect(clip('abc')).toBe('abc');
    expect(clip('')).toBe('');
  });
  it('turns a non-string into a string rather than throwing', () => {
    expect(clip(42 as unknown as string)).toBe('42');
  });
});

describe('httpUrl', () => {
  it('parses http(s) only', () => {
    expect(httpUrl('https://a.fr/x')?.href).toBe('https://a.fr/x');
    expect(httpUrl('http://a.fr')?.href).toBe('http://a.fr/');
    expect(httpUrl('/x', 'https://a.fr/y')?.href).toBe('https://a.fr/x');
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
    expect(httpUrl('mailto:a@b.c')).toBeUndefined();
    expect(httpUrl('garbage')).toBeUndefined();
    expect(httpUrl('/x')).toBeUndefined();
  });
});

describe('urlFilter: the allow-list', () => {
  const keep = urlFilter(cfg({ urlParams: ['lang', 'ref'], conditions: [{ id: 'a', params: { promo: true } }, { id: 'b' }] }), true);
  it.each([
    ['utm_source', 'google', true],
    ['utm_medium', 'cpc', true],
    ['utm_campaign', 'soldes', true],
    ['utm_term', 'chaussures rouges', true],
    ['utm_content', 'banner-top', true],
    ['utm_id', '17', true],
    ['lang', 'fr', true],
    ['ref', 'partner', true],
    ['promo', 'ete', true],
    ['q', 'search', false],
    ['page', '2', false],
    ['Lang', 'fr', false],
    ['', '', false],
  ])('%s=%s -> %s', (name, value, expected) => {
    expect(keep(name, value)).toBe(expected);
  });
  it('config without lists keeps only utm_*', () => {
    const k = urlFilter(cfg(), false);
    expect(k('utm_source', 'x')).toBe(true);
    expect(k('lang', 'fr')).toBe(false);
  });
});

describe('urlFilter: tracking-ID parameters', () => {
  const params = ['gclid', 'gbraid', 'wbraid', 'dclid', 'msclkid', 'ttclid', 'fbclid', 'campaignid', 'adgroupid', 'keyword',
    'matchtype', 'network', 'device', 'creative', 'placement', 'targetid', 'aff'];
  const config = cfg({ trackingIds: { custom: [{ name: 'affiliate', from: 'url', key: 'aff' }, { name: 'c', from: 'cookie', key: 'ck' }] } });
  it.each(params)('%s is kept with tracking IDs allowed, dropped without', (name) => {
    expect(urlFilter(config, true)(name, 'Abc123')).toBe(true);
    expect(urlFilter(config, false)(name, 'Abc123')).toBe(false);
  });
  it('a custom id from a cookie is not a URL parameter', () => {
    expect(urlFilter(config, true)('ck', 'x')).toBe(false);
  });
  it('without consent they are dropped even when urlParams or a condition names them (SPEC 6.4)', () => {
    const k = urlFilter(cfg({ urlParams: ['gclid'], conditions: [{ id: 'a', params: { fbclid: true } }] }), false);
    expect(k('gclid', 'x')).toBe(false);
    expect(k('fbclid', 'x')).toBe(false);
  });
  it('ValueTrack keyword is kept although its name contains "key"', () => {
    expect(urlFilter(cfg(), true)('keyword', 'plombier paris')).toBe(true);
  });
  it('numeric ad IDs are kept although they are as long as a phone number', () => {
    const k = urlFilter(cfg(), true);
    expect(k('campaignid', '12345678901')).toBe(true);
    expect(k('adgroupid', '123456789012')).toBe(true);
    expect(k('gclid', 'Cj0KCQiA-12345678-90')).toBe(true);
  });
  it('built-in tracking IDs still lose a value containing @', () => {
    expect(urlFilter(cfg(), true)('keyword', 'jean@example.com')).toBe(false);
  });
  it('custom URL ids get every rule: name and phone-like value', () => {
    const k = urlFilter(cfg({ trackingIds: { custom: [{ name: 'u', from: 'url', key: 'user_token' }, { name: 'v', from: 'url', key: 'v' }] } }), true);
    expect(k('user_token', 'abc')).toBe(false);
    expect(k('v', '0612345678')).toBe(false);
    expect(k('v', 'abc')).toBe(true);
  });
});

describe('urlFilter: personal data and secrets are dropped even when allowed', () => {
  const names = ['email', 'Email', 'user_mail', 'token', 'access_token', 'password', 'pass', 'pwd', 'secret', 'auth', 'oauth_code',
    'api_key', 'apikey', 'session', 'sessionid', 'phone', 'tel', 'name', 'firstname', 'last_name', 'address', 'utm_email', 'utm_name',
    'utm_key'];
  const keep = urlFilter(cfg({ urlParams: names }), true);
  it.each(names)('a parameter named %s', (name) => {
    expect(keep(name, 'value')).toBe(false);
  });
  it.each(['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'])('%s has no listed word in its name', (name) => {
    expect(keep(name, 'value')).toBe(true);
  });
  it.each([
    ['a@b.fr'],
    ['jean.dupont@example.com'],
    ['@'],
    ['jean%40example.com'],
    ['JEAN%40EXAMPLE.COM'],
  ])('a value containing an address: %s', (value) => {
    expect(keep('utm_content', value)).toBe(false);
  });
  it.each([
    ['0612345678'],
    ['06 12 34 56 78'],
    ['06.12.34.56.78'],
    ['06-12-34-56-78'],
    ['+33 6 12 34 56 78'],
    ['+33 (0)6 12 34 56 78'],
    ['0033612345678'],
    ['(555) 123-4567'],
    ['12345678'],
    ['call 06 12 34 56 78 now'],
    ['20241129'],
  ])('a phone-like value: %s', (value) => {
    expect(keep('utm_content', value)).toBe(false);
  });
  it.each([
    ['1234567'],
    ['spring_2024'],
    ['black-friday-2024'],
    ['2024_11_29'],
    ['v1.2.3.4'],
    ['a1b2c3d4e5f6g7h8'],
    ['<script>alert(1)</script>'],
    [''],
  ])('a value that is not phone-like is kept: %s', (value) => {
    expect(keep('utm_content', value)).toBe(true);
  });
  it('scans a 100 KB value and name in bounded time', () => {
    const t = performance.now();
    expect(keep('utm_content', '1 '.repeat(3) + ' - '.repeat(50_000) + '1')).toBe(true);
    expect(keep('utm_content', '1-'.repeat(50_000))).toBe(false);
    expect(keep('utm_' + 'x'.repeat(100_000), 'ok')).toBe(true);
    expect(keep('utm_content', '1234567 '.repeat(12_000))).toBe(false);
    expect(keep('utm_content', '123 456 x'.repeat(12_000))).toBe(true);
    expect(performance.now() - t).toBeLessThan(500);
  });
});

describe('cleanUrl', () => {
  const keep = urlFilter(cfg({ urlParams: ['lang'] }), false);
  it.each([
    ['https://www.shop.fr/promo?utm_source=google&q=secret&lang=fr#section', 'https://www.shop.fr/promo?utm_source=google&lang=fr'],
    ['https://www.shop.fr/promo?q=secret', 'https://www.shop.fr/promo'],
    ['https://www.shop.fr/promo?', 'https://www.shop.fr/promo'],
    ['https://www.shop.fr/#top', 'https://www.shop.fr/'],
    ['https://www.shop.fr', 'https://www.shop.fr/'],
    ['http://WWW.Shop.FR:8080/A', 'http://www.shop.fr:8080/A'],
    ['https://user:pw@www.shop.fr/x', 'https://www.shop.fr/x'],
    ['https://www.shop.fr/?gclid=x&utm_medium=cpc', 'https://www.shop.fr/?utm_medium=cpc'],
    ['https://www.shop.fr/?email=a%40b.fr&utm_content=a%40b.fr&utm_term=06+12+34+56+78', 'https://www.shop.fr/'],
  ])('%s -> %s', (input, expected) => {
    expect(cleanUrl(input, keep)).toBe(expected);
  });
  it('keeps the original order and repeated parameters', () => {
    expect(cleanUrl('https://a.fr/?utm_b=2&x=0&utm_a=1&utm_b=3', keep)).toBe('https://a.fr/?utm_b=2&utm_a=1&utm_b=3');
  });
  it('re-encodes values safely: nothing shaped like HTML or a fragment survives raw', () => {
    const out = cleanUrl('https://a.fr/?utm_content=<script>alert("x")</script>&utm_term=a%23b%26c%3Dd', keep);
    expect(out).toBe('https://a.fr/?utm_content=%3Cscript%3Ealert%28%22x%22%29%3C%2Fscript%3E&utm_term=a%23b%26c%3Dd');
    expect(new URL(out).searchParams.get('utm_term')).toBe('a#b&c=d');
  });
  it('escapes HTML-shaped paths', () => {
    expect(cleanUrl('https://a.fr/<img src=x onerror=alert(1)>', keep)).toBe('https://a.fr/%3Cimg%20src=x%20onerror=alert(1)%3E');
  });
  it('malformed percent-encoding does not throw', () => {
    expect(cleanUrl('https://a.fr/%E0%A4%A?utm_source=%E0%A4%A&utm_x=%', keep)).toBe('https://a.fr/%E0%A4%A?utm_source=%EF%BF%BD%25A&utm_x=%25');
  });
  it('accepts a URL object and does not modify it', () => {
    const u = new URL('https://a.fr/?q=1#h');
    expect(cleanUrl(u, keep)).toBe('https://a.fr/');
    expect(u.href).toBe('https://a.fr/?q=1#h');
  });
  it('without a predicate, only the path is kept', () => {
    expect(cleanUrl('https://a.fr/promo/ete?utm_source=x#y')).toBe('/promo/ete');
    expect(cleanUrl('https://a.fr')).toBe('/');
  });
  it.each([[''], ['not a url'], ['/relative'], ['javascript:alert(1)'], ['data:text/html,<b>x</b>'], ['mailto:a@b.fr'], ['file:///etc/passwd'],
    [null], [undefined], [{}]])('%j -> empty', (input) => {
    expect(cleanUrl(input as string, keep)).toBe('');
    expect(cleanUrl(input as string)).toBe('');
  });
  it('a throwing predicate yields empty instead of throwing', () => {
    expect(cleanUrl('https://a.fr/?x=1', () => {
      throw new Error('x');
    })).toBe('');
  });
  it('cuts the result at 2,000 characters, never inside a percent escape', () => {
    // é is 2 UTF-8 bytes (%C3%A9), € 3 (%E2%82%AC), 😀 4 (%F0%9F%98%80): try every cut position.
    for (let pad = 0; pad < 12; pad++) for (const ch of ['é', '€', '😀']) {
      const out = cleanUrl(`https://a.fr/?utm_a${'x'.repeat(pad)}=${ch.repeat(1000)}`, everything);
      expect(out.length).toBeGreaterThan(1985);
      expect(out.length).toBeLessThanOrEqual(2000);
      expect(out).not.toMatch(/%[\dA-F]?$/);
      expect(() => decodeURIComponent(out)).not.toThrow();
    }
    expect(cleanUrl(`https://a.fr/${'p'.repeat(5000)}`)).toHaveLength(2000);
    for (let pad = 0; pad < 3; pad++) {
      const path = cleanUrl(`https://a.fr/${'p'.repeat(pad)}${'€'.repeat(1000)}`);
      expect(path.length).toBeGreaterThan(1990);
      expect(() => decodeURIComponent(path)).not.toThrow();
    }
  });
  it('handles a 100 KB query with thousands of parameters quickly', () => {
    const q = Array.from({ length: 10_000 }, (_, i) => `p${i}=${'v'.repeat(8)}`).join('&');
    const t = performance.now();
    expect(cleanUrl(`https://a.fr/?${q}&utm_source=x&${'z'.repeat(100_000)}`, keep)).toBe('https://a.fr/?utm_source=x');
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
