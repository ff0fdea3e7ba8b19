// SPEC 3: with the script synchronous in <head>, "the original number is never painted" — in every
// engine, on a long page that arrives in chunks. WebKit may run a rendering update while the
// parser's MutationObserver records are still undelivered (issue 10), so the page is loaded many
// times and a probe looks at every frame just before it is painted.
import { createServer, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { test, expect } from './support/fixtures';
import { ORIGINAL, TRACKED, pageHtml } from './support/pages';

const LOADS = 20;
const BLOCKS = 8;
const FILLER = 40; // paragraphs after each numbered one

/**
 * Installed before the module: a box whose width a CSS animation changes at every frame, and a
 * ResizeObserver on it. Its callback runs in each rendering update after layout, right before the
 * paint, so it sees what the frame shows. No animation-frame callback of the probe's own runs
 * first: a script run there ends with a microtask checkpoint that would deliver the observer's
 * pending records, and hide the very race it looks for.
 */
const PROBE = `<style>@keyframes probe{from{width:1px}to{width:60px}}#probe{height:1px;animation:probe .5s linear infinite}</style>
<script>
window.__frames = { all: 0, loading: 0, shown: [] };
(function () {
  var box = document.documentElement.appendChild(document.createElement('div'));
  box.id = 'probe';
  new ResizeObserver(function () {
    if (window.__stop) return;
    var body = document.body, m = body && body.textContent.match(/(?:01|\\+33 1) 23 45 67 89/);
    __frames.all++;
    if (document.readyState === 'loading') __frames.loading++;
    if (m) __frames.shown.push(document.readyState + ' ' + m[0]);
    // Tells the server how far the parser had got when this frame was painted (it paces the stream).
    var p = document.getElementsByTagName('p').length;
    if (document.readyState === 'loading' && p !== __frames.p) fetch('/frame?' + location.search.slice(1) + '&p=' + (__frames.p = p)).catch(function () {});
  }).observe(box);
})();
</script>`;

/**
 * Frames the browser painted, per load: the paragraphs parsed by then. The stream waits for a frame
 * painted after each chunk that cuts a number was parsed, so every load has frames while it is still loading however
 * slow the machine (with a bound, so that a browser that paints no frame cannot hang the test).
 */
function framePacer() {
  const parsed = new Map<string, number>();
  const waiting = new Set<() => void>();
  return {
    saw(load: string, paragraphs: number): void {
      parsed.set(load, Math.max(parsed.get(load) || 0, paragraphs));
      for (const w of waiting) w();
    },
    frameAfter(load: string, paragraphs: number): Promise<void> {
      return new Promise((resolve) => {
        const done = () => { waiting.delete(check); clearTimeout(bound); resolve(); };
        const check = () => { if ((parsed.get(load) || 0) >= paragraphs) done(); };
        const bound = setTimeout(done, 250);
        waiting.add(check);
        check();
      });
    },
  };
}

/** The page's <head> (probe, snippet, script tag) at once, then its body in chunks, some cutting a number in two. */
async function stream(res: ServerResponse, head: string, tail: string, frameAfter: (paragraphs: number) => Promise<void>): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.write(head);
  for (let i = 0; i < BLOCKS; i++) {
    res.write(`<p>Bloc ${i} : ${'texte à lire '.repeat(200)} appelez le 01 23 `);
    await frameAfter(i * (FILLER + 1) + 1);
    res.write(`45 67 89 ou le +33 1 23 45 67 89.</p>${'<p>Suite du texte, encore du texte.</p>'.repeat(FILLER)}`);
  }
  res.end(tail);
}

test(`never paints an original while a long page streams in (${LOADS} loads, script synchronous in <head>)`, async ({ tab }) => {
  test.setTimeout(240_000);
  const script = await readFile(process.env.MGT_DIST || new URL('../../dist/mgt.js', import.meta.url));
  const [head, tail] = pageHtml({ config: { mode: 'invisible', numbers: { [ORIGINAL]: TRACKED } }, head: PROBE, body: '@@' }).split('@@');
  const pacer = framePacer();
  const http = createServer((req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    const load = url.searchParams.get('load') || '';
    if (url.pathname === '/dist/mgt.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(script); return; }
    if (url.pathname === '/page') { void stream(res, head, tail, (p) => pacer.frameAfter(load, p)); return; }
    if (url.pathname === '/frame') { pacer.saw(load, Number(url.searchParams.get('p'))); res.writeHead(204); res.end(); return; }
    res.writeHead(404); res.end();
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const runs: Array<{ all: number; loading: number; shown: string[]; swapped: number; errors: string[] }> = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      await tab.open(`${origin}/page?load=${i}`);
      runs.push(await tab.run(() => {
        const w = window as any;
        w.__stop = true;
        return { ...w.__frames, swapped: document.body.textContent!.split('9 70 00 00 01').length - 1, errors: w.__errors };
      }));
    }
  } finally {
    http.closeAllConnections();
    await new Promise((r) => http.close(r));
  }
  const painted = runs.filter((r) => r.shown.length);
  const summary = `${tab.engine}: ${painted.length}/${LOADS} loads painted an original (${painted.map((r) => r.shown.length).join(', ') || 'none'} frames); `
    + `${runs.reduce((n, r) => n + r.loading, 0)} of ${runs.reduce((n, r) => n + r.all, 0)} frames probed were painted while the page was loading`;
  test.info().annotations.push({ type: 'first-paint', description: summary });
  console.log(summary);
  // The probe did watch frames painted during parsing, or the test would prove nothing.
  expect(runs.reduce((n, r) => n + r.loading, 0)).toBeGreaterThan(0);
  expect(runs.map((r) => r.swapped)).toEqual(runs.map(() => 2 * BLOCKS));
  expect(runs.flatMap((r) => r.errors)).toEqual([]);
  expect(painted.map((r) => r.shown)).toEqual([]);
});
