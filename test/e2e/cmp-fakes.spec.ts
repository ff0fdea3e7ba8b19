// The CMPs that only load from their vendors' servers (Didomi, Axeptio, OneTrust, Cookiebot,
// Usercentrics, Piwik PRO, CookieYes, Complianz) and Google Consent Mode, through stand-ins
// that follow their documented shapes (test/e2e/pages/cmp/fake-*.js), against dist/mgt.js in
// Chromium: nothing stored or sent with an identifier before the visitor decides; acceptance
// stores mgt_visitor with the adapter as source; a later refusal removes everything at once;
// a CMP loading late and duplicate CMP events change nothing.
import { expect, test } from './support/fixtures';
import { consentEvents, deviceClean, identified, mgtState, mgtStored, openCmpPage } from './pages/cmp/harness';

const CMPS: { name: string; consent?: Record<string, unknown> }[] = [
  { name: 'didomi', consent: { didomi: 'c:mgt-AbCdEf12' } },
  { name: 'axeptio' },
  { name: 'onetrust' },
  { name: 'cookiebot' },
  { name: 'usercentrics' },
  { name: 'piwikpro' },
  { name: 'cookieyes' },
  { name: 'complianz' },
  { name: 'gcm', consent: { gcm: 'analytics_storage' } },
];

const BANNER = '<button id="accept" onclick="cmpFake.accept()">Accept</button><button id="deny" onclick="cmpFake.deny()">Refuse</button><button id="again" onclick="cmpFake.refire()">again</button>';

for (const c of CMPS) {
  for (const late of [false, true]) {
    test(`${c.name}${late ? ' (loading late)' : ''}: nothing before the choice, stored on accept with source ${c.name}, erased on withdrawal`, async ({ page, server, errors }) => {
      const src = `/test/e2e/pages/cmp/fake-${c.name}.js`;
      await openCmpPage(page, server, {
        consent: { cmp: c.name, ...c.consent },
        cmp: late ? '' : `<script src="${src}"></script>`,
        lateSrc: late ? src : undefined,
        body: BANNER,
      });
      await page.waitForFunction(() => (window as any).cmpFake);
      await page.waitForTimeout(300);

      // Before any decision: unknown, nothing on the device, nothing identifying sent.
      expect((await mgtState(page)).consent).toBe('unknown');
      expect(await deviceClean(page)).toEqual({ cookies: [], local: [], session: [], idb: [] });
      expect(identified(server)).toEqual([]);

      await page.click('#accept');
      await expect.poll(async () => (await mgtState(page)).consent).toBe('granted');
      expect(await mgtStored(page)).toEqual({ visitor: true, session: true });
      expect(await consentEvents(page)).toEqual([{ state: 'granted', source: c.name }]);

      // The CMP repeats itself (returning-visitor style events): no new consent event.
      await page.click('#again');
      await page.click('#again');
      await page.waitForTimeout(200);
      expect(await consentEvents(page)).toEqual([{ state: 'granted', source: c.name }]);

      // Withdrawal on the same page: everything erased, at once.
      await page.click('#deny');
      await expect.poll(async () => (await mgtState(page)).consent).toBe('denied');
      expect(await mgtStored(page)).toEqual({ visitor: false, session: false });
      expect(await deviceClean(page)).toEqual({ cookies: [], local: [], session: [], idb: [] });
      expect((await consentEvents(page)).map((e) => `${e.state}:${e.source}`)).toEqual([`granted:${c.name}`, `denied:${c.name}`]);
      expect(errors).toEqual([]);
    });
  }
}

test('a returning visitor who accepted earlier is granted from the CMP on load (OneTrust, Cookiebot, Usercentrics)', async ({ page, server, errors }) => {
  const returning: Record<string, unknown> = {
    onetrust: { closed: true, groups: ',C0001,C0002,' },
    cookiebot: { hasResponse: true, consent: { necessary: true, statistics: true, method: 'explicit' } },
    usercentrics: { type: 'EXPLICIT', given: true },
  };
  for (const [name, state] of Object.entries(returning)) {
    await openCmpPage(page, server, {
      consent: { cmp: name },
      before: `<script>window.fakeState = ${JSON.stringify(state)};</script>`,
      cmp: `<script src="/test/e2e/pages/cmp/fake-${name}.js"></script>`,
    }, `/returning-${name}`);
    await expect.poll(async () => (await mgtState(page)).consent).toBe('granted');
    expect((await consentEvents(page))[0]).toEqual({ state: 'granted', source: name });
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
  }
  expect(errors).toEqual([]);
});

test('defaults that look like consent never grant: OneTrust group active by default, Cookiebot implied, Usercentrics implicit, CookieYes before action, Complianz opt-out, GCM default', async ({ page, server, errors }) => {
  const traps: [string, unknown, Record<string, unknown>?][] = [
    ['onetrust', { closed: false, groups: ',C0001,C0002,C0003,' }],
    ['cookiebot', { hasResponse: true, consent: { necessary: true, statistics: true, method: 'implied' } }],
    ['usercentrics', { type: 'IMPLICIT', given: true }],
    ['cookieyes', { done: false, analytics: true }],
    ['complianz', { consenttype: 'optout' }],
    ['gcm', 'granted', { gcm: 'analytics_storage' }],
    ['didomi', { decided: false }, { didomi: 'c:mgt-AbCdEf12' }],
  ];
  for (const [name, state, extra] of traps) {
    await openCmpPage(page, server, {
      consent: { cmp: name, ...extra },
      before: `<script>window.fakeState = ${JSON.stringify(state)};</script>`,
      cmp: `<script src="/test/e2e/pages/cmp/fake-${name}.js"></script>`,
    }, `/trap-${name}`);
    await page.waitForTimeout(1200);
    expect({ name, consent: (await mgtState(page)).consent }).toEqual({ name, consent: 'unknown' });
    expect(await mgtStored(page)).toEqual({ visitor: false, session: false });
  }
  expect(identified(server)).toEqual([]);
  expect(errors).toEqual([]);
});

test("cmp 'auto' follows whichever CMP is on the page; a hostile stub of another breaks nothing", async ({ page, server, errors }) => {
  await openCmpPage(page, server, {
    consent: {},
    before: `<script>
      window.__tcfapi = function () { throw new Error('blocked'); };
      Object.defineProperty(window, 'Didomi', { get: function () { throw new Error('blocked'); } });
      window.OneTrust = { IsAlertBoxClosed: 'not a function' };
    </script>`,
    cmp: '<script src="/test/e2e/pages/cmp/fake-cookieyes.js"></script>',
    body: BANNER,
  });
  await page.waitForTimeout(300);
  await page.click('#accept');
  await expect.poll(async () => (await mgtState(page)).consent).toBe('granted');
  expect(await consentEvents(page)).toEqual([{ state: 'granted', source: 'cookieyes' }]);
  expect(errors).toEqual([]);
});
