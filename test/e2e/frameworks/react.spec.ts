// React 19, server-rendered and hydrated as Next.js does it (issue 12), development and production
// builds, with dist/mgt.js synchronous in <head>.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { test, expect } from '../support/fixtures';
import { App } from './apps/react-app.mjs';
import { bundle, expectTrackedApp, openFrameworkPage, probes, survivors, TRACKED, type Mode } from './harness';

// Server render, bundle (cached per worker) and a framework's hydration: more than the default on a busy machine.
test.describe.configure({ timeout: 60_000 });

const markup = () => renderToString(createElement(App));

for (const mode of ['production', 'development'] as Mode[]) {
  test.describe(`React ${mode}`, () => {
    test('a Next.js pages-router root (#__next): hydrates without a mismatch, then every number is tracked', async ({ page, server, errors }) => {
      await openFrameworkPage(page, server, '/next', { body: `<div id="__next">${markup()}</div>`, client: await bundle('react-client.mjs', mode), hide: true });
      await expectTrackedApp(page, errors);
    });

    test('a root the site marks with data-mgt-hydrate: the same clean hydration', async ({ page, server }) => {
      await openFrameworkPage(page, server, '/marked', { body: `<div id="root" data-mgt-hydrate>${markup()}</div>`, client: await bundle('react-client.mjs', mode), hide: true });
      await expect(page.locator('#portal')).toHaveText(`Portal ${TRACKED}`);
      await expect(page.locator('#call')).toHaveText(TRACKED);
      const seen = await probes(page);
      expect(seen.problems).toEqual([]);
      expect(seen.frames).toEqual([]);
      const s = await survivors(page);
      expect(s.kept).toBe(s.total);
    });

    test('control: an unmarked root swapped before hydration is a mismatch the probes see, and React drops the server DOM', async ({ page, server }) => {
      await openFrameworkPage(page, server, '/control', { body: `<div id="root">${markup()}</div>`, client: await bundle('react-client.mjs', mode) });
      await expect(page.locator('#portal')).toHaveText(`Portal ${TRACKED}`);
      await expect.poll(async () => (await probes(page)).problems.length).toBeGreaterThan(0);
      const s = await survivors(page);
      expect(s.kept).toBeLessThan(s.total);
    });
  });
}
