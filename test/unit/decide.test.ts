// The visit decision (decide.ts) as a pure function: tables of page, stored session, consent and
// time -> attribution, new visit or not, condition, numbers, session to store, sentences.
import { describe, expect, it, vi } from 'vitest';
import { decideVisit as decideWith, type Arrival, type VisitInput } from '../../src/decide';
import { loadConfig } from '../../src/config';
import type { Settings } from '../../src/settings';
import { explain, why } from '../../src/why';
import type { Config } from '../../src/types';
import type { Session } from '../../src/storage/session';

const NOW = 1_800_000_000_000;
const O = '01 23 45 67 89';
// The node environment (no DOM): config.ts resolves the endpoint against the page's address.
vi.stubGlobal('location', new URL('https://shop.fr/landing'));
// As mgt('init') resolves them: config.ts fills in the E.164 forms of the originals.
const settings = (over: Partial<Config> = {}) =>
  loadConfig({ mode: 'rotation', numbers: { [O]: '09 70 00 00 01' }, conditions: [{ id: 'ads', source: 'paid', numbers: { [O]: '09 70 00 00 02' } }], ...over } as Config) as Settings;
const arrival = (over: Partial<Arrival> = {}): Arrival => ({
  source: 'paid', referrer: 'https://www.google.fr', landing: 'https://shop.fr/landing?gclid=G1&utm_source=x', tracking_ids: { gclid: 'G1' }, _internal: false, _why: 'gclid', ...over,
});
const stored = (over: Partial<Session> = {}): Session => ({
  v: 1, condition: null, landing: 'https://shop.fr/', last_action: NOW - 5 * 6e4, last_url: 'https://shop.fr/', referrer: 'direct', source: 'direct', to_swap: [], tracking_ids: {}, ...over,
});
// The decision with the sentences it explains (state().why: source, condition, visit) as `_why`.
const decideVisit = (s: Settings, i: VisitInput) => {
  const v = decideWith(s, i, explain);
  return { ...v, _why: { source: why.source, condition: why.condition, visit: why.visit } };
};
const input = (over: Partial<VisitInput> = {}): VisitInput => {
  const a = arrival();
  return { _page: new URL(a.landing), _view: a, _first: true, _persistent: true, _withIds: true, _created: false, _deviceIds: { _ga: 'GA1' }, _now: NOW, ...over };
};

describe('decideVisit: new visit or same visit (SPEC 6.3)', () => {
  it.each([
    ['an arrival from outside, nothing stored', {}, true],
    ['an arrival from outside, a session 5 minutes old', { _stored: stored() }, true],
    ['internal navigation, a session 5 minutes old', { _view: arrival({ _internal: true }), _stored: stored() }, false],
    ['internal navigation, a session 31 minutes old', { _view: arrival({ _internal: true }), _stored: stored({ last_action: NOW - 31 * 6e4 }) }, true],
    ['internal navigation, nothing stored, visitor created here', { _view: arrival({ _internal: true }), _created: true }, true],
    ['internal navigation, nothing stored, existing visitor (sibling subdomain)', { _view: arrival({ _internal: true }) }, false],
    ['cookieless, first decision from outside', { _persistent: false, _withIds: false }, true],
    ['cookieless, a later decision', { _persistent: false, _withIds: false, _first: false }, false],
    ['cookieless, internal arrival', { _persistent: false, _withIds: false, _view: arrival({ _internal: true }) }, false],
  ] as const)('%s -> new visit: %s', (_name, over, isNew) => {
    expect(decideVisit(settings(), input(over as Partial<VisitInput>))._new).toBe(isNew);
  });
});

describe('decideVisit: attribution kept', () => {
  it('first_entry keeps the stored attribution on a new visit; last_entry takes the new one', () => {
    const s = stored({ source: 'organic', referrer: 'https://www.bing.com' });
    expect(decideVisit(settings(), input({ _stored: s }))._kept.source).toBe('organic');
    expect(decideVisit(settings({ entry: 'last_entry' }), input({ _stored: s }))._kept.source).toBe('paid');
  });
  it('last_entry: a direct visit never replaces a known source', () => {
    const direct = arrival({ source: 'direct', referrer: 'direct', _why: 'no referrer', tracking_ids: {} });
    expect(decideVisit(settings({ entry: 'last_entry' }), input({ _view: direct, _stored: stored({ source: 'email' }) }))._kept.source).toBe('email');
  });
  it('tracking IDs (URL and device) are kept only with consent for them; the stored landing keeps gclid only then', () => {
    const withIds = decideVisit(settings(), input());
    expect(withIds._kept.tracking_ids).toEqual({ gclid: 'G1', _ga: 'GA1' });
    expect(withIds._session!.landing).toBe('https://shop.fr/landing?gclid=G1&utm_source=x');
    const without = decideVisit(settings({ consent: { required: false } }), input({ _withIds: false, _deviceIds: {} }));
    expect(without._kept.tracking_ids).toEqual({});
    expect(without._session!.landing).toBe('https://shop.fr/landing?utm_source=x');
  });
  it('cookieless: the arrival alone, stored nowhere, its landing a path in state', () => {
    const v = decideVisit(settings(), input({ _persistent: false, _withIds: false }));
    expect(v._session).toBeUndefined();
    expect(v._kept.source).toBe('paid');
  });
});

describe('decideVisit: condition and numbers', () => {
  it.each([
    ['paid visit: the condition numbers', {}, 'ads', '09 70 00 00 02'],
    ['organic visit: the defaults', { _view: arrival({ source: 'organic', _why: 'referrer www.google.fr' }) }, null, '09 70 00 00 01'],
  ] as const)('%s', (_name, over, id, tracked) => {
    const v = decideVisit(settings(), input(over as Partial<VisitInput>));
    expect(v._id).toBe(id);
    expect(v._numbers[O]).toBe(tracked);
    expect(v._session!.condition).toBe(id);
    expect(v._session!.to_swap).toEqual([{ original: O, tracked }]);
  });
  it("probabilistic 'off' without storage shows the default numbers only", () => {
    const v = decideVisit(settings({ probabilistic: 'off' }), input({ _persistent: false, _withIds: false }));
    expect(v._numbers).toEqual({ [O]: '09 70 00 00 01' });
  });
  it('a pool: leased numbers still valid in mgt_session are reused; an original or invalid number never is', () => {
    const s = settings({ mode: 'origin', endpoint: 'https://c.example', conditions: [{ id: 'ads', source: 'paid', pool: 'p1', numbers: { [O]: '09 70 00 00 02' } }] });
    const lease = (tracked: string, expires = NOW + 6e4) => input({ _stored: stored({ source: 'paid', to_swap: [{ original: O, tracked, expires }] }) });
    expect(decideVisit(s, lease('09 70 00 00 07'))).toMatchObject({ _pool: 'p1', _numbers: { [O]: '09 70 00 00 07' }, _leasedUntil: NOW + 6e4, _from: 'leased from pool p1' });
    // Not reused: a lease is needed (nothing leased, the condition's numbers as the fallback).
    for (const v of [lease('09 70 00 00 07', NOW - 1), lease(O), lease('00 00 00 00 00')])
      expect(decideVisit(s, v)).toMatchObject({ _pool: 'p1', _numbers: { [O]: '09 70 00 00 02' }, _leasedUntil: 0 });
  });
  it('pageviews are counted in traffic and journey, restarted on a new visit', () => {
    const s = settings({ mode: 'traffic', endpoint: 'https://c.example' });
    expect(decideVisit(s, input({ _stored: stored({ pageviews: 4 }) }))._session!.pageviews).toBe(1);
    expect(decideVisit(s, input({ _view: arrival({ _internal: true }), _stored: stored({ pageviews: 4 }) }))._session!.pageviews).toBe(5);
    expect(decideVisit(settings(), input())._session!.pageviews).toBeUndefined();
  });
});

describe('decideVisit: the sentences (state().why, the debug log)', () => {
  it('explain source, condition and visit in plain words', () => {
    expect(decideVisit(settings(), input())._why).toEqual({
      source: 'Source: paid — the landing URL has gclid.',
      condition: 'Condition: ads — every field it sets matches.',
      visit: 'Visit: new visit — from https://www.google.fr.',
    });
    const organic = arrival({ source: 'organic', _why: 'referrer www.google.fr', _internal: true });
    expect(decideVisit(settings(), input({ _view: organic, _stored: stored({ source: 'organic' }) }))._why).toEqual({
      source: 'Source: organic — stored with the visit.',
      condition: 'No condition matched: ads needs another source (this visit: organic).',
      visit: 'Visit: same visit — internal navigation, last activity 5 min ago.',
    });
    expect(decideVisit(settings(), input({ _persistent: false, _withIds: false }))._why.visit).toBe('Visit: cookieless — from https://www.google.fr.');
  });
});
