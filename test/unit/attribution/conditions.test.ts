import { describe, expect, it } from 'vitest';
import { pickCondition as pickOn } from '../../../src/attribution/conditions';
import type { Condition, Source } from '../../../src/types';

/** A visit and the page it is on. */
type Ctx = Parameters<typeof pickOn>[1] & { page: URL };
const ctx = (over: Partial<{ source: Source; referrer: string; landing: string; page: string }> = {}): Ctx => ({
  source: over.source ?? 'organic',
  referrer: over.referrer ?? 'https://www.google.fr',
  landing: over.landing ?? 'https://www.shop.fr/promo/ete?utm_source=Google&ref=partner',
  page: new URL(over.page ?? 'https://www.shop.fr/contact'),
});
const pickCondition = (conditions: Condition[] | undefined, c: Ctx) => pickOn(conditions || [], c, c.page);
const pick = (conditions: Condition[] | undefined, c: Ctx = ctx()) => pickCondition(conditions, c)._condition?.id;
const matches = (c: Omit<Condition, 'id'>, x: Ctx = ctx()) => pick([{ id: 'c', ...c }], x) === 'c';

describe('pickCondition: order', () => {
  it('no conditions: none, explained', () => {
    expect(pickCondition(undefined, ctx())).toEqual({ _why: 'No condition matched (none configured).' });
    expect(pickCondition([], ctx())).toEqual({ _why: 'No condition matched (none configured).' });
  });
  it('the first matching condition wins, even when a later one is more specific', () => {
    const list: Condition[] = [
      { id: 'paid', source: 'paid' },
      { id: 'any-organic', source: 'organic' },
      { id: 'google-organic', source: 'organic', referrer: 'google.fr' },
    ];
    expect(pick(list)).toBe('any-organic');
  });
  it('a condition with no criteria matches everything (a catch-all)', () => {
    expect(pick([{ id: 'x', source: 'paid' }, { id: 'all' }])).toBe('all');
  });
  it('every set field must match', () => {
    expect(matches({ source: 'organic', referrer: 'google.fr', landing: '/promo/*', page: '/contact' })).toBe(true);
    expect(matches({ source: 'organic', referrer: 'google.fr', landing: '/promo/*', page: '/other' })).toBe(false);
  });
  it('the explanation, in plain words: the winner and what it matched, or what each condition needed', () => {
    expect(pickCondition([{ id: 'a', source: 'paid' }, { id: 'b' }, { id: 'c' }], ctx())._why).toBe('Condition: b — every field it sets matches.');
    expect(pickCondition([{ id: 'a', source: ['paid', 'email'] }, { id: 'b', source: 'organic', page: '/x' }], ctx())._why).toBe(
      'No condition matched: a needs another source (this visit: organic); b needs another page (this visit: /contact).',
    );
    expect(pickCondition([{ id: 'p', params: { gclid: true } }], ctx())._why).toBe(
      'No condition matched: p needs another params (this visit: ?utm_source=Google&ref=partner).',
    );
  });
  it('returns the condition object itself, so the caller reads its numbers and pool', () => {
    const c: Condition = { id: 'x', numbers: { '01 23 45 67 89': '09 70 00 00 01' } };
    expect(pickCondition([c], ctx())._condition).toBe(c);
  });
});

describe('pickCondition: source', () => {
  it.each([
    ['organic', true],
    [['paid', 'organic'], true],
    ['paid', false],
    [['paid', 'email'], false],
    [[], false],
  ] as [Source | Source[], boolean][])('%j -> %s', (source, expected) => {
    expect(matches({ source })).toBe(expected);
  });
});

describe('pickCondition: referrer', () => {
  it.each([
    ['google.fr', 'https://www.google.fr', true],
    ['google.fr', 'https://google.fr', true],
    ['www.google.fr', 'https://www.google.fr', true],
    ['.google.fr', 'https://www.google.fr', true],
    ['Google.FR', 'https://www.google.fr', true],
    ['google.fr', 'https://notgoogle.fr', false],
    ['google.fr', 'https://google.fr.evil.com', false],
    ['www.google.fr', 'https://google.fr', false],
    [['facebook.com', 'google.fr'], 'https://www.google.fr', true],
    [['facebook.com', 't.co'], 'https://www.google.fr', false],
    ['google.fr', 'direct', false],
    ['', 'https://www.google.fr', false],
    ['direct', 'direct', false],
  ] as [string | string[], string, boolean][])('%j vs %s -> %s', (referrer, origin, expected) => {
    expect(matches({ referrer }, ctx({ referrer: origin }))).toBe(expected);
  });
  it('a full referrer URL in the context works like its origin', () => {
    expect(matches({ referrer: 'google.fr' }, ctx({ referrer: 'https://www.google.fr/search?q=x' }))).toBe(true);
  });
});

describe('pickCondition: params (landing URL)', () => {
  it.each([
    [{ utm_source: true }, true],
    [{ utm_source: 'google' }, true],
    [{ utm_source: 'GOOGLE' }, true],
    [{ utm_source: 'bing' }, false],
    [{ utm_source: 'Google', ref: 'partner' }, true],
    [{ utm_source: 'Google', ref: 'other' }, false],
    [{ gclid: true }, false],
    [{ UTM_SOURCE: true }, false],
    [{}, true],
  ] as [Record<string, string | true>, boolean][])('%j -> %s', (params, expected) => {
    expect(matches({ params })).toBe(expected);
  });
  it('true means present, even with an empty value', () => {
    expect(matches({ params: { promo: true } }, ctx({ landing: 'https://www.shop.fr/?promo' }))).toBe(true);
    expect(matches({ params: { promo: '' } }, ctx({ landing: 'https://www.shop.fr/?promo' }))).toBe(true);
    expect(matches({ params: { promo: 'x' } }, ctx({ landing: 'https://www.shop.fr/?promo' }))).toBe(false);
  });
  it('values are compared decoded', () => {
    expect(matches({ params: { q: 'été 2024' } }, ctx({ landing: 'https://www.shop.fr/?q=%C3%A9t%C3%A9+2024' }))).toBe(true);
  });
  it('reads the landing URL, not the current page', () => {
    expect(matches({ params: { x: true } }, ctx({ landing: 'https://www.shop.fr/', page: 'https://www.shop.fr/?x=1' }))).toBe(false);
  });
  it('a path-only landing (cookieless) is resolved against the page', () => {
    expect(matches({ params: { a: '1' }, landing: '/p' }, ctx({ landing: '/p?a=1' }))).toBe(true);
  });
  it('an unusable landing matches no params, landing pattern included', () => {
    expect(matches({ params: { a: true } }, ctx({ landing: 'javascript:alert(1)?a=1' }))).toBe(false);
    expect(matches({ landing: '*' }, ctx({ landing: 'javascript:alert(1)' }))).toBe(false);
  });
});

describe('pickCondition: landing and page path patterns', () => {
  const onLanding = (landing: string | string[], path: string) => matches({ landing }, ctx({ landing: `https://www.shop.fr${path}` }));
  it.each([
    ['/promo', '/promo', true],
    ['/promo', '/promo/', true],
    ['/promo/', '/promo', true],
    ['/', '/', true],
    ['/', '/promo', false],
    ['/promo', '/promo/ete', false],
    ['/promo', '/old/promo', false],
    ['/promo/*', '/promo/ete', true],
    ['/promo/*', '/promo/ete/2024', true],
    ['/promo/*', '/promotions', false],
    ['/promo*', '/promotions', true],
    ['*', '/anything/at/all', true],
    ['*', '/', true],
    ['*/contact', '/fr/contact', true],
    ['*/contact', '/fr/contact-us', false],
    ['/*/produits/*', '/fr/produits/chaise', true],
    ['/*/produits/*', '/produits/chaise', false],
    ['/a*b*c', '/abc', true],
    ['/a*b*c', '/aXbYc', true],
    ['/a*b*c', '/acb', false],
    ['/ab*ba', '/aba', false],
    ['/ab*ba', '/abba', true],
    ['**', '/x', true],
    // regex characters are literal
    ['/p.html', '/p.html', true],
    ['/p.html', '/pXhtml', false],
    ['/(a|b)+', '/(a|b)+', true],
    ['/(a|b)+', '/a', false],
    ['/[x]?', '/[x]', false],
    ['/a$^', '/a$^', true],
    // case and encoding: marketers write what they see in the address bar
    ['/Promo', '/promo', true],
    ['/été', '/%C3%A9t%C3%A9', true],
    ['/%C3%A9t%C3%A9', '/%C3%A9t%C3%A9', true],
    ['/a b', '/a%20b', true],
    ['/%E0%A4%A', '/%E0%A4%A', true],
    [['/x', '/promo/*'], '/promo/1', true],
    [['/x', '/y'], '/promo/1', false],
  ] as [string | string[], string, boolean][])('landing %j on %s -> %s', (pattern, path, expected) => {
    expect(onLanding(pattern, path)).toBe(expected);
  });
  it('the landing pattern ignores the query string', () => {
    expect(onLanding('/promo', '/promo?utm_source=x')).toBe(true);
  });
  it('page patterns use the current page, landing patterns the entry page', () => {
    const c = ctx({ landing: 'https://www.shop.fr/promo', page: 'https://www.shop.fr/contact' });
    expect(matches({ page: '/contact' }, c)).toBe(true);
    expect(matches({ page: '/promo' }, c)).toBe(false);
    expect(matches({ landing: '/contact' }, c)).toBe(false);
  });
  it('a hostile 100 KB path with many stars in the pattern is matched in bounded time', () => {
    const path = '/' + 'a'.repeat(100_000);
    const t = performance.now();
    expect(onLanding('/*a*a*a*a*a*a*a*a*b', path)).toBe(false);
    expect(onLanding('/*a*a*a*a*a*a*a*a*a', path)).toBe(true);
    expect(performance.now() - t).toBeLessThan(500);
  });
});
