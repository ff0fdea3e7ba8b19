import { describe, expect, it } from 'vitest';
import { isNewVisit, keepAttribution, type Attribution } from '../../../src/attribution/visit';
import type { Source } from '../../../src/types';

const MIN = 60_000;
const now = 1_700_000_000_000;

describe('isNewVisit', () => {
  it.each([
    ['an arrival from outside, even a second after the last action', false, now - 1000, 30, true],
    ['internal navigation with nothing stored', true, undefined, 30, true],
    ['internal navigation within the timeout', true, now - 29 * MIN, 30, false],
    ['internal navigation exactly at the timeout', true, now - 30 * MIN, 30, false],
    ['internal navigation after the timeout', true, now - 30 * MIN - 1, 30, true],
    ['internal navigation with a custom timeout', true, now - 6 * MIN, 5, true],
    ['internal navigation right after the last action', true, now, 30, false],
    ['a last action slightly in the future (clock change)', true, now + 5 * MIN, 30, false],
    ['a last action far in the future (tampered storage)', true, now + 365 * 24 * 60 * MIN, 30, true],
    ['a last action that is not a number', true, NaN, 30, true],
    ['a last action stored as a string', true, String(now) as unknown as number, 30, false],
  ] as [string, boolean, number | undefined, number, boolean][])('%s -> %s', (_label, internal, last, timeout, expected) => {
    expect(isNewVisit(internal, last, now, timeout)).toBe(expected);
  });
});

const att = (source: Source, landing = `https://a.fr/${source}`): Attribution => ({
  landing,
  referrer: source == 'direct' ? 'direct' : 'https://ref.example',
  source,
  tracking_ids: source == 'paid' ? { gclid: 'G' } : {},
});

describe('keepAttribution', () => {
  it('without a stored attribution the current one is kept, whatever the model', () => {
    const cur = att('direct');
    expect(keepAttribution(undefined, cur, 'first_entry')).toBe(cur);
    expect(keepAttribution(undefined, cur, 'last_entry')).toBe(cur);
  });
  it.each([
    ['paid', 'organic'],
    ['direct', 'paid'],
    ['organic', 'direct'],
  ] as [Source, Source][])('first_entry keeps %s over a new %s visit', (prev, cur) => {
    const p = att(prev);
    expect(keepAttribution(p, att(cur), 'first_entry')).toBe(p);
  });
  it.each([
    ['paid', 'organic', 'organic'],
    ['organic', 'paid', 'paid'],
    ['direct', 'paid', 'paid'],
    ['direct', 'direct', 'direct'],
    ['paid', 'direct', 'paid'],
    ['email', 'direct', 'email'],
    ['referral', 'campaign', 'campaign'],
  ] as [Source, Source, Source][])('last_entry: stored %s, new %s visit -> %s (last non-direct click)', (prev, cur, expected) => {
    const p = att(prev);
    const c = att(cur, 'https://a.fr/new');
    expect(keepAttribution(p, c, 'last_entry')).toBe(expected == cur ? c : p);
    expect(keepAttribution(p, c, 'last_entry').source).toBe(expected);
  });
  it('last_entry replaces the whole attribution, tracking IDs included', () => {
    const out = keepAttribution(att('paid'), att('organic'), 'last_entry');
    expect(out.tracking_ids).toEqual({});
    expect(out.landing).toBe('https://a.fr/organic');
  });
  it('a direct visit replaces a stored direct one under last_entry (the newest landing)', () => {
    const c = att('direct', 'https://a.fr/new');
    expect(keepAttribution(att('direct'), c, 'last_entry')).toBe(c);
  });
});
