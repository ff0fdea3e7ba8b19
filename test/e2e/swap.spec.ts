// The swap engine in Chromium, through the shipped dist/mgt.js in invisible mode (SPEC 10).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { test, expect, openSnippetPage, snippetHtml, deviceStorage } from './support/fixtures';
import { EVERY_FORM } from '../support/forms';

const ORIGINAL = '01 23 45 67 89';
const TRACKED = '09 70 00 00 01';
const config = { mode: 'invisible', numbers: { [ORIGINAL]: TRACKED } };

const SKIPPED = `
  <script type="application/ld+json">{"@type":"Organization","telephone":"+33 1 23 45 67 89"}</script>
  <style>.x::after{content:"01 23 45 67 89"}</style>
  <noscript>01 23 45 67 89</noscript>
  <template><p>01 23 45 67 89</p></template>
  <textarea>01 23 45 67 89</textarea>
  <input value="01 23 45 67 89">
  <select><option>01 23 45 67 89</option></select>
  <div contenteditable="true">01 23 45 67 89</div>
  <div data-mgt-ignore><a href="tel:0123456789" title="01 23 45 67 89">01 23 45 67 89</a></div>
  <footer class="legal">01 23 45 67 89</footer>`;

test('swaps every written form, in text and in phone attributes (SPEC 10.1, 10.3)', async ({ page, server, errors }) => {
  await openSnippetPage(page, server, '/forms', { config, body: EVERY_FORM });
  const text = (id: string) => page.locator(`#${id}`).textContent();
  const attr = (id: string, name: string) => page.locator(`#${id}`).getAttribute(name);
  expect(await text('spaces')).toBe('Appelez le 09 70 00 00 01.');
  expect(await text('nbsp')).toBe('09\u00a070\u00a000\u00a000\u00a001');
  expect(await text('narrow')).toBe('09\u202f70\u202f00\u202f00\u202f01');
  expect(await text('dots')).toBe('09.70.00.00.01');
  expect(await text('hyphens')).toBe('09-70-00-00-01');
  expect(await text('slashes')).toBe('09/70/00/00/01');
  expect(await text('compact')).toBe('0970000001');
  expect(await text('intl')).toBe('+33 9 70 00 00 01');
  expect(await text('trunk')).toBe('+33 (0)9 70 00 00 01');
  expect(await text('zeros')).toBe('0033 9 70 00 00 01');
  expect(await text('e164')).toBe('+33970000001');
  // A number split by a script across two text nodes: both nodes edited in place.
  expect(await page.evaluate(() => Array.from(document.getElementById('s')!.childNodes, (n) => (n as Text).data))).toEqual(['09 70 ', '00 00 01']);
  expect(await attr('tel', 'href')).toBe('tel:+33970000001');
  expect(await attr('enc', 'href')).toBe('tel:%2B33970000001');
  expect(await attr('spaced', 'href')).toBe('tel:+33%209%2070%2000%2000%2001');
  expect(await attr('sms', 'href')).toBe('sms:0970000001');
  expect(await attr('callto', 'href')).toBe('callto:0033970000001');
  expect(await attr('aria', 'aria-label')).toBe('Appeler le 09 70 00 00 01');
  expect(await attr('title', 'title')).toBe('Tél. 09 70 00 00 01');
  expect(await attr('alt', 'alt')).toBe('09 70 00 00 01');
  expect(await attr('spaces', 'class')).toBe('mgt-number');
  expect(await attr('tel', 'class')).toBe('mgt-number');
  expect(await page.evaluate(() => document.body.innerHTML.includes('01 23 45 67 89'))).toBe(false);
  expect(errors).toEqual([]);
});

test('leaves the skip list and config.ignore untouched: JSON-LD keeps the real number', async ({ page, server, errors }) => {
  await openSnippetPage(page, server, '/skip', { config: { ...config, ignore: '.legal' }, body: `${SKIPPED}<p id="ok">01 23 45 67 89</p>` });
  await expect(page.locator('#ok')).toHaveText(TRACKED);
  const ld = await page.evaluate(() => JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!).telephone);
  expect(ld).toBe('+33 1 23 45 67 89');
  const kept = await page.evaluate(() => [
    document.querySelector('style')!.textContent, document.querySelector('noscript')!.textContent,
    (document.querySelector('template') as HTMLTemplateElement).content.textContent, document.querySelector('textarea')!.value,
    document.querySelector('input')!.value, document.querySelector('option')!.textContent, document.querySelector('[contenteditable]')!.textContent,
    document.querySelector('[data-mgt-ignore] a')!.getAttribute('href'), document.querySelector('[data-mgt-ignore] a')!.getAttribute('title'),
    document.querySelector('[data-mgt-ignore] a')!.textContent, document.querySelector('.legal')!.textContent,
  ]);
  expect(kept).toEqual(['.x::after{content:"01 23 45 67 89"}', '01 23 45 67 89', '01 23 45 67 89', '01 23 45 67 89', '01 23 45 67 89',
    '01 23 45 67 89', '01 23 45 67 89', 'tel:0123456789', '01 23 45 67 89', '01 23 45 67 89', '01 23 45 67 89']);
  expect(errors).toEqual([]);
});

test('re-swaps a React-style re-render before the next paint, and swaps content added later, in open shadow roots too', async ({ page, server, errors }) => {
  await openSnippetPage(page, server, '/rerender', { config, body: '<p id="a">Tél. 01 23 45 67 89</p><a id="l" href="tel:0123456789">x</a><div id="host"></div>' });
  await expect(page.locator('#a')).toHaveText(`Tél. ${TRACKED}`);
  const seen = await page.evaluate(() => new Promise<string[]>((resolve) => {
    const text = document.getElementById('a')!.firstChild as Text;
    const link = document.getElementById('l')!;
    // In one task: an in-place text re-render, an attribute reset, a replaced node, new content
    // in the light DOM and in an open shadow root attached now.
    text.data = 'Tél. 01 23 45 67 89';
    link.setAttribute('href', 'tel:0123456789');
    const fresh = document.createElement('p');
    fresh.id = 'b';
    fresh.textContent = 'Nouveau : +33 1 23 45 67 89';
    document.body.appendChild(fresh);
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.appendChild(document.createElement('span')).textContent = '01.23.45.67.89';
    document.body.appendChild(host);
    const existing = document.getElementById('host')!.attachShadow({ mode: 'open' });
    // What the next frame paints.
    requestAnimationFrame(() => {
      const out = [text.data, link.getAttribute('href')!, fresh.textContent!, root.textContent!];
      // Content rendered into a shadow root after it was found is swapped as well.
      root.appendChild(document.createElement('b')).textContent = ' 0123456789';
      existing.appendChild(document.createElement('i')).textContent = '01 23 45 67 89';
      requestAnimationFrame(() => resolve([...out, root.textContent!, existing.textContent!]));
    });
  }));
  expect(seen).toEqual(['Tél. 09 70 00 00 01', 'tel:0970000001', 'Nouveau : +33 9 70 00 00 01', '09.70.00.00.01', '09.70.00.00.01 0970000001', '01 23 45 67 89']);
  expect(errors).toEqual([]);
});

test("mgt('restore') puts the page back byte for byte, keeping element identity and listeners", async ({ page, server, errors }) => {
  await openSnippetPage(page, server, '/restore', { config, load: 'none', body: `${EVERY_FORM}<b id="btn" class="btn" title="01 23 45 67 89">01 23 45 67 89</b>` });
  const before = await page.evaluate(() => {
    (window as any).clicks = 0;
    const btn = document.getElementById('btn')!;
    btn.addEventListener('click', () => (window as any).clicks++);
    (window as any).btn = btn;
    (window as any).text = btn.firstChild;
    return document.documentElement.outerHTML;
  });
  await page.evaluate(() => new Promise((resolve) => {
    const s = document.createElement('script');
    s.src = '/dist/mgt.js';
    s.onload = () => { s.remove(); resolve(null); };
    document.head.appendChild(s);
  }));
  await expect(page.locator('#btn')).toHaveText(TRACKED);
  await page.click('#btn');
  const after = await page.evaluate(() => {
    (window as any).mgt('restore');
    const btn = document.getElementById('btn')!;
    btn.click();
    return { html: document.documentElement.outerHTML, same: btn === (window as any).btn && btn.firstChild === (window as any).text, clicks: (window as any).clicks };
  });
  expect(after.html).toBe(before);
  expect(after.same).toBe(true);
  expect(after.clicks).toBe(2);
  // Restore stops observing: new content keeps its original number.
  await page.evaluate(() => document.body.appendChild(document.createElement('p')).setAttribute('id', 'late'));
  await page.evaluate(() => (document.getElementById('late')!.textContent = '01 23 45 67 89'));
  await page.waitForTimeout(50);
  await expect(page.locator('#late')).toHaveText(ORIGINAL);
  expect(errors).toEqual([]);
});

/** A script for the very top of <head>: records, at every frame, whether the body shows the original. */
const FRAME_RECORDER = `<script>window.frames_ = [];(function f(){requestAnimationFrame(function(){var b=document.body;frames_.push(b?/01 23 45 67 89|0123456789/.test(b.textContent):false);if(!window.done_)f();});})();</script>`;

function bigBody(paragraphs: number): string {
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) parts.push(`<p>Paragraphe ${i} : livraison gratuite, retour sous trente jours${i % 50 === 7 ? ', appelez le 01 23 45 67 89' : ''}.</p>`);
  return parts.join('\n');
}

test('never paints an original when loaded synchronously in <head>, on a large page', async ({ page, server, errors }) => {
  server.route('/large', snippetHtml({ config, head: FRAME_RECORDER, body: bigBody(20000) }));
  await page.goto(server.url('/large'));
  const frames = await page.evaluate(() => new Promise<boolean[]>((r) => requestAnimationFrame(() => { (window as any).done_ = true; r((window as any).frames_); })));
  expect(frames.length).toBeGreaterThan(0);
  expect(frames.filter(Boolean)).toEqual([]);
  expect(await page.evaluate(() => document.querySelectorAll('.mgt-number').length)).toBe(400);
  expect(errors).toEqual([]);
});

test('never paints an original when loaded synchronously in <head>, on a streamed page', async ({ page, errors }) => {
  // The body arrives in chunks, some cutting a number in two, with pauses that let frames paint.
  const script = await readFile(new URL('../../dist/mgt.js', import.meta.url));
  const head = snippetHtml({ config, head: FRAME_RECORDER, body: '@@' }).split('@@');
  const http = createServer(async (req, res) => {
    if (req.url === '/dist/mgt.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(script); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write(head[0]);
    for (let i = 0; i < 12; i++) {
      res.write(`<p>Bloc ${i} : ${'texte '.repeat(400)} appelez le 01 23 `);
      await new Promise((r) => setTimeout(r, 40));
      res.write(`45 67 89 ou le +33 1 23 45 67 89.</p>`);
      await new Promise((r) => setTimeout(r, 40));
    }
    res.end(head[1]);
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  try {
    await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
    // Once the whole page is in and swapped: every frame painted until then, however many the
    // machine found time for.
    await page.waitForFunction(() => document.readyState !== 'loading' && document.body.textContent!.split('9 70 00 00 01').length - 1 === 24);
    const frames = await page.evaluate(() => new Promise<boolean[]>((r) => requestAnimationFrame(() => { (window as any).done_ = true; r((window as any).frames_); })));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.filter(Boolean)).toEqual([]);
  } finally {
    http.closeAllConnections();
    await new Promise((r) => http.close(r));
  }
  expect(errors).toEqual([]);
});

test('works under a strict CSP with Trusted Types, stores nothing, requests nothing', async ({ page, server, errors }) => {
  const nonce = 'mgtN0nce';
  const csp = `default-src 'self'; script-src 'self' 'nonce-${nonce}'; require-trusted-types-for 'script'`;
  const html = snippetHtml({ config, body: `${EVERY_FORM.replace('<script>', `<script nonce="${nonce}">`)}<p id="later"></p>` })
    .replace(/<script>/g, `<script nonce="${nonce}">`)
    .replace('<head>', `<head><script nonce="${nonce}">window.violations = []; document.addEventListener('securitypolicyviolation', function (e) { violations.push(e.violatedDirective); });</script>`);
  server.route('/csp', html, { headers: { 'content-security-policy': csp } });
  const console: string[] = [];
  page.on('console', (m) => console.push(m.text()));
  await page.goto(server.url('/csp'));
  await expect(page.locator('#spaces')).toHaveText('Appelez le 09 70 00 00 01.');
  await page.evaluate(() => { document.getElementById('later')!.textContent = '01 23 45 67 89'; });
  await expect(page.locator('#later')).toHaveText(TRACKED);
  await page.evaluate(() => (window as any).mgt('restore'));
  await expect(page.locator('#spaces')).toHaveText('Appelez le 01 23 45 67 89.');
  expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
  expect(console.filter((m) => /Content.Security.Policy|Trusted Type/i.test(m))).toEqual([]);
  expect(await deviceStorage(page)).toEqual({ cookie: '', local: {}, session: {}, idb: [] });
  // (The browser's own favicon request aside.)
  expect(server.requests.map((r) => r.path).filter((p) => p !== '/favicon.ico')).toEqual(['/csp', '/dist/mgt.js']);
  expect(errors).toEqual([]);
});
