// Bugs found once, kept found.
import { test, expect, openSnippetPage } from './support/fixtures';
import { ORIGINAL, TRACKED, cfg, open } from './support/journey';

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

// Each regular expression is compiled on its first run, and on a cold page each compile counts
// (issue 11: about 0.1 ms each; the cold first page is the one every visitor lands on). A direct
// visit's init, decision and first swap run the swap engine's own regexes and the referrer's scheme
// test, nothing more: the debug switch, the utm_medium lists, the navigation type, the CMP event
// names, the token tests are string work. A regex added on this path shows here, by its source.
test('a direct visit compiles only the swap engine\'s regular expressions (cold-page cost)', async ({ page, server, errors }) => {
  const hook = `<script>window.__rx=new Set();var exec=RegExp.prototype.exec;RegExp.prototype.exec=function(s){__rx.add(this.source);return exec.call(this,s)};</script>`;
  await open(page, server, '/rx', {
    head: hook, config: cfg(server, { mode: 'rotation' }),
    body: `<p id="n">Appelez le ${ORIGINAL}, 12,50 € le 03/04/2025</p><a id="l" href="tel:${ORIGINAL.replace(/ /g, '')}">appeler</a>`,
  });
  await expect(page.locator('#n')).toContainText(TRACKED);
  await expect(page.locator('#l')).toHaveAttribute('href', `tel:${TRACKED.replace(/ /g, '')}`);
  const sources: string[] = await page.evaluate(() => [...(window as any).__rx]);
  const swapEngine = [
    /^\\d$/, // a digit (visit.ts, edit.ts)
    /^\[\\s\.\\-\/\(\)\\u2010-\\u2015\]$/, // the separators (phone.ts)
    /^\^\(\?:\[1-9\]\\d\{8\}\)\$$/, // France's national numbers (countries.ts)
    /^\(\?:\[\^\\w\+/, // a run of digits and separators (matcher.ts)
    /^\^\(\?:\[\\w\+\]/, // a number's end inside a longer token (matcher.ts)
    /\\W\*/, // the pre-filter (matcher.ts)
    /tel\|sms\|callto/, // a link that dials (edit.ts)
    /^%\[\\da-f\]\{2\}\|\[\^\]$/, // a link's percent escapes (edit.ts)
    /^\^https\?:$/, // the referrer's scheme (url.ts)
  ];
  expect(sources.filter((s) => !swapEngine.some((re) => re.test(s)))).toEqual([]);
  expect(sources.length).toBeLessThanOrEqual(swapEngine.length);
  expect(errors).toEqual([]);
});
