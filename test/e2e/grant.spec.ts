// A grant in consent-free rotation (issue 9 §2, SPEC 7 "Grant"): rotation with
// `consent: { required: false }` stores before consent, without tracking IDs (SPEC 6.4). When the
// visitor then grants, by command or through a CMP adapter, the attribution computed on that page is
// saved with its tracking IDs, although a session already existed.
import { test, expect } from './support/fixtures';
import { GRANT, ORIGINAL, TRACKED, anyHostLaunch, at, serve, session, follow } from './support/journey';
import type { BrowserContext, Page } from '@playwright/test';
import type { TestServer } from './support/server';

test.use({ launchOptions: anyHostLaunch });

const LONG = 'x'.repeat(201);
const body = `<p>Call ${ORIGINAL}</p><button id="accept" onclick="cmpFake.accept()">Accept</button><a id="next" href="/products">next</a>`;
const config = (entry: string, cmp = 'none') => ({
  mode: 'rotation',
  entry,
  consent: { required: false, cmp },
  numbers: { [ORIGINAL]: TRACKED },
  trackingIds: { custom: [{ name: 'aff', from: 'url', key: 'aff' }, { name: 'crm', from: 'cookie', key: 'crm_id' }, { name: 'big', from: 'cookie', key: 'big' }] },
});
const LANDING = '/landing?gclid=GC1&campaignid=12345&keyword=shoes&aff=A7&gbraid=' + LONG;
const IDS = { gclid: 'GC1', campaignid: '12345', keyword: 'shoes', aff: 'A7', _ga: 'GA1.1.111.222', '_pk_id.1.abcd': 'pk1', crm: 'C42' };

async function cookies(context: BrowserContext, server: TestServer): Promise<void> {
  const url = at(server, 'www.shop.test', '/');
  await context.addCookies(
    [['_ga', IDS._ga], ['_pk_id.1.abcd', 'pk1'], ['crm_id', 'C42'], ['big', LONG]].map(([name, value]) => ({ name, value, url })),
  );
}

/** Lands on `path` from a search engine (a real cross-site referrer). */
async function land(page: Page, server: TestServer, path: string): Promise<void> {
  serve(server, '/search', { body: `<a id="go" href="${at(server, 'www.shop.test', path)}">result</a>` });
  await page.goto(at(server, 'www.google.fr', '/search'));
  await follow(page, '#go');
}

for (const entry of ['first_entry', 'last_entry']) {
  test(`${entry}: a grant by command on the landing page saves its tracking IDs (IDs over 200 characters dropped)`, async ({ page, context, server, errors }) => {
    await cookies(context, server);
    serve(server, '/landing', { config: config(entry), body });
    await land(page, server, LANDING);
    // Stored before consent, as allowed, without identifiers.
    expect(await session(page)).toMatchObject({ source: 'paid', tracking_ids: {} });
    await page.evaluate(GRANT);
    const s = await session(page);
    expect(s.tracking_ids).toEqual(IDS);
    expect(s.landing).toContain('gclid=GC1');
    expect(s.source).toBe('paid');
    expect(errors).toEqual([]);
  });
}

test('a grant by a CMP adapter on the landing page saves its tracking IDs', async ({ page, context, server, errors }) => {
  await cookies(context, server);
  serve(server, '/landing', { config: config('first_entry', 'cookieyes'), body, head: '<script src="/test/e2e/pages/cmp/fake-cookieyes.js"></script>' });
  await land(page, server, LANDING);
  expect(await session(page)).toMatchObject({ tracking_ids: {} });
  await page.click('#accept');
  await expect.poll(async () => (await session(page)).tracking_ids).toEqual(IDS);
  expect(errors).toEqual([]);
});

test('last_entry: a later paid visit granted on its landing page replaces the attribution with its tracking IDs', async ({ page, context, server, errors }) => {
  await cookies(context, server);
  // A first, direct visit stored without consent.
  serve(server, '/home', { config: config('last_entry'), body });
  await page.goto(at(server, 'www.shop.test', '/home'));
  expect(await session(page)).toMatchObject({ source: 'direct', tracking_ids: {} });
  // A paid visit later, from a search engine's ad: stored without IDs until the grant.
  serve(server, '/landing', { config: config('last_entry'), body });
  await land(page, server, '/landing?gclid=GC2&aff=B8');
  expect(await session(page)).toMatchObject({ source: 'paid', tracking_ids: {} });
  await page.evaluate(GRANT);
  expect((await session(page)).tracking_ids).toEqual({ gclid: 'GC2', aff: 'B8', _ga: IDS._ga, '_pk_id.1.abcd': 'pk1', crm: 'C42' });
  // The next page of the visit keeps them.
  serve(server, '/products', { config: config('last_entry'), body, queued: GRANT });
  await follow(page, '#next');
  expect((await session(page)).tracking_ids).toMatchObject({ gclid: 'GC2' });
  expect(errors).toEqual([]);
});
