// Consent core (SPEC 7, 8, 9): the cookieless mode before and without consent, grant on the landing
// page, denial, GPC, repeated signals, withdrawal on the same page and from another tab.
import { test, expect, deviceStorage } from './support/fixtures';
import {
  ORIGINAL, TRACKED, GRANT, anyHostLaunch, at, cfg, serve, open, follow, state, session, visitorCookie, leave, eventsAtLeast, settle,
  expectAnonymous,
} from './support/journey';
import type { Page } from '@playwright/test';

test.use({ launchOptions: anyHostLaunch });

const LISTEN = "mgt('on','consent',function(e){(window.__consent=window.__consent||[]).push(e)});";
const body = `<p id="n">Call ${ORIGINAL}</p><a id="next" href="/products">next</a><a id="tel" href="tel:0970000001">${TRACKED}</a>`;

/**
 * Records every access of dist/mgt.js to device storage and fingerprinting surfaces (the caller's
 * stack names the script), so the cookieless mode can be checked to read and write nothing.
 */
async function spyDevice(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as any;
    w.__access = [];
    const mark = (what: string) => {
      if (String(new Error().stack).includes('/dist/mgt.js')) w.__access.push(what);
    };
    const accessor = (proto: any, prop: string, name: string) => {
      const d = Object.getOwnPropertyDescriptor(proto, prop);
      if (!d || !d.get) return;
      Object.defineProperty(proto, prop, {
        configurable: true, enumerable: d.enumerable,
        get() { mark(name); return d.get!.call(this); },
        set: d.set ? function (this: any, v: any) { mark(name + '='); d.set!.call(this, v); } : undefined,
      });
    };
    const method = (proto: any, prop: string, name: string) => {
      const f = proto && proto[prop];
      if (typeof f !== 'function') return;
      proto[prop] = function (this: any, ...a: any[]) { mark(name); return f.apply(this, a); };
    };
    accessor(Document.prototype, 'cookie', 'document.cookie');
    accessor(Window.prototype, 'localStorage', 'localStorage');
    accessor(Window.prototype, 'sessionStorage', 'sessionStorage');
    accessor(Window.prototype, 'indexedDB', 'indexedDB');
    accessor(Window.prototype, 'caches', 'caches');
    for (const m of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) method(Storage.prototype, m, 'Storage.' + m);
    method(IDBFactory.prototype, 'open', 'indexedDB.open');
    method(HTMLCanvasElement.prototype, 'getContext', 'canvas.getContext');
    method(HTMLCanvasElement.prototype, 'toDataURL', 'canvas.toDataURL');
    method(w.OfflineAudioContext && w.OfflineAudioContext.prototype, 'startRendering', 'audio');
    method(w.AudioContext && w.AudioContext.prototype, 'createOscillator', 'audio');
    method(w.WebGLRenderingContext && w.WebGLRenderingContext.prototype, 'getParameter', 'webgl');
    method(w.FontFaceSet && w.FontFaceSet.prototype, 'check', 'fonts');
    for (const p of ['plugins', 'mimeTypes', 'hardwareConcurrency', 'deviceMemory', 'languages']) accessor(Navigator.prototype, p, 'navigator.' + p);
    for (const p of ['width', 'height', 'colorDepth', 'availWidth']) accessor(Screen.prototype, p, 'screen.' + p);
  });
}
const accesses = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).__access);

async function gpc(page: Page): Promise<void> {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }));
}

test.describe('cookieless before consent', () => {
  test('nothing read or written on the device, no fingerprinting, no request until pagehide; then only anonymous events', async ({ page, server, errors }) => {
    await spyDevice(page);
    serve(server, '/landing', { config: cfg(server, { mode: 'journey' }), body, title: 'Secret title' });
    serve(server, '/products', { config: cfg(server, { mode: 'journey' }), body, title: 'Products' });
    await page.goto(server.url('/landing?gclid=G1&utm_source=google&utm_medium=cpc&utm_campaign=spring#frag'));
    expect(await state(page)).toMatchObject({ consent: 'unknown', persistent: false, source: 'paid', landing: '/landing', numbers: { [ORIGINAL]: TRACKED } });
    expect((await state(page)).visitor).toBeUndefined();
    await page.click('#tel');
    await settle(page, 1500);
    expect(server.collected).toEqual([]);
    expect(await deviceStorage(page)).toEqual({ cookie: '', local: {}, session: {}, idb: [] });
    expect(await accesses(page)).toEqual([]);
    await follow(page, '#next');
    const events = await eventsAtLeast(server, 3);
    expect(events.slice(0, 3).map((e) => e.type)).toEqual(['visit', 'pageview', 'call']);
    for (const e of events) expectAnonymous(e);
    expect(events[0]).toEqual({ type: 'visit', mode: 'journey', cookieless: true, ts: expect.any(Number), source: 'paid', condition: null, number: '+33970000001', landing: '/landing', referrer: 'direct' });
    expect(events[1]).toEqual({ type: 'pageview', mode: 'journey', cookieless: true, ts: expect.any(Number), source: 'paid', condition: null, number: '+33970000001', url: '/landing' });
    expect(events[2]).toMatchObject({ type: 'call', cookieless: true, number: '+33970000001', page: '/landing' });
    expect(JSON.stringify(server.collected.map((r) => r.body))).not.toMatch(/G1|gclid|Secret title|spring|frag/);
    // The internal page: cookieless, this page alone (direct), no new visit.
    expect(await accesses(page)).toEqual([]);
    await leave(page);
    await eventsAtLeast(server, 4);
    await settle(page, 500);
    expect(server.events().slice(3).map((e) => [e.type, e.url])).toEqual([['pageview', '/products']]);
    expect(errors).toEqual([]);
  });

  test('granting on the landing page: exactly one identified visit, never an anonymous one', async ({ page, server, context }) => {
    await open(page, server, '/landing', { config: cfg(server, { mode: 'journey' }), body, title: 'Landing' }, '?gclid=G1&utm_source=google');
    await page.click('#tel');
    await settle(page, 300);
    await page.evaluate(() => (window as any).mgt('consent', 'granted'));
    const [cookie] = await visitorCookie(context);
    expect(await session(page)).toMatchObject({ source: 'paid', tracking_ids: { gclid: 'G1' }, landing: server.url('/landing?gclid=G1&utm_source=google'), pageviews: 1 });
    await leave(page);
    await eventsAtLeast(server, 3);
    await settle(page, 500);
    const events = server.events();
    expect(events.map((e) => e.type).sort()).toEqual(['call', 'pageview', 'visit']);
    for (const e of events) expect(e).toMatchObject({ cookieless: false, visitor: cookie.value });
    expect(events.find((e) => e.type === 'visit')).toMatchObject({ tracking_ids: { gclid: 'G1' }, source: 'paid' });
    expect(events.find((e) => e.type === 'pageview')).toMatchObject({ title: 'Landing', url: server.url('/landing?gclid=G1&utm_source=google') });
  });

  test('denying: the anonymous events go out without waiting for pagehide; nothing stored', async ({ page, server }) => {
    await open(page, server, '/landing', { config: cfg(server, { mode: 'traffic' }), body }, '?utm_medium=email');
    await page.evaluate(() => (window as any).mgt('consent', 'denied'));
    const events = await eventsAtLeast(server, 2, 4000);
    expect(events.map((e) => [e.type, e.source, e.count])).toEqual([['visit', 'email', undefined], ['pageview', 'email', 1]]);
    for (const e of events) expectAnonymous(e);
    expect(await deviceStorage(page)).toEqual({ cookie: '', local: {}, session: {}, idb: [] });
  });

  test("probabilistic:'always' never stores, even with consent, and sends anonymous events", async ({ page, server, errors }) => {
    await spyDevice(page);
    await open(page, server, '/landing', { config: cfg(server, { mode: 'journey', probabilistic: 'always' }), queued: GRANT, body }, '?gclid=G1');
    expect(await state(page)).toMatchObject({ consent: 'granted', persistent: false, source: 'paid' });
    await leave(page);
    const events = await eventsAtLeast(server, 2);
    for (const e of events) expectAnonymous(e);
    expect(JSON.stringify(events)).not.toContain('G1');
    expect(errors).toEqual([]);
    await page.goto(server.url('/landing'));
    expect(await deviceStorage(page)).toEqual({ cookie: '', local: {}, session: {}, idb: [] });
    expect(await accesses(page)).toEqual([]);
  });

  test("probabilistic:'off' without consent: only the default numbers, nothing sent even on pagehide", async ({ page, server }) => {
    const config = cfg(server, { mode: 'journey', probabilistic: 'off', conditions: [{ id: 'ads', source: 'paid', numbers: { [ORIGINAL]: '09 70 00 00 02' } }] });
    await open(page, server, '/landing', { config, body }, '?gclid=G1');
    expect((await state(page)).numbers).toEqual({ [ORIGINAL]: TRACKED });
    await page.click('#tel');
    await page.evaluate(() => (window as any).mgt('consent', 'denied'));
    expect((await state(page)).numbers).toEqual({ [ORIGINAL]: TRACKED });
    await leave(page);
    await settle(page);
    expect(server.collected).toEqual([]);
  });

  test("probabilistic:'off' with consent works as usual", async ({ page, server }) => {
    const config = cfg(server, { mode: 'origin', probabilistic: 'off', conditions: [{ id: 'ads', source: 'paid', numbers: { [ORIGINAL]: '09 70 00 00 02' } }] });
    await open(page, server, '/landing', { config, queued: GRANT, body }, '?gclid=G1');
    expect(await state(page)).toMatchObject({ persistent: true, condition: 'ads', numbers: { [ORIGINAL]: '09 70 00 00 02' } });
    const [visit] = await eventsAtLeast(server, 1);
    expect(visit).toMatchObject({ type: 'visit', cookieless: false });
  });
});

test.describe('consent signals', () => {
  test('GPC: the initial state is denied (source gpc), anonymous events are sent; an explicit grant overrides it', async ({ page, server, context }) => {
    await gpc(page);
    await open(page, server, '/landing', { config: cfg(server, { mode: 'origin' }), before: LISTEN, body }, '?gclid=G1');
    expect(await state(page)).toMatchObject({ consent: 'denied', persistent: false });
    expect(await page.evaluate(() => (window as any).__consent)).toEqual([{ state: 'denied', source: 'gpc' }]);
    const [anon] = await eventsAtLeast(server, 1, 4000);
    expectAnonymous(anon);
    await page.evaluate(() => (window as any).mgt('consent', true));
    expect(await state(page)).toMatchObject({ consent: 'granted', persistent: true });
    const [cookie] = await visitorCookie(context);
    expect(await page.evaluate(() => (window as any).__consent)).toEqual([{ state: 'denied', source: 'gpc' }, { state: 'granted', source: 'command' }]);
    const events = await eventsAtLeast(server, 2);
    expect(events[1]).toMatchObject({ type: 'visit', cookieless: false, visitor: cookie.value, tracking_ids: { gclid: 'G1' } });
  });

  test('GPC with a grant queued in the snippet: granted', async ({ page, server, context }) => {
    await gpc(page);
    await open(page, server, '/landing', { config: cfg(server), queued: GRANT, body });
    expect(await state(page)).toMatchObject({ consent: 'granted', persistent: true });
    expect(await visitorCookie(context)).toHaveLength(1);
  });

  test('consent.gpc:false ignores GPC: the state stays unknown', async ({ page, server }) => {
    await gpc(page);
    await open(page, server, '/landing', { config: cfg(server, { consent: { gpc: false } }), before: LISTEN, body });
    expect((await state(page)).consent).toBe('unknown');
    expect(await page.evaluate(() => (window as any).__consent)).toBeUndefined();
    await settle(page, 1500);
    expect(server.collected).toEqual([]);
  });

  test('repeated identical signals are no-ops: one visit, one cookie write, one session write, one consent event', async ({ page, server }) => {
    await page.addInitScript(() => {
      const w = window as any;
      w.__writes = { cookie: 0, session: 0 };
      const d = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
      Object.defineProperty(Document.prototype, 'cookie', { configurable: true, get() { return d.get!.call(this); }, set(v) { if (/^mgt_visitor=/.test(v)) w.__writes.cookie++; d.set!.call(this, v); } });
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k: string, v: string) { if (k === 'mgt_session') w.__writes.session++; return set.call(this, k, v); };
    });
    await open(page, server, '/landing', { config: cfg(server, { mode: 'origin' }), before: LISTEN, body });
    await page.evaluate(() => { const m = (window as any).mgt; m('consent', 'granted'); m('consent', 'granted'); m('consent', true); });
    await page.evaluate(() => (window as any).mgt('consent', 'granted'));
    expect(await page.evaluate(() => (window as any).__writes)).toEqual({ cookie: 1, session: 1 });
    expect(await page.evaluate(() => (window as any).__consent)).toEqual([{ state: 'granted', source: 'command' }]);
    await page.evaluate(() => { const m = (window as any).mgt; m('consent', 'denied'); m('consent', false); m('consent', 'denied'); });
    expect(await page.evaluate(() => (window as any).__consent)).toHaveLength(2);
    await leave(page);
    await eventsAtLeast(server, 1);
    await settle(page, 500);
    expect(server.events().filter((e) => e.type === 'visit')).toHaveLength(1);
  });

  test('a call made while consent is unknown and then granted is reported identified', async ({ page, server, context }) => {
    await open(page, server, '/landing', { config: cfg(server), body });
    await page.click('#tel');
    await page.evaluate(() => (window as any).mgt('consent', 'granted'));
    const [cookie] = await visitorCookie(context);
    await leave(page);
    await eventsAtLeast(server, 2);
    const call = server.events().find((e) => e.type === 'call');
    expect(call).toMatchObject({ cookieless: false, visitor: cookie.value, number: '+33970000001' });
  });
});

test.describe('withdrawal', () => {
  test('on the same page: cookie (host-only and Domain variants) and mgt_session gone at once, no identified request after', async ({ page, server, context }) => {
    const host = 'www.shop.test';
    const config = cfg(server, { mode: 'journey', spa: true, cookie: { domain: 'shop.test' } });
    serve(server, '/landing', { config, queued: GRANT, body });
    await context.addCookies([{ name: 'mgt_visitor', value: 'HostOnlyVariant0000000', url: at(server, host, '/') }]);
    await page.goto(at(server, host, '/landing?gclid=G1'));
    await context.addCookies([{ name: 'mgt_visitor', value: 'OtherDomainVariant0000', domain: '.www.shop.test', path: '/' }]);
    expect((await visitorCookie(context)).length).toBeGreaterThanOrEqual(2);
    await eventsAtLeast(server, 2);
    const identified = server.events().length;
    const before = Date.now();
    await page.evaluate(() => (window as any).mgt('consent', 'denied'));
    expect(await visitorCookie(context)).toEqual([]);
    expect(await session(page)).toBeNull();
    expect(await state(page)).toMatchObject({ consent: 'denied', persistent: false });
    expect((await state(page)).visitor).toBeUndefined();
    await page.evaluate(() => history.pushState({}, '', '/after'));
    await page.click('#tel');
    await leave(page);
    await eventsAtLeast(server, identified + 2);
    await settle(page, 500);
    const after = server.events().slice(identified);
    expect(after.map((e) => e.type)).toEqual(['pageview', 'call']);
    for (const e of after) expectAnonymous(e);
    expect(after.every((e) => e.ts >= before)).toBe(true);
    expect(await visitorCookie(context)).toEqual([]);
  });

  test('events still queued when consent is withdrawn are sent without identifiers (or not at all)', async ({ page, server }) => {
    await open(page, server, '/landing', { config: cfg(server, { mode: 'journey' }), body, title: 'T' }, '?gclid=G1');
    await page.evaluate(() => { const m = (window as any).mgt; m('consent', 'granted'); m('consent', 'denied'); });
    await leave(page);
    await settle(page);
    for (const e of server.events()) expectAnonymous(e);
    expect(JSON.stringify(server.events())).not.toContain('G1');
    expect(server.events().filter((e) => e.type === 'visit').length).toBeLessThanOrEqual(1);
  });

  test('withdrawal with a leased number: the page switches to the cookieless numbers', async ({ page, server }) => {
    server.onLease = () => ({ body: { numbers: { [ORIGINAL]: '09 70 00 00 42' }, ttl: 600 } });
    const config = cfg(server, { mode: 'origin', conditions: [{ id: 'ads', source: 'paid', pool: 'main', numbers: { [ORIGINAL]: '09 70 00 00 02' } }] });
    await open(page, server, '/landing', { config, queued: GRANT, body }, '?gclid=G');
    await expect.poll(async () => (await state(page)).numbers).toEqual({ [ORIGINAL]: '09 70 00 00 42' });
    await page.evaluate(() => (window as any).mgt('consent', 'denied'));
    expect((await state(page)).numbers).toEqual({ [ORIGINAL]: '09 70 00 00 02' });
    expect(await session(page)).toBeNull();
  });

  test('another tab withdraws: this tab never re-creates mgt_visitor or mgt_session, and sends no identifier', async ({ context, server }) => {
    const config = cfg(server, { mode: 'journey', spa: true });
    serve(server, '/landing', { config, queued: GRANT, body });
    const tab1 = await context.newPage();
    await tab1.goto(server.url('/landing'));
    const [cookie] = await visitorCookie(context);
    const tab2 = await context.newPage();
    await tab2.goto(server.url('/landing'));
    expect((await state(tab2)).visitor).toBe(cookie.value);
    await eventsAtLeast(server, 3);
    await settle(tab1, 1200);
    const seen = server.events().length;
    await tab2.evaluate(() => (window as any).mgt('consent', 'denied'));
    expect(await visitorCookie(context)).toEqual([]);
    await tab1.evaluate(() => history.pushState({}, '', '/spa-view'));
    await tab1.click('#tel');
    await tab1.evaluate(() => (window as any).mgt('pageview', '/other'));
    expect(await visitorCookie(context)).toEqual([]);
    expect(await session(tab1)).toBeNull();
    expect(await state(tab1)).toMatchObject({ persistent: false });
    expect((await state(tab1)).visitor).toBeUndefined();
    await leave(tab1);
    await leave(tab2);
    await eventsAtLeast(server, seen + 3);
    await settle(tab1, 500);
    for (const e of server.events().slice(seen)) expectAnonymous(e);
    expect(await visitorCookie(context)).toEqual([]);
  });

  test('another tab withdraws and this tab navigates with its CMP still saying granted: granted again, new visitor', async ({ context, server }) => {
    // SPEC 7: a tab never re-creates mgt_visitor "unless consent is granted again" — a page load with a grant is that.
    const config = cfg(server, { mode: 'origin' });
    serve(server, '/landing', { config, queued: GRANT, body });
    serve(server, '/products', { config, queued: GRANT, body });
    const tab1 = await context.newPage();
    await tab1.goto(server.url('/landing'));
    const [first] = await visitorCookie(context);
    const tab2 = await context.newPage();
    await tab2.goto(server.url('/landing'));
    await tab2.evaluate(() => (window as any).mgt('consent', 'denied'));
    await follow(tab1, '#next');
    const [second] = await visitorCookie(context);
    expect(second.value).not.toBe(first.value);
  });
});
