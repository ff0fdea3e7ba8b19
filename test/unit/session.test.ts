// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readSession, writeSession, removeSession, type Session } from '../../src/storage/session';
import { parsePhone } from '../../src/swap/phone';
import { setDebug } from '../../src/lib/log';

const good: Session = {
  v: 1, condition: 'ads', landing: 'https://s.fr/?utm_source=g', last_action: 1700000000000, last_url: 'https://s.fr/a',
  referrer: 'https://www.google.fr', source: 'paid', to_swap: [{ original: '01 23 45 67 89', tracked: '09 70 00 00 01', expires: 1700000600000 }],
  tracking_ids: { gclid: 'x' }, pageviews: 2,
};

describe('mgt_session', () => {
  beforeEach(() => localStorage.clear());

  it('round-trips exactly the documented fields', () => {
    writeSession(good);
    expect(JSON.parse(localStorage.getItem('mgt_session')!)).toEqual(good);
    expect(readSession(() => true, () => true)).toEqual(good);
  });

  it('keeps numbers written in any form the config accepts (US parentheses, Unicode hyphens, non-breaking spaces, short LU numbers)', () => {
    const numbers = { ...good, to_swap: [
      { original: '(212) 555-0100', tracked: '(212) 555-0199' },
      { original: '4711', tracked: '+352 4712' },
      { original: '01\u201123\u201145\u201167\u201189', tracked: '09\u00a070\u202f00 00 01' },
    ] };
    writeSession(numbers);
    expect(readSession(() => true, () => true)).toEqual(numbers);
  });

  it("keeps URLs whose path has an apostrophe, as the URL parser leaves it (/l'offre)", () => {
    const landing = new URL("https://s.fr/l'offre-d'ete?utm_source=g").href;
    writeSession({ ...good, landing, last_url: landing });
    expect(readSession(() => true, () => true)).toMatchObject({ landing, last_url: landing });
  });

  it.each(['http://[::1]:8080', 'https://xn--ggl-boa.fr', 'http://127.0.0.1:3000'])('keeps the referrer origin %s', (referrer) => {
    writeSession({ ...good, referrer });
    expect(readSession(() => true, () => true)).toMatchObject({ referrer });
  });

  it('leaves out undefined fields (pageviews outside traffic and journey, expires of a number not leased)', () => {
    const plain = { ...good, pageviews: undefined, to_swap: [{ original: '01 23 45 67 89', tracked: '09 70 00 00 01', expires: undefined }] };
    writeSession(plain);
    const stored = JSON.parse(localStorage.getItem('mgt_session')!);
    expect(stored).not.toHaveProperty('pageviews');
    expect(stored.to_swap[0]).toEqual({ original: '01 23 45 67 89', tracked: '09 70 00 00 01' });
    expect(readSession(() => true, () => true)).toEqual(stored);
  });

  it.each([
    ['not JSON', '{'],
    ['another version', JSON.stringify({ ...good, v: 2 })],
    ['a wrong source', JSON.stringify({ ...good, source: '<img src=x>' })],
    ['a string timestamp', JSON.stringify({ ...good, last_action: '1' })],
    ['to_swap not a list', JSON.stringify({ ...good, to_swap: {} })],
    ['a to_swap entry without tracked', JSON.stringify({ ...good, to_swap: [{ original: 'a' }] })],
    ['tracking ids that are not strings', JSON.stringify({ ...good, tracking_ids: { a: { b: 1 } } })],
    ['a landing with markup', JSON.stringify({ ...good, landing: 'https://s.fr/<script>' })],
    ['a landing with a space', JSON.stringify({ ...good, landing: 'https://s.fr/a b' })],
    ['an oversized landing', JSON.stringify({ ...good, landing: 'x'.repeat(3000) })],
    ['an oversized entry', JSON.stringify({ ...good, junk: 'x'.repeat(40000) })],
    ['null', 'null'],
    ['a field we never write', JSON.stringify({ ...good, extra: 'no' })],
    ['a missing field', JSON.stringify({ ...good, last_url: undefined })],
    ['an inherited-looking field', JSON.stringify({ ...good, toString: 'x' })],
    ['a list instead of an object', JSON.stringify([good])],
    ['a source that is a list', JSON.stringify({ ...good, source: ['paid'] })],
    ['a referrer with a path', JSON.stringify({ ...good, referrer: 'https://www.google.fr/search?q=x' })],
    ['an expiry that is not a number', JSON.stringify({ ...good, to_swap: [{ original: '01 23 45 67 89', tracked: '09 70 00 00 01', expires: '1' }] })],
    ['a negative pageviews', JSON.stringify({ ...good, pageviews: -1 })],
    ['too many to_swap entries', JSON.stringify({ ...good, to_swap: Array(51).fill(good.to_swap[0]) })],
    ['an empty string', ''],
  ])('discards %s and reports it', (_, raw) => {
    localStorage.setItem('mgt_session', raw);
    const damaged = vi.spyOn(console, 'info').mockImplementation(() => {});
    setDebug(true);
    expect(readSession(() => true, () => true)).toBeUndefined();
    expect(damaged).toHaveBeenCalledOnce();
    expect(damaged.mock.calls[0].join(' ')).toBe('[mgt] mgt_session invalid: rebuilt');
    setDebug(false);
    damaged.mockRestore();
    expect(localStorage.getItem('mgt_session')).toBeNull();
  });

  it.each([
    ['a tracking ID that is markup', { ...good, tracking_ids: { gclid: '<script>alert(1)</script>' } }],
    ['a tracking ID over 200 characters', { ...good, tracking_ids: { gclid: 'x'.repeat(201) } }],
    ['a tracking ID with a control character', { ...good, tracking_ids: { gclid: 'a\nb' } }],
    ['a tracking ID name that is markup', { ...good, tracking_ids: { '<b>': 'x' } }],
    ['an empty tracking ID', { ...good, tracking_ids: { gclid: '' } }],
  ])('discards %s (not what the module captures, issue 14 §8)', (_, tampered) => {
    localStorage.setItem('mgt_session', JSON.stringify(tampered));
    expect(readSession(() => true, () => true)).toBeUndefined();
  });

  it('discards a to_swap number that is not a valid number of the country, or markup (issue 14 §8)', () => {
    const valid = (n: string) => !!parsePhone(n, 'FR');
    localStorage.setItem('mgt_session', JSON.stringify({ ...good, to_swap: [{ original: '01 23 45 67 89', tracked: '00 00 00 00 00' }] }));
    expect(readSession(valid, valid)).toBeUndefined();
    localStorage.setItem('mgt_session', JSON.stringify({ ...good, to_swap: [{ original: '01 23 45 67 89', tracked: '<img src=x>' }] }));
    expect(readSession(valid, valid)).toBeUndefined();
    localStorage.setItem('mgt_session', JSON.stringify({ ...good, to_swap: [{ original: '01 23 45 67 89', tracked: 970000001 }] }));
    expect(readSession(valid, valid)).toBeUndefined();
    localStorage.setItem('mgt_session', JSON.stringify(good));
    expect(readSession(valid, valid)).toEqual(good);
  });

  it('survives a localStorage that throws', () => {
    const spy = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => { throw new Error('denied'); });
    const set = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => { throw new Error('quota'); });
    expect(readSession(() => true, () => true)).toBeUndefined();
    expect(() => writeSession(good)).not.toThrow();
    expect(() => removeSession()).not.toThrow();
    spy.mockRestore();
    set.mockRestore();
  });
});
