// Attribution over real journeys (SPEC 6.2, 6.3, 6.4): traffic source from real cross-site
// navigation, visits and session timeout, first_entry / last_entry, conditions, tracking IDs.
// Every host name resolves to the local server here, so www.google.fr -> www.shop.test is a real
// cross-site navigation with the browser's own document.referrer.
import { test, expect } from './support/fixtures';
import {
  ORIGINAL, TRACKED, GRANT, anyHostLaunch, at, cfg, serve, follow, state, session, visitorCookie, age, leave, settle, eventsAtLeast,
} from './support/journey';
import type { TestServer } from './support/server';
import type { Page } from '@playwright/test';

test.use({ launchOptions: anyHostLaunch });

const SHOP = 'www.shop.test';

/** The shop: /landing, /products, /contact, /offres/*, each linking to /products and /contact. */
function shop(server: TestServer, config: Record<string, unknown>, queued = GRANT): void {
  const body = '<p id="n">Call 01 23 45 67 89</p><a id="products" href="/products">products</a><a id="contact" href="/contact">contact</a><a id="offre" href="/offres/ete">offre</a><a id="tel" href="tel:0970000001">tel</a>';
  for (const p of ['/landing', '/products', '/contact', '/offres/ete', '/offres/hiver', '/']) serve(server, p, { config, queued, body, title: p });
}

/** Opens http://FROM/ref, a page linking to `target`, and clicks the link: a real navigation. */
async function arriveFrom(page: Page, server: TestServer, from: string, target: string): Promise<void> {
  server.route('/ref', `<!doctype html><a id="go" href="${target}">go</a>`);
  await page.goto(at(server, from, '/ref'));
  await follow(page, '#go');
}

test.describe('traffic source from a real referrer', () => {
  // Hosts on Chromium's HSTS preload list (bing.com, facebook.com, t.co…) cannot be served over
  // plain http, so real navigation is used for the hosts that can, and a navigation Referer for all.
  const real: Array<[string, string]> = [
    ['www.google.fr', 'organic'], ['www.google.co.uk', 'organic'], ['webmail.orange.fr', 'email'], ['mail.free.fr', 'email'],
    ['blog.partner.test', 'referral'], ['notgoogle.fr', 'referral'], ['www.lilo.org', 'organic'],
  ];
  test('real cross-site navigation: the referrer host gives the source and its origin is kept', async ({ page, server, errors }) => {
    shop(server, { mode: 'rotation', numbers: { [ORIGINAL]: TRACKED } }, '');
    const got: Array<[string, string, string]> = [];
    for (const [host] of real) {
      await arriveFrom(page, server, host, at(server, SHOP, '/landing'));
      const s = await state(page);
      got.push([host, s.source, s.referrer]);
    }
    expect(got).toEqual(real.map(([h, src]) => [h, src, at(server, h, '')]));
    expect(errors).toEqual([]);
  });

  const cases: Array<[string, string]> = [
    ['www.google.fr', 'organic'], ['www.google.com', 'organic'], ['www.google.co.uk', 'organic'], ['www.bing.com', 'organic'], ['duckduckgo.com', 'organic'],
    ['www.qwant.com', 'organic'], ['www.ecosia.org', 'organic'], ['search.yahoo.com', 'organic'], ['search.brave.com', 'organic'],
    ['yandex.ru', 'organic'], ['www.baidu.com', 'organic'], ['www.startpage.com', 'organic'], ['search.lilo.org', 'organic'],
    ['mail.google.com', 'email'], ['outlook.live.com', 'email'], ['outlook.office.com', 'email'], ['webmail.orange.fr', 'email'], ['mail.yahoo.com', 'email'],
    ['l.facebook.com', 'social'], ['www.instagram.com', 'social'], ['www.linkedin.com', 'social'], ['t.co', 'social'], ['x.com', 'social'],
    ['twitter.com', 'social'], ['www.youtube.com', 'social'], ['www.pinterest.fr', 'social'], ['www.tiktok.com', 'social'],
    ['www.reddit.com', 'social'], ['www.snapchat.com', 'social'],
    ['blog.partner.test', 'referral'], ['notgoogle.fr', 'referral'], ['google.evil.test', 'referral'],
  ];
  test('each referrer host of SPEC 6.2 is classified (search -> organic, webmail -> email, social, other -> referral)', async ({ page, server, errors }) => {
    shop(server, { mode: 'rotation', numbers: { [ORIGINAL]: TRACKED } }, '');
    const got: Array<[string, string, string]> = [];
    for (const [host] of cases) {
      await page.goto(at(server, SHOP, '/landing'), { referer: `https://${host}/some/path?q=1` });
      const s = await state(page);
      got.push([host, s.source, s.referrer]);
    }
    expect(got).toEqual(cases.map(([h, src]) => [h, src, `https://${h}`]));
    expect(errors).toEqual([]);
  });

  test('URL parameters win over the referrer: utm_medium=email from Google is email, gclid from Facebook is paid, fbclid is social', async ({ page, server }) => {
    shop(server, { mode: 'rotation', numbers: { [ORIGINAL]: TRACKED } }, '');
    await arriveFrom(page, server, 'www.google.fr', at(server, SHOP, '/landing?utm_medium=email&utm_source=crm'));
    expect((await state(page)).source).toBe('email');
    await page.goto(at(server, SHOP, '/landing?gclid=x'), { referer: 'https://l.facebook.com/' });
    expect((await state(page)).source).toBe('paid');
    await arriveFrom(page, server, 'www.google.fr', at(server, SHOP, '/landing?fbclid=x'));
    expect((await state(page)).source).toBe('social');
  });

  test('a Referer set by the navigation (page.goto referer) is classified the same way', async ({ page, server }) => {
    shop(server, { mode: 'rotation', numbers: { [ORIGINAL]: TRACKED } }, '');
    await page.goto(at(server, SHOP, '/landing'), { referer: 'https://www.google.fr/search?q=plombier' });
    expect(await state(page)).toMatchObject({ source: 'organic', referrer: 'https://www.google.fr' });
    await page.goto(at(server, SHOP, '/landing'), { referer: 'https://www.facebook.com/some/post' });
    expect(await state(page)).toMatchObject({ source: 'social', referrer: 'https://www.facebook.com' });
  });

  test('localhost -> 127.0.0.1 is a different host: referral, and the referrer stored is its origin only', async ({ page, server, context }) => {
    shop(server, cfg(server, { mode: 'journey' }));
    await arriveFrom(page, server, 'localhost', server.url('/landing?x=1'));
    expect(await state(page)).toMatchObject({ source: 'referral', referrer: at(server, 'localhost', ''), persistent: true });
    expect(await session(page)).toMatchObject({ source: 'referral', referrer: at(server, 'localhost', ''), landing: server.url('/landing') });
    const [cookie] = await visitorCookie(context);
    await leave(page);
    const [visit] = await eventsAtLeast(server, 2);
    expect(visit).toMatchObject({ type: 'visit', source: 'referral', referrer: at(server, 'localhost', ''), visitor: cookie.value });
  });

  test('every utm_medium value and click ID of SPEC 6.2 gives its source', async ({ page, server }) => {
    shop(server, { mode: 'rotation', numbers: { [ORIGINAL]: TRACKED } }, '');
    const cases: Array<[string, string]> = [
      ...['cpc', 'ppc', 'paid', 'paidsearch', 'paid_search', 'cpm', 'display', 'paid_social', 'CPC'].map((m): [string, string] => [`utm_medium=${m}`, 'paid']),
      ...['email', 'e-mail', 'newsletter'].map((m): [string, string] => [`utm_medium=${m}`, 'email']),
      ...['social', 'social-network', 'social_media'].map((m): [string, string] => [`utm_medium=${m}`, 'social']),
      ['utm_medium=organic', 'organic'], ['utm_medium=referral', 'referral'],
      ['utm_medium=affiliate', 'campaign'], ['utm_source=partner', 'campaign'], ['utm_campaign=spring', 'campaign'],
      ...['gclid', 'gbraid', 'wbraid', 'dclid', 'msclkid', 'ttclid'].map((k): [string, string] => [`${k}=abc&utm_medium=email`, 'paid']),
      ['fbclid=abc', 'social'], ['fbclid=abc&utm_medium=newsletter', 'email'], ['gclid=', 'direct'], ['', 'direct'],
    ];
    const got: Array<[string, string]> = [];
    for (const [q] of cases) {
      await page.goto(at(server, SHOP, '/landing?' + q));
      got.push([q, (await state(page)).source]);
    }
    expect(got).toEqual(cases);
  });

  test('a sibling subdomain under cookie.domain is internal navigation: same visitor, no new visit', async ({ page, server, context }) => {
    shop(server, cfg(server, { mode: 'journey', cookie: { domain: 'shop.test' } }));
    await page.goto(at(server, 'blog.shop.test', '/landing?utm_source=news'));
    expect((await session(page)).source).toBe('campaign');
    const [cookie] = await visitorCookie(context);
    expect(cookie.domain).toBe('.shop.test');
    await arriveFrom(page, server, 'blog.shop.test', at(server, SHOP, '/products'));
    expect(await state(page)).toMatchObject({ persistent: true, visitor: cookie.value });
    await leave(page);
    await eventsAtLeast(server, 3);
    await settle(page, 500);
    // SPEC 6.2: a referrer on a host under cookie.domain is internal navigation and starts no visit.
    expect(server.events().map((e) => e.type)).toEqual(['visit', 'pageview', 'pageview']);
  });

  test('without cookie.domain a sibling subdomain is a referral', async ({ page, server }) => {
    shop(server, { mode: 'rotation', numbers: { [ORIGINAL]: TRACKED } }, '');
    await arriveFrom(page, server, 'blog.shop.test', at(server, SHOP, '/products'));
    expect(await state(page)).toMatchObject({ source: 'referral', referrer: at(server, 'blog.shop.test', '') });
  });
});

test.describe('visits and entry models', () => {
  test('first_entry: timeout, campaign and direct visits start new visits but keep the first attribution; cookie never extended', async ({ page, server, context, errors }) => {
    shop(server, cfg(server, { mode: 'journey' }));
    const landing = at(server, SHOP, '/landing?gclid=G1&utm_source=google&utm_medium=cpc');
    await page.goto(landing + '#frag');
    const [c1] = await visitorCookie(context);
    expect(await session(page)).toMatchObject({ source: 'paid', landing, referrer: 'direct', tracking_ids: { gclid: 'G1' }, pageviews: 1 });
    // Internal page within the timeout: same visit.
    await age(page, 29);
    await follow(page, '#products');
    expect(await session(page)).toMatchObject({ source: 'paid', landing, pageviews: 2, last_url: at(server, SHOP, '/products') });
    // Back after 31 minutes, by an internal link: a new visit, attribution kept, counter restarted.
    await age(page, 31);
    await follow(page, '#contact');
    expect(await session(page)).toMatchObject({ source: 'paid', landing, tracking_ids: { gclid: 'G1' }, pageviews: 1, last_url: at(server, SHOP, '/contact') });
    // A new campaign visit from an e-mail.
    await page.goto(at(server, SHOP, '/offres/ete?utm_source=crm&utm_medium=email'));
    expect(await session(page)).toMatchObject({ source: 'paid', landing, tracking_ids: { gclid: 'G1' }, pageviews: 1 });
    // A direct visit.
    await page.goto(at(server, SHOP, '/'));
    expect(await session(page)).toMatchObject({ source: 'paid', landing, referrer: 'direct', pageviews: 1, last_url: at(server, SHOP, '/') });
    const [c2] = await visitorCookie(context);
    expect(c2.value).toBe(c1.value);
    expect(c2.expires).toBe(c1.expires);
    await leave(page);
    await eventsAtLeast(server, 9);
    await settle(page, 500);
    const events = server.events();
    expect(events.map((e) => e.type)).toEqual(['visit', 'pageview', 'pageview', 'visit', 'pageview', 'visit', 'pageview', 'visit', 'pageview']);
    for (const v of events.filter((e) => e.type === 'visit')) {
      expect(v).toMatchObject({ source: 'paid', landing, referrer: 'direct', tracking_ids: { gclid: 'G1' }, visitor: c1.value, cookieless: false });
    }
    expect(errors).toEqual([]);
  });

  test('last_entry: a new campaign replaces the attribution, a later direct visit does not (last non-direct click)', async ({ page, server, context }) => {
    shop(server, cfg(server, { mode: 'traffic', entry: 'last_entry' }));
    await page.goto(at(server, SHOP, '/landing?gclid=G1'));
    expect(await session(page)).toMatchObject({ source: 'paid', tracking_ids: { gclid: 'G1' } });
    await page.goto(at(server, SHOP, '/offres/ete?utm_source=crm&utm_medium=email'));
    const email = at(server, SHOP, '/offres/ete?utm_source=crm&utm_medium=email');
    expect(await session(page)).toMatchObject({ source: 'email', landing: email, tracking_ids: {}, pageviews: 1 });
    await follow(page, '#products');
    expect(await session(page)).toMatchObject({ source: 'email', landing: email, pageviews: 2 });
    await page.goto(at(server, SHOP, '/'));
    expect(await session(page)).toMatchObject({ source: 'email', landing: email, pageviews: 1 });
    await arriveFrom(page, server, 'www.google.fr', at(server, SHOP, '/contact'));
    expect(await session(page)).toMatchObject({ source: 'organic', referrer: at(server, 'www.google.fr', ''), landing: at(server, SHOP, '/contact') });
    const [cookie] = await visitorCookie(context);
    await leave(page);
    await eventsAtLeast(server, 9);
    await settle(page, 500);
    const visits = server.events().filter((e) => e.type === 'visit');
    expect(visits.map((v) => v.source)).toEqual(['paid', 'email', 'email', 'organic']);
    expect(visits.every((v) => v.visitor === cookie.value)).toBe(true);
  });

  test('session.timeout: 1 minute of inactivity ends the visit; internal navigation within it does not', async ({ page, server }) => {
    shop(server, cfg(server, { mode: 'origin', session: { timeout: 1 } }));
    await page.goto(at(server, SHOP, '/landing?utm_source=a'));
    await age(page, 0.5);
    await follow(page, '#products');
    await age(page, 1.5);
    await follow(page, '#contact');
    await leave(page);
    await eventsAtLeast(server, 2);
    await settle(page, 500);
    expect(server.events().map((e) => e.type)).toEqual(['visit', 'visit']);
  });

  test('a call keeps the visit alive (last_action updated)', async ({ page, server }) => {
    shop(server, cfg(server, { mode: 'origin' }));
    await page.goto(at(server, SHOP, '/landing'));
    await age(page, 25);
    const before = (await session(page)).last_action;
    await page.click('#tel');
    await expect.poll(async () => (await session(page)).last_action).toBeGreaterThan(before + 20 * 60000);
  });
});

test.describe('conditions', () => {
  const conditions = [
    { id: 'contact', page: '/contact', source: 'paid', numbers: { [ORIGINAL]: '09 70 00 00 06' } },
    { id: 'ads', source: ['paid'], numbers: { [ORIGINAL]: '09 70 00 00 02' } },
    { id: 'promo', params: { promo: 'SUMMER' }, numbers: { [ORIGINAL]: '09 70 00 00 04' } },
    { id: 'fb', referrer: 'facebook.com', numbers: { [ORIGINAL]: '09 70 00 00 03' } },
    { id: 'lp', landing: '/offres/*', numbers: { [ORIGINAL]: '09 70 00 00 05' } },
  ];
  const config = (server: TestServer) => cfg(server, { mode: 'journey', conditions });

  test('first match wins; a page-only condition is re-evaluated on every internal page', async ({ page, server, errors }) => {
    shop(server, config(server));
    await page.goto(at(server, SHOP, '/offres/ete?gclid=G&promo=summer'));
    expect(await state(page)).toMatchObject({ condition: 'ads', numbers: { [ORIGINAL]: '09 70 00 00 02' } });
    expect(await session(page)).toMatchObject({ condition: 'ads', to_swap: [{ original: ORIGINAL, tracked: '09 70 00 00 02' }] });
    await follow(page, '#contact');
    expect(await state(page)).toMatchObject({ condition: 'contact', numbers: { [ORIGINAL]: '09 70 00 00 06' } });
    expect(await session(page)).toMatchObject({ condition: 'contact', to_swap: [{ original: ORIGINAL, tracked: '09 70 00 00 06' }] });
    await follow(page, '#products');
    expect(await session(page)).toMatchObject({ condition: 'ads', to_swap: [{ original: ORIGINAL, tracked: '09 70 00 00 02' }] });
    await leave(page);
    await eventsAtLeast(server, 4);
    await settle(page, 500);
    expect(server.events().map((e) => [e.type, e.condition, e.number])).toEqual([
      ['visit', 'ads', '+33970000002'], ['pageview', 'ads', '+33970000002'],
      ['pageview', 'contact', '+33970000006'], ['pageview', 'ads', '+33970000002'],
    ]);
    expect(errors).toEqual([]);
  });

  test('params match case-insensitively on the landing URL and keep matching on later pages', async ({ page, server }) => {
    shop(server, config(server));
    await page.goto(at(server, SHOP, '/offres/ete?promo=Summer'));
    expect((await state(page)).condition).toBe('promo');
    // The parameter named in a condition is kept in the stored landing.
    expect((await session(page)).landing).toBe(at(server, SHOP, '/offres/ete?promo=Summer'));
    await follow(page, '#contact');
    expect(await state(page)).toMatchObject({ condition: 'promo', numbers: { [ORIGINAL]: '09 70 00 00 04' } });
  });

  test('referrer condition, landing pattern with *, and no match -> default numbers', async ({ page, server }) => {
    shop(server, config(server));
    await page.goto(at(server, SHOP, '/landing'), { referer: 'https://m.facebook.com/' });
    expect(await state(page)).toMatchObject({ source: 'social', condition: 'fb', numbers: { [ORIGINAL]: '09 70 00 00 03' } });
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    await page.goto(at(server, SHOP, '/offres/hiver'));
    expect(await state(page)).toMatchObject({ condition: 'lp', numbers: { [ORIGINAL]: '09 70 00 00 05' } });
    await follow(page, '#products');
    expect((await state(page)).condition).toBe('lp');
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    await page.goto(at(server, SHOP, '/products'));
    expect(await state(page)).toMatchObject({ condition: null, numbers: { [ORIGINAL]: TRACKED } });
    expect((await session(page)).condition).toBe(null);
  });

  test('without consent, conditions are computed from the current page alone (landing and params of this page)', async ({ page, server }) => {
    shop(server, config(server), '');
    await page.goto(at(server, SHOP, '/contact?gclid=G'));
    expect(await state(page)).toMatchObject({ persistent: false, condition: 'contact', numbers: { [ORIGINAL]: '09 70 00 00 06' } });
    await follow(page, '#offre');
    // Internal navigation: the paid landing is not remembered without storage.
    expect(await state(page)).toMatchObject({ persistent: false, condition: 'lp', source: 'direct' });
  });
});

test.describe('tracking IDs', () => {
  test('captured with consent from the entry page: click IDs, ValueTrack, _ga, _pk_id.*, custom ids; long values dropped', async ({ page, server, context }) => {
    await context.addCookies([
      { name: '_ga', value: 'GA1.1.111.222', url: at(server, SHOP, '/') },
      { name: '_pk_id.1.abcd', value: 'pk123.456', url: at(server, SHOP, '/') },
      { name: 'crm', value: 'C-42', url: at(server, SHOP, '/') },
      { name: 'other', value: 'nope', url: at(server, SHOP, '/') },
    ]);
    const custom = [
      { name: 'crm_id', from: 'cookie', key: 'crm' },
      { name: 'aff', from: 'url', key: 'aff' },
      { name: 'ls', from: 'localStorage', key: 'ls_key' },
      { name: 'user_type', from: 'window', key: 'dataLayer.0.userType' },
      { name: 'long', from: 'url', key: 'longid' },
    ];
    const config = cfg(server, { mode: 'journey', trackingIds: { custom } });
    const head = `<script>localStorage.setItem('ls_key','L-7');window.dataLayer=[{userType:'pro'}];</script>`;
    serve(server, '/landing', { config, queued: GRANT, head, body: '<a id="products" href="/products">p</a>' });
    serve(server, '/products', { config, queued: GRANT });
    const long = 'x'.repeat(201);
    await page.goto(at(server, SHOP, `/landing?gclid=G1&gbraid=GB&wbraid=WB&msclkid=MS&fbclid=FB&campaignid=123&adgroupid=456&keyword=plombier&matchtype=e&network=g&device=m&creative=789&placement=site&targetid=kwd-1&aff=A9&longid=${long}&dclid=D&ttclid=T`));
    const ids = {
      gclid: 'G1', gbraid: 'GB', wbraid: 'WB', msclkid: 'MS', fbclid: 'FB', campaignid: '123', adgroupid: '456', keyword: 'plombier',
      matchtype: 'e', network: 'g', device: 'm', creative: '789', placement: 'site', targetid: 'kwd-1', aff: 'A9',
      _ga: 'GA1.1.111.222', '_pk_id.1.abcd': 'pk123.456', crm_id: 'C-42', ls: 'L-7', user_type: 'pro',
    };
    expect((await session(page)).tracking_ids).toEqual(ids);
    await follow(page, '#products');
    expect((await session(page)).tracking_ids).toEqual(ids);
    await leave(page);
    const [visit] = await eventsAtLeast(server, 3);
    expect(visit.tracking_ids).toEqual(ids);
  });

  test('without consent nothing is read from the device and click IDs never reach a stored or sent URL', async ({ page, server, context }) => {
    await context.addCookies([{ name: '_ga', value: 'GA1.1.111.222', url: at(server, SHOP, '/') }]);
    shop(server, cfg(server, { mode: 'journey' }), "mgt('consent','denied');");
    await page.goto(at(server, SHOP, '/landing?gclid=G1&utm_source=google'));
    expect(await state(page)).toMatchObject({ source: 'paid', persistent: false, landing: '/landing' });
    await leave(page);
    const events = await eventsAtLeast(server, 2);
    expect(JSON.stringify(events)).not.toMatch(/G1|GA1|gclid/);
  });
});
