// The demo as a newcomer uses it (npm start): the plumber's site with its real consent banner
// (vanilla-cookieconsent), the control panel, and the reference collector, all in-process. Each
// test starts its own demo server with an empty data folder. Screenshots go to test/screenshots/.
import { expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { demoTest as test, shot, type Demo } from './support/demo';

// Each test starts a demo server and a browser; on a machine shared by several test runs that
// alone can take most of the default 30 s.
test.describe.configure({ timeout: 60_000 });

// Same browser as playwright.config.ts, plus a host mapping so that http://www.google.fr:PORT reaches
// the demo's search stand-in: the site then gets a real search-engine referrer.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP www.google.fr 127.0.0.1'],
  },
  viewport: { width: 1440, height: 900 },
});


const banner = (page: Page) => page.locator('#cc-main .cm');
const panel = (page: Page) => page.locator('#demo-panel');
const consentBadge = (page: Page) => page.locator('#dp-consent');
const events = (demo: Demo) => demo.collector.store.events;
const visitorCookie = async (page: Page) => (await page.context().cookies()).find((c) => c.name === 'mgt_visitor');
const session = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('mgt_session') || 'null'));
/** The text of the site's top bar number: the first place a visitor sees the number. */
const topbarNumber = (page: Page) => page.locator('.topbar-phone');

async function accept(page: Page) {
  await expect(banner(page)).toBeVisible();
  await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
  await expect(consentBadge(page)).toHaveText('granted');
}

async function settings(page: Page, values: { mode?: string; entry?: string; cmp?: string }) {
  if ((await panel(page).locator('#dp-setup').getAttribute('open')) === null) await panel(page).locator('#dp-setup > summary').click();
  for (const [name, value] of Object.entries(values)) await panel(page).locator(`select[name=${name}]`).selectOption(value);
  await Promise.all([page.waitForEvent('load'), panel(page).getByRole('button', { name: 'Apply and reload' }).click()]);
}

test('a direct visitor sees the tracked number in every written form, and only where it belongs', async ({ page, demo, errors }) => {
  await page.goto(demo.url + '/');
  await expect(banner(page)).toBeVisible();
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 01');
  await expect(page.locator('.hero-actions .button-primary')).toHaveText('Appeler le 09 70 00 00 01');
  await expect(page.locator('.band p')).toContainText('09.70.00.00.01');
  await expect(page.locator('.site-footer a[href^="tel:"]')).toHaveText('+33 (0)9 70 00 00 01');
  await expect(page.locator('.site-footer a[href^="tel:"]')).toHaveAttribute('title', 'Appelez-nous au +33 (0)9 70 00 00 01');
  await expect(page.locator('.button-call')).toHaveAttribute('aria-label', 'Appeler Plomberie Martin au 09 70 00 00 01');
  await expect(page.locator('.button-call')).toHaveAttribute('href', 'tel:0970000001');
  await expect(topbarNumber(page)).toHaveAttribute('href', 'tel:+33970000001');
  // JSON-LD keeps the real number; the panel (data-mgt-ignore) shows the original untouched.
  const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
  expect(JSON.parse(jsonLd!).telephone).toBe('+33 1 23 45 67 89');
  await expect(panel(page).locator('#dp-swaps')).toContainText('01 23 45 67 89');
  await expect(page.locator('#dp-state')).toContainText('direct');
  await expect(consentBadge(page)).toHaveText('unknown');
  expect(await visitorCookie(page)).toBeUndefined();
  await shot(page, 'demo-home-banner');

  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Contact' }).click();
  await expect(page.locator('.big-phone')).toHaveText('+33 (0)9 70 00 00 01');
  await expect(page.locator('.contact-list')).toContainText('0033 9 70 00 00 01');
  await expect(page.locator('.contact-list')).toContainText('06 12 34 56 78'); // not in the config: untouched
  await expect(page.locator('#f-tel')).toHaveValue('01 23 45 67 89'); // form fields are never edited
  await expect(page.locator('#f-msg')).toHaveValue('Rappelez-moi au 01 23 45 67 89');
  await expect(page.getByRole('link', { name: 'Appeler maintenant' })).toHaveAttribute('title', 'Appeler le 09 70 00 00 01');
  await page.getByRole('link', { name: 'Services' }).first().click();
  await expect(page.locator('.lead')).toContainText('0970000001');
  await expect(page.locator('img[src$="bath.svg"]')).toHaveAttribute('alt', /09 70 00 00 01/);
  expect(errors).toEqual([]);
});

test('a Google Ads visitor who accepts gets a pool number, and a simulated call names them', async ({ page, demo, errors }) => {
  await page.goto(demo.url + '/services');
  await panel(page).locator('[data-arrive=ads]').click();
  await expect(page).toHaveURL(/gclid=demo_/);
  // Before consent: cookieless, the condition's own number.
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 10');
  await expect(page.locator('#dp-state')).toContainText('paid');
  await expect(page.locator('#dp-state')).toContainText('google-ads');
  await accept(page);

  // After consent: a number of the pool 'ads', leased to this visitor.
  await expect(topbarNumber(page)).toHaveText(/^09 70 00 01 0[123]$/);
  const leased = (await topbarNumber(page).textContent())!;
  const cookie = await visitorCookie(page);
  expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  const stored = await session(page);
  expect(stored).toMatchObject({ v: 1, source: 'paid', condition: 'google-ads' });
  expect(stored.tracking_ids.gclid).toMatch(/^demo_/);
  await expect(page.locator('#dp-cookie')).toHaveText(cookie!.value);
  await expect(page.locator('#dp-session')).toContainText('"source": "paid"');
  expect(demo.collector.store.leases.some((l) => l.visitor === cookie!.value)).toBe(true);

  await expect.poll(() => events(demo).find((e) => e.type === 'visit' && !e.cookieless)).toMatchObject({
    source: 'paid', condition: 'google-ads', visitor: cookie!.value, mode: 'journey',
  });
  // Accepted on its landing page, the Ads visit is reported once, identified, never also anonymously.
  // (The earlier cookieless visit is the direct one on /services, sent when that page was left.)
  expect(events(demo).filter((e) => e.type === 'visit' && e.source === 'paid')).toHaveLength(1);
  expect(events(demo).filter((e) => e.cookieless).map((e) => e.source)).not.toContain('paid');
  await expect(page.locator('#dp-events')).toContainText('visit · journey · identified · paid');
  await page.locator('#dp-h-state').evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await shot(page, 'demo-ads-accepted');

  // Browsing: journey page views; the leased number stays; a direct return keeps the Ads source.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Contact' }).click();
  await expect(page.locator('.big-phone')).toHaveText(`+33 (0)${leased.slice(1)}`);
  await expect.poll(() => events(demo).some((e) => e.type === 'pageview' && String(e.url).endsWith('/contact'))).toBe(true);
  await panel(page).locator('[data-arrive=direct]').click();
  await expect(page.locator('#dp-state')).toContainText('google-ads');
  await expect(topbarNumber(page)).toHaveText(leased);

  // A click on a tel: link is a call event.
  await page.locator('.topbar-phone').evaluate((a) => a.addEventListener('click', (e) => e.preventDefault()));
  await page.locator('.topbar-phone').click();
  await expect.poll(() => events(demo).find((e) => e.type === 'call')).toMatchObject({ number: `+33${leased.replace(/\D/g, '').slice(1)}`, visitor: cookie!.value });

  await panel(page).locator(`[data-simulate="${leased}"]`).first().click();
  await expect(page.locator('#dp-call')).toContainText('Attributed to one visitor');
  await expect(page.locator('#dp-call')).toContainText(cookie!.value);
  await expect(page.locator('#dp-call')).toContainText('paid');
  await page.locator('#dp-call').evaluate((c) => c.scrollIntoView({ block: 'end' }));
  await shot(page, 'demo-simulate-call-visitor');
  expect(errors).toEqual([]);
});

test('when the pool is exhausted, the fourth Ads visitor gets the condition\'s own number, explained, with no failed request', async ({ browser, demo }) => {
  test.setTimeout(90_000); // four visitors, each in a browser context of their own
  const shown: string[] = [];
  for (let i = 0; i < 4; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    await page.goto(`${demo.url}/?gclid=visitor${i}&utm_source=google&utm_medium=cpc`);
    await accept(page);
    await expect(page.locator('#dp-state')).toContainText('persistent');
    if (i < 3) await expect(topbarNumber(page)).toHaveText(/^09 70 00 01 0[123]$/);
    else {
      await expect(page.locator('#dp-state [data-why=pool]')).toContainText('The pool “ads” is exhausted: its 3 numbers are each held by another visitor');
      await expect(page.locator('#dp-state [data-why=pool]')).toContainText('mgt shows the condition’s own number 09 70 00 00 10 instead');
      await shot(page, 'demo-pool-exhausted');
    }
    shown.push((await topbarNumber(page).textContent())!);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }
  expect(shown.slice(0, 3).sort()).toEqual(['09 70 00 01 01', '09 70 00 01 02', '09 70 00 01 03']);
  expect(shown[3]).toBe('09 70 00 00 10');
  expect(new Set(demo.collector.store.leases.map((l) => l.visitor)).size).toBe(3);
});

test('an organic visitor from a search page who refuses is tracked cookieless, and a call gets probabilities', async ({ page, demo, errors }) => {
  await page.goto(`http://www.google.fr:${demo.port}/search?q=plombier+lyon&to=${encodeURIComponent(demo.url)}`);
  await shot(page, 'demo-search-stand-in');
  await page.locator('.result-link').click();
  await expect(page).toHaveURL(demo.url + '/');
  expect(await page.evaluate(() => document.referrer)).toBe(`http://www.google.fr:${demo.port}/`);
  await expect(page.locator('#dp-state')).toContainText('organic');
  await expect(page.locator('#dp-state')).toContainText('google-organic');
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 20');

  await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
  await expect(consentBadge(page)).toHaveText('denied');
  expect(await visitorCookie(page)).toBeUndefined();
  expect(await session(page)).toBeNull();
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 20');

  // The refusal releases the page's anonymous events: no identifier, path-only URLs.
  await expect.poll(() => events(demo).filter((e) => e.type === 'visit').length).toBeGreaterThan(0);
  for (const e of events(demo)) {
    expect(e.cookieless).toBe(true);
    expect(e.visitor).toBeUndefined();
    expect(e.tracking_ids).toBeUndefined();
    expect(e.title).toBeUndefined();
  }
  expect(events(demo).find((e) => e.type === 'visit')).toMatchObject({ source: 'organic', landing: '/', number: '+33970000020' });
  expect(events(demo).find((e) => e.type === 'pageview')).toMatchObject({ url: '/', number: '+33970000020' });

  await panel(page).locator('[data-simulate="09 70 00 00 20"]').first().click();
  await expect(page.locator('#dp-call')).toContainText('attributed by probability');
  await expect(page.locator('#dp-call')).toContainText('organic: 100 %');
  await page.locator('#dp-call').scrollIntoViewIfNeeded();
  await shot(page, 'demo-simulate-call-cookieless');

  // Cookieless, each page is judged on its own (SPEC 8): the next page is internal navigation, so the
  // default number, and still nothing on the device.
  await page.getByRole('link', { name: 'Services' }).first().click();
  await expect(page.locator('#dp-state')).toContainText('cookieless');
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 01');
  expect(await visitorCookie(page)).toBeUndefined();
  expect(await session(page)).toBeNull();
  expect(errors).toEqual([]);
});

test('the search stand-in on a .localhost host offers the tagged business-listing link', async ({ page, demo }) => {
  await page.goto(demo.url + '/');
  await panel(page).locator('[data-arrive=organic]').click();
  await expect(page).toHaveURL(/www\.google\.localhost/);
  await page.locator('.listing-link').click();
  await expect(page).toHaveURL(/utm_medium=organic/);
  await expect(page.locator('#dp-state')).toContainText('organic');
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 20');
});

test('withdrawing in the banner preferences deletes what mgt stored, on the same page', async ({ page, demo, errors }) => {
  await page.goto(demo.url + '/');
  await panel(page).locator('[data-arrive=facebook]').click();
  await accept(page);
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 30');
  expect(await visitorCookie(page)).toBeDefined();
  expect(await session(page)).toMatchObject({ source: 'social', condition: 'facebook' });

  await panel(page).getByRole('button', { name: 'Preferences' }).click();
  const prefs = page.locator('#cc-main .pm');
  await expect(prefs).toBeVisible();
  await page.waitForTimeout(500); // let the modal's fade-in end before the screenshot
  await shot(page, 'demo-banner-preferences');
  await prefs.locator('input[value="analytics"]').setChecked(false, { force: true });
  await prefs.getByRole('button', { name: 'Enregistrer mes choix' }).click();
  await expect(consentBadge(page)).toHaveText('denied');
  await expect.poll(() => visitorCookie(page)).toBeUndefined();
  expect(await session(page)).toBeNull();
  await expect(page.locator('#dp-cookie')).toHaveText('— (none)');
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 30'); // still the cookieless decision for this page
  await expect(page.locator('#dp-state')).toContainText('cookieless');
  expect(errors).toEqual([]);
});

test('"Forget me" starts over as a new visitor: no cookie, no storage, the banner asks again', async ({ page, demo }) => {
  await page.goto(demo.url + '/?fbclid=x');
  await accept(page);
  expect(await visitorCookie(page)).toBeDefined();
  await Promise.all([page.waitForEvent('load'), panel(page).getByRole('button', { name: /Forget me/ }).click()]);
  await expect(page).toHaveURL(demo.url + '/');
  await expect(banner(page)).toBeVisible();
  await expect(consentBadge(page)).toHaveText('unknown');
  expect(await page.context().cookies()).toEqual([]);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await expect(page.locator('#dp-state')).toContainText('direct'); // no referrer, no parameter
});

test('last_entry: a newsletter visit after a Facebook one takes the credit', async ({ page, demo }) => {
  await page.goto(demo.url + '/');
  await settings(page, { entry: 'last_entry' });
  await expect(panel(page).locator('select[name=entry]')).toHaveValue('last_entry');
  await panel(page).locator('[data-arrive=facebook]').click();
  await accept(page);
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 30');
  await panel(page).locator('[data-arrive=newsletter]').click();
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 40');
  expect(await session(page)).toMatchObject({ source: 'email', condition: 'newsletter' });
  await panel(page).locator('[data-arrive=direct]').click(); // a direct visit never replaces a known source
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 40');
  await expect.poll(() => events(demo).filter((e) => e.type === 'visit' && !e.cookieless).map((e) => e.source)).toEqual(['social', 'email']);
});

test('the single-page app counts each pushState view and swaps numbers it renders', async ({ page, demo, errors }) => {
  await page.goto(demo.url + '/app/');
  await accept(page);
  await page.locator('.app-nav').getByRole('link', { name: 'Demander un devis' }).click();
  await expect(page).toHaveURL(demo.url + '/app/devis');
  await expect(page.locator('#app-view')).toContainText('09-70-00-00-01');
  await page.locator('.app-nav').getByRole('link', { name: 'Prendre rendez-vous' }).click();
  await expect(page.locator('#app-view .button-primary')).toHaveText('+33 9 70 00 00 01');
  await page.goBack();
  await expect(page.locator('#app-view h1')).toHaveText('Demander un devis');
  await expect.poll(() => events(demo).filter((e) => e.type === 'pageview').map((e) => new URL(e.url).pathname))
    .toEqual(['/app/', '/app/devis', '/app/rendez-vous', '/app/devis']);
  await page.locator('#dp-h-events').evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await expect(page.locator('#dp-events li')).toHaveCount(5);
  await shot(page, 'demo-spa');
  expect(errors).toEqual([]);
});

test('origin sends a visit but no page views; traffic adds a page-view counter', async ({ page, demo, errors }) => {
  const browse = async () => {
    await page.getByRole('link', { name: 'Services' }).first().click();
    await expect(page.locator('h1')).toHaveText('Nos services');
    await page.goto('about:blank'); // pagehide flushes what is queued
  };
  await fetch(demo.url + '/api/demo/settings', { method: 'POST', body: JSON.stringify({ mode: 'origin' }) });
  await page.goto(demo.url + '/?utm_source=newsletter&utm_medium=email');
  await accept(page);
  await browse();
  await expect.poll(() => events(demo).map((e) => e.type)).toEqual(['visit']);
  expect(events(demo)[0]).toMatchObject({ mode: 'origin', cookieless: false, source: 'email', number: '+33970000040' });

  await fetch(demo.url + '/api/demo/settings', { method: 'POST', body: JSON.stringify({ mode: 'traffic' }) });
  await page.goto(demo.url + '/contact'); // typed in: a new (direct) visit, which keeps the email source
  await browse();
  const traffic = () => events(demo).filter((e) => e.mode === 'traffic');
  await expect.poll(() => traffic().map((e) => e.type)).toEqual(['visit', 'pageview', 'pageview']);
  const [visit, first, second] = traffic();
  expect(visit).toMatchObject({ source: 'email', cookieless: false });
  expect(second.count).toBe(first.count + 1);
  expect(traffic().every((e) => !e.url && !e.title && e.visitor === visit.visitor)).toBe(true);
  expect(errors).toEqual([]);
});

test('invisible and rotation modes store or send only what their row of the modes table allows', async ({ page, demo }) => {
  await fetch(demo.url + '/api/demo/settings', { method: 'POST', body: JSON.stringify({ mode: 'invisible' }) });
  await page.goto(demo.url + '/');
  await expect(panel(page).locator('select[name=mode]')).toHaveValue('invisible');
  // invisible needs no consent: accepting in the banner changes nothing for mgt.
  await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
  await expect(banner(page)).toBeHidden();
  await panel(page).locator('[data-arrive=ads]').click();
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 01'); // invisible: no condition
  expect(await visitorCookie(page)).toBeUndefined();
  expect(await session(page)).toBeNull();

  await settings(page, { mode: 'rotation' }); // reloads the Ads landing page, now in rotation
  await expect(consentBadge(page)).toHaveText('granted'); // the banner's earlier choice, read by the adapter
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 10');
  expect(await visitorCookie(page)).toBeDefined();
  expect(await session(page)).toMatchObject({ source: 'paid', condition: 'google-ads' });
  await panel(page).locator('[data-arrive=newsletter]').click(); // first_entry: the Ads visit keeps the credit
  await expect(page).toHaveURL(/utm_medium=email/);
  await expect(topbarNumber(page)).toHaveText('09 70 00 00 10');
  expect(await session(page)).toMatchObject({ source: 'paid', condition: 'google-ads' });
  await page.waitForTimeout(1500);
  expect(events(demo)).toEqual([]);
  expect(demo.collector.store.leases).toEqual([]);
});

for (const cmp of ['klaro', 'tarteaucitron'] as const) {
  const notice = (page: Page) => page.locator(cmp === 'klaro' ? '.klaro .cookie-notice' : '#tarteaucitronAlertBig');
  /** Clicks a banner button until mgt reports `state`: tarteaucitron shows its bar half a second
   *  before it wires the buttons, and ignores clicks in that moment (faster than any person clicks). */
  const answer = (page: Page, name: string, state: string) => expect(async () => {
    await notice(page).getByRole('button', { name }).click({ timeout: 1000 });
    await expect(consentBadge(page)).toHaveText(state, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });

  test(`${cmp}: accepting in its banner lets mgt store, refusing keeps it cookieless`, async ({ page, demo, errors }) => {
    await fetch(demo.url + '/api/demo/settings', { method: 'POST', body: JSON.stringify({ cmp }) });
    await page.goto(demo.url + '/?utm_source=newsletter&utm_medium=email');
    await expect(notice(page)).toBeVisible();
    await expect(consentBadge(page)).toHaveText('unknown');
    await shot(page, `demo-cmp-${cmp}`);
    await answer(page, 'Tout accepter', 'granted');
    // The documented service and the adapter name the same source, whichever way the visitor answers.
    await expect(page.locator('#dp-consent-source')).toHaveText(`(from ${cmp})`);
    expect(await visitorCookie(page)).toBeDefined();
    expect(await session(page)).toMatchObject({ source: 'email', condition: 'newsletter' });
    await expect.poll(() => events(demo).find((e) => e.type === 'visit')).toMatchObject({ cookieless: false, source: 'email' });

    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    await page.goto(demo.url + '/?fbclid=x');
    await answer(page, 'Tout refuser', 'denied');
    await expect(page.locator('#dp-consent-source')).toHaveText(`(from ${cmp})`);
    await expect(topbarNumber(page)).toHaveText('09 70 00 00 30');
    expect(await visitorCookie(page)).toBeUndefined();
    expect(await session(page)).toBeNull();
    await expect.poll(() => events(demo).filter((e) => e.type === 'visit' && e.source === 'social').map((e) => e.cookieless)).toEqual([true]);
    expect(errors).toEqual([]);
  });
}
