// mgt('number', text) and mgt('on', 'numbers', cb), on the shipped dist/mgt.js: what the helpers
// build on (issue 12 item 3).
import { test, expect, openSnippetPage } from '../support/fixtures';
import { ORIGINAL, TRACKED } from './harness';

// Server render, bundle (cached per worker) and a framework's hydration: more than the default on a busy machine.
test.describe.configure({ timeout: 60_000 });

const config = { mode: 'invisible', numbers: { [ORIGINAL]: TRACKED } };

test("mgt('number') writes a text as the swap does, and leaves it alone before the decision and after restore", async ({ page, server, errors }) => {
  await openSnippetPage(page, server, '/n', {
    config,
    // Asked while queued: the stub returns nothing, and the module has not decided.
    queued: "window.early = mgt('number', 'x');",
    body: '<p>no number</p>',
  });
  const r = await page.evaluate(() => {
    const m = (window as any).mgt;
    return {
      early: (window as any).early,
      forms: ['01 23 45 67 89', 'Tél. 01.23.45.67.89 !', '+33 (0)1 23 45 67 89', 'tel:+33123456789', '0123456789', '01 23 45 67 88', 'no number', ''].map((t) => m('number', t)),
      odd: [undefined, 5, null, {}].map((t) => m('number', t)),
    };
  });
  expect(r.early).toBeUndefined();
  expect(r.forms).toEqual(['09 70 00 00 01', 'Tél. 09.70.00.00.01 !', '+33 (0)9 70 00 00 01', 'tel:+33970000001', '0970000001', '01 23 45 67 88', 'no number', '']);
  // Not a string: returned as given, never thrown.
  expect(r.odd).toEqual([undefined, 5, null, {}]);
  await page.evaluate(() => (window as any).mgt('restore'));
  expect(await page.evaluate(() => (window as any).mgt('number', '01 23 45 67 89'))).toBe(ORIGINAL);
  await page.evaluate(() => (window as any).mgt('swap'));
  expect(await page.evaluate(() => (window as any).mgt('number', '01 23 45 67 89'))).toBe(TRACKED);
  expect(errors).toEqual([]);
});

test("mgt('on', 'numbers'): queued and late subscribers told the mapping, then {} on restore and the mapping again on swap", async ({ page, server, errors }) => {
  await openSnippetPage(page, server, '/on', {
    config,
    queued: "window.seen = []; mgt('on', 'numbers', function (n) { seen.push(n); });",
    body: '<p>no number</p>',
  });
  const r = await page.evaluate(() => {
    const w = window as any;
    const late: unknown[] = [];
    w.mgt('on', 'numbers', (n: unknown) => late.push(n));
    w.mgt('restore');
    w.mgt('swap');
    return { seen: w.seen, late, frozen: Object.isFrozen(w.seen[0]) };
  });
  const mapping = { [ORIGINAL]: TRACKED };
  expect(r.seen).toEqual([mapping, {}, mapping]);
  expect(r.late).toEqual([mapping, {}, mapping]);
  expect(r.frozen).toBe(true);
  expect(errors).toEqual([]);
});

test("mgt('on', 'numbers'): a lease answer changes the mapping, and subscribers hear it", async ({ page, server }) => {
  const POOLED = '09 70 00 00 42';
  server.onLease = () => ({ body: { numbers: { [ORIGINAL]: POOLED }, ttl: 600 }, delay: 200 });
  await openSnippetPage(page, server, '/pool', {
    config: { mode: 'origin', endpoint: server.endpoint, site: 's', consent: { cmp: 'none' }, conditions: [{ id: 'all', numbers: { [ORIGINAL]: TRACKED }, pool: 'p' }] },
    queued: "mgt('consent', 'granted'); window.seen = []; mgt('on', 'numbers', function (n) { seen.push(n); });",
    body: `<p id="p">${ORIGINAL}</p>`,
  });
  await expect(page.locator('#p')).toHaveText(POOLED);
  const seen = await page.evaluate(() => (window as any).seen);
  expect(seen[seen.length - 1]).toEqual({ [ORIGINAL]: POOLED });
  expect(await page.evaluate(() => (window as any).mgt('number', 'Call 01 23 45 67 89'))).toBe(`Call ${POOLED}`);
});

test('debug says, in plain words, which line a Next.js app-router page needs', async ({ page, server }) => {
  const said: string[] = [];
  page.on('console', (m) => said.push(m.text()));
  // What every app-router page has: the inline scripts that define self.__next_f.
  const body = `<p>${ORIGINAL}</p><script>(self.__next_f = self.__next_f || []).push([0]);</script>`;
  await openSnippetPage(page, server, '/app', { config: { ...config, debug: true }, body });
  await expect.poll(() => said.join('\n')).toContain('Next.js app router: add data-mgt-hydrate to <html>');
  // With the line, nothing to say.
  said.length = 0;
  await openSnippetPage(page, server, '/app2', { config: { ...config, debug: true }, body: `<div data-mgt-hydrate>${body}</div>` });
  await expect(page.locator('p')).toHaveText(ORIGINAL); // no React here: the root waits
  expect(said.join('\n')).not.toContain('app router');
});
