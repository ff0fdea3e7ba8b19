// Two real consent banners from node_modules in every engine, clicked as a visitor would:
// tarteaucitron (the README's service `mgt` grants in js(); the built-in adapter handles refusals)
// and orestbida's cookieconsent v3 (the built-in adapter both ways).
import { test, expect, type Tab, type TestServer } from './support/fixtures';
import { LISTEN, ORIGINAL, TRACKED, mgtState, mgtStored, openPage, pageErrors } from './support/pages';
import { COOKIECONSENT, TARTEAUCITRON } from '../support/cmp-setups';

function open(tab: Tab, server: TestServer, consent: Record<string, unknown>, cmp: string, path = '/landing'): Promise<void> {
  const config = { mode: 'origin', endpoint: server.endpoint, site: 'test', numbers: { [ORIGINAL]: TRACKED }, consent };
  return openPage(tab, server, path, { config, queued: LISTEN, head: cmp, body: `<p>Call <a href="tel:0123456789">${ORIGINAL}</a></p>` });
}

const consentEvents = (tab: Tab): Promise<string[]> => tab.run(() => (window as any).__consent);
const consentIs = (tab: Tab, state: string) => tab.until((s: string) => (window as any).mgt('state').consent === s, state);

/**
 * Clicks until the module reports `state`: a banner that is still animating in may drop a click
 * (clicking again an "accept" or "refuse" button that still shows is what a visitor would do).
 */
async function clickUntil(tab: Tab, selector: string, state: string): Promise<void> {
  for (let i = 0; ; i++) {
    await tab.click(selector);
    try {
      await tab.until((s: string) => (window as any).mgt('state').consent === s || null, state);
      return;
    } catch (e) {
      if (i === 2) throw e;
    }
  }
}

test.describe('tarteaucitron', () => {
  test('accept all grants (service js); a refusal in the panel withdraws (adapter); the refusal is read on the next page', async ({ tab, server }) => {
    await open(tab, server, {}, TARTEAUCITRON);
    await tab.until(() => (window as any).tarteaucitron.added?.mgt);
    expect((await mgtState(tab)).consent).toBe('unknown');
    expect(await mgtStored(tab)).toEqual({ visitor: false, session: false });

    await clickUntil(tab, '#tarteaucitronPersonalize2', 'granted');
    expect(await mgtStored(tab)).toEqual({ visitor: true, session: true });
    expect(await consentEvents(tab)).toContain('granted:command');

    await tab.run(() => (window as any).tarteaucitron.userInterface.openPanel());
    await clickUntil(tab, '#mgtDenied', 'denied');
    expect(await mgtStored(tab)).toEqual({ visitor: false, session: false });
    expect((await consentEvents(tab)).pop()).toBe('denied:tarteaucitron');

    await open(tab, server, {}, TARTEAUCITRON, '/next');
    await consentIs(tab, 'denied');
    expect(await consentEvents(tab)).toEqual(['denied:tarteaucitron']);
    expect(await pageErrors(tab)).toEqual([]);
  });
});

test.describe('cookieconsent v3 (orestbida)', () => {
  test('accept all grants, reject all in the preferences withdraws, the refusal is read on the next page', async ({ tab, server }) => {
    await open(tab, server, { cmp: 'cookieconsent' }, COOKIECONSENT);
    expect((await mgtState(tab)).consent).toBe('unknown');
    await clickUntil(tab, '#cc-main .cm button[data-role="all"]', 'granted');
    expect(await mgtStored(tab)).toEqual({ visitor: true, session: true });
    expect(await consentEvents(tab)).toEqual(['granted:cookieconsent']);

    await tab.run(() => (window as any).CookieConsent.showPreferences());
    await clickUntil(tab, '#cc-main .pm button[data-role="necessary"]', 'denied');
    expect(await mgtStored(tab)).toEqual({ visitor: false, session: false });
    expect(await consentEvents(tab)).toEqual(['granted:cookieconsent', 'denied:cookieconsent']);

    await open(tab, server, { cmp: 'cookieconsent' }, COOKIECONSENT, '/next');
    await consentIs(tab, 'denied');
    expect(await consentEvents(tab)).toEqual(['denied:cookieconsent']);
    expect(await pageErrors(tab)).toEqual([]);
  });
});
