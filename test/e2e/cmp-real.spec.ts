// The real CMPs available on npm, served locally and clicked like a visitor would, against
// dist/mgt.js in Chromium: tarteaucitron (the documented service `mgt` grants in js(), the
// adapter handles refusal), orestbida cookieconsent v3, Klaro, and IAB TCF through a page-side
// CMP built on @iabtechlabtcf/cmpapi + core producing real TC strings.
import { join } from 'node:path';
import { rollup } from 'rollup';
import resolve from '@rollup/plugin-node-resolve';
import { expect, test } from './support/fixtures';
import { consentEvents, deviceClean, identified, mgtState, mgtStored, openCmpPage } from './pages/cmp/harness';
import { COOKIECONSENT, TARTEAUCITRON } from '../support/cmp-setups';

const granted = async (page: any) => expect.poll(async () => (await mgtState(page)).consent).toBe('granted');
const denied = async (page: any) => expect.poll(async () => (await mgtState(page)).consent).toBe('denied');
const sources = async (page: any) => (await consentEvents(page)).map((e) => `${e.state}:${e.source}`);

/** tarteaucitron has loaded its services and finished setting up (an instant click is lost). */
async function tacReady(page: any): Promise<void> {
  await page.waitForFunction(() => (window as any).tarteaucitron.added?.mgt);
  await page.locator('#tarteaucitronPersonalize2').waitFor();
  await page.waitForTimeout(700);
}

test.describe('tarteaucitron', () => {
  test('accept all grants (service js), a later refusal in the panel withdraws (adapter)', async ({ page, server, errors }) => {
    await openCmpPage(page, server, { consent: {}, cmp: TARTEAUCITRON });
    await tacReady(page);
    expect((await mgtState(page)).consent).toBe('unknown');
    expect(await deviceClean(page, /^tarteaucitron$/)).toEqual({ cookies: [], local: [], session: [], idb: [] });
    expect(identified(server)).toEqual([]);

    await page.click('#tarteaucitronPersonalize2');
    await granted(page);
    expect(await mgtStored(page)).toEqual({ visitor: true, session: true });
    expect(await sources(page)).toContain('granted:command');

    await page.evaluate(() => (window as any).tarteaucitron.userInterface.openPanel());
    await page.click('#mgtDenied');
    await denied(page);
    expect(await mgtStored(page)).toEqual({ visitor: false, session: false });
    expect((await sources(page)).pop()).toBe('denied:tarteaucitron');
    expect(errors).toEqual([]);
  });

  test('deny all on the banner is a refusal from the adapter; a returning visitor is read on load', async ({ page, server, errors }) => {
    await openCmpPage(page, server, { consent: { cmp: 'tarteaucitron' }, cmp: TARTEAUCITRON });
    await tacReady(page);
    await page.click('#tarteaucitronAllDenied2');
    await denied(page);
    expect(await sources(page)).toEqual(['denied:tarteaucitron']);
    expect(await mgtStored(page)).toEqual({ visitor: false, session: false });

    // The stored refusal (tarteaucitron's own cookie) is read again on the next page.
    await openCmpPage(page, server, { consent: { cmp: 'tarteaucitron' }, cmp: TARTEAUCITRON }, '/next');
    await denied(page);
    expect(await sources(page)).toEqual(['denied:tarteaucitron']);
    expect(errors).toEqual([]);
  });
});

test.describe('cookieconsent v3 (orestbida)', () => {
  test('accept all grants, reject all in the preferences later withdraws', async ({ page, server, errors }) => {
    await openCmpPage(page, server, { consent: { cmp: 'cookieconsent' }, cmp: COOKIECONSENT });
    const accept = page.locator('#cc-main .cm button[data-role="all"]');
    await accept.waitFor();
    expect((await mgtState(page)).consent).toBe('unknown');
    expect(await deviceClean(page, /^cc_cookie$/)).toEqual({ cookies: [], local: [], session: [], idb: [] });
    expect(identified(server)).toEqual([]);

    await accept.click();
    await granted(page);
    expect(await mgtStored(page)).toEqual({ visitor: true, session: true });
    expect(await sources(page)).toEqual(['granted:cookieconsent']);

    await page.evaluate(() => (window as any).CookieConsent.showPreferences());
    await page.locator('#cc-main .pm button[data-role="necessary"]').click();
    await denied(page);
    expect(await mgtStored(page)).toEqual({ visitor: false, session: false });
    expect(await sources(page)).toEqual(['granted:cookieconsent', 'denied:cookieconsent']);

    // A returning visitor's refusal is read on the next page (cc:onConsent on load).
    await openCmpPage(page, server, { consent: { cmp: 'cookieconsent' }, cmp: COOKIECONSENT }, '/next');
    await denied(page);
    expect(errors).toEqual([]);
  });
});

test.describe('Klaro', () => {
  const KLARO = `<script>
  var klaroConfig = {
    storageMethod: 'cookie', mustConsent: false, acceptAll: true, hideDeclineAll: false,
    translations: { en: { privacyPolicyUrl: '/privacy', purposes: { analytics: 'Analytics' } } },
    services: [{ name: 'mgt', title: 'Call tracking (mgt)', purposes: ['analytics'], cookies: ['mgt_visitor'] }]
  };
</script>
<script defer src="/node_modules/klaro/dist/klaro.js"></script>`;

  test('accept grants, decline in the modal later withdraws', async ({ page, server, errors }) => {
    await openCmpPage(page, server, { consent: { cmp: 'klaro' }, cmp: KLARO });
    const accept = page.locator('.cookie-notice .cm-btn-success');
    await accept.waitFor();
    expect((await mgtState(page)).consent).toBe('unknown');
    expect(await deviceClean(page, /^klaro$/)).toEqual({ cookies: [], local: [], session: [], idb: [] });
    expect(identified(server)).toEqual([]);

    await accept.click();
    await granted(page);
    expect(await mgtStored(page)).toEqual({ visitor: true, session: true });
    expect(await sources(page)).toEqual(['granted:klaro']);

    // The visitor reopens the settings, switches the service off and saves.
    await page.evaluate(() => (window as any).klaro.show(undefined, true));
    await page.locator('label[for="purpose-item-analytics"]').click(); // the purpose's switch (its services list is folded)
    await page.locator('.cm-modal .cm-btn-accept').click();
    await denied(page);
    expect(await mgtStored(page)).toEqual({ visitor: false, session: false });
    expect(await sources(page)).toEqual(['granted:klaro', 'denied:klaro']);
    expect(errors).toEqual([]);
  });

  test('decline on the notice is a refusal; the saved choice is read on the next page', async ({ page, server, errors }) => {
    await openCmpPage(page, server, { consent: { cmp: 'klaro' }, cmp: KLARO });
    const decline = page.locator('.cookie-notice .cm-btn-danger, .cookie-notice .cm-btn-decline').first();
    await decline.waitFor();
    await decline.click();
    await denied(page);
    await openCmpPage(page, server, { consent: { cmp: 'klaro' }, cmp: KLARO }, '/next');
    await denied(page);
    expect(await sources(page)).toEqual(['denied:klaro']);
    expect(errors).toEqual([]);
  });
});

test.describe('IAB TCF (CmpApi + TCModel/TCString, local vendor list)', () => {
  let bundle = '';
  test.beforeAll(async ({}, info) => {
    const b = await rollup({ input: join(info.project.testDir, 'pages', 'cmp', 'tcf-cmp.js'), plugins: [resolve({ browser: true })], onwarn: () => {} });
    bundle = (await b.generate({ format: 'iife' })).output[0].code;
    await b.close();
  });
  const BANNER = '<button id="accept" onclick="tcfCmp.accept()">Accept</button><button id="deny" onclick="tcfCmp.deny()">Refuse</button>'
    + '<button id="no-vendor" onclick="tcfCmp.accept([1, 7, 8, 9, 10], [756])">Accept others</button>';
  const open = async (page: any, server: any, consent: Record<string, unknown>, before = '', path = '/landing') => {
    server.route('/tcf-cmp.js', bundle, { type: 'text/javascript' });
    await openCmpPage(page, server, { consent: { cmp: 'tcf', ...consent }, before, cmp: '<script src="/tcf-cmp.js"></script>', body: BANNER }, path);
    await page.locator('html[data-tcf-ready]').waitFor({ state: 'attached' });
  };

  test('the banner shown (cmpuishown) is no decision; accept grants; a later refusal withdraws', async ({ page, server, errors }) => {
    await open(page, server, { tcf: { vendorId: 755 } });
    await page.waitForTimeout(300);
    expect((await mgtState(page)).consent).toBe('unknown');
    expect(await deviceClean(page)).toEqual({ cookies: [], local: [], session: [], idb: [] });
    expect(identified(server)).toEqual([]);

    await page.click('#accept');
    await granted(page);
    expect(await mgtStored(page)).toEqual({ visitor: true, session: true });
    expect(await sources(page)).toEqual(['granted:tcf']);

    await page.click('#deny');
    await denied(page);
    expect(await mgtStored(page)).toEqual({ visitor: false, session: false });
    expect(await sources(page)).toEqual(['granted:tcf', 'denied:tcf']);
    expect(errors).toEqual([]);
  });

  test('consent to the purposes without our vendor is a refusal when vendorId is set, a grant otherwise', async ({ page, server, errors }) => {
    await open(page, server, { tcf: { vendorId: 755 } });
    await page.click('#no-vendor');
    await denied(page);
    await open(page, server, {}, '', '/other');
    await page.click('#no-vendor');
    await granted(page);
    expect(errors).toEqual([]);
  });

  test("a returning visitor's TC string (tcloaded) grants on load; gdprApplies false grants", async ({ page, server, errors }) => {
    await open(page, server, { tcf: { vendorId: 755 } });
    await page.click('#accept');
    await granted(page);
    const tc = await page.evaluate(() => (window as any).tcfLast);
    expect(tc).toMatch(/^C/);
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());

    await open(page, server, { tcf: { vendorId: 755 } }, `<script>window.tcfStored = ${JSON.stringify(tc)};</script>`, '/back');
    await granted(page);
    expect(await sources(page)).toEqual(['granted:tcf']);

    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    await open(page, server, {}, '<script>window.tcfNoGdpr = true;</script>', '/abroad');
    await granted(page);
    expect(errors).toEqual([]);
  });
});
