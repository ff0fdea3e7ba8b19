// The configurator round trip, as a marketer does it: build a config in the form, see mgt's own
// validator judge it and the preview swap, copy the snippet, paste it into a page, and see the
// numbers swapped and the collector receive the visit.
import { expect } from '@playwright/test';
import { demoTest as test, shot } from './support/demo';

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
  expect(snippet).toContain(`<script src="${demo.url}/dist/mgt.js"></script>`);

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
