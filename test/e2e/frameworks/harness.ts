// Pages for the framework tests: an app server-rendered in Node, then hydrated in Chromium by the
// framework's own client, bundled here with esbuild (in memory, once per worker, well under a
// second) and served from the test server. dist/mgt.js is synchronous in <head>, after two probes:
// one records every frame that shows an original (requestAnimationFrame runs before each paint),
// the other every console error or warning.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import type { TestServer } from '../support/server';

export const ORIGINAL = '01 23 45 67 89';
export const TRACKED = '09 70 00 00 01';
export const CONFIG = { mode: 'invisible', numbers: { [ORIGINAL]: TRACKED } };
export type Mode = 'development' | 'production';

const APPS = fileURLToPath(new URL('./apps/', import.meta.url));
const bundles = new Map<string, Promise<string>>();

/** The client entry `apps/<name>` bundled for the browser, in a development or production build. */
export function bundle(name: string, mode: Mode): Promise<string> {
  const key = `${name}:${mode}`;
  if (!bundles.has(key))
    bundles.set(
      key,
      build({
        entryPoints: [APPS + name],
        bundle: true,
        write: false,
        format: 'iife',
        minify: mode === 'production',
        logLevel: 'silent',
        define: {
          'process.env.NODE_ENV': JSON.stringify(mode),
          __VUE_OPTIONS_API__: 'true',
          __VUE_PROD_DEVTOOLS__: 'false',
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        },
      }).then((r) => r.outputFiles[0].text),
    );
  return bundles.get(key)!;
}

/** Every original form a visitor could read. */
const SEEN = /01 23 45 67 89|0123456789|\+33 ?1 ?23/;

const PROBES = `<script>
window.__frames = []; window.__problems = [];
(function frame() {
  var t = document.body ? document.body.innerText : '';
  if (${SEEN}.test(t)) __frames.push(t.slice(0, 300));
  requestAnimationFrame(frame);
})();
['error', 'warn'].forEach(function (k) {
  var f = console[k];
  console[k] = function () { __problems.push(k + ': ' + [].map.call(arguments, String).join(' ').slice(0, 300)); return f.apply(console, arguments); };
});
addEventListener('error', function (e) { __problems.push('pageerror: ' + e.message); });
</script>`;

export interface FrameworkPage {
  /** Server-rendered markup, placed in <body>. */
  body: string;
  /** The client bundle, run at the end of <body> (after the foreign script). */
  client: string;
  /** Attributes on <html> (e.g. the documented line). */
  htmlAttrs?: string;
  /** Extra config fields. */
  config?: Record<string, unknown>;
  /** The documented anti-flicker (SPEC 3): class mgt-hide on <html> and its CSS rule. */
  hide?: boolean;
  /** Raw HTML appended to <head> after the module (e.g. Alpine). */
  head?: string;
  /** Load dist/mgt.js last, after the client (whose calls are then queued); no snippet stub when 'nostub'. */
  late?: 'stub' | 'nostub';
}

/**
 * Serves and opens a page. A "foreign" script (another vendor's) runs after the server markup and
 * before hydration: it notes every server element and puts a click listener on #call.
 */
export async function openFrameworkPage(page: Page, server: TestServer, path: string, p: FrameworkPage): Promise<void> {
  serveFrameworkPage(server, path, p);
  await page.goto(server.url(path));
}

/** Registers the page of openFrameworkPage at `path` (with its client script and style sheet). */
export function serveFrameworkPage(server: TestServer, path: string, p: FrameworkPage): void {
  const init = JSON.stringify({ ...CONFIG, ...p.config });
  const html = `<!doctype html><html${p.hide ? ' class="mgt-hide"' : ''}${p.htmlAttrs ? ' ' + p.htmlAttrs : ''}><head><meta charset="utf-8"><title>framework</title>
${PROBES}${p.hide ? '<link rel="stylesheet" href="/hide.css">' : ''}
${p.late == 'nostub' ? '' : `<script>window.mgt = window.mgt || function () { (mgt.q = mgt.q || []).push(arguments); }; mgt('init', ${init});</script>`}
${p.late ? '' : '<script src="/dist/mgt.js"></script>'}${p.head || ''}</head><body>${p.body}<div id="portal-target"></div>
<script>window.__server = Array.prototype.slice.call(document.body.querySelectorAll('*'));
window.__clicks = 0; var c = document.getElementById('call'); if (c) c.addEventListener('click', function (e) { e.preventDefault(); __clicks++; });</script>
<script src="${path}.client.js"></script>${p.late ? `<script src="/dist/mgt.js"></script>${p.late == 'nostub' ? `<script>mgt('init', ${init});</script>` : ''}` : ''}</body></html>`;
  server.route('/hide.css', '.mgt-hide .mgt-number{visibility:hidden}', { type: 'text/css' });
  server.route(path + '.client.js', p.client, { type: 'text/javascript' });
  server.route(path, html);
}

/** What the probes saw: frames showing an original, console errors and warnings, page errors. */
export const probes = (page: Page) =>
  page.evaluate(() => ({ frames: (window as any).__frames as string[], problems: (window as any).__problems as string[] }));

/** How many of the server's elements are still in the document (hydration kept them). */
export const survivors = (page: Page) =>
  page.evaluate(() => {
    const s = (window as any).__server as Element[];
    return { kept: s.filter((e) => e.isConnected).length, total: s.length };
  });

/**
 * What a site owner expects of a hydrated app (the same app in React and Vue, apps/): every number
 * tracked, no frame with an original, the server DOM and a foreign listener kept, new renders
 * tracked, and after `restore` the originals back with the framework still rendering.
 */
export async function expectTrackedApp(page: Page, errors: string[]): Promise<void> {
  await expect(page.locator('#portal')).toHaveText(`Portal ${TRACKED}`);
  await expect(page.locator('#text')).toHaveText(`Call us: ${TRACKED}`);
  await expect(page.locator('#call')).toHaveText(TRACKED);
  await expect(page.locator('#call')).toHaveAttribute('href', 'tel:+33970000001');
  await expect(page.locator('#call')).toHaveAttribute('aria-label', `Call ${TRACKED}`);
  await expect(page.locator('#list li')).toHaveText([`Paris: ${TRACKED}`, `Lyon: ${TRACKED}`]);
  const seen = await probes(page);
  expect(seen.problems).toEqual([]);
  expect(seen.frames).toEqual([]);
  // The server DOM was kept: every element, and another script's listener on the call link.
  const s = await survivors(page);
  expect(s.kept).toBe(s.total);
  await page.locator('#call').click();
  expect(await page.evaluate(() => (window as any).__clicks)).toBe(1);
  expect(await page.evaluate(() => document.documentElement.className)).toBe('');

  // The app keeps working and its new renders are tracked too.
  await page.locator('#inc').click();
  await expect(page.locator('#count')).toHaveText(`Clicked 1 times, call ${TRACKED}`);
  await page.locator('#add').click();
  await expect(page.locator('#list li')).toHaveText([`Nice: ${TRACKED}`, `Paris: ${TRACKED}`, `Lyon: ${TRACKED}`]);
  await page.locator('#toggle').click();
  await expect(page.locator('#cond')).toHaveCount(0);
  await page.locator('#toggle').click();
  await expect(page.locator('#cond')).toHaveText(TRACKED);

  // restore: originals back, and the framework still renders.
  await page.evaluate(() => (window as any).mgt('restore'));
  await expect(page.locator('#text')).toHaveText(`Call us: ${ORIGINAL}`);
  await expect(page.locator('#call')).toHaveAttribute('href', 'tel:+33123456789');
  await page.locator('#inc').click();
  await expect(page.locator('#count')).toHaveText(`Clicked 2 times, call ${ORIGINAL}`);
  expect((await probes(page)).problems).toEqual([]);
  expect(errors).toEqual([]);
}
