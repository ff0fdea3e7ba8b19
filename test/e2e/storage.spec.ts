// What is stored (SPEC 6.5): the mgt_visitor cookie's attributes and lifetime, mgt_session only
// while mgt_visitor exists, and nothing else on the device.
import { test, expect, deviceStorage } from './support/fixtures';
import { GRANT, anyHostLaunch, at, cfg, serve, follow, state, session, visitorCookie, leave, eventsAtLeast } from './support/journey';
import type { TestServer } from './support/server';

test.use({ launchOptions: anyHostLaunch });

const DAY = 86400;

function pages(server: TestServer, config: Record<string, unknown>, queued = GRANT): void {
  const body = '<a id="next" href="/products">next</a>';
  serve(server, '/landing', { config, queued, body });
  serve(server, '/products', { config, queued, body: '<a id="next" href="/landing">back</a>' });
}

test('mgt_visitor: random base64url ID of at least 96 bits, host-only, Path=/, SameSite=Lax, not Secure on http, 30 days by default', async ({ page, server, context, errors }) => {
  pages(server, cfg(server));
  const before = Date.now() / 1000;
  await page.goto(server.url('/landing'));
  const cookies = await visitorCookie(context);
  expect(cookies).toHaveLength(1);
  const [c] = cookies;
  expect(c.value).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  expect(c).toMatchObject({ domain: '127.0.0.1', path: '/', sameSite: 'Lax', secure: false, httpOnly: false });
  expect(c.expires).toBeGreaterThan(before + 30 * DAY - 120);
  expect(c.expires).toBeLessThan(Date.now() / 1000 + 30 * DAY + 120);
  expect((await state(page)).visitor).toBe(c.value);
  // Only our cookie, only our localStorage key, nothing else.
  const device = await deviceStorage(page);
  expect(device.cookie).toBe(`mgt_visitor=${c.value}`);
  expect(Object.keys(device.local)).toEqual(['mgt_session']);
  expect(device.session).toEqual({});
  expect(device.idb).toEqual([]);
  expect(await page.evaluate(async () => (await caches.keys()).length).catch(() => 0)).toBe(0);
  expect(errors).toEqual([]);
});

test('two visitors get different IDs', async ({ browser, server }) => {
  pages(server, cfg(server));
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(server.url('/landing'));
    ids.push((await visitorCookie(ctx))[0].value);
    await ctx.close();
  }
  expect(new Set(ids).size).toBe(3);
});

for (const days of [1, 395]) {
  test(`cookie.days ${days}: mgt_visitor expires ${days} days after creation`, async ({ page, server, context }) => {
    pages(server, cfg(server, { cookie: { days } }));
    await page.goto(server.url('/landing'));
    const [c] = await visitorCookie(context);
    expect(Math.abs(c.expires - (Date.now() / 1000 + days * DAY))).toBeLessThan(120);
  });
}

test('mgt_visitor is not extended on later visits: its expiry stays the one set at creation', async ({ page, server, context }) => {
  pages(server, cfg(server, { mode: 'journey' }));
  const expires = Math.round(Date.now() / 1000 + 5 * DAY);
  await context.addCookies([{ name: 'mgt_visitor', value: 'AbCdEfGhIjKlMnOpQrStUv', url: server.url('/'), expires, sameSite: 'Lax' }]);
  await page.goto(server.url('/landing?utm_source=a'));
  await follow(page, '#next');
  await page.goto(server.url('/landing?utm_medium=email'));
  const [c] = await visitorCookie(context);
  expect(c.value).toBe('AbCdEfGhIjKlMnOpQrStUv');
  expect(c.expires).toBe(expires);
  expect((await state(page)).visitor).toBe('AbCdEfGhIjKlMnOpQrStUv');
  await leave(page);
  const events = await eventsAtLeast(server, 2);
  expect(events.every((e) => e.visitor === 'AbCdEfGhIjKlMnOpQrStUv')).toBe(true);
});

test('cookie.domain: mgt_visitor is written with Domain=<domain> and shared by subdomains', async ({ page, server, context }) => {
  pages(server, cfg(server, { cookie: { domain: 'shop.test' } }));
  await page.goto(at(server, 'www.shop.test', '/landing'));
  const cookies = await visitorCookie(context);
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ domain: '.shop.test', path: '/', sameSite: 'Lax' });
  await page.goto(at(server, 'blog.shop.test', '/products'));
  expect((await state(page)).visitor).toBe(cookies[0].value);
  expect(await visitorCookie(context)).toHaveLength(1);
});

test('no cookie and no mgt_session before consent; both appear on the grant, on the same page', async ({ page, server, context }) => {
  pages(server, cfg(server, { mode: 'traffic' }), '');
  await page.goto(server.url('/landing?utm_source=a'));
  expect(await deviceStorage(page)).toEqual({ cookie: '', local: {}, session: {}, idb: [] });
  await page.evaluate(() => (window as any).mgt('consent', 'granted'));
  expect(await visitorCookie(context)).toHaveLength(1);
  expect(await session(page)).toEqual({
    v: 1, condition: null, landing: server.url('/landing?utm_source=a'), last_action: expect.any(Number), last_url: server.url('/landing?utm_source=a'),
    referrer: 'direct', source: 'campaign', to_swap: [{ original: '01 23 45 67 89', tracked: '09 70 00 00 01' }], tracking_ids: {}, pageviews: 1,
  });
  const s = await session(page);
  expect(Math.abs(s.last_action - Date.now())).toBeLessThan(10000);
});

test('mgt_session is not written once mgt_visitor is gone (deleted by something else on the page)', async ({ page, server }) => {
  pages(server, cfg(server, { mode: 'journey' }));
  await page.goto(server.url('/landing'));
  expect(await session(page)).not.toBeNull();
  await page.evaluate(() => { document.cookie = 'mgt_visitor=; Path=/; Max-Age=0'; });
  await page.evaluate(() => (window as any).mgt('pageview', '/virtual'));
  expect(await session(page)).toBeNull();
  expect((await state(page)).persistent).toBe(false);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('a new visitor (cookie gone, consent granted again) does not inherit the old visitor\'s session', async ({ page, server, context }) => {
  pages(server, cfg(server, { mode: 'origin' }));
  await page.goto(server.url('/landing?gclid=OLD'));
  const [first] = await visitorCookie(context);
  await context.clearCookies();
  await page.goto(server.url('/landing?utm_source=news&utm_medium=email'));
  const [second] = await visitorCookie(context);
  expect(second.value).not.toBe(first.value);
  expect(await session(page)).toMatchObject({ source: 'email', tracking_ids: {}, landing: server.url('/landing?utm_source=news&utm_medium=email') });
  await leave(page);
  const events = await eventsAtLeast(server, 2);
  const visits = events.filter((e) => e.type === 'visit');
  expect(visits.map((v) => [v.visitor, v.source])).toEqual([[first.value, 'paid'], [second.value, 'email']]);
  expect(JSON.stringify(visits[1])).not.toContain('OLD');
});

test('numbers written the US way keep mgt_session valid from page to page: one visit, pages counted', async ({ page, server, context }) => {
  const US = { country: 'US', mode: 'traffic', numbers: { '(212) 555-0100': '(212) 555-0199' } };
  pages(server, cfg(server, US));
  await page.goto(server.url('/landing?utm_source=news'));
  await Promise.all([page.waitForEvent('load'), page.click('#next')]);
  expect(await session(page)).toMatchObject({ source: 'campaign', pageviews: 2, to_swap: [{ original: '(212) 555-0100', tracked: '(212) 555-0199' }] });
  const [cookie] = await visitorCookie(context);
  await leave(page);
  const events = await eventsAtLeast(server, 3);
  expect(events.map((e) => [e.type, e.count, e.visitor])).toEqual([['visit', undefined, cookie.value], ['pageview', 1, cookie.value], ['pageview', 2, cookie.value]]);
});

test("a landing page whose path has an apostrophe (/l'offre) keeps mgt_session valid: one visit, pages counted", async ({ page, server, context }) => {
  const config = cfg(server, { mode: 'traffic' });
  serve(server, "/l'offre", { config, queued: GRANT, body: '<a id="next" href="/products">next</a>' });
  serve(server, '/products', { config, queued: GRANT, body: '' });
  await page.goto(server.url("/l'offre?utm_source=news"));
  await Promise.all([page.waitForEvent('load'), page.click('#next')]);
  expect(await session(page)).toMatchObject({ source: 'campaign', pageviews: 2, landing: server.url("/l'offre?utm_source=news") });
  const [cookie] = await visitorCookie(context);
  await leave(page);
  const events = await eventsAtLeast(server, 3);
  expect(events.map((e) => [e.type, e.count, e.visitor])).toEqual([['visit', undefined, cookie.value], ['pageview', 1, cookie.value], ['pageview', 2, cookie.value]]);
});
