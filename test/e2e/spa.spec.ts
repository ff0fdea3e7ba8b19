// Single-page apps (SPEC 4 'pageview', 5 'spa'): history changes and mgt('pageview') are page
// views; conditions with `page` are re-evaluated and numbers re-swapped on each.
import { test, expect } from './support/fixtures';
import { ORIGINAL, TRACKED, GRANT, cfg, open, state, session, visitorCookie, leave, eventsAtLeast, settle } from './support/journey';

const CONTACT = '09 70 00 00 06';
const conditions = [{ id: 'contact', page: '/app/contact', numbers: { [ORIGINAL]: CONTACT } }];
const body = `<p id="n">Call ${ORIGINAL}</p>`;

const push = (page: import('@playwright/test').Page, url: string, title?: string) =>
  page.evaluate(([u, t]) => { if (t) document.title = t; history.pushState({}, '', u); }, [url, title] as const);

test('spa:true: pushState, replaceState to a new URL and popstate are page views; replaceState to the same URL is not', async ({ page, server, context, errors }) => {
  await open(page, server, '/app/home', { config: cfg(server, { mode: 'journey', spa: true }), queued: GRANT, body, title: 'Home' });
  await push(page, '/app/list?q=shoes&email=a@b.fr#top', 'List');
  await page.evaluate(() => history.replaceState({}, '', location.href));
  await page.evaluate(() => history.replaceState({ x: 1 }, '', location.pathname + location.search + '#other'));
  await page.evaluate(() => { document.title = 'Detail'; history.replaceState({}, '', '/app/detail'); });
  await page.evaluate(() => history.back());
  await expect.poll(async () => (await session(page)).pageviews).toBe(4);
  expect(await page.evaluate(() => location.pathname)).toBe('/app/home');
  const [cookie] = await visitorCookie(context);
  await leave(page);
  await eventsAtLeast(server, 5);
  await settle(page, 500);
  const events = server.events();
  expect(events.map((e) => e.type)).toEqual(['visit', 'pageview', 'pageview', 'pageview', 'pageview']);
  expect(events.slice(1).map((e) => [e.url, e.title])).toEqual([
    [server.url('/app/home'), 'Home'],
    [server.url('/app/list'), 'List'],
    [server.url('/app/detail'), 'Detail'],
    [server.url('/app/home'), 'Detail'],
  ]);
  expect(events.every((e) => e.visitor === cookie.value && e.cookieless === false)).toBe(true);
  expect(errors).toEqual([]);
});

test('virtual page views are internal: same visit, attribution kept, traffic counter goes on', async ({ page, server }) => {
  await open(page, server, '/app/home', { config: cfg(server, { mode: 'traffic', spa: true }), queued: GRANT, body }, '?gclid=G');
  await push(page, '/app/a');
  await push(page, '/app/b');
  expect(await session(page)).toMatchObject({ source: 'paid', landing: server.url('/app/home?gclid=G'), last_url: server.url('/app/b'), pageviews: 3 });
  await leave(page);
  await eventsAtLeast(server, 4);
  await settle(page, 500);
  expect(server.events().map((e) => [e.type, e.count])).toEqual([['visit', undefined], ['pageview', 1], ['pageview', 2], ['pageview', 3]]);
});

test('without spa:true, history changes are not page views; mgt(\'pageview\', url) is', async ({ page, server }) => {
  await open(page, server, '/app/home', { config: cfg(server, { mode: 'journey' }), queued: GRANT, body, title: 'Home' });
  await push(page, '/app/x');
  await page.evaluate(() => (window as any).mgt('pageview', '/app/virtual?utm_term=v&token=secret#h'));
  await page.evaluate(() => (window as any).mgt('pageview'));
  await leave(page);
  await eventsAtLeast(server, 4);
  await settle(page, 500);
  expect(server.events().filter((e) => e.type === 'pageview').map((e) => e.url)).toEqual([
    server.url('/app/home'), server.url('/app/virtual?utm_term=v'), server.url('/app/x'),
  ]);
});

test('page conditions are re-evaluated on each virtual page view and numbers re-swapped', async ({ page, server }) => {
  await open(page, server, '/app/home', { config: cfg(server, { mode: 'journey', spa: true, conditions }), queued: GRANT, body });
  expect(await state(page)).toMatchObject({ condition: null, numbers: { [ORIGINAL]: TRACKED } });
  await push(page, '/app/contact');
  expect(await state(page)).toMatchObject({ condition: 'contact', numbers: { [ORIGINAL]: CONTACT } });
  expect(await session(page)).toMatchObject({ condition: 'contact', to_swap: [{ original: ORIGINAL, tracked: CONTACT }] });
  await push(page, '/app/home');
  expect(await state(page)).toMatchObject({ condition: null, numbers: { [ORIGINAL]: TRACKED } });
  await leave(page);
  await eventsAtLeast(server, 4);
  await settle(page, 500);
  expect(server.events().filter((e) => e.type === 'pageview').map((e) => [e.condition, e.number])).toEqual([
    [null, '+33970000001'], ['contact', '+33970000006'], [null, '+33970000001'],
  ]);
});

test('(DOM) the number in the page follows the condition of each virtual page', async ({ page, server }) => {
  await open(page, server, '/app/home', { config: cfg(server, { mode: 'rotation', spa: true, conditions }), body });
  await expect(page.locator('#n')).toHaveText(`Call ${TRACKED}`);
  await push(page, '/app/contact');
  await expect(page.locator('#n')).toHaveText(`Call ${CONTACT}`);
  await push(page, '/app/home');
  await expect(page.locator('#n')).toHaveText(`Call ${TRACKED}`);
});

test('cookieless SPA: the landing\'s source is kept in memory across virtual page views, events stay anonymous', async ({ page, server }) => {
  await open(page, server, '/app/home', { config: cfg(server, { mode: 'journey', spa: true }), queued: "mgt('consent','denied');", body, title: 'Home' }, '?gclid=G&utm_source=google');
  await push(page, '/app/list?utm_source=x', 'List');
  expect(await state(page)).toMatchObject({ source: 'paid', persistent: false, landing: '/app/home' });
  expect(await page.evaluate(() => document.cookie)).toBe('');
  await leave(page);
  await eventsAtLeast(server, 3);
  await settle(page, 500);
  const events = server.events();
  expect(events.map((e) => [e.type, e.url, e.landing])).toEqual([
    ['visit', undefined, '/app/home'], ['pageview', '/app/home', undefined], ['pageview', '/app/list', undefined],
  ]);
  for (const e of events) {
    expect(e).toMatchObject({ cookieless: true, source: 'paid' });
    expect(e).not.toHaveProperty('visitor');
    expect(e).not.toHaveProperty('title');
    expect(e).not.toHaveProperty('tracking_ids');
  }
});

test('cookieless traffic counts virtual page views 1, 2', async ({ page, server }) => {
  await open(page, server, '/app/home', { config: cfg(server, { mode: 'traffic', spa: true }), queued: "mgt('consent','denied');", body });
  await push(page, '/app/list');
  await leave(page);
  await eventsAtLeast(server, 3);
  expect(server.events().filter((e) => e.type === 'pageview').map((e) => e.count)).toEqual([1, 2]);
});

test('virtual page views while consent is unknown: every view\'s anonymous events wait, and all go out on pagehide', async ({ page, server }) => {
  await open(page, server, '/app/home', { config: cfg(server, { mode: 'traffic', spa: true }), body }, '?utm_source=news');
  await push(page, '/app/list');
  await push(page, '/app/detail');
  await settle(page, 1500);
  expect(server.events()).toEqual([]);
  await leave(page);
  await eventsAtLeast(server, 4);
  await settle(page, 500);
  const events = server.events();
  expect(events.map((e) => [e.type, e.count])).toEqual([['visit', undefined], ['pageview', 1], ['pageview', 2], ['pageview', 3]]);
  for (const e of events) expect(e).toMatchObject({ cookieless: true, source: 'campaign' });
});
