// Hostile pages and storage, core side (issue 14 §6, §8), against dist/mgt.js.
import { test, expect } from './support/fixtures';
import { ORIGINAL, TRACKED, GRANT, anyHostLaunch, at, bodyText, cfg, open, session, state } from './support/journey';

test.use({ launchOptions: anyHostLaunch });

const POLLUTE = '<script>Object.prototype.polluted = 1; Object.prototype.pool = "p";</script>';
const body = `<p>Call ${ORIGINAL}</p>`;

for (const mode of ['invisible', 'rotation', 'origin', 'traffic', 'journey']) {
  test(`${mode}: a page that adds enumerable properties to Object.prototype still gets its numbers swapped`, async ({ page, server, errors }) => {
    const conditions = mode == 'invisible' ? undefined : [{ id: 'ads', source: 'paid', numbers: { [ORIGINAL]: '09 70 00 00 02' } }];
    const config = { ...cfg(server, { mode, conditions }), ...(mode == 'invisible' || mode == 'rotation' ? { endpoint: undefined } : {}) };
    const warnings: string[] = [];
    page.on('console', (m) => m.type() == 'error' && warnings.push(m.text()));
    await open(page, server, '/landing', { config, head: POLLUTE, body, queued: GRANT }, '?gclid=G1');
    expect(warnings).toEqual([]);
    expect(await bodyText(page)).toContain(mode == 'invisible' ? TRACKED : '09 70 00 00 02');
    const s = await state(page);
    expect(s.condition).toBe(mode == 'invisible' ? null : 'ads');
    if (mode != 'invisible') expect((await session(page)).condition).toBe('ads');
    expect(await page.evaluate(() => Object.keys(Object.prototype))).toEqual(['polluted', 'pool']);
    expect(errors).toEqual([]);
  });
}

test('a tampered mgt_session (an invalid number in to_swap, markup as a tracking ID) is discarded and rebuilt', async ({ page, context, server, errors }) => {
  const url = at(server, 'www.shop.test', '/');
  await context.addCookies([{ name: 'mgt_visitor', value: 'abcdefghijklmnopqrstuv', url }]);
  serve0(server);
  await page.goto(at(server, 'www.shop.test', '/seed'));
  await page.evaluate(() =>
    localStorage.setItem('mgt_session', JSON.stringify({
      v: 1, condition: null, landing: 'https://www.shop.test/', last_action: Date.now(), last_url: 'https://www.shop.test/',
      referrer: 'direct', source: 'email', to_swap: [{ original: '01 23 45 67 89', tracked: '00 00 00 00 00' }], tracking_ids: { gclid: '<script>alert(1)</script>' },
    })),
  );
  await open(page, server, '/page', { config: { mode: 'rotation', numbers: { [ORIGINAL]: TRACKED } }, body, queued: GRANT });
  const s = await session(page);
  expect(s.source).not.toBe('email');
  expect(s.tracking_ids).toEqual({});
  expect(s.to_swap).toEqual([{ original: ORIGINAL, tracked: TRACKED }]);
  expect(errors).toEqual([]);

  function serve0(srv: typeof server) {
    srv.route('/seed', '<!doctype html><title>seed</title>');
  }
});
