// Preact 10, Svelte 5, Alpine 3 and a jQuery page builder (issue 12): frameworks that do not compare
// text when they hydrate, so the module swaps at parse time; and the behaviours of the swap engine
// that frameworks need (numbers split by comment markers, copies of swapped content).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { h } from 'preact';
import renderPreact from 'preact-render-to-string';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { compile } from 'svelte/compiler';
import { test, expect, openSnippetPage } from '../support/fixtures';
import { App as PreactApp } from './apps/preact-app.mjs';
import { App as SplitApp } from './apps/react-split-app.mjs';
import { bundle, openFrameworkPage, probes, survivors, ORIGINAL, TRACKED, CONFIG, type Mode } from './harness';
import type { Page } from '@playwright/test';

// Server render, bundle (cached per worker) and a framework's hydration: more than the default on a busy machine.
test.describe.configure({ timeout: 60_000 });

const APPS = fileURLToPath(new URL('./apps/', import.meta.url));
const OUT = fileURLToPath(new URL('./.out/', import.meta.url));

/** The checks every hydrated page of the app in apps/ passes. */
async function hydratedCleanly(page: Page, errors: string[]): Promise<void> {
  await expect(page.locator('#call')).toHaveAttribute('href', 'tel:+33970000001');
  await expect(page.locator('#call')).toHaveAttribute('aria-label', `Call ${TRACKED}`);
  await expect(page.locator('#text')).toHaveText(`Call us: ${TRACKED}`);
  await page.locator('#inc').click();
  await expect(page.locator('#count')).toHaveText(`Clicked 1 times, call ${TRACKED}`);
  const seen = await probes(page);
  expect(seen.problems).toEqual([]);
  expect(seen.frames).toEqual([]);
  const s = await survivors(page);
  expect(s.kept).toBe(s.total);
  await page.locator('#call').click();
  expect(await page.evaluate(() => (window as any).__clicks)).toBe(1);
  await page.evaluate(() => (window as any).mgt('restore'));
  await expect(page.locator('#text')).toHaveText(`Call us: ${ORIGINAL}`);
  await page.locator('#inc').click();
  await expect(page.locator('#count')).toHaveText(`Clicked 2 times, call ${ORIGINAL}`);
  expect(errors).toEqual([]);
}

for (const mode of ['production', 'development'] as Mode[]) {
  test(`Preact ${mode}: hydrates the swapped page cleanly`, async ({ page, server, errors }) => {
    await openFrameworkPage(page, server, '/preact', { body: `<div id="root">${renderPreact(h(PreactApp, null))}</div>`, client: await bundle('preact-client.mjs', mode) });
    await hydratedCleanly(page, errors);
  });

  test(`Svelte 5 ${mode}: hydrates the swapped page cleanly`, async ({ page, server, errors }) => {
    const source = (await import('node:fs')).readFileSync(APPS + 'App.svelte', 'utf8');
    mkdirSync(OUT, { recursive: true });
    // One file per build mode: tests may run in parallel workers. The server side is always a
    // production build (a development one needs svelte's dev render context); the client's mode
    // is what decides which hydration checks run.
    writeFileSync(OUT + `App.server.${mode}.js`, compile(source, { generate: 'server' }).js.code);
    writeFileSync(OUT + `App.client.${mode}.js`, compile(source, { generate: 'client', dev: mode === 'development' }).js.code);
    const { render } = await import('svelte/server');
    const Server = (await import(pathToFileURL(OUT + `App.server.${mode}.js`).href)).default;
    const out = render(Server);
    const client = await build({
      stdin: { contents: `import { hydrate } from 'svelte'; import App from './App.client.${mode}.js'; hydrate(App, { target: document.getElementById('root') });`, resolveDir: OUT },
      bundle: true, write: false, format: 'iife', logLevel: 'silent', minify: mode === 'production',
      conditions: mode === 'development' ? ['development', 'browser'] : ['browser'],
      define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    });
    await openFrameworkPage(page, server, '/svelte', { body: `<div id="root">${out.body}</div>`, client: client.outputFiles[0].text });
    await hydratedCleanly(page, errors);
  });
}

test('Alpine 3: x-text writes the original, the module swaps it before the paint; state updates and restore', async ({ page, server, errors }) => {
  const alpine = await build({ entryPoints: [fileURLToPath(new URL('../../../node_modules/alpinejs/dist/module.esm.js', import.meta.url))], bundle: true, write: false, format: 'iife', globalName: 'AlpineModule', logLevel: 'silent' });
  server.route('/alpine.js', alpine.outputFiles[0].text + ';window.Alpine = AlpineModule.default; Alpine.start();', { type: 'text/javascript' });
  await openFrameworkPage(page, server, '/alpine', {
    body: `<main x-data="{ phone: '${ORIGINAL}', count: 0 }"><p id="text" x-text="'Call us: ' + phone"></p>
<a id="call" :href="'tel:+33123456789'" :aria-label="'Call ' + phone" x-text="phone"></a>
<button id="inc" @click="count++">More</button><p id="count" x-text="'Clicked ' + count + ' times, call ' + phone"></p></main>`,
    client: '',
    head: '<script defer src="/alpine.js"></script>',
  });
  await expect(page.locator('#count')).toHaveText(`Clicked 0 times, call ${TRACKED}`);
  await hydratedCleanly(page, errors);
});

test('jQuery page builder: a sticky header cloned on DOM ready shows the tracked number, and restore puts the copy back too', async ({ page, server, errors }) => {
  server.route('/jquery.js', (await import('node:fs')).readFileSync(fileURLToPath(new URL('../../../node_modules/jquery/dist/jquery.min.js', import.meta.url)), 'utf8'), { type: 'text/javascript' });
  await openSnippetPage(page, server, '/builder', {
    config: CONFIG,
    body: `<header id="top"><a href="tel:+33123456789">Tél. ${ORIGINAL}</a></header><p>Content</p>
<script src="/jquery.js"></script>
<script>jQuery(function ($) { $('#top').clone(true).attr('id', 'sticky').appendTo('body'); });</script>`,
  });
  await expect(page.locator('#sticky a')).toHaveText(`Tél. ${TRACKED}`);
  await expect(page.locator('#sticky a')).toHaveAttribute('href', 'tel:+33970000001');
  await page.evaluate(() => (window as any).mgt('restore'));
  await expect(page.locator('#top a')).toHaveText(`Tél. ${ORIGINAL}`);
  // Needs the swap engine's memory of copies (issue 12 item 4).
  await expect(page.locator('#sticky a')).toHaveText(`Tél. ${ORIGINAL}`);
  await expect(page.locator('#sticky a')).toHaveAttribute('href', 'tel:+33123456789');
  expect(errors).toEqual([]);
});

test('React: a number split across JSX expressions (<!-- --> between its parts) is tracked after a clean hydration, and restored byte for byte', async ({ page, server, errors }) => {
  const html = renderToString(createElement(SplitApp));
  expect(html).toContain('<!-- -->');
  await openFrameworkPage(page, server, '/split', { body: `<div id="__next">${html}</div>`, client: await bundle('react-split-client.mjs', 'production'), hide: true });
  // Needs comment nodes to be transparent in a run of text nodes (issue 12 item 1).
  await expect(page.locator('#split')).toHaveText(`Tél. ${TRACKED}`);
  const seen = await probes(page);
  expect(seen.problems).toEqual([]);
  expect(seen.frames).toEqual([]);
  await page.evaluate(() => (window as any).mgt('restore'));
  expect(await page.locator('#__next').innerHTML()).toBe(html);
  expect(errors).toEqual([]);
});
