// The helpers (mgt-call-tracking/react, /vue, /element) from the shipped dist/: server-rendered in
// Node, hydrated in Chromium without a mismatch, the tracked number after hydration, the original
// again after restore; development and production builds; the module loaded before or after them.
import { createElement } from 'react';
import { renderToString as renderReact } from 'react-dom/server';
import { createSSRApp } from 'vue';
import { renderToString as renderVue } from 'vue/server-renderer';
import { test, expect, openSnippetPage } from '../support/fixtures';
import { App as ReactApp } from './apps/react-helper-app.mjs';
import { App as VueApp } from './apps/vue-helper-app.mjs';
import { bundle, openFrameworkPage, probes, survivors, ORIGINAL, TRACKED, type Mode } from './harness';

// Server render, bundle (cached per worker) and a framework's hydration: more than the default on a busy machine.
test.describe.configure({ timeout: 60_000 });

const apps = {
  react: { client: 'react-helper-client.mjs', html: async () => renderReact(createElement(ReactApp)) },
  vue: { client: 'vue-helper-client.mjs', html: async () => renderVue(createSSRApp(VueApp)) },
};

for (const [name, app] of Object.entries(apps))
  for (const mode of ['production', 'development'] as Mode[])
    for (const late of [undefined, 'stub', 'nostub'] as const)
      test(`${name} helper, ${mode}${late ? `, module loaded after the app (${late == 'stub' ? 'calls queued by the snippet' : 'no snippet'})` : ''}: server renders the original, hydration is clean, then the tracked number`, async ({ page, server, errors }) => {
        const html = await app.html();
        // The server knows nothing of the visitor: it renders the original.
        expect(html).toContain(`Call ${ORIGINAL}`);
        expect(html).toContain('data-mgt-ignore');
        await openFrameworkPage(page, server, `/${name}`, { body: `<div id="root">${html}</div>`, client: await bundle(app.client, mode), late });
        await expect(page.locator('#hooked')).toHaveText(`Call ${TRACKED}`);
        await expect(page.locator('a.phone')).toHaveText(TRACKED);
        await expect(page.locator('a.phone')).toHaveAttribute('href', 'tel:0970000001');
        await page.locator('#inc').click();
        await expect(page.locator('#inc')).toHaveText('Clicked 1');
        const s = await survivors(page);
        expect(s.kept).toBe(s.total);
        // The module does not swap what a helper renders: no swap event, no class.
        expect(await page.locator('.mgt-number').count()).toBe(0);

        await page.evaluate(() => (window as any).mgt('restore'));
        await expect(page.locator('a.phone')).toHaveText(ORIGINAL);
        await expect(page.locator('#hooked')).toHaveText(`Call ${ORIGINAL}`);
        await page.evaluate(() => (window as any).mgt('swap'));
        await expect(page.locator('a.phone')).toHaveText(TRACKED);
        expect((await probes(page)).problems).toEqual([]);
        expect(errors).toEqual([]);
      });

test('<mgt-number>: the tracked number once decided, the original after restore, again after swap', async ({ page, server, errors }) => {
  server.route('/element.js', await bundleElement(), { type: 'text/javascript' });
  await openSnippetPage(page, server, '/el', {
    config: { mode: 'invisible', numbers: { [ORIGINAL]: TRACKED } },
    body: `<a href="tel:+33123456789"><mgt-number number="${ORIGINAL}">${ORIGINAL}</mgt-number></a><script src="/element.js"></script>`,
  });
  await expect(page.locator('mgt-number')).toHaveText(TRACKED);
  await expect(page.locator('a')).toHaveAttribute('href', 'tel:+33970000001');
  await page.evaluate(() => (window as any).mgt('restore'));
  await expect(page.locator('mgt-number')).toHaveText(ORIGINAL);
  await expect(page.locator('a')).toHaveAttribute('href', 'tel:+33123456789');
  await page.evaluate(() => (window as any).mgt('swap'));
  await expect(page.locator('mgt-number')).toHaveText(TRACKED);
  // Added later, and with a number changed by the page.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<mgt-number id="late" number="+33 1 23 45 67 89"></mgt-number>'));
  await expect(page.locator('#late')).toHaveText('+33 9 70 00 00 01');
  expect(errors).toEqual([]);
});

async function bundleElement(): Promise<string> {
  const { build } = await import('esbuild');
  const r = await build({ entryPoints: [new URL('../../../dist/element.js', import.meta.url).pathname], bundle: true, write: false, format: 'iife', logLevel: 'silent' });
  return r.outputFiles[0].text;
}
