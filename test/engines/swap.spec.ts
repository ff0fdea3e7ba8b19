// Swapping in every engine (SPEC 10), through the shipped dist/mgt.js in invisible mode: every
// written form, re-renders before the next frame, restore, and a strict CSP with Trusted Types.
import { test, expect } from './support/fixtures';
import { ORIGINAL, TRACKED, openPage, pageErrors, pageHtml } from './support/pages';
import { EVERY_FORM } from '../support/forms';

const config = { mode: 'invisible', numbers: { [ORIGINAL]: TRACKED } };

/** The written forms, plus places that must keep the original: JSON-LD, a form field, an ignored part. */
const PAGE = `${EVERY_FORM}
  <script type="application/ld+json">{"@type":"Organization","telephone":"+33 1 23 45 67 89"}</script>
  <textarea id="ta">01 23 45 67 89</textarea>
  <div data-mgt-ignore id="ign">01 23 45 67 89</div>`;

/** What every written form reads as in the page: texts, attributes, classes, skipped places. */
const readForms = () => {
  const $ = (id: string) => document.getElementById(id)!;
  const t = (id: string) => $(id).textContent;
  const a = (id: string, n: string) => $(id).getAttribute(n);
  return {
    texts: ['spaces', 'nbsp', 'narrow', 'dots', 'hyphens', 'slashes', 'compact', 'intl', 'trunk', 'zeros', 'e164'].map(t),
    split: Array.from($('s').childNodes, (n) => (n as Text).data),
    attrs: [a('tel', 'href'), a('enc', 'href'), a('spaced', 'href'), a('sms', 'href'), a('callto', 'href'), a('aria', 'aria-label'), a('title', 'title'), a('alt', 'alt')],
    classes: [a('spaces', 'class'), a('tel', 'class')],
    kept: [JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!).telephone, ($('ta') as HTMLTextAreaElement).value, t('ign')],
  };
};

const SWAPPED = {
  texts: ['Appelez le 09 70 00 00 01.', '09\u00a070\u00a000\u00a000\u00a001', '09\u202f70\u202f00\u202f00\u202f01', '09.70.00.00.01', '09-70-00-00-01',
    '09/70/00/00/01', '0970000001', '+33 9 70 00 00 01', '+33 (0)9 70 00 00 01', '0033 9 70 00 00 01', '+33970000001'],
  split: ['09 70 ', '00 00 01'],
  attrs: ['tel:+33970000001', 'tel:%2B33970000001', 'tel:+33%209%2070%2000%2000%2001', 'sms:0970000001', 'callto:0033970000001',
    'Appeler le 09 70 00 00 01', 'Tél. 09 70 00 00 01', '09 70 00 00 01'],
  classes: ['mgt-number', 'mgt-number'],
  kept: ['+33 1 23 45 67 89', ORIGINAL, ORIGINAL],
};

test('swaps every written form in text and phone attributes, and leaves JSON-LD, fields and ignored parts alone', async ({ tab, server }) => {
  await openPage(tab, server, '/forms', { config, body: PAGE });
  expect(await tab.run(readForms)).toEqual(SWAPPED);
  expect(await pageErrors(tab)).toEqual([]);
});

test('re-swaps an in-place re-render and new content (shadow roots too) before the next frame', async ({ tab, server }) => {
  await openPage(tab, server, '/rerender', { config, body: '<p id="a">Tél. 01 23 45 67 89</p><a id="l" href="tel:0123456789">x</a>' });
  expect(await tab.run(() => document.getElementById('a')!.textContent)).toBe(`Tél. ${TRACKED}`);
  const seen = await tab.run(() => new Promise<string[]>((resolve) => {
    const text = document.getElementById('a')!.firstChild as Text;
    const link = document.getElementById('l')!;
    // In one task, as a framework re-render would: text edited in place, an attribute reset, new
    // nodes in the light DOM and in an open shadow root.
    text.data = 'Tél. 01 23 45 67 89';
    link.setAttribute('href', 'tel:0123456789');
    const fresh = document.body.appendChild(document.createElement('p'));
    fresh.textContent = 'Nouveau : +33 1 23 45 67 89';
    const root = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
    root.appendChild(document.createElement('span')).textContent = '01.23.45.67.89';
    requestAnimationFrame(() => resolve([text.data, link.getAttribute('href')!, fresh.textContent!, root.textContent!]));
  }));
  expect(seen).toEqual(['Tél. 09 70 00 00 01', 'tel:0970000001', 'Nouveau : +33 9 70 00 00 01', '09.70.00.00.01']);
  expect(await pageErrors(tab)).toEqual([]);
});

test("mgt('restore') puts the page back byte for byte, keeping element identity and listeners, and stops swapping", async ({ tab, server }) => {
  await openPage(tab, server, '/restore', { config, load: 'none', body: `${PAGE}<b id="btn" title="01 23 45 67 89">01 23 45 67 89</b>` });
  const before = await tab.run(() => {
    const w = window as any;
    w.clicks = 0;
    w.btn = document.getElementById('btn');
    w.text = w.btn.firstChild;
    w.btn.addEventListener('click', () => w.clicks++);
    return document.documentElement.outerHTML;
  });
  await tab.run(() => new Promise((resolve) => {
    const s = document.createElement('script');
    s.src = '/dist/mgt.js';
    s.onload = () => { s.remove(); resolve(null); };
    document.head.appendChild(s);
  }));
  await tab.until(() => document.getElementById('btn')!.textContent === '09 70 00 00 01');
  const after = await tab.run(() => {
    const w = window as any;
    w.mgt('restore');
    const btn = document.getElementById('btn')!;
    btn.click();
    return { html: document.documentElement.outerHTML, same: btn === w.btn && btn.firstChild === w.text, clicks: w.clicks };
  });
  expect(after).toEqual({ html: before, same: true, clicks: 1 });
  // Not observing any more: content added now keeps its number through the next frames.
  const late = await tab.run(() => new Promise<string>((resolve) => {
    const p = document.body.appendChild(document.createElement('p'));
    p.textContent = '01 23 45 67 89';
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(p.textContent!)));
  }));
  expect(late).toBe(ORIGINAL);
  expect(await pageErrors(tab)).toEqual([]);
});

test('works under a strict CSP with Trusted Types enforced: swaps, restores, no violation, stores and requests nothing', async ({ tab, server }) => {
  const nonce = 'mgtN0nce';
  const html = pageHtml({ config, body: `${PAGE}<p id="later"></p>` })
    .replace(/<script>/g, `<script nonce="${nonce}">`)
    .replace('<head>', `<head><script nonce="${nonce}">window.violations = []; document.addEventListener('securitypolicyviolation', function (e) { violations.push(e.violatedDirective + ' ' + e.blockedURI); });</script>`);
  server.route('/csp', html, { headers: { 'content-security-policy': `default-src 'self'; script-src 'self' 'nonce-${nonce}'; require-trusted-types-for 'script'` } });
  await tab.open(server.url('/csp'));
  // Trusted Types really are enforced here: a string assigned to a script sink is refused.
  expect(await tab.run(() => {
    try { document.createElement('script').textContent = '1'; return 'accepted'; } catch { return 'refused'; }
  })).toBe('refused');
  expect(await tab.run(() => document.getElementById('spaces')!.textContent)).toBe('Appelez le 09 70 00 00 01.');
  await tab.run(() => { document.getElementById('later')!.textContent = '01 23 45 67 89'; });
  await tab.until(() => document.getElementById('later')!.textContent === '09 70 00 00 01');
  await tab.run(() => (window as any).mgt('restore'));
  expect(await tab.run(() => document.getElementById('spaces')!.textContent)).toBe('Appelez le 01 23 45 67 89.');
  // The one violation is the probe above, on purpose.
  expect(await tab.run(() => (window as any).violations.filter((v: string) => !/trusted-types-sink|require-trusted-types-for/.test(v)))).toEqual([]);
  expect(await tab.run(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);
  expect(server.requests.map((r) => r.path).filter((p) => p !== '/favicon.ico')).toEqual(['/csp', '/dist/mgt.js']);
  expect(await pageErrors(tab)).toEqual([]);
});
