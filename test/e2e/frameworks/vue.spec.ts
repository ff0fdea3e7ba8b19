// Vue 3.5, server-rendered and hydrated as Nuxt does it (issue 12), development and production
// builds, with dist/mgt.js synchronous in <head>.
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { test, expect } from '../support/fixtures';
import { App } from './apps/vue-app.mjs';
import { bundle, expectTrackedApp, openFrameworkPage, probes, survivors, TRACKED, type Mode } from './harness';

// Server render, bundle (cached per worker) and a framework's hydration: more than the default on a busy machine.
test.describe.configure({ timeout: 60_000 });

const markup = async () => renderToString(createSSRApp(App));

for (const mode of ['production', 'development'] as Mode[]) {
  test.describe(`Vue ${mode}`, () => {
    test('a Nuxt root (#__nuxt): hydrates without a mismatch, then every number is tracked', async ({ page, server, errors }) => {
      await openFrameworkPage(page, server, '/nuxt', { body: `<div id="__nuxt">${await markup()}</div>`, client: await bundle('vue-client.mjs', mode), hide: true });
      await expectTrackedApp(page, errors);
    });

    test('a root the site marks with data-mgt-hydrate: the same clean hydration', async ({ page, server }) => {
      await openFrameworkPage(page, server, '/marked', { body: `<div id="app-root" data-mgt-hydrate>${await markup()}</div>`, client: await bundle('vue-client.mjs', mode), hide: true });
      await expect(page.locator('#portal')).toHaveText(`Portal ${TRACKED}`);
      await expect(page.locator('#call')).toHaveText(TRACKED);
      const seen = await probes(page);
      expect(seen.problems).toEqual([]);
      expect(seen.frames).toEqual([]);
      const s = await survivors(page);
      expect(s.kept).toBe(s.total);
    });

    test('control: an unmarked root swapped before hydration is a mismatch the probes see, and Vue writes the original back', async ({ page, server }) => {
      await openFrameworkPage(page, server, '/control', { body: `<div id="app-root">${await markup()}</div>`, client: await bundle('vue-client.mjs', mode) });
      await expect(page.locator('#portal')).toHaveText(`Portal ${TRACKED}`);
      await expect.poll(async () => (await probes(page)).problems.join('\n')).toMatch(/mismatch/i);
    });
  });
}
