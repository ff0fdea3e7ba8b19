// The swap engine's integrity in Chromium, through the shipped dist/mgt.js (issues 14 and 12): a
// visitor only ever sees an original or its tracked number, never a mix, whatever the page does to
// the text we wrote; restore gives the page as it is without mgt, byte for byte.
import type { Page } from '@playwright/test';
import { test, expect, openSnippetPage } from './support/fixtures';

const ORIGINAL = '05 56 00 11 22';
const TRACKED = '09 70 00 00 03';
const config = { mode: 'invisible', numbers: { [ORIGINAL]: TRACKED } };

/** A page whose #t holds `html`, swapped. */
async function open(page: Page, server: any, html: string): Promise<void> {
  await openSnippetPage(page, server, '/t', { config, body: html });
  await page.waitForFunction(() => document.querySelector('.mgt-number') || document.getElementById('t')!.textContent === 'x');
}

test.describe('a number the page splits, merges or takes apart is never shown mixed', () => {
  test('splitText() inside a number spread over text nodes', async ({ page, server, errors }) => {
    await open(page, server, '<div id="t">x</div>');
    const r = await page.evaluate(async () => {
      const t = document.getElementById('t')!;
      t.textContent = '';
      for (const part of ['05 56 00 ', '1', '1 22']) t.appendChild(document.createTextNode(part));
      await new Promise((res) => requestAnimationFrame(res));
      const swapped = t.textContent;
      (t.childNodes[2] as Text).splitText(1);
      await new Promise((res) => requestAnimationFrame(res));
      const shown = t.textContent;
      (window as any).mgt('restore');
      return { swapped, shown, restored: Array.from(t.childNodes, (n) => n.nodeValue) };
    });
    expect(r).toEqual({ swapped: TRACKED, shown: TRACKED, restored: ['05 56 00 ', '1', '1', ' 22'] });
    expect(errors).toEqual([]);
  });

  for (const [name, surgery, shown] of [
    ['normalize()', 't.normalize()', [TRACKED]],
    ['the second part removed', 't.lastChild.remove()', ['05 56 ']],
    ['the second part moved away', 'document.body.appendChild(t.lastChild)', ['05 56 ']],
  ] as const)
    test(`${name}: no mix shown, restore as without mgt`, async ({ page, server, errors }) => {
      await open(page, server, '<div id="t">x</div>');
      const r = await page.evaluate(async (code) => {
        const run = new Function('t', code) as (t: Element) => void;
        const build = (el: Element) => { el.textContent = ''; el.append('05 56 ', '00 11 22'); return el; };
        const t = build(document.getElementById('t')!);
        const twin = build(document.createElement('div'));
        document.body.appendChild(document.createElement('div')).setAttribute('data-mgt-ignore', '');
        document.body.lastElementChild!.appendChild(twin);
        await new Promise((res) => requestAnimationFrame(res));
        const swapped = t.textContent;
        run(t);
        run(twin);
        await new Promise((res) => requestAnimationFrame(res));
        const shown = Array.from(t.childNodes, (n) => n.nodeValue);
        (window as any).mgt('restore');
        return { swapped, shown, restored: t.innerHTML, without: twin.innerHTML };
      }, surgery);
      expect(r.swapped).toBe(TRACKED);
      expect(r.shown).toEqual(shown);
      expect(r.restored).toBe(r.without);
      expect(errors).toEqual([]);
    });

  test('splitText() of a swapped node is restored as split', async ({ page, server, errors }) => {
    await open(page, server, `<p id="t">Tél. ${ORIGINAL}</p>`);
    const r = await page.evaluate(async () => {
      const t = document.getElementById('t')!;
      (t.firstChild as Text).splitText(8);
      await new Promise((res) => requestAnimationFrame(res));
      const shown = t.textContent;
      (window as any).mgt('restore');
      return { shown, restored: Array.from(t.childNodes, (n) => n.nodeValue) };
    });
    expect(r).toEqual({ shown: `Tél. ${TRACKED}`, restored: ['Tél. 05 ', '56 00 11 22'] });
    expect(errors).toEqual([]);
  });
});

test('restore puts class attributes back byte for byte', async ({ page, server, errors }) => {
  const body = `<span id="a" class=" a  b ">${ORIGINAL}</span><span id="b" class="">${ORIGINAL}</span>`;
  await openSnippetPage(page, server, '/class', { config, body });
  await expect(page.locator('#a')).toHaveText(TRACKED);
  const html = await page.evaluate(() => { (window as any).mgt('restore'); return document.body.innerHTML; });
  expect(html).toBe(body);
  expect(errors).toEqual([]);
});

test('a number split by React and Vue comment markers is swapped in place and restored byte for byte', async ({ page, server, errors }) => {
  const body = `<p id="r">Tél. <!-- -->05 56 00 <!-- -->11 22</p><p id="v"><!--[-->05 56<!--]--> 00 11 22<!----></p>`;
  await openSnippetPage(page, server, '/comments', { config, body });
  await expect(page.locator('#r')).toHaveText(`Tél. ${TRACKED}`);
  await expect(page.locator('#v')).toHaveText(TRACKED);
  expect(await page.evaluate(() => document.getElementById('r')!.innerHTML)).toBe('Tél. <!-- -->09 70 00 <!-- -->00 03');
  const html = await page.evaluate(() => { (window as any).mgt('restore'); return document.body.innerHTML.replace(/ class="mgt-number"/g, ''); });
  expect(html).toBe(body);
  expect(await page.evaluate(() => document.querySelectorAll('[class]').length)).toBe(0);
  expect(errors).toEqual([]);
});

test('a deep clone of a swapped header (a page builder\'s sticky header) is restored too', async ({ page, server, errors }) => {
  const header = `<header><a href="tel:0556001122" title="Appeler le ${ORIGINAL}">Appelez le <b>${ORIGINAL}</b></a></header>`;
  await openSnippetPage(page, server, '/clone', {
    config,
    body: `${header}<p id="own">Ligne directe : ${TRACKED}</p><script>document.addEventListener('DOMContentLoaded', function () {
      var copy = document.querySelector('header').cloneNode(true); copy.className = 'sticky'; document.body.appendChild(copy); });</script>`,
  });
  await expect(page.locator('header.sticky b')).toHaveText(TRACKED);
  const r = await page.evaluate(() => {
    (window as any).mgt('restore');
    return { copy: document.querySelector('header.sticky')!.outerHTML, own: document.getElementById('own')!.outerHTML };
  });
  expect(r.copy).toBe(header.replace('<header>', '<header class="sticky">'));
  expect(r.own).toBe(`<p id="own">Ligne directe : ${TRACKED}</p>`);
  expect(errors).toEqual([]);
});

test('a page that added an enumerable property to Object.prototype is swapped all the same', async ({ page, server, errors }) => {
  await openSnippetPage(page, server, '/polluted', {
    config,
    head: '<script>Object.prototype.polluted = 1;</script>',
    body: `<p id="t">Tél. ${ORIGINAL}</p>`,
  });
  await expect(page.locator('#t')).toHaveText(`Tél. ${TRACKED}`);
  expect(errors).toEqual([]);
});

test('a custom element defined after load (attaching its shadow root as Lit does) is swapped', async ({ page, server, errors }) => {
  await openSnippetPage(page, server, '/ce', { config, body: '<x-call></x-call><p>x</p>' });
  await page.waitForLoadState('load');
  await page.evaluate((n) => {
    customElements.define('x-call', class extends HTMLElement {
      constructor() { super(); this.attachShadow({ mode: 'open' }); }
      connectedCallback() { queueMicrotask(() => { this.shadowRoot!.innerHTML = `<a href="tel:0556001122">${n}</a>`; }); }
    });
  }, ORIGINAL);
  await expect.poll(() => page.evaluate(() => document.querySelector('x-call')!.shadowRoot!.textContent)).toBe(TRACKED);
  expect(await page.evaluate(() => document.querySelector('x-call')!.shadowRoot!.querySelector('a')!.getAttribute('href'))).toBe('tel:0970000003');
  expect(errors).toEqual([]);
});

test('data-mgt-ignore followed after load; a swapped node moved into an ignored zone shows its original', async ({ page, server, errors }) => {
  await openSnippetPage(page, server, '/ignore', { config, body: `<div id="z"><p>${ORIGINAL}</p></div><p id="m">Tél. ${ORIGINAL}</p><aside data-mgt-ignore></aside>` });
  await expect(page.locator('#z')).toHaveText(TRACKED);
  const r = await page.evaluate(async () => {
    const frame = () => new Promise((res) => requestAnimationFrame(res));
    const z = document.getElementById('z')!;
    z.setAttribute('data-mgt-ignore', '');
    document.querySelector('aside')!.appendChild(document.getElementById('m')!);
    await frame();
    const ignored = [z.innerHTML, document.querySelector('aside')!.innerHTML];
    z.removeAttribute('data-mgt-ignore');
    await frame();
    return [...ignored, z.textContent];
  });
  expect(r).toEqual([`<p>${ORIGINAL}</p>`, `<p id="m">Tél. ${ORIGINAL}</p>`, TRACKED]);
  expect(errors).toEqual([]);
});
