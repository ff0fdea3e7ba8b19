// Hostile input (SPEC 9.2, 11): tampered storage, huge and malicious URLs and referrers, personal
// data in URLs, a collector that is down or answers garbage, storage or cookies that throw or are
// blocked. The page must never break, nothing must be executed, nothing personal stored or sent.
import { test, expect, deviceStorage } from './support/fixtures';
import { ORIGINAL, TRACKED, GRANT, cfg, serve, open, follow, state, session, visitorCookie, leave, eventsAtLeast, settle, bodyText, pageHtml } from './support/journey';
import type { Page } from '@playwright/test';

const XSS = '<img src=x onerror="window.__xss=1">';
const body = `<p id="n">Call ${ORIGINAL}</p><a id="next" href="/b">b</a><a id="tel" href="tel:0970000001">t</a>`;

async function noExecution(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(await page.evaluate(() => document.images.length)).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBeLessThanOrEqual(2);
}

const good = (origin: string) => ({
  v: 1, condition: null, landing: origin + '/first?utm_source=old', last_action: Date.now(), last_url: origin + '/first',
  referrer: 'direct', source: 'campaign', to_swap: [{ original: ORIGINAL, tracked: TRACKED }], tracking_ids: {},
});

const tampered: Array<[string, (origin: string) => string]> = [
  ['invalid JSON', () => '{"v":1,"landing":"EVIL'],
  ['not an object', () => '"EVIL"'],
  ['wrong version', (o) => JSON.stringify({ ...good(o), v: 2, landing: o + '/EVIL' })],
  ['last_action as a string', (o) => JSON.stringify({ ...good(o), last_action: 'EVIL' })],
  ['source not a source', (o) => JSON.stringify({ ...good(o), source: 'EVIL' })],
  ['tracking_ids an array', (o) => JSON.stringify({ ...good(o), tracking_ids: ['EVIL'] })],
  ['to_swap not an array', (o) => JSON.stringify({ ...good(o), to_swap: 'EVIL' })],
  ['huge (100 KB)', (o) => JSON.stringify({ ...good(o), tracking_ids: { EVIL: 'x'.repeat(100000) } })],
  ['to_swap with an HTML tracked value', (o) => JSON.stringify({ ...good(o), to_swap: [{ original: ORIGINAL, tracked: XSS + 'EVIL', expires: Date.now() + 600000 }] })],
  ['to_swap with a tracked value that is not a phone', (o) => JSON.stringify({ ...good(o), to_swap: [{ original: ORIGINAL, tracked: 'EVIL 12', expires: Date.now() + 600000 }] })],
  ['landing that is not a URL', (o) => JSON.stringify({ ...good(o), landing: XSS + 'EVIL' })],
  ['referrer that is not an origin', (o) => JSON.stringify({ ...good(o), referrer: 'javascript:EVIL' })],
];

for (const [name, make] of tampered) {
  test(`tampered mgt_session (${name}): discarded and rebuilt, nothing of it reaches the page or the collector`, async ({ page, server, context, errors }) => {
    server.onLease = () => ({ body: { numbers: { [ORIGINAL]: '09 70 00 00 42' }, ttl: 600 } });
    const config = cfg(server, { mode: 'journey', conditions: [{ id: 'p', source: 'email', pool: 'main' }] });
    serve(server, '/b', { config, queued: GRANT, body });
    await context.addCookies([{ name: 'mgt_visitor', value: 'AbCdEfGhIjKlMnOpQrStUv', url: server.url('/') }]);
    server.route('/blank', '<!doctype html><title>blank</title>');
    await page.goto(server.url('/blank'));
    await page.evaluate((v) => localStorage.setItem('mgt_session', v), make(server.origin));
    await page.goto(server.url('/b?utm_medium=email'));
    const s = await session(page);
    expect(s).toMatchObject({ v: 1, landing: server.url('/b?utm_medium=email'), source: 'email', condition: 'p', referrer: 'direct' });
    await expect.poll(async () => (await state(page)).numbers).toEqual({ [ORIGINAL]: '09 70 00 00 42' });
    expect(JSON.stringify(await deviceStorage(page))).not.toContain('EVIL');
    expect(await bodyText(page)).not.toContain('EVIL');
    await noExecution(page);
    await leave(page);
    await eventsAtLeast(server, 2);
    expect(JSON.stringify(server.collected.map((r) => r.body))).not.toContain('EVIL');
    expect(errors).toEqual([]);
  });
}

test('a tampered mgt_visitor value is never used as the visitor ID', async ({ page, server, context }) => {
  await context.addCookies([{ name: 'mgt_visitor', value: encodeURIComponent('<script>EVIL</script>'), url: server.url('/') }]);
  await open(page, server, '/b', { config: cfg(server), queued: GRANT, body });
  const s = await state(page);
  expect(s.visitor).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  await leave(page);
  const events = await eventsAtLeast(server, 1);
  expect(JSON.stringify(events)).not.toContain('EVIL');
  expect(events[0].visitor).toBe(s.visitor);
});

test('a 100 KB query string: the page works, stored and sent URLs are at most 2,000 characters', async ({ page, server, errors }) => {
  const html = pageHtml({ config: cfg(server, { mode: 'journey' }), queued: GRANT, body });
  await page.route('**/huge*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  const q = '?utm_source=' + 'a'.repeat(50000) + '&junk=' + '%3Cb%3E'.repeat(7000) + '&utm_campaign=' + '*'.repeat(3000);
  const t0 = Date.now();
  await page.goto(server.url('/huge') + q);
  expect(Date.now() - t0).toBeLessThan(5000);
  const s = await state(page);
  expect(s.numbers).toEqual({ [ORIGINAL]: TRACKED });
  const stored = await session(page);
  expect(stored.landing.length).toBeLessThanOrEqual(2000);
  expect(stored.last_url.length).toBeLessThanOrEqual(2000);
  await leave(page);
  const events = await eventsAtLeast(server, 2);
  for (const e of events) for (const v of Object.values(e)) if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(2000);
  expect(errors).toEqual([]);
});

test('HTML/script-shaped values in UTM parameters and the referrer are never executed nor written into the page', async ({ page, server, errors }) => {
  const q = `?utm_source=${encodeURIComponent(XSS)}&utm_campaign=${encodeURIComponent('<script>window.__xss=2</script>')}&utm_medium=${encodeURIComponent('"><svg onload=window.__xss=3>')}`;
  serve(server, '/b', { config: cfg(server, { mode: 'journey', debug: true }), queued: GRANT, body });
  await page.goto(server.url('/b') + q, { referer: `https://evil.test/${encodeURIComponent(XSS)}` });
  await noExecution(page);
  expect(await bodyText(page)).not.toMatch(/onerror|svg|script/);
  expect(await page.locator('p#n').evaluate((p) => p.children.length)).toBe(0);
  const s = await state(page);
  expect(s.referrer).toBe('https://evil.test');
  await leave(page);
  await eventsAtLeast(server, 2);
  expect(errors).toEqual([]);
});

test('personal data in URL parameters is absent from every stored and sent URL', async ({ page, server, context }) => {
  const config = cfg(server, { mode: 'journey', urlParams: ['ref', 'name', 'lang'] });
  serve(server, '/b', { config, queued: GRANT, body: body.replace('/b', '/c') });
  serve(server, '/c', { config, queued: GRANT, body });
  const pii = '?email=a@b.fr&phone=0612345678&token=T0K3N&utm_content=a@b.fr&utm_term=06%2012%2034%2056%2078&password=pw1&name=Jean&session=S3SS' +
    '&auth=AUTHX&mail=c@d.fr&tel=0699999999&address=RUE42&utm_source=news&ref=r1&lang=fr&utm_campaign=x%2540y.fr&apikey=K3Y#email=a@b.fr';
  await page.goto(server.url('/b') + pii);
  const kept = server.url('/b?utm_source=news&ref=r1&lang=fr');
  expect(await session(page)).toMatchObject({ landing: kept, last_url: kept });
  await page.click('#tel');
  await follow(page, '#next');
  await leave(page);
  await eventsAtLeast(server, 4);
  await settle(page, 500);
  const sent = JSON.stringify(server.collected.map((r) => r.json));
  const stored = JSON.stringify(await context.storageState());
  for (const secret of ['a@b.fr', 'a%40b.fr', '0612345678', '06 12', 'T0K3N', 'pw1', 'Jean', 'S3SS', 'AUTHX', 'c@d.fr', '0699999999', 'RUE42', 'x%40y', 'x@y', 'K3Y']) {
    expect(sent, secret).not.toContain(secret);
    expect(stored, secret).not.toContain(secret);
  }
  const visit = server.events().find((e) => e.type === 'visit');
  expect(visit.landing).toBe(kept);
  expect(server.events().find((e) => e.type === 'call').page).toBe(kept);
});

test('a collector that is down: the page is unaffected and numbers are still decided', async ({ page, server, errors }) => {
  server.down = true;
  await open(page, server, '/b', { config: cfg(server, { mode: 'journey' }), queued: GRANT, body });
  expect((await state(page)).numbers).toEqual({ [ORIGINAL]: TRACKED });
  await page.click('#tel');
  await expect.poll(() => server.collected.length).toBeGreaterThan(0);
  await follow(page, '#next');
  expect(errors).toEqual([]);
});

test('an unreachable collector (closed port) never breaks the page', async ({ page, server, errors }) => {
  await open(page, server, '/b', { config: cfg(server, { mode: 'journey', endpoint: 'http://127.0.0.1:9/collect', conditions: [{ id: 'p', source: 'direct', pool: 'main' }] }), queued: GRANT, body });
  await expect.poll(async () => (await state(page)).numbers, { timeout: 4000 }).toEqual({ [ORIGINAL]: TRACKED });
  await page.click('#tel');
  await settle(page, 1300);
  expect(errors).toEqual([]);
});

test('(DOM) numbers are swapped while the collector is down', async ({ page, server }) => {
  server.down = true;
  await open(page, server, '/b', { config: cfg(server, { mode: 'journey' }), queued: GRANT, body });
  await expect(page.locator('#n')).toHaveText(`Call ${TRACKED}`);
});

test('a localStorage that throws on every call: no error in the page, numbers decided, no mgt_session', async ({ page, server, errors }) => {
  await page.addInitScript(() => {
    for (const m of ['getItem', 'setItem', 'removeItem', 'key', 'clear'] as const) {
      (Storage.prototype as any)[m] = () => { throw new DOMException('QuotaExceededError', 'QuotaExceededError'); };
    }
  });
  await open(page, server, '/b', { config: cfg(server, { mode: 'journey', spa: true }), queued: GRANT, body });
  expect((await state(page)).numbers).toEqual({ [ORIGINAL]: TRACKED });
  await page.evaluate(() => { history.pushState({}, '', '/spa'); (window as any).mgt('consent', 'denied'); (window as any).mgt('consent', 'granted'); });
  await page.click('#tel');
  await follow(page, '#next');
  expect(errors).toEqual([]);
});

test('window.localStorage that throws on access (storage disabled): no error in the page', async ({ page, server, errors }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await open(page, server, '/b', { config: cfg(server, { mode: 'traffic' }), queued: GRANT, body });
  expect((await state(page)).numbers).toEqual({ [ORIGINAL]: TRACKED });
  await page.evaluate(() => (window as any).mgt('consent', 'denied'));
  await leave(page);
  await eventsAtLeast(server, 1);
  expect(errors).toEqual([]);
});

test('cookies blocked: cookieless even with consent, nothing in localStorage, anonymous events, no error', async ({ page, server, errors }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Document.prototype, 'cookie', { configurable: true, get: () => '', set: () => undefined });
  });
  await open(page, server, '/b', { config: cfg(server, { mode: 'journey' }), queued: GRANT, body }, '?gclid=G1');
  expect(await state(page)).toMatchObject({ consent: 'granted', persistent: false, numbers: { [ORIGINAL]: TRACKED } });
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  await leave(page);
  const events = await eventsAtLeast(server, 2);
  for (const e of events) {
    expect(e.cookieless).toBe(true);
    expect(e).not.toHaveProperty('visitor');
  }
  expect(JSON.stringify(events)).not.toContain('G1');
  expect(errors).toEqual([]);
});

test('cookies that throw on access: no error in the page', async ({ page, server, errors }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Document.prototype, 'cookie', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); }, set() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await open(page, server, '/b', { config: cfg(server, { mode: 'journey', trackingIds: { custom: [{ name: 'c', from: 'cookie', key: 'crm' }] } }), queued: GRANT, body });
  expect((await state(page)).persistent).toBe(false);
  await page.evaluate(() => (window as any).mgt('consent', 'denied'));
  expect(errors).toEqual([]);
});

test('no crypto.randomUUID: works; no crypto.getRandomValues: no weak visitor ID is ever created', async ({ page, server, context, errors }) => {
  await page.addInitScript(() => { (crypto as any).randomUUID = undefined; });
  await open(page, server, '/b', { config: cfg(server), queued: GRANT, body });
  expect((await state(page)).visitor).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  const p2 = await context.browser()!.newPage();
  await p2.addInitScript(() => { (Crypto.prototype as any).getRandomValues = undefined; (crypto as any).getRandomValues = undefined; });
  const errs: string[] = [];
  p2.on('pageerror', (e) => errs.push(String(e)));
  await p2.goto(server.url('/b'));
  expect(await p2.evaluate(() => document.cookie)).toBe('');
  expect((await state(p2)).numbers).toEqual({ [ORIGINAL]: TRACKED });
  expect(errs).toEqual([]);
  await p2.close();
  expect(errors).toEqual([]);
});

test('custom tracking IDs from window paths never run page code (getters, proxies)', async ({ page, server, errors }) => {
  const head = `<script>
    window.__touched = 0;
    window.dataLayer = [{}];
    Object.defineProperty(window.dataLayer[0], 'userType', { get: function () { window.__touched++; return 'EVIL'; } });
    window.app = new Proxy({}, { get: function () { window.__touched++; return 'EVIL'; } });
    Object.defineProperty(window, 'trap', { get: function () { window.__touched++; throw new Error('trap'); } });
  </script>`;
  const custom = [{ name: 'a', from: 'window', key: 'dataLayer.0.userType' }, { name: 'b', from: 'window', key: 'app.user.id' }, { name: 'c', from: 'window', key: 'trap.x' }];
  await open(page, server, '/b', { config: cfg(server, { trackingIds: { custom } }), queued: GRANT, head, body });
  expect(await page.evaluate(() => (window as any).__touched)).toBe(0);
  expect(JSON.stringify(await session(page))).not.toContain('EVIL');
  expect(errors).toEqual([]);
});

test('a CMP-like script that throws inside an mgt listener does not break the module', async ({ page, server, errors }) => {
  await open(page, server, '/b', {
    config: cfg(server), body,
    before: "mgt('on','consent',function(){throw new Error('listener')});mgt('on','ready',function(){throw new Error('ready')});",
    queued: GRANT,
  });
  expect((await state(page)).consent).toBe('granted');
  await eventsAtLeast(server, 1);
  expect(errors).toEqual([]);
});

test('every console message of the module starts with [mgt] (debug via ?mgt_debug=1)', async ({ page, server }) => {
  const logs: string[] = [];
  page.on('console', (m) => { if (m.location().url.includes('/dist/mgt.js')) logs.push(m.text()); });
  await open(page, server, '/b', { config: cfg(server, { mode: 'journey' }), queued: GRANT + "mgt('bogus');", body }, '?mgt_debug=1&utm_source=x');
  await page.click('#tel');
  await settle(page, 1200);
  expect(logs.length).toBeGreaterThan(3);
  for (const l of logs) expect(l.startsWith('[mgt]'), l).toBe(true);
});

void visitorCookie;
