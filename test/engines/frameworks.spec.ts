// Server-rendered apps hydrated by their framework (issue 12) in every engine: React 19 as Next.js
// hydrates it (#__next), with a number split by React's comment markers too, and Vue 3.5 as Nuxt
// does (#__nuxt), production builds, dist/mgt.js
// synchronous in <head>. The same pages and expectations as test/e2e/frameworks/ in Chromium: the
// hydration wait, record delivery and frame timing are each engine's own, and a mismatch makes the
// framework drop the server's DOM (or write the original back) in that engine only.
import { createElement } from 'react';
import { renderToString as reactToString } from 'react-dom/server';
import { createSSRApp } from 'vue';
import { renderToString as vueToString } from 'vue/server-renderer';
import { test, expect, type Tab } from './support/fixtures';
import { poll } from './support/driver';
import { App as ReactApp } from '../e2e/frameworks/apps/react-app.mjs';
import { App as VueApp } from '../e2e/frameworks/apps/vue-app.mjs';
import { App as SplitApp } from '../e2e/frameworks/apps/react-split-app.mjs';
import { bundle, serveFrameworkPage, ORIGINAL, TRACKED } from '../e2e/frameworks/harness';

// Server render, bundle (cached per worker) and a framework's hydration, through WebDriver.
test.describe.configure({ timeout: 90_000 });

/** What a visitor sees of the app, and what the page's probes recorded (harness.ts's PROBES). */
const look = () => {
  const $ = (s: string) => document.querySelector(s);
  const w = window as any;
  return {
    portal: $('#portal')?.textContent,
    text: $('#text')?.textContent,
    call: $('#call')?.textContent,
    href: $('#call')?.getAttribute('href'),
    aria: $('#call')?.getAttribute('aria-label'),
    list: Array.from(document.querySelectorAll('#list li'), (li) => li.textContent),
    count: $('#count')?.textContent,
    cond: $('#cond')?.textContent ?? null,
    frames: w.__frames as string[],
    problems: w.__problems as string[],
    kept: (w.__server as Element[]).filter((e) => e.isConnected).length,
    server: (w.__server as Element[]).length,
    clicks: w.__clicks as number,
    htmlClass: document.documentElement.className,
  };
};
type Look = ReturnType<typeof look>;

/** Waits until `ok` holds for what the page shows; fails with what it showed last. */
async function until(tab: Tab, ok: (l: Look) => boolean, what: string): Promise<Look> {
  let last: Look | undefined;
  return poll(async () => ((last = await tab.run(look)), ok(last) ? last : undefined), what).catch((e) => {
    throw new Error(`${e.message}: the page shows ${JSON.stringify(last, null, 1)}`);
  });
}

const apps = [
  { name: 'React (Next.js root #__next)', client: 'react-client.mjs', body: async () => `<div id="__next">${reactToString(createElement(ReactApp))}</div>` },
  { name: 'Vue (Nuxt root #__nuxt)', client: 'vue-client.mjs', body: async () => `<div id="__nuxt">${await vueToString(createSSRApp(VueApp))}</div>` },
];

for (const app of apps) {
  test(`${app.name}: hydrates without a mismatch, every number tracked, new renders too, restore`, async ({ tab, server }) => {
    serveFrameworkPage(server, '/app', { body: await app.body(), client: await bundle(app.client, 'production'), hide: true });
    await tab.open(server.url('/app'));
    const first = await until(tab, (l) => l.portal === `Portal ${TRACKED}` && l.call === TRACKED && l.list.length === 2, 'the app tracked');
    expect(first).toMatchObject({
      text: `Call us: ${TRACKED}`,
      href: 'tel:+33970000001',
      aria: `Call ${TRACKED}`,
      list: [`Paris: ${TRACKED}`, `Lyon: ${TRACKED}`],
      htmlClass: '',
    });
    // No frame with an original, no hydration warning, and the server's DOM kept.
    expect(first.frames).toEqual([]);
    expect(first.problems).toEqual([]);
    expect(first.kept).toBe(first.server);

    // A foreign listener on the link still runs; the app renders, and its new content is tracked.
    await tab.click('#call');
    await tab.click('#inc');
    await until(tab, (l) => l.count === `Clicked 1 times, call ${TRACKED}`, 'a new render tracked');
    await tab.click('#add');
    await until(tab, (l) => l.list.join('|') === [`Nice: ${TRACKED}`, `Paris: ${TRACKED}`, `Lyon: ${TRACKED}`].join('|'), 'a new list item tracked');
    await tab.click('#toggle');
    await until(tab, (l) => l.cond === null, 'the conditional part removed');
    await tab.click('#toggle');
    const again = await until(tab, (l) => l.cond === TRACKED, 'the conditional part back, tracked');
    expect(again.clicks).toBe(1);

    // restore: the originals back, and the framework still renders.
    await tab.run(() => (window as any).mgt('restore'));
    await until(tab, (l) => l.text === `Call us: ${ORIGINAL}` && l.href === 'tel:+33123456789', 'the originals restored');
    await tab.click('#inc');
    const last = await until(tab, (l) => l.count === `Clicked 2 times, call ${ORIGINAL}`, 'a render after restore');
    expect(last.problems).toEqual([]);
  });
}

test('React: a number split across JSX expressions (<!-- --> between its parts) tracked after a clean hydration, restored byte for byte', async ({ tab, server }) => {
  const html = reactToString(createElement(SplitApp));
  expect(html).toContain('<!-- -->');
  serveFrameworkPage(server, '/split', { body: `<div id="__next">${html}</div>`, client: await bundle('react-split-client.mjs', 'production'), hide: true });
  await tab.open(server.url('/split'));
  await tab.until((t) => document.getElementById('split')?.textContent === t, `Tél. ${TRACKED}`);
  expect(await tab.run(() => ({ frames: (window as any).__frames, problems: (window as any).__problems }))).toEqual({ frames: [], problems: [] });
  await tab.run(() => (window as any).mgt('restore'));
  expect(await tab.run(() => document.getElementById('__next')!.innerHTML)).toBe(html);
});
