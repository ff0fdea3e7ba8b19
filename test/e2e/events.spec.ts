// The collection protocol (SPEC 9): batches to ${endpoint}/events, text/plain JSON
// { v: 1, site, events }, one batch per page, flushed at the latest on pagehide, fetch keepalive as
// the fallback of sendBeacon, the only network peer being the endpoint, strings cut at 2,000.
import { test, expect } from './support/fixtures';
import { GRANT, TRACKED_E164, cfg, serve, open, follow, visitorCookie, leave, eventsAtLeast, settle, expectBatches } from './support/journey';

test('a page\'s events go out as one batch about a second after the last event', async ({ page, server, context, errors }) => {
  const t0 = Date.now();
  await open(page, server, '/landing', { config: cfg(server, { mode: 'journey' }), queued: GRANT, title: 'Hello' }, '?utm_source=a');
  await expect.poll(() => server.collected.length, { timeout: 5000 }).toBe(1);
  const [batch] = server.collected;
  expect(batch.path).toBe('/collect/events');
  expect(batch.at - t0).toBeGreaterThanOrEqual(500);
  const [cookie] = await visitorCookie(context);
  expect(batch.json).toEqual({
    v: 1, site: 'site-1', events: [
      { type: 'visit', mode: 'journey', cookieless: false, ts: expect.any(Number), source: 'campaign', condition: null, number: TRACKED_E164,
        landing: server.url('/landing?utm_source=a'), referrer: 'direct', tracking_ids: {}, visitor: cookie.value },
      { type: 'pageview', mode: 'journey', cookieless: false, ts: expect.any(Number), source: 'campaign', condition: null, number: TRACKED_E164,
        url: server.url('/landing?utm_source=a'), title: 'Hello', visitor: cookie.value },
    ],
  });
  for (const e of batch.json.events) expect(Math.abs(e.ts - Date.now())).toBeLessThan(30000);
  expectBatches(server, 'site-1');
  await settle(page, 1200);
  expect(server.collected).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('leaving the page before the batch delay sends the batch on pagehide', async ({ page, server }) => {
  serve(server, '/a', { config: cfg(server, { mode: 'traffic' }), queued: GRANT, body: '<a id="next" href="/b">b</a>' });
  serve(server, '/b', { config: cfg(server, { mode: 'traffic' }), queued: GRANT });
  await page.goto(server.url('/a'));
  await follow(page, '#next');
  // The first page's batch (visit + pageview 1) went out on pagehide, before its timer.
  const events = await eventsAtLeast(server, 2, 900);
  expect(events.slice(0, 2).map((e) => [e.type, e.count])).toEqual([['visit', undefined], ['pageview', 1]]);
  await eventsAtLeast(server, 3);
  expect(server.events()[2]).toMatchObject({ type: 'pageview', count: 2 });
});

test('a hidden page (tab switched) flushes its batch', async ({ page, server }) => {
  await open(page, server, '/a', { config: cfg(server, { mode: 'origin' }), queued: GRANT });
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await eventsAtLeast(server, 1, 800);
});

test('without sendBeacon, events go by fetch keepalive with the same text/plain body', async ({ page, server, errors }) => {
  await page.addInitScript(() => { (navigator as any).sendBeacon = () => false; });
  await open(page, server, '/a', { config: cfg(server), queued: GRANT });
  await leave(page);
  await eventsAtLeast(server, 1);
  expectBatches(server, 'site-1');
  expect(server.events()[0]).toMatchObject({ type: 'visit', cookieless: false });
  expect(errors).toEqual([]);
});

test('a sendBeacon that throws falls back to fetch, and nothing reaches the page', async ({ page, server, errors }) => {
  await page.addInitScript(() => { (navigator as any).sendBeacon = () => { throw new Error('blocked'); }; });
  await open(page, server, '/a', { config: cfg(server), queued: GRANT });
  await eventsAtLeast(server, 1);
  expectBatches(server, 'site-1');
  expect(errors).toEqual([]);
});

test('without a site key the batch is { v: 1, events }', async ({ page, server }) => {
  const config = cfg(server);
  delete config.site;
  await open(page, server, '/a', { config, queued: GRANT });
  await eventsAtLeast(server, 1);
  expectBatches(server, undefined);
});

test('a collector on another origin receives the events (CORS-simple text/plain)', async ({ page, server }) => {
  const endpoint = server.endpoint.replace('127.0.0.1', 'localhost');
  await open(page, server, '/a', { config: cfg(server, { endpoint, mode: 'journey' }), queued: GRANT });
  await leave(page);
  const events = await eventsAtLeast(server, 2);
  expect(events.map((e) => e.type)).toEqual(['visit', 'pageview']);
  expect(server.collected[0].headers.host).toMatch(/^localhost:/);
});

test('the endpoint is the only network peer: no other request than the page, the script and the collector', async ({ page, server }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  serve(server, '/a', { config: cfg(server, { mode: 'journey', conditions: [{ id: 'p', source: 'campaign', pool: 'main' }] }), queued: GRANT, body: '<a id="next" href="/b">b</a>' });
  serve(server, '/b', { config: cfg(server, { mode: 'journey' }), queued: GRANT });
  await page.goto(server.url('/a?utm_source=x'));
  await follow(page, '#next');
  await leave(page);
  await eventsAtLeast(server, 3);
  const others = urls.filter((u) => !u.startsWith(server.endpoint + '/') && u !== 'about:blank' && !/\/(a|b)(\?|$)/.test(u) && !u.endsWith('/dist/mgt.js'));
  expect(others).toEqual([]);
});

test('every string sent is cut at 2,000 characters (title, url)', async ({ page, server }) => {
  const long = 'T'.repeat(3000);
  await open(page, server, '/a', { config: cfg(server, { mode: 'journey' }), queued: GRANT, title: long }, `?utm_content=${'c'.repeat(3000)}`);
  await leave(page);
  const events = await eventsAtLeast(server, 2);
  const view = events.find((e) => e.type === 'pageview');
  expect(view.title).toBe('T'.repeat(2000));
  expect(view.url.length).toBeLessThanOrEqual(2000);
  expect(view.url.startsWith(server.url('/a?utm_content=ccc'))).toBe(true);
  const visit = events.find((e) => e.type === 'visit');
  expect(visit.landing.length).toBeLessThanOrEqual(2000);
});

test('a failed send is not retried from storage and leaves nothing on the device', async ({ page, server, errors }) => {
  server.down = true;
  await open(page, server, '/a', { config: cfg(server, { mode: 'journey' }), queued: GRANT });
  await expect.poll(() => server.collected.length).toBe(1);
  server.down = false;
  const local = await page.evaluate(() => Object.keys(localStorage));
  expect(local).toEqual(['mgt_session']);
  expect(await page.evaluate(() => localStorage.getItem('mgt_session'))).not.toContain('events');
  const reloadedAt = Date.now();
  await page.reload();
  await leave(page);
  await expect.poll(() => server.collected.length).toBe(2);
  await settle(page, 800);
  // Two batches in all: the failed one, and the reloaded page's own; nothing was resent.
  expect(server.collected).toHaveLength(2);
  expect(server.collected[1].json.events.every((e: any) => e.ts >= reloadedAt)).toBe(true);
  expect(errors).toEqual([]);
});
