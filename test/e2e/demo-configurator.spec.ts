// The configurator round trip, as a marketer does it: build a config in the form, see mgt's own
// validator judge it and the preview swap, copy the snippet, paste it into a page, and see the
// numbers swapped and the collector receive the visit.
import { expect } from '@playwright/test';
import { demoTest as test, shot } from './support/demo';

// Each test starts a demo server and a browser; on a machine shared by several test runs that
// alone can take most of the default 30 s.
test.describe.configure({ timeout: 60_000 });

test.use({ viewport: { width: 1440, height: 1000 } });



test('a marketer builds a config, the validator and the preview react, and the pasted snippet swaps numbers', async ({ page, context, demo, errors }) => {
  await page.goto(demo.url + '/configurator');
  const verdict = page.locator('#verdict');
  await expect(verdict).toHaveText('Valid configuration: ready to paste.');

  await page.getByLabel(/^traffic/).check();
  await page.getByLabel('Site key').fill('garage-dupont');
  const tracked = page.locator('#default-numbers [name=tracked]');
  await tracked.fill('12');
  await expect(verdict).toHaveClass(/bad/);
  await expect(verdict).toContainText('numbers'); // the validator names the field
  await tracked.fill('09 70 00 00 05');
  await expect(verdict).toHaveClass(/good/);

  await page.getByRole('button', { name: 'Add a condition' }).click();
  const newsletter = page.locator('#conditions > .condition').nth(1);
  await expect(newsletter.locator('legend')).toHaveText('Condition 2');
  await newsletter.getByLabel('Name (stored and reported)').fill('newsletter');
  await newsletter.getByLabel('email', { exact: true }).check();
  await newsletter.locator('[name=original]').fill('01 23 45 67 89');
  await newsletter.locator('[name=tracked]').fill('09 70 00 00 44');
  await expect(verdict).toHaveClass(/good/);

  const preview = page.frameLocator('#preview');
  await expect(preview.locator('.numbers strong')).toHaveText('09 70 00 00 05');
  await page.locator('#arrive').selectOption({ label: 'Newsletter' });
  await expect(preview.locator('.numbers strong')).toHaveText('09 70 00 00 44');
  await expect(preview.locator('#preview-status')).toContainText('condition newsletter');
  await shot(page, 'demo-configurator');

  // The marketer hosts mgt.js at /dist/mgt.js on their own site, and says so.
  await page.getByLabel('Address of mgt.js on your site').fill('/dist/mgt.js');
  await expect(page.locator('#snippet')).toHaveValue(/<script src="\/dist\/mgt.js"><\/script>$/);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.url });
  await page.getByRole('button', { name: 'Copy the snippet' }).click();
  await expect(page.locator('#copied')).toHaveText('Copied.');
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toBe(await page.locator('#snippet').inputValue());
  const config = JSON.parse(snippet.match(/mgt\('init', ([\s\S]*)\);\n<\/script>/)![1]);
  expect(config).toEqual({
    mode: 'traffic',
    site: 'garage-dupont',
    endpoint: demo.url,
    numbers: { '01 23 45 67 89': '09 70 00 00 05' },
    conditions: [
      { id: 'google-ads', source: 'paid', params: { gclid: true }, numbers: { '01 23 45 67 89': '09 70 00 00 10' } },
      { id: 'newsletter', source: 'email', numbers: { '01 23 45 67 89': '09 70 00 00 44' } },
    ],
  });
  expect(snippet).toContain('<script src="/dist/mgt.js"></script>');

  // The marketer's own page, with the snippet pasted in its <head>.
  await page.route((url) => url.pathname === '/pasted', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Garage Dupont</title>\n${snippet}\n</head>
<body><p id="text">Appelez le 01 23 45 67 89</p><a id="link" href="tel:+33123456789">Appeler</a></body></html>`,
  }));
  await page.goto(`${demo.url}/pasted?utm_source=newsletter&utm_medium=email`);
  await expect(page.locator('#text')).toHaveText('Appelez le 09 70 00 00 44');
  await expect(page.locator('#link')).toHaveAttribute('href', 'tel:+33970000044');
  // No banner on that page: consent stays unknown, and the visit leaves as an anonymous event on pagehide.
  await page.goto('about:blank');
  await expect.poll(() => demo.collector.store.events.find((e) => e.type === 'visit')).toMatchObject({
    site: 'garage-dupont', mode: 'traffic', cookieless: true, source: 'email', condition: 'newsletter', number: '+33970000044', landing: '/pasted',
  });
  expect(errors).toEqual([]);
});

test('the snippet escapes what is typed, so no field can close the script element', async ({ page, demo }) => {
  await page.goto(demo.url + '/configurator');
  await page.getByLabel('Site key').fill('</script><img src=x>');
  await expect(page.locator('#snippet')).toHaveValue(/\\u003c\/script>\\u003cimg src=x>/);
  expect((await page.locator('#snippet').inputValue()).match(/<\/script>/g)).toHaveLength(2);
});

test('the snippet loads mgt.js from the site\'s own address, a placeholder until the marketer gives it', async ({ page, demo }) => {
  await page.goto(demo.url + '/configurator');
  const snippet = page.locator('#snippet');
  await expect(snippet).toHaveValue(/<script src="\/path\/to\/mgt.js"><\/script>$/);
  expect(await snippet.inputValue()).not.toContain(`src="${demo.url}`);
  await page.getByLabel('Address of mgt.js on your site').fill('/js/mgt.js" onload="x');
  await expect(snippet).toHaveValue(/<script src="\/js\/mgt.js&quot; onload=&quot;x"><\/script>$/);
});

test('errors name the condition as the form counts it, and the section they are about', async ({ page, demo }) => {
  await page.goto(demo.url + '/configurator');
  const verdict = page.locator('#verdict');
  await expect(verdict).toHaveClass(/good/);
  await page.getByRole('button', { name: 'Add a condition' }).click();
  const second = page.locator('#conditions > .condition').nth(1);
  await expect(verdict).toHaveText(/^Condition 2 › name: /);
  await expect(second).toHaveClass(/has-error/);
  await expect(page.locator('#conditions > .condition').first()).not.toHaveClass(/has-error/);

  // A condition whose tracked number is the site's own number: an error on that condition, not on `numbers`.
  await second.getByLabel('Name (stored and reported)').fill('newsletter');
  await second.locator('[name=original]').fill('01 23 45 67 89');
  await second.locator('[name=tracked]').fill('01 23 45 67 89');
  await expect(verdict).toHaveText(/^Condition 2 \(newsletter\): tracks calls on 01 23 45 67 89, which is a number on your pages/);
  await expect(second).toHaveClass(/has-error/);
  await expect(page.locator('#section-numbers')).not.toHaveClass(/has-error/);

  // The default tracked number set to the site's own number: the error is on the default numbers.
  await second.locator('[name=tracked]').fill('09 70 00 00 44');
  await page.locator('#default-numbers [name=tracked]').fill('01 23 45 67 89');
  await expect(verdict).toHaveText(/^Default numbers: tracks calls on 01 23 45 67 89/);
  await expect(page.locator('#section-numbers')).toHaveClass(/has-error/);
  await page.locator('#default-numbers [name=tracked]').fill('12');
  await expect(verdict).toHaveText('Default numbers › 01 23 45 67 89: a FR phone number (got "12")');
  await expect(page.locator('#section-numbers')).toHaveClass(/has-error/);
});

test('a condition that reuses the default tracked number is valid, with a warning', async ({ page, demo }) => {
  await page.goto(demo.url + '/configurator');
  const first = page.locator('#conditions > .condition').first();
  await first.locator('[name=tracked]').fill('09 70 00 00 01');
  await expect(page.locator('#verdict')).toHaveText('Valid configuration, with a warning:');
  await expect(page.locator('#warnings')).toBeVisible();
  await expect(page.locator('#warnings')).toContainText('Condition 1 (google-ads) shows 09 70 00 00 01, the default tracked number: calls from its visitors can no longer be told apart');
  await first.locator('[name=tracked]').fill('09 70 00 00 10');
  await expect(page.locator('#verdict')).toHaveText('Valid configuration: ready to paste.');
  await expect(page.locator('#warnings')).toBeHidden();
});

test('the preview says which field of each condition did not match; the form says every field must match', async ({ page, demo }) => {
  await page.goto(demo.url + '/configurator');
  await expect(page.locator('#conditions-hint')).toContainText('A condition matches only when every field it sets matches');
  const status = page.frameLocator('#preview').locator('#preview-status');
  await expect(status).toContainText('condition none');
  await expect(status).toContainText('Condition 1 (google-ads): the source is direct, not paid');
  // Paid, but without gclid: the source matches, the parameter does not.
  await page.locator('#conditions > .condition').first().getByLabel('Landing URL parameters').fill('gclid, utm_campaign=spring');
  await page.locator('#arrive').selectOption({ label: 'Google Ads' });
  await expect(status).toContainText('Condition 1 (google-ads): the landing URL has no utm_campaign parameter, not utm_campaign=spring');
});

for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
  test(`at ${size.width} px no number input and no select box cuts its text`, async ({ page, demo }) => {
    await page.setViewportSize(size);
    await page.goto(demo.url + '/configurator');
    await page.getByRole('button', { name: 'Add a condition' }).click();
    const cut = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
      document.body.appendChild(probe);
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('#cfg [name=original], #cfg [name=tracked], #cfg select, #script-src'))) {
        const cs = getComputedStyle(el);
        probe.style.font = cs.font;
        const text = el instanceof HTMLSelectElement ? el.selectedOptions[0].text : el.value || el.placeholder || '09 70 00 00 01';
        probe.textContent = el instanceof HTMLInputElement && el.name !== 'script-src' ? '09 70 00 00 01' : text;
        const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - (el instanceof HTMLSelectElement ? 24 : 0);
        if (probe.offsetWidth > room) out.push(`${el.name || el.id}: "${probe.textContent}" needs ${probe.offsetWidth}px, has ${room}px`);
      }
      return out;
    });
    expect(cut).toEqual([]);
    await page.locator('#conditions').scrollIntoViewIfNeeded();
    await shot(page, `configurator-conditions-${size.width}`);
  });
}
