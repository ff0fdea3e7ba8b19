// Invalid configurations (SPEC 4, 5): exactly one console.error that starts with [mgt] and names the
// bad field; then the module stays inert: nothing swapped, stored or sent, and mgt('state') is undefined.
import { test, expect, deviceStorage } from './support/fixtures';
import { ORIGINAL, TRACKED, GRANT, open, leave, settle, consoleOf, mgtMessages } from './support/journey';

const N = { [ORIGINAL]: TRACKED };
type Case = [string, (endpoint: string) => unknown, RegExp];

const cases: Case[] = [
  ['mode unknown', (e) => ({ mode: 'stealth', endpoint: e, numbers: N }), /mode/],
  ['mode missing', (e) => ({ endpoint: e, numbers: N }), /mode/],
  ['numbers: an original that is not a phone number', (e) => ({ mode: 'origin', endpoint: e, numbers: { 'call us': TRACKED } }), /numbers/],
  ['numbers: a tracked number that is not valid', (e) => ({ mode: 'origin', endpoint: e, numbers: { [ORIGINAL]: '09 70' } }), /numbers/],
  ['numbers: a tracked number that is not a string', (e) => ({ mode: 'origin', endpoint: e, numbers: { [ORIGINAL]: 970000001 } }), /numbers/],
  ['numbers not an object', (e) => ({ mode: 'origin', endpoint: e, numbers: [ORIGINAL] }), /numbers/],
  ['a condition\'s tracked number invalid', (e) => ({ mode: 'origin', endpoint: e, numbers: N, conditions: [{ id: 'a', source: 'paid', numbers: { [ORIGINAL]: 'abc' } }] }), /conditions\[0\]\.numbers/],
  ['a mapping that would swap its own output', (e) => ({ mode: 'origin', endpoint: e, numbers: { [ORIGINAL]: TRACKED, '09 70 00 00 01': '09 70 00 00 02' } }), /numbers/],
  ['a condition mapping onto a default original', (e) => ({ mode: 'origin', endpoint: e, numbers: N, conditions: [{ id: 'a', numbers: { '01 40 00 00 00': '+33 1 23 45 67 89' } }] }), /numbers/],
  ['cookie.days 0', (e) => ({ mode: 'origin', endpoint: e, numbers: N, cookie: { days: 0 } }), /cookie\.days/],
  ['cookie.days 400', (e) => ({ mode: 'origin', endpoint: e, numbers: N, cookie: { days: 400 } }), /cookie\.days/],
  ['cookie.days as a string', (e) => ({ mode: 'origin', endpoint: e, numbers: N, cookie: { days: '30' } }), /cookie\.days/],
  ['cookie.domain of another site', (e) => ({ mode: 'origin', endpoint: e, numbers: N, cookie: { domain: 'example.com' } }), /cookie\.domain/],
  ['ignore: an invalid selector', (e) => ({ mode: 'origin', endpoint: e, numbers: N, ignore: 'div[' }), /ignore/],
  ['ignore: not a string', (e) => ({ mode: 'origin', endpoint: e, numbers: N, ignore: 5 }), /ignore/],
  ['an unknown top-level field', (e) => ({ mode: 'origin', endpoint: e, numbers: N, mdoe: 'journey' }), /mdoe/],
  ['an unknown condition field', (e) => ({ mode: 'origin', endpoint: e, numbers: N, conditions: [{ id: 'a', sourse: 'paid' }] }), /sourse/],
  ['endpoint missing in origin', () => ({ mode: 'origin', numbers: N }), /endpoint/],
  ['endpoint missing in traffic', () => ({ mode: 'traffic', numbers: N }), /endpoint/],
  ['endpoint missing in journey', () => ({ mode: 'journey', numbers: N }), /endpoint/],
  ['endpoint not http(s)', () => ({ mode: 'origin', endpoint: 'javascript:alert(1)', numbers: N }), /endpoint/],
  ['a pool in rotation mode', (e) => ({ mode: 'rotation', endpoint: e, numbers: N, conditions: [{ id: 'a', source: 'paid', pool: 'main' }] }), /pool/],
  ['a pool in invisible mode', (e) => ({ mode: 'invisible', endpoint: e, numbers: N, conditions: [{ id: 'a', pool: 'main' }] }), /pool|conditions/],
  ['conditions in invisible mode', () => ({ mode: 'invisible', numbers: N, conditions: [{ id: 'a', source: 'paid', numbers: { [ORIGINAL]: '09 70 00 00 02' } }] }), /conditions/],
  ['a condition without id', (e) => ({ mode: 'origin', endpoint: e, numbers: N, conditions: [{ source: 'paid' }] }), /id/],
  ['a condition with an unknown source', (e) => ({ mode: 'origin', endpoint: e, numbers: N, conditions: [{ id: 'a', source: 'tv' }] }), /source/],
  ['entry unknown', (e) => ({ mode: 'origin', endpoint: e, numbers: N, entry: 'middle_entry' }), /entry/],
  ['probabilistic unknown', (e) => ({ mode: 'origin', endpoint: e, numbers: N, probabilistic: 'sometimes' }), /probabilistic/],
  ['session.timeout 0', (e) => ({ mode: 'origin', endpoint: e, numbers: N, session: { timeout: 0 } }), /session\.timeout/],
  ['pool.timeout negative', (e) => ({ mode: 'origin', endpoint: e, numbers: N, pool: { timeout: -1 } }), /pool\.timeout/],
  ['spa not a boolean', (e) => ({ mode: 'origin', endpoint: e, numbers: N, spa: 'yes' }), /spa/],
  ['consent.cmp unknown', (e) => ({ mode: 'origin', endpoint: e, numbers: N, consent: { cmp: 'acme' } }), /consent\.cmp/],
  ['consent.required not a boolean', () => ({ mode: 'rotation', numbers: N, consent: { required: 'no' } }), /consent\.required/],
  ['trackingIds.custom with a bad source', (e) => ({ mode: 'origin', endpoint: e, numbers: N, trackingIds: { custom: [{ name: 'a', from: 'header', key: 'x' }] } }), /trackingIds\.custom/],
  ['urlParams not a list', (e) => ({ mode: 'origin', endpoint: e, numbers: N, urlParams: 'ref' }), /urlParams/],
  ['country unsupported', (e) => ({ mode: 'origin', endpoint: e, numbers: N, country: 'XX' }), /country/],
  ['config not an object', () => 'origin', /config/],
];

for (const [name, make, field] of cases) {
  test(`invalid config, ${name}: one [mgt] console.error naming the field, then inert`, async ({ page, server, context, errors }) => {
    const logs = consoleOf(page);
    await open(page, server, '/a', {
      config: JSON.stringify(make(server.endpoint)), queued: GRANT, htmlClass: 'mgt-hide',
      body: `<p id="n">Call ${ORIGINAL}</p><a id="tel" href="tel:0970000001">x</a>`,
    }, '?gclid=G&utm_source=x');
    const errs = mgtMessages(logs, 'error');
    expect(errs, logs.join('\n')).toHaveLength(1);
    expect(errs[0]).toMatch(field);
    expect(logs.filter((l) => l.startsWith('error ') && !l.includes('404'))).toHaveLength(1);
    expect(await page.evaluate(() => (window as any).mgt('state'))).toBeUndefined();
    expect(await page.locator('#n').textContent()).toBe(`Call ${ORIGINAL}`);
    // The anti-flicker class must not keep the page hidden.
    expect(await page.evaluate(() => document.documentElement.className)).not.toContain('mgt-hide');
    await page.evaluate(() => { const m = (window as any).mgt; m('consent', 'granted'); m('pageview', '/x'); m('swap'); });
    await page.click('#tel');
    expect(await deviceStorage(page)).toEqual({ cookie: '', local: {}, session: {}, idb: [] });
    expect(await context.cookies()).toEqual([]);
    await leave(page);
    await settle(page, 1300);
    expect(server.collected).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('valid configs in every usual phone format are accepted', async ({ page, server }) => {
  const logs = consoleOf(page);
  await open(page, server, '/a', {
    config: {
      mode: 'rotation',
      numbers: { '01 23 45 67 89': '09 70 00 00 01', '0140000000': '+33 9 70 00 00 02', '+33 1 50 00 00 00': '0033 9 70 00 00 03', '01.60.00.00.00': '09-70-00-00-04' },
      conditions: [{ id: 'c', source: ['paid', 'email'], referrer: ['google.fr'], params: { a: true, b: 'x' }, landing: ['/x*'], page: '/y', numbers: { '01 70 00 00 00': '09 70 00 00 05' } }],
      cookie: { days: 395 }, session: { timeout: 1440 }, pool: { timeout: 0 }, entry: 'last_entry', probabilistic: 'fallback', spa: false, debug: false,
      urlParams: ['ref'], ignore: '.no-swap, [data-x]', consent: { required: false, cmp: ['tcf', 'didomi'], gpc: false, gcm: 'analytics_storage' },
      trackingIds: { defaults: false, custom: [{ name: 'a', from: 'window', key: 'x.y' }] }, site: 's', country: 'fr',
    },
  });
  expect(mgtMessages(logs, 'error')).toEqual([]);
  expect((await page.evaluate(() => (window as any).mgt('state'))).mode).toBe('rotation');
});
