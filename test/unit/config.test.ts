// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validate } from '../../src/config';
import { VERSION } from '../../src/version';

const N = { '01 23 45 67 89': '09 70 00 00 01' };

describe('validate: a valid config passes', () => {
  it.each([
    [{ mode: 'invisible', numbers: N }],
    [{ mode: 'rotation', numbers: N, conditions: [{ id: 'ads', source: 'paid', numbers: { '01 23 45 67 89': '09 70 00 00 02' } }] }],
    [{ mode: 'origin', endpoint: 'https://collect.example/x', site: 'k', numbers: N, entry: 'last_entry', cookie: { days: 395 } }],
    [{ mode: 'journey', endpoint: '/collect', numbers: N, conditions: [{ id: 'p', pool: 'ads' }], pool: { timeout: 0 } }],
    [{ mode: 'traffic', endpoint: 'http://127.0.0.1:1/c', consent: { cmp: ['tcf', 'didomi'], tcf: { vendorId: 12, purposes: [1, 7] }, gcm: 'analytics_storage', didomi: 'c:mgt-AbCdEf12' } }],
    [{ mode: 'rotation', consent: { required: false, cmp: 'none', gpc: false, gcm: false }, trackingIds: { defaults: false, custom: [{ name: 'u', from: 'window', key: 'dataLayer.0.userType' }] } }],
    [{ mode: 'rotation', country: 'be', numbers: {} }],
    [{ mode: 'rotation', site: undefined, cookie: { days: undefined } }],
  ])('%j', (config) => expect(validate(config)).toBe(''));
});

describe('validate: what old libraries add to the prototypes is not part of a config', () => {
  it('enumerable additions to Array.prototype and Object.prototype (MooTools, Prototype.js)', () => {
    const A = Array.prototype as any;
    const O = Object.prototype as any;
    A.each = () => 0;
    O.extend = () => 0;
    try {
      expect(validate({ mode: 'rotation', numbers: N, urlParams: ['ref'], conditions: [{ id: 'a', source: ['paid'], params: { a: true } }], consent: { cmp: ['tcf'] } })).toBe('');
    } finally {
      delete A.each;
      delete O.extend;
    }
  });
});

describe('validate: each mistake is named', () => {
  it.each([
    [undefined, 'config.mode'],
    [{}, 'config.mode'],
    [{ mode: 'visible' }, 'config.mode'],
    [{ mode: 'invisible', mdoe: 1 }, 'config.mdoe'],
    [{ mode: 'invisible', numbers: { '12': '09 70 00 00 01' } }, 'config.numbers.12:'],
    [{ mode: 'invisible', numbers: { '01 23 45 67 89': 'call us' } }, 'config.numbers.01 23 45 67 89:'],
    [{ mode: 'invisible', numbers: { '01 23 45 67 89': '09 70 00 00 01', '09 70 00 00 01': '09 70 00 00 02' } }, 'also an original'],
    [{ mode: 'invisible', numbers: N, ignore: '[[' }, 'config.ignore'],
    [{ mode: 'invisible', country: 'XX' }, 'config.country'],
    [{ mode: 'rotation', cookie: { days: 0 } }, 'config.cookie.days'],
    [{ mode: 'rotation', cookie: { days: 400 } }, 'config.cookie.days'],
    [{ mode: 'rotation', cookie: { domain: 'example.org' } }, 'config.cookie.domain'],
    [{ mode: 'origin', numbers: N }, 'config.endpoint'],
    [{ mode: 'origin', endpoint: 'javascript:alert(1)' }, 'config.endpoint'],
    [{ mode: 'rotation', numbers: N, conditions: [{ id: 'x', pool: 'p' }] }, 'config.conditions[0].pool'],
    [{ mode: 'rotation', conditions: [{ id: 'x', source: 'ads' }] }, 'config.conditions[0].source'],
    [{ mode: 'rotation', conditions: [{ id: 'x' }, { id: 'x' }] }, 'config.conditions[1].id'],
    [{ mode: 'rotation', conditions: [{ id: 'x', params: { gclid: 1 } }] }, 'config.conditions[0].params.gclid'],
    [{ mode: 'rotation', conditions: [{ id: 'x', numbers: { '01 23 45 67 89': '12' } }] }, 'config.conditions[0].numbers'],
    [{ mode: 'invisible', conditions: [{ id: 'x' }] }, 'config.conditions'],
    [{ mode: 'rotation', consent: { cmp: 'quantcast' } }, 'config.consent.cmp'],
    [{ mode: 'rotation', consent: { tcf: { purposes: [0] } } }, 'config.consent.tcf.purposes[0]'],
    [{ mode: 'rotation', probabilistic: 'never' }, 'config.probabilistic'],
    [{ mode: 'rotation', spa: 'yes' }, 'config.spa'],
    [{ mode: 'rotation', trackingIds: { custom: [{ name: 'a', from: 'body', key: 'k' }] } }, 'config.trackingIds.custom[0].from'],
    [{ mode: 'rotation', urlParams: ['ref', undefined] }, 'config.urlParams[1]'],
    [{ mode: 'rotation', conditions: [undefined] }, 'config.conditions[0]:'],
    [{ mode: 'invisible', numbers: { '01 23 45 67 89': undefined } }, 'config.numbers.01 23 45 67 89:'],
  ])('%j names %s', (config, field) => {
    const message = validate(config);
    expect(message).toContain(field);
  });

  it('says what is expected and what it got', () => {
    expect(validate({ mode: 'rotation', cookie: { days: 0 } })).toBe('config.cookie.days: a number from 1 to 395 (got 0)');
    expect(validate({ mode: 'invisible', numbers: { '01 23 45 67 89': 'call us' } })).toBe('config.numbers.01 23 45 67 89: a FR phone number (got "call us")');
    expect(validate({ mode: 'rotation', site: 'k', mdoe: 1 })).toBe('config.mdoe: unknown field');
  });

  it('a field named like an Object method is unknown too', () => {
    for (const k of ['toString', 'constructor', 'hasOwnProperty']) {
      expect(validate({ mode: 'rotation', [k]: 1 })).toBe(`config.${k}: unknown field`);
      expect(validate({ mode: 'rotation', cookie: { [k]: 1 } })).toBe(`config.cookie.${k}: unknown field`);
    }
  });

  it('a missing condition id and a duplicate one get different messages', () => {
    expect(validate({ mode: 'rotation', conditions: [{ source: 'paid' }] })).toBe('config.conditions[0].id: a name for the condition (got undefined)');
    expect(validate({ mode: 'rotation', conditions: [{ id: 'a' }, { id: 'a' }] })).toBe('config.conditions[1].id: a name no other condition has (got "a")');
  });

  it('a getter that throws is named in the message', () => {
    const boom = () => {
      throw new Error('boom');
    };
    expect(validate({ mode: 'rotation', get cookie() { return boom(); } })).toBe('config.cookie: could not be read (Error: boom)');
    expect(validate({ mode: 'rotation', conditions: [{ id: 'a', get source() { return boom(); } }] })).toBe('config.conditions[0].source: could not be read (Error: boom)');
  });

  it('a value that changes between reads is read once', () => {
    let reads = 0;
    const config = { get mode() { return reads++ ? 'nonsense' : 'invisible'; } };
    expect(validate(config)).toBe('');
    expect(reads).toBe(1);
  });

  it('enumerable properties added to Object.prototype by the page are not config fields (issue 14 §6)', () => {
    const proto = Object.prototype as any;
    proto.polluted = 1;
    proto.pool = 'p';
    try {
      expect(validate({ mode: 'rotation', numbers: { '01 23 45 67 89': '09 70 00 00 01' }, conditions: [{ id: 'a', source: 'paid' }], consent: { required: false } })).toBe('');
      expect(validate({ mode: 'origin', endpoint: 'https://c.example', conditions: [{ id: 'a', numbers: { '01 23 45 67 89': '09 70 00 00 02' } }] })).toBe('');
    } finally {
      delete proto.polluted;
      delete proto.pool;
    }
  });

  it('a config that is not an object says so; none at all asks for the mode; a typo is named before the missing mode', () => {
    expect(validate('origin')).toBe('config: an object (got "origin")');
    expect(validate(undefined)).toMatch(/^config\.mode: one of invisible, rotation, origin, traffic, journey \(got undefined\)$/);
    expect(validate({ mdoe: 'journey' })).toBe('config.mdoe: unknown field');
  });

  it('a getter on a field is read once, even where the check runs later (numbers, with the country)', () => {
    let reads = 0;
    const numbers = { get ['01 23 45 67 89']() { return reads++ ? 'call us' : '09 70 00 00 01'; } };
    expect(validate({ mode: 'invisible', numbers })).toBe('');
    expect(reads).toBe(1);
  });

  it('a value deeper than the schema is not walked: a cycle ends with the schema', () => {
    const cyclic: any = { mode: 'rotation', cookie: {} };
    cyclic.cookie.days = cyclic;
    expect(validate(cyclic)).toBe('config.cookie.days: a number from 1 to 395 (got object)');
  });

  it('never throws, even on hostile objects', () => {
    const hostile = { get mode() { throw new Error('boom'); } };
    expect(validate(hostile)).toMatch(/config/);
    const cyclic: any = { mode: 'rotation', numbers: {} };
    cyclic.numbers.self = cyclic;
    expect(validate(cyclic)).toMatch(/config\.numbers/);
  });
});

describe('version', () => {
  it('src/version.ts matches package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
