// The consent lifecycle in every engine (SPEC 6.5, 7, 9): nothing stored or sent before the
// decision, a grant on the landing page stores the cookie and the session and reports one
// identified visit, the first entry is kept across loads, a withdrawal erases everything on the
// same page; Global Privacy Control starts as a refusal that an explicit grant overrides.
import { test, expect, type Tab, type TestServer } from './support/fixtures';
import { LISTEN, ORIGINAL, TRACKED, mgtState, mgtStored, openPage, pageErrors, stored } from './support/pages';

/** A page of `origin` mode; `queued` commands run right after init, as a CMP's stored choice would. */
function open(tab: Tab, server: TestServer, path: string, query = '', head = '', queued = ''): Promise<void> {
  const config = { mode: 'origin', endpoint: server.endpoint, site: 'test', numbers: { [ORIGINAL]: TRACKED } };
  return openPage(tab, server, path, { config, queued: LISTEN + queued, head, body: `<p id="n">Call <a href="tel:0123456789">${ORIGINAL}</a></p>` }, query);
}

const consentEvents = (tab: Tab): Promise<string[]> => tab.run(() => (window as any).__consent);

test('grant on the landing page stores and reports one identified visit; first entry kept; withdrawal erases on the same page', async ({ tab, server }) => {
  await open(tab, server, '/landing', '?utm_source=news&utm_medium=email&gclid=G1');
  expect(await mgtState(tab)).toMatchObject({ mode: 'origin', consent: 'unknown', persistent: false, source: 'paid', numbers: { [ORIGINAL]: TRACKED } });
  expect(await tab.run(() => document.getElementById('n')!.textContent)).toBe(`Call ${TRACKED}`);
  expect(await stored(tab)).toEqual({ cookie: '', local: [], session: [] });
  expect(server.collected).toEqual([]); // anonymous events wait for the decision

  await tab.run(() => (window as any).mgt('consent', 'granted'));
  expect(await consentEvents(tab)).toEqual(['granted:command']);
  expect(await mgtStored(tab)).toEqual({ visitor: true, session: true });
  const { visitor } = await mgtState(tab);
  expect(visitor).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  expect(await tab.run(() => JSON.parse(localStorage.getItem('mgt_session')!))).toMatchObject({ v: 1, source: 'paid', landing: expect.stringContaining('/landing?'), tracking_ids: { gclid: 'G1' } });

  // Leaving the page flushes the batch: one identified visit, never an anonymous one as well.
  // The CMP repeats the stored choice on every page (the module stores no consent of its own).
  await open(tab, server, '/again', '?utm_source=bing&utm_medium=cpc', '', "mgt('consent','granted');");
  await expect.poll(() => server.events().length).toBeGreaterThan(0);
  expect(server.events()).toEqual([expect.objectContaining({ type: 'visit', cookieless: false, visitor, source: 'paid', tracking_ids: { gclid: 'G1' } })]);
  expect(await consentEvents(tab)).toEqual(['granted:command']);
  // first_entry: a later arrival from another campaign keeps the first source, the same visitor.
  expect(await mgtState(tab)).toMatchObject({ consent: 'granted', persistent: true, source: 'paid', visitor });

  await tab.run(() => (window as any).mgt('consent', 'denied'));
  expect(await consentEvents(tab)).toEqual(['granted:command', 'denied:command']);
  expect(server.events().filter((e) => e.visitor && e.type !== 'visit')).toEqual([]);
  expect(await stored(tab)).toEqual({ cookie: '', local: [], session: [] });
  expect(await mgtState(tab)).toMatchObject({ consent: 'denied', persistent: false });
  expect((await mgtState(tab)).visitor).toBeUndefined();
  expect(await tab.run(() => document.getElementById('n')!.textContent)).toBe(`Call ${TRACKED}`);

  // The next page starts without consent again, and stores nothing.
  await open(tab, server, '/third');
  expect(await mgtState(tab)).toMatchObject({ consent: 'unknown', persistent: false, source: 'direct' });
  expect(await stored(tab)).toEqual({ cookie: '', local: [], session: [] });
  expect(await pageErrors(tab)).toEqual([]);
});

test('Global Privacy Control: the initial state is a refusal (source gpc), an explicit grant overrides it', async ({ tab, server }) => {
  // WebKit has no GPC and Firefox enables it by a preference: the signal is set on the page itself.
  const GPC = "<script>Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: function () { return true; }, configurable: true });</script>";
  await open(tab, server, '/gpc', '', GPC);
  expect(await tab.run(() => (navigator as any).globalPrivacyControl)).toBe(true);
  expect(await consentEvents(tab)).toEqual(['denied:gpc']);
  expect(await mgtState(tab)).toMatchObject({ consent: 'denied', persistent: false });
  expect(await stored(tab)).toEqual({ cookie: '', local: [], session: [] });

  await tab.run(() => (window as any).mgt('consent', 'granted'));
  expect(await consentEvents(tab)).toEqual(['denied:gpc', 'granted:command']);
  expect(await mgtStored(tab)).toEqual({ visitor: true, session: true });
  expect(await pageErrors(tab)).toEqual([]);
});

test("debug tells a site owner testing in WebKit (Safari's engine) that ITP shortens the cookie, and only there", async ({ tab, server }) => {
  const config = { mode: 'rotation', debug: true, numbers: { [ORIGINAL]: TRACKED } };
  await openPage(tab, server, '/debug', { config, body: `<p>${ORIGINAL}</p>` });
  const notes = (await tab.run(() => (window as any).__console as string[])).filter((m) => /ITP/.test(m));
  expect(notes).toEqual(tab.engine === 'webkit' ? ['info: [mgt] Safari ITP: cookie 7 days max, 24 h after ad clicks'] : []);
  expect(await pageErrors(tab)).toEqual([]);
});
