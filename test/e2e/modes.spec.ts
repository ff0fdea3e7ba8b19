// The five modes (SPEC 6.1): what each one swaps, stores and sends, over a real multi-page journey
// (landing with gclid + UTM -> internal pages reached by clicking links), with consent granted.
import { test, expect, deviceStorage } from './support/fixtures';
import {
  ORIGINAL, TRACKED, TRACKED_E164, GRANT, cfg, serve, follow, state, session, visitorCookie, leave,
  eventsAtLeast, settle, expectBatches, bodyText,
} from './support/journey';
import type { TestServer } from './support/server';

const QUERY = '?gclid=G1&utm_source=google&utm_medium=cpc&utm_campaign=spring#top';
const LANDING_KEPT = '/landing?gclid=G1&utm_source=google&utm_medium=cpc&utm_campaign=spring';

/** Three pages linked together, each with the snippet, the config and (optionally) a queued grant. */
function site(server: TestServer, config: Record<string, unknown>, queued = GRANT): void {
  const body = (next: string) => `<p id="n">Call ${ORIGINAL}</p><a id="next" href="${next}">next</a><a id="tel" href="tel:0970000001">${TRACKED}</a>`;
  serve(server, '/landing', { config, queued, body: body('/products'), title: 'Landing' });
  serve(server, '/products', { config, queued, body: body('/contact'), title: 'Products' });
  serve(server, '/contact', { config, queued, body: body('/landing'), title: 'Contact us' });
}

async function journey3(page: import('@playwright/test').Page, server: TestServer): Promise<void> {
  await page.goto(server.url('/landing') + QUERY);
  await follow(page, '#next');
  await follow(page, '#next');
}

test.describe('invisible mode', () => {
  test('swaps the default numbers, stores nothing and sends nothing, even with consent', async ({ page, server, errors }) => {
    site(server, { mode: 'invisible', endpoint: server.endpoint, numbers: { [ORIGINAL]: TRACKED } });
    await journey3(page, server);
    const s = await state(page);
    expect(s).toMatchObject({ mode: 'invisible', consent: 'granted', persistent: false, numbers: { [ORIGINAL]: TRACKED } });
    expect(s.visitor).toBeUndefined();
    expect(await deviceStorage(page)).toEqual({ cookie: '', local: {}, session: {}, idb: [] });
    await page.click('#tel');
    await leave(page);
    await settle(page);
    expect(server.collected).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('(DOM) the default number is shown in place of the original', async ({ page, server }) => {
    site(server, { mode: 'invisible', numbers: { [ORIGINAL]: TRACKED } });
    await page.goto(server.url('/landing'));
    await expect(page.locator('#n')).toHaveText(`Call ${TRACKED}`);
  });
});

test.describe('rotation mode', () => {
  const conditions = [{ id: 'ads', source: 'paid', numbers: { [ORIGINAL]: '09 70 00 00 02' } }];

  test('with consent: stores mgt_visitor and mgt_session (no pageviews), swaps by condition, sends nothing', async ({ page, server, context, errors }) => {
    site(server, { mode: 'rotation', numbers: { [ORIGINAL]: TRACKED }, conditions });
    await journey3(page, server);
    const s = await state(page);
    expect(s).toMatchObject({ mode: 'rotation', persistent: true, source: 'paid', condition: 'ads', numbers: { [ORIGINAL]: '09 70 00 00 02' } });
    const [cookie] = await visitorCookie(context);
    expect(s.visitor).toBe(cookie.value);
    const stored = await session(page);
    expect(stored).toEqual({
      v: 1, condition: 'ads', landing: server.url(LANDING_KEPT), last_action: expect.any(Number), last_url: server.url('/contact'),
      referrer: 'direct', source: 'paid', to_swap: [{ original: ORIGINAL, tracked: '09 70 00 00 02' }], tracking_ids: { gclid: 'G1' },
    });
    await page.click('#tel');
    await leave(page);
    await settle(page);
    expect(server.collected).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('without consent (consent.required default true): stores nothing, still swaps by condition', async ({ page, server, errors }) => {
    site(server, { mode: 'rotation', numbers: { [ORIGINAL]: TRACKED }, conditions }, '');
    await page.goto(server.url('/landing') + QUERY);
    expect(await state(page)).toMatchObject({ consent: 'unknown', persistent: false, source: 'paid', condition: 'ads', numbers: { [ORIGINAL]: '09 70 00 00 02' } });
    expect(await deviceStorage(page)).toEqual({ cookie: '', local: {}, session: {}, idb: [] });
    await leave(page);
    await settle(page);
    expect(server.collected).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('consent.required:false stores before any consent, and a denial erases both at once on the same page', async ({ page, server, context, errors }) => {
    site(server, { mode: 'rotation', numbers: { [ORIGINAL]: TRACKED }, conditions, consent: { required: false } }, '');
    await page.goto(server.url('/landing') + '?utm_source=google&utm_medium=cpc');
    expect(await state(page)).toMatchObject({ consent: 'unknown', persistent: true, source: 'paid' });
    expect(await visitorCookie(context)).toHaveLength(1);
    expect(await session(page)).toMatchObject({ v: 1, source: 'paid', condition: 'ads' });
    await follow(page, '#next');
    expect(await session(page)).toMatchObject({ last_url: server.url('/products'), source: 'paid' });
    await page.evaluate(() => (window as any).mgt('consent', 'denied'));
    expect(await visitorCookie(context)).toEqual([]);
    expect(await deviceStorage(page)).toEqual({ cookie: '', local: {}, session: {}, idb: [] });
    expect(await state(page)).toMatchObject({ consent: 'denied', persistent: false });
    // Still swapping on the page, now from the cookieless decision.
    expect((await state(page)).numbers).toEqual({ [ORIGINAL]: TRACKED });
    await page.click('#tel');
    await page.evaluate(() => (window as any).mgt('pageview'));
    expect(await deviceStorage(page)).toEqual({ cookie: '', local: {}, session: {}, idb: [] });
    await leave(page);
    await settle(page);
    expect(server.collected).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('consent.required:false without consent keeps tracking IDs out of storage (SPEC 6.4)', async ({ page, server, errors }) => {
    site(server, { mode: 'rotation', numbers: { [ORIGINAL]: TRACKED }, conditions, consent: { required: false } }, '');
    await page.goto(server.url('/landing') + '?gclid=G1&utm_source=google&msclkid=M1&campaignid=123');
    const stored = await session(page);
    expect(stored.source).toBe('paid');
    expect(stored.tracking_ids).toEqual({});
    expect(stored.landing).toBe(server.url('/landing?utm_source=google'));
    expect(stored.last_url).toBe(server.url('/landing?utm_source=google'));
    // Nothing on the device holds an ID. The random visitor ID may contain 'G1' by chance, and
    // last_action (a timestamp) '123': they are checked for their shape instead.
    const device = await deviceStorage(page);
    expect(device.cookie).toMatch(/^mgt_visitor=[\w-]{22}$/);
    expect(Object.keys(device.local)).toEqual(['mgt_session']);
    expect(JSON.stringify({ ...device, cookie: '', local: { ...stored, last_action: 0 } })).not.toMatch(/G1|M1|123/);
    expect(errors).toEqual([]);
  });
});

test.describe('collecting modes over a three-page journey with consent', () => {
  test('origin: session without pageviews; one identified visit event, no pageview events', async ({ page, server, context, errors }) => {
    site(server, cfg(server));
    await journey3(page, server);
    const [cookie] = await visitorCookie(context);
    const stored = await session(page);
    expect(stored).toEqual({
      v: 1, condition: null, landing: server.url(LANDING_KEPT), last_action: expect.any(Number), last_url: server.url('/contact'),
      referrer: 'direct', source: 'paid', to_swap: [{ original: ORIGINAL, tracked: TRACKED }], tracking_ids: { gclid: 'G1' },
    });
    await leave(page);
    await settle(page);
    const events = server.events();
    expect(events.map((e) => e.type)).toEqual(['visit']);
    expect(events[0]).toMatchObject({
      type: 'visit', mode: 'origin', cookieless: false, ts: expect.any(Number), source: 'paid', condition: null,
      landing: server.url(LANDING_KEPT), referrer: 'direct', tracking_ids: { gclid: 'G1' }, visitor: cookie.value, number: TRACKED_E164,
    });
    expectBatches(server, 'site-1');
    expect(errors).toEqual([]);
  });

  test('traffic: pageviews counted in mgt_session and sent as counters 1, 2, 3 without url or title', async ({ page, server, context, errors }) => {
    site(server, cfg(server, { mode: 'traffic' }));
    await page.goto(server.url('/landing') + QUERY);
    expect((await session(page)).pageviews).toBe(1);
    await follow(page, '#next');
    expect((await session(page)).pageviews).toBe(2);
    await follow(page, '#next');
    expect((await session(page)).pageviews).toBe(3);
    // Exactly the documented fields, pageviews included.
    expect(Object.keys(await session(page)).sort()).toEqual(
      ['condition', 'landing', 'last_action', 'last_url', 'pageviews', 'referrer', 'source', 'to_swap', 'tracking_ids', 'v'],
    );
    const [cookie] = await visitorCookie(context);
    await leave(page);
    const events = await eventsAtLeast(server, 4);
    await settle(page, 500);
    expect(server.events().map((e) => e.type)).toEqual(['visit', 'pageview', 'pageview', 'pageview']);
    const views = events.filter((e) => e.type === 'pageview');
    expect(views.map((e) => e.count)).toEqual([1, 2, 3]);
    for (const v of views) {
      expect(v).toMatchObject({ mode: 'traffic', cookieless: false, visitor: cookie.value, number: TRACKED_E164, ts: expect.any(Number) });
      expect(v).not.toHaveProperty('url');
      expect(v).not.toHaveProperty('title');
    }
    expectBatches(server, 'site-1');
    expect(errors).toEqual([]);
  });

  test('journey: pageview events carry the redacted url and the title of each page', async ({ page, server, context, errors }) => {
    site(server, cfg(server, { mode: 'journey' }));
    await journey3(page, server);
    expect((await session(page)).pageviews).toBe(3);
    const [cookie] = await visitorCookie(context);
    await leave(page);
    await eventsAtLeast(server, 4);
    await settle(page, 500);
    const events = server.events();
    expect(events.map((e) => e.type)).toEqual(['visit', 'pageview', 'pageview', 'pageview']);
    expect(events.slice(1).map((e) => [e.url, e.title])).toEqual([
      [server.url(LANDING_KEPT), 'Landing'],
      [server.url('/products'), 'Products'],
      [server.url('/contact'), 'Contact us'],
    ]);
    for (const e of events) expect(e).toMatchObject({ mode: 'journey', cookieless: false, visitor: cookie.value });
    for (const e of events.slice(1)) expect(e).not.toHaveProperty('count');
    expectBatches(server, 'site-1');
    expect(errors).toEqual([]);
  });

  test('a click on a tel: link showing the tracked number sends a call event; another number sends none', async ({ page, server, context, errors }) => {
    site(server, cfg(server, { mode: 'origin' }));
    serve(server, '/call', {
      config: cfg(server), queued: GRANT,
      body: `<a id="tracked" href="tel:0970000001">${TRACKED}</a><a id="other" href="tel:0155555555">01 55 55 55 55</a>` +
        `<a id="callto" href="callto:09.70.00.00.01"><span id="inner">call us</span></a>`,
    });
    await page.goto(server.url('/call') + '?utm_source=news&email=a@b.fr#x');
    const [cookie] = await visitorCookie(context);
    await page.click('#other');
    await page.click('#tracked');
    const calls = async () => (await eventsAtLeast(server, 1)).filter((e) => e.type === 'call');
    await expect.poll(async () => (await calls()).length).toBe(1);
    expect((await calls())[0]).toEqual({
      type: 'call', mode: 'origin', cookieless: false, ts: expect.any(Number), source: 'campaign', condition: null,
      number: TRACKED_E164, page: server.url('/call?utm_source=news'), visitor: cookie.value,
    });
    await page.click('#inner');
    await expect.poll(async () => (await calls()).length).toBe(2);
    await leave(page);
    await settle(page);
    expect(server.events().filter((e) => e.type === 'call')).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  test('(DOM) a click on a swapped original tel: link reports the tracked number', async ({ page, server }) => {
    serve(server, '/call', { config: cfg(server), queued: GRANT, body: `<a id="t" href="tel:+33123456789">${ORIGINAL}</a>` });
    await page.goto(server.url('/call'));
    await expect(page.locator('#t')).toHaveText(TRACKED);
    await page.click('#t');
    const events = await eventsAtLeast(server, 2);
    expect(events.filter((e) => e.type === 'call').map((e) => e.number)).toEqual([TRACKED_E164]);
  });

  test('(DOM) collecting mode shows the tracked number on every page of the journey', async ({ page, server }) => {
    site(server, cfg(server, { mode: 'journey' }));
    await page.goto(server.url('/landing'));
    expect(await bodyText(page)).toContain(TRACKED);
    expect(await bodyText(page)).not.toContain(ORIGINAL);
    await follow(page, '#next');
    await expect(page.locator('#n')).toHaveText(`Call ${TRACKED}`);
  });
});
