// Debug output in plain words (issue 9 §3), on the shipped dist/mgt.js: whatever terser mangles,
// the console shows site owners plain field names and sentences, and state().why holds the same
// sentences (agreed API 3).
import { test, expect } from './support/fixtures';
import type { Page } from '@playwright/test';
import { ORIGINAL, GRANT, cfg, open, state } from './support/journey';

/** The [mgt] console lines with every argument as the console shows it (objects as JSON). */
function mgtConsole(page: Page): string[] {
  const out: string[] = [];
  page.on('console', async (m) => {
    const args = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => String(a))));
    if (args[0] === '[mgt]') out.push(args.slice(1).map((a) => (typeof a == 'string' ? a : JSON.stringify(a))).join(' '));
  });
  return out;
}

const body = `<p>Call ${ORIGINAL}</p>`;
const config = (server: any) =>
  cfg(server, { mode: 'traffic', conditions: [{ id: 'fb', referrer: 'facebook.com' }, { id: 'ads', source: 'paid', numbers: { [ORIGINAL]: '09 70 00 00 02' } }] });

test('debug log and state().why: readable sentences, no minified property names', async ({ page, server, errors }) => {
  const printed = mgtConsole(page);
  await open(page, server, '/landing', { config: config(server), body }, '?gclid=G1&mgt_debug=1');
  const why = (await state(page)).why;
  expect(why).toEqual({
    source: 'Source: paid — the landing URL has gclid.',
    condition: 'Condition: ads — every field it sets matches.',
    visit: 'Visit: cookieless — no referrer.',
    numbers: 'Numbers: {"01 23 45 67 89":"09 70 00 00 02"} — condition ads.',
    storage: 'Storage: nothing — consent unknown.',
    events: 'Events: visit, pageview — wait for the consent decision.',
  });
  // A consent listener reads the storage sentence of the new state, not the one before it.
  await page.evaluate(() => (window as any).mgt('on', 'consent', () => ((window as any).seen = (window as any).mgt('state').why.storage)));
  await page.evaluate(GRANT);
  expect(await page.evaluate(() => (window as any).seen)).toBe('Storage: mgt_visitor and mgt_session — consent granted.');
  const after = (await state(page)).why;
  expect(after.storage).toBe('Storage: mgt_visitor and mgt_session — consent granted.');
  expect(after.visit).toBe('Visit: new visit — no referrer.');
  expect(after.events).toBe('Events: visit, pageview — sent.');
  await page.waitForTimeout(1500); // the batch goes out (and is logged) a second after the last event
  // Every sentence of state().why was printed as it is.
  for (const sentence of [...Object.values(why), ...Object.values(after)]) expect(printed).toContain(sentence);
  // No mangled names: a JSON key of one or two characters (but the public `v` and `ts`), or one starting with '_'.
  expect(printed.some((l) => l.startsWith('sent [{"type":"visit"'))).toBe(true);
  for (const l of printed) expect(l).not.toMatch(/"(?!ts"|v")(_\w*|[\w$]{1,2})":/);
  expect(errors).toEqual([]);
});

test('without debug, state() has no why and nothing is printed', async ({ page, server, errors }) => {
  const printed = mgtConsole(page);
  await open(page, server, '/landing', { config: config(server), body }, '?gclid=G1');
  expect((await state(page)).why).toBeUndefined();
  expect(printed).toEqual([]);
  expect(errors).toEqual([]);
});
