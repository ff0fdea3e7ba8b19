// Bugs found once, kept found.
import { test, expect, openSnippetPage } from './support/fixtures';

test('an HTML comment in <head> (or anywhere) does not stop the swap', async ({ page, server, errors }) => {
  await openSnippetPage(page, server, '/comments', {
    head: '<!-- analytics --><meta name="x" content="y"><!-- another -->',
    config: { mode: 'invisible', numbers: { '01 23 45 67 89': '09 70 00 00 01' } },
    body: '<!-- header --><p id="a">Appelez le 01 23 45 67 89</p><!-- footer --><a id="b" href="tel:+33123456789">+33 1 23 45 67 89</a>',
  });
  await expect(page.locator('#a')).toHaveText('Appelez le 09 70 00 00 01');
  await expect(page.locator('#b')).toHaveText('+33 9 70 00 00 01');
  await expect(page.locator('#b')).toHaveAttribute('href', 'tel:+33970000001');
  // Content added later, next to comments, is still swapped.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'c';
    p.append(document.createComment('x'), '01.23.45.67.89');
    document.body.append(document.createComment('late'), p);
  });
  await expect(page.locator('#c')).toHaveText('09.70.00.00.01');
  expect(errors).toEqual([]);
});

test('in invisible mode the state follows the consent command, and nothing is stored', async ({ page, server }) => {
  await openSnippetPage(page, server, '/inv', { config: { mode: 'invisible', numbers: { '01 23 45 67 89': '09 70 00 00 01' } } });
  await page.evaluate(() => (window as any).mgt('consent', 'granted'));
  expect(await page.evaluate(() => (window as any).mgt('state'))).toMatchObject({ consent: 'granted', persistent: false });
  expect(await page.evaluate(() => document.cookie + JSON.stringify(localStorage))).toBe('{}');
});
