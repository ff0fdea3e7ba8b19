// Pools (SPEC 9.3): visitor-level numbers leased from ${endpoint}/lease, kept in mgt_session.to_swap
// until they expire, with fallback numbers on timeout, error or an invalid answer.
import { test, expect } from './support/fixtures';
import { ORIGINAL, TRACKED, GRANT, cfg, serve, follow, state, session, visitorCookie, leave, eventsAtLeast, settle } from './support/journey';
import type { TestServer } from './support/server';

const LEASED = '09 70 00 00 42';
const COND = '09 70 00 00 02';

function pooled(server: TestServer, extra: Record<string, unknown> = {}, condition: Record<string, unknown> = {}, queued = GRANT): void {
  const config = cfg(server, {
    mode: 'journey',
    conditions: [{ id: 'ads', source: 'paid', pool: 'main', numbers: { [ORIGINAL]: COND }, ...condition }],
    ...extra,
  });
  const body = `<p id="n">${ORIGINAL}</p><a id="next" href="/products">next</a><a id="tel" href="tel:0970000042">call</a>`;
  serve(server, '/landing', { config, queued, body });
  serve(server, '/products', { config, queued, body });
}

const leases = (server: TestServer) => server.collected.filter((r) => r.path === '/collect/lease');

test('lease request body, leased number shown and stored with its expiry, reused on the next page', async ({ page, server, context, errors }) => {
  server.onLease = () => ({ body: { numbers: { [ORIGINAL]: LEASED }, ttl: 600 } });
  pooled(server);
  await page.goto(server.url('/landing?gclid=G'));
  await expect.poll(async () => (await state(page)).numbers).toEqual({ [ORIGINAL]: LEASED });
  const [cookie] = await visitorCookie(context);
  expect(leases(server)).toHaveLength(1);
  const [req] = leases(server);
  expect(req.method).toBe('POST');
  expect(req.json).toEqual({ site: 'site-1', pool: 'main', visitor: cookie.value, source: 'paid', condition: 'ads', numbers: [ORIGINAL] });
  const stored = await session(page);
  expect(stored.to_swap).toEqual([{ original: ORIGINAL, tracked: LEASED, expires: expect.any(Number) }]);
  expect(Math.abs(stored.to_swap[0].expires - (Date.now() + 600000))).toBeLessThan(15000);
  await follow(page, '#next');
  expect((await state(page)).numbers).toEqual({ [ORIGINAL]: LEASED });
  expect((await session(page)).to_swap).toEqual(stored.to_swap);
  await settle(page, 300);
  expect(leases(server)).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('events of a leased visit carry the leased number', async ({ page, server }) => {
  server.onLease = () => ({ body: { numbers: { [ORIGINAL]: LEASED }, ttl: 600 } });
  pooled(server);
  await page.goto(server.url('/landing?gclid=G'));
  await expect.poll(async () => (await state(page)).numbers).toEqual({ [ORIGINAL]: LEASED });
  await page.click('#tel');
  await leave(page);
  const events = await eventsAtLeast(server, 3);
  expect(events.find((e) => e.type === 'call')).toMatchObject({ number: '+33970000042' });
  // The visitor saw the leased number from the start: the visit is reported with it.
  expect(events.filter((e) => e.type !== 'call').map((e) => [e.type, e.number])).toEqual([['visit', '+33970000042'], ['pageview', '+33970000042']]);
});

test('an expired lease is renewed by a new lease request on the next page', async ({ page, server }) => {
  let n = 0;
  server.onLease = () => ({ body: { numbers: { [ORIGINAL]: n++ ? '09 70 00 00 43' : LEASED }, ttl: 600 } });
  pooled(server);
  await page.goto(server.url('/landing?gclid=G'));
  await expect.poll(async () => (await state(page)).numbers).toEqual({ [ORIGINAL]: LEASED });
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem('mgt_session')!);
    s.to_swap[0].expires = Date.now() - 1000;
    localStorage.setItem('mgt_session', JSON.stringify(s));
  });
  await follow(page, '#next');
  await expect.poll(async () => (await state(page)).numbers).toEqual({ [ORIGINAL]: '09 70 00 00 43' });
  expect(leases(server)).toHaveLength(2);
});

test('a lease about to expire is renewed while the page stays visible', async ({ page, server }) => {
  server.onLease = () => ({ body: { numbers: { [ORIGINAL]: LEASED }, ttl: 31 } });
  pooled(server);
  await page.goto(server.url('/landing?gclid=G'));
  await expect.poll(() => leases(server).length, { timeout: 8000 }).toBeGreaterThanOrEqual(2);
  expect((await state(page)).numbers).toEqual({ [ORIGINAL]: LEASED });
});

test('a lease slower than pool.timeout: the condition\'s numbers are shown after the timeout', async ({ page, server, errors }) => {
  server.onLease = () => ({ delay: 4000, body: { numbers: { [ORIGINAL]: LEASED }, ttl: 600 } });
  pooled(server, { pool: { timeout: 500 } });
  await page.goto(server.url('/landing?gclid=G'));
  await page.waitForTimeout(700);
  expect((await state(page)).numbers).toEqual({ [ORIGINAL]: COND });
  // The late answer is ignored.
  await page.waitForTimeout(3800);
  expect((await state(page)).numbers).toEqual({ [ORIGINAL]: COND });
  expect((await session(page)).to_swap).toEqual([{ original: ORIGINAL, tracked: COND }]);
  expect(errors).toEqual([]);
});

test('the anti-flicker class is removed once the fallback numbers are decided', async ({ page, server }) => {
  server.onLease = () => ({ delay: 4000, body: {} });
  const config = cfg(server, { mode: 'journey', pool: { timeout: 400 }, conditions: [{ id: 'ads', source: 'paid', pool: 'main', numbers: { [ORIGINAL]: COND } }] });
  serve(server, '/landing', { config, queued: GRANT, htmlClass: 'mgt-hide', body: `<p class="mgt-number">${ORIGINAL}</p>` });
  await page.goto(server.url('/landing?gclid=G'));
  await page.waitForTimeout(650);
  expect(await page.evaluate(() => document.documentElement.className)).not.toContain('mgt-hide');
});

test('without condition numbers, a failed lease falls back to the default numbers', async ({ page, server }) => {
  server.onLease = () => ({ status: 500, body: { error: 'boom' } });
  pooled(server, {}, { numbers: undefined });
  await page.goto(server.url('/landing?gclid=G'));
  await expect.poll(() => leases(server).length).toBe(1);
  await expect.poll(async () => (await state(page)).numbers).toEqual({ [ORIGINAL]: TRACKED });
});

const garbage: Array<[string, any]> = [
  ['HTTP 500', { status: 500, body: { numbers: { [ORIGINAL]: LEASED }, ttl: 600 } }],
  ['not JSON', { raw: '<html>oops</html>' }],
  ['empty object', { body: {} }],
  ['numbers not an object', { body: { numbers: 'x', ttl: 60 } }],
  ['no ttl', { body: { numbers: { [ORIGINAL]: LEASED } } }],
  ['negative ttl', { body: { numbers: { [ORIGINAL]: LEASED }, ttl: -5 } }],
  ['ttl as a string', { body: { numbers: { [ORIGINAL]: LEASED }, ttl: '600' } }],
  ['HTML in place of a number', { body: { numbers: { [ORIGINAL]: '<img src=x onerror="window.__xss=1">' }, ttl: 60 } }],
  ['not a valid phone number', { body: { numbers: { [ORIGINAL]: '12' }, ttl: 60 } }],
  ['a number for another original only', { body: { numbers: { '01 99 99 99 99': LEASED }, ttl: 60 } }],
  ['the original number itself', { body: { numbers: { [ORIGINAL]: '+33 1 23 45 67 89' }, ttl: 60 } }],
  ['another original of the config', { body: { numbers: { [ORIGINAL]: '01 40 00 00 00' }, ttl: 60 } }],
  ['an array', { body: [LEASED] }],
  ['null', { raw: 'null' }],
];
for (const [name, reply] of garbage) {
  test(`lease answer ${name} -> rejected, the condition's numbers are shown, nothing leased is stored`, async ({ page, server, errors }) => {
    server.onLease = () => reply;
    pooled(server, { numbers: { [ORIGINAL]: TRACKED, '01 40 00 00 00': '09 70 00 00 09' } });
    await page.goto(server.url('/landing?gclid=G'));
    await expect.poll(() => leases(server).length).toBe(1);
    await expect.poll(async () => (await state(page)).numbers).toEqual({ [ORIGINAL]: COND, '01 40 00 00 00': '09 70 00 00 09' });
    await settle(page, 300);
    expect((await session(page)).to_swap.some((e: any) => 'expires' in e)).toBe(false);
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
    expect(await page.evaluate(() => document.body.innerHTML)).not.toContain('onerror');
    expect(errors).toEqual([]);
  });
}

test('an endpoint that is down: fallback numbers, page unaffected', async ({ page, server, errors }) => {
  server.down = true;
  pooled(server);
  await page.goto(server.url('/landing?gclid=G'));
  await expect.poll(async () => (await state(page)).numbers).toEqual({ [ORIGINAL]: COND });
  expect(errors).toEqual([]);
});

test('cookieless: no lease request; a pool-only condition shows the default numbers, a condition with numbers shows its own', async ({ page, server }) => {
  server.onLease = () => ({ body: { numbers: { [ORIGINAL]: LEASED }, ttl: 600 } });
  pooled(server, {}, { numbers: undefined }, '');
  await page.goto(server.url('/landing?gclid=G'));
  expect(await state(page)).toMatchObject({ condition: 'ads', persistent: false, numbers: { [ORIGINAL]: TRACKED } });
  pooled(server, {}, {}, "mgt('consent','denied');");
  await page.goto(server.url('/landing?gclid=G'));
  expect(await state(page)).toMatchObject({ condition: 'ads', persistent: false, numbers: { [ORIGINAL]: COND } });
  await leave(page);
  await settle(page, 500);
  expect(leases(server)).toEqual([]);
});

test('a lease on a collector of another origin works (text/plain, no preflight needed)', async ({ page, server }) => {
  server.onLease = () => ({ body: { numbers: { [ORIGINAL]: LEASED }, ttl: 600 } });
  pooled(server, { endpoint: server.endpoint.replace('127.0.0.1', 'localhost') });
  await page.goto(server.url('/landing?gclid=G'));
  await expect.poll(async () => (await state(page)).numbers).toEqual({ [ORIGINAL]: LEASED });
  expect(server.collected.filter((r) => r.method === 'OPTIONS')).toEqual([]);
});

test('(DOM) the leased number is shown in the page', async ({ page, server }) => {
  server.onLease = () => ({ body: { numbers: { [ORIGINAL]: LEASED }, ttl: 600 } });
  pooled(server);
  await page.goto(server.url('/landing?gclid=G'));
  await expect(page.locator('#n')).toHaveText(LEASED);
});

test('a lease still awaited when the page view changes (SPA) is dropped: its answer shows nothing, stores nothing', async ({ page, server, errors }) => {
  server.onLease = () => ({ delay: 1000, body: { numbers: { [ORIGINAL]: LEASED }, ttl: 600 } });
  pooled(server, { spa: true }, { page: '/landing' });
  // The lease's answer has been read by the module once its JSON resolved and the promise callbacks
  // chained on it ran (microtasks, all before the next task): the page marks that moment.
  await page.addInitScript(() => {
    const json = Response.prototype.json;
    Response.prototype.json = function (this: Response) {
      return json.call(this).then((v) => (setTimeout(() => ((window as any).__answerRead = true)), v));
    };
  });
  await page.goto(server.url('/landing?gclid=G'));
  // The next view matches no condition: the default numbers, at once.
  await page.evaluate(() => history.pushState({}, '', '/products'));
  expect((await state(page)).numbers).toEqual({ [ORIGINAL]: TRACKED });
  await page.waitForFunction(() => (window as any).__answerRead);
  expect((await state(page)).numbers).toEqual({ [ORIGINAL]: TRACKED });
  expect((await session(page)).to_swap).toEqual([{ original: ORIGINAL, tracked: TRACKED }]);
  expect(errors).toEqual([]);
});
