// Property-based tests of hostile input (SPEC 4, 11; issue 14), in Chromium against dist/mgt.js:
// configs from fast-check's anything() with Proxies, cycles, __proto__ keys, getters that throw,
// values that change between reads and huge maps; tampered mgt_session / mgt_visitor; endpoint
// faults; pages whose scripts add enumerable properties to Object.prototype and Array.prototype.
//
// Every run: no page error, nothing thrown out of mgt(), Object.prototype untouched, nothing
// written into the page but a validated tracked number of the config (or of a valid lease).
//
// Reproduce a failure: the report prints the seed and path, e.g.
//   MGT_PROPERTY_SEED=20261205 MGT_PROPERTY_PATH=7:0 npx playwright test test/e2e/property/hostile-input.spec.ts --workers=1 -g 'hostile configs'
// Longer randomised run: npm run test:property:long (MGT_PROPERTY_RUNS, MGT_PROPERTY_SEED optional).
import fc from 'fast-check';
import type { Page } from '@playwright/test';
import { test, snippetHtml } from '../support/fixtures';
import type { TestServer } from '../support/server';
import { check, settings, LONG } from './support/runner';
import { ORIGINAL, configEnc, decodeInPage, stringsOf, tamper, fault, VALID, type Enc, type Fault, type Tamper } from './support/hostile-arbitraries';

const BODY = `<p id="n">Tél. ${ORIGINAL}</p><a id="tel" href="tel:0556001122" title="${ORIGINAL}">appel</a><aside>${ORIGINAL}</aside>`;
const GRANT = "mgt('consent','granted');";
/** An upper bound, not a speed test: a run takes about 1 s, far more on a machine shared by many jobs. */
const TIMEOUT = 600_000;

/** National digits of a written FR number, or '' when it is not one ('+33 (0)9…' → '09…'). */
function frDigits(s: string): string {
  const t = String(s).replace(/[\s.\-/()\u2010-\u2015]/g, '');
  const m = /^(?:\+33|0033)0?([1-9]\d{8})$/.exec(t) || /^0([1-9]\d{8})$/.exec(t);
  return m ? '0' + m[1] : '';
}

interface Seen {
  thrown?: string;
  running: boolean;
  n: string;
  href: string | null;
  title: string | null;
  aside: string;
  protoChanged: boolean;
  xss: unknown;
  elements: number;
  storage: string;
}

/** What the page shows and holds now (in the page). */
async function look(page: Page, thrown?: string): Promise<Seen> {
  return page.evaluate((thrown) => {
    const w = window as any;
    const tel = document.getElementById('tel');
    let running = false;
    try { running = w.mgt('state') !== undefined; } catch { running = true; }
    return {
      thrown,
      running,
      n: document.getElementById('n')?.textContent ?? '(gone)',
      href: tel && tel.getAttribute('href'),
      title: tel && tel.getAttribute('title'),
      aside: document.querySelector('aside')?.textContent ?? '',
      protoChanged: w.__proto0 !== undefined && w.__protoSnap() !== w.__proto0,
      xss: w.__xss,
      elements: document.body.getElementsByTagName('*').length,
      storage: JSON.stringify({ local: { ...localStorage }, cookie: document.cookie }),
    };
  }, thrown);
}

const PROTO_SNAP = `window.__protoSnap = function () { return [Object.prototype, Array.prototype, String.prototype, Function.prototype].map(function (p) { return Object.getOwnPropertyNames(p).sort().join(','); }).join('|'); }; window.__proto0 = window.__protoSnap();`;

/** Checks common to every run; `allowed`: national digits the page may show instead of the original. */
function common(seen: Seen, errors: string[], allowed: Set<string>, bodyElements: number): string[] {
  const out: string[] = [];
  if (seen.thrown) out.push(`mgt() threw into the page: ${seen.thrown}`);
  if (errors.length) out.push(`page error: ${errors.join('; ')}`);
  if (seen.protoChanged) out.push('Object.prototype (or another built-in prototype) changed');
  if (seen.xss !== undefined) out.push('a script from the input ran');
  if (seen.elements !== bodyElements) out.push(`${seen.elements} elements in <body>, ${bodyElements} before: something was injected or removed`);
  const shown = seen.n.replace(/^Tél\. /, '');
  if (!seen.n.startsWith('Tél. ') || (shown !== ORIGINAL && !allowed.has(frDigits(shown)))) out.push(`the page shows ${JSON.stringify(seen.n)}: not the original nor a validated tracked number`);
  if (seen.title !== ORIGINAL && !allowed.has(frDigits(seen.title || ''))) out.push(`the link's title is ${JSON.stringify(seen.title)}`);
  if (seen.href !== 'tel:0556001122' && !allowed.has(frDigits((seen.href || '').replace(/^tel:/, '')))) out.push(`the link's href is ${JSON.stringify(seen.href)}`);
  return out;
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Collects [mgt] console errors and page errors of the current page. */
function listen(page: Page): { mgtErrors: string[]; errors: string[]; reset(): void } {
  const l = { mgtErrors: [] as string[], errors: [] as string[], reset() { l.mgtErrors = []; l.errors = []; } };
  page.on('console', (m) => { if (m.type() === 'error' && m.text().startsWith('[mgt]')) l.mgtErrors.push(m.text()); });
  page.on('pageerror', (e) => l.errors.push(String(e)));
  return l;
}

// ------------------------------------------------------------------ configs

async function runConfig(page: Page, server: TestServer, l: ReturnType<typeof listen>, recipe: Enc, run: number): Promise<string[]> {
  const url = server.url('/h') + `?r=${run}`;
  await page.context().clearCookies();
  l.reset();
  await page.goto(url);
  const thrown = await page.evaluate(({ recipe, decode }) => {
    localStorage.clear();
    // The recipe decoder arrives as source text (test code: the module itself never evals).
    const make = (0, eval)(`(${decode})`);
    try {
      (window as any).mgt('init', make(recipe));
    } catch (e) {
      return String(e);
    }
  }, { recipe, decode: decodeInPage.toString() });
  await settle(page);
  const seen = await look(page, thrown);
  const allowed = new Set(stringsOf(recipe).map(frDigits).filter(Boolean));
  const out = common(seen, l.errors, allowed, 3);
  if (l.mgtErrors.length) {
    // A bad config: one error naming the field, then inert (no swap, no storage, no request).
    if (l.mgtErrors.length > 1) out.push(`${l.mgtErrors.length} [mgt] errors: ${l.mgtErrors.join(' | ')}`);
    if (!/^\[mgt\] config([.[].*?)?: /.test(l.mgtErrors[0])) out.push(`the error names no config field: ${l.mgtErrors[0]}`);
    if (seen.running) out.push(`the module runs after the error ${l.mgtErrors[0]}`);
    if (seen.n !== `Tél. ${ORIGINAL}` || seen.href !== 'tel:0556001122') out.push(`swapped after the error ${l.mgtErrors[0]}`);
    if (seen.storage !== '{"local":{},"cookie":""}') out.push(`stored ${seen.storage} after the error ${l.mgtErrors[0]}`);
    // A module that was not inert would send what it holds on pagehide; a request of ours after
    // that arrives after its beacon.
    await page.evaluate(() => { dispatchEvent(new Event('pagehide')); return fetch('/barrier').catch(() => undefined); });
    const sent = server.collected.filter((r) => String(r.headers.referer || '').endsWith(`?r=${run}`));
    if (sent.length) out.push(`${sent.length} request(s) to the endpoint after the error ${l.mgtErrors[0]}`);
  } else if (!seen.running) out.push('no [mgt] error, yet the module is not running');
  return out;
}

test('hostile configs: one [mgt] error naming a field then inert, or a working module; never a broken page', async ({ page, server }) => {
  const opts = settings(30, 2000);
  test.setTimeout(LONG ? 6 * 3600_000 : TIMEOUT);
  server.route('/h', snippetHtml({ load: 'sync', head: `<script>${PROTO_SNAP}</script>`, body: BODY }));
  const l = listen(page);
  let run = 0;
  await check('hostile configs', configEnc(server.endpoint), (recipe) => runConfig(page, server, l, recipe, ++run), opts);
});

test('a config getter that throws: the error names that field', async ({ page, server }) => {
  const opts = settings(12, 300);
  test.setTimeout(LONG ? 6 * 3600_000 : TIMEOUT);
  server.route('/h', snippetHtml({ load: 'sync', head: `<script>${PROTO_SNAP}</script>`, body: BODY }));
  const l = listen(page);
  let run = 0;
  const fields = Object.keys(VALID);
  const arb = fc.tuple(fc.constantFrom(...fields), fc.boolean()).map(([f, atTop]): [string, Enc] => {
    const entries: any[] = [['mode', { j: 'invisible' }], ['numbers', { obj: [[ORIGINAL, { j: '09 70 00 00 03' }]] }]].filter((e) => e[0] !== f);
    // The getter on the config itself, or on a field of `numbers` (a nested object).
    if (atTop) return [`config.${f}`, { obj: [...entries, [f, { j: 1 }, 'throw']] }];
    return [`config.numbers`, { obj: [['mode', { j: 'invisible' }], ['numbers', { obj: [[ORIGINAL, { j: '09 70 00 00 03' }, 'throw']] }]] }];
  });
  await check('throwing getter', arb, async ([field, recipe]) => {
    const out = await runConfig(page, server, l, recipe, ++run);
    if (!l.mgtErrors.some((e) => e.includes(field))) out.push(`the error does not name ${field}: ${l.mgtErrors.join(' | ') || '(no error)'}`);
    return out;
  }, opts, (v) => `${v[0]}: ${JSON.stringify(v[1])}`);
});

// ------------------------------------------------------------------ polluted prototypes

const pollution = fc.record({
  object: fc.array(fc.tuple(fc.constantFrom('polluted', 'pool', 'mode', 'numbers', 'days', 'id', 'source', 'each', 'extend', 'replace', 'length', 'required', 'original', 'tracked', 'v'),
    fc.constantFrom<unknown>(1, 'p', true, null, 'fn', '09 70 00 00 09')), { minLength: 1, maxLength: 4 }),
  array: fc.array(fc.constantFrom('each', 'include', 'flatten', 'polluted'), { maxLength: 2 }),
  config: fc.constantFrom<Record<string, unknown>>(
    { mode: 'invisible', numbers: { [ORIGINAL]: '09 70 00 00 03' } },
    { mode: 'rotation', consent: { required: false }, numbers: { [ORIGINAL]: '09 70 00 00 03' }, conditions: [{ id: 'd', source: 'direct', numbers: { [ORIGINAL]: '09 70 00 00 03' } }] },
    { mode: 'invisible', country: 'FR', ignore: 'aside', numbers: { [ORIGINAL]: '09 70 00 00 03' } },
  ),
});

test('a page that adds enumerable properties to Object.prototype: the module still swaps', async ({ page, server }) => {
  const opts = settings(15, 500);
  test.setTimeout(LONG ? 6 * 3600_000 : TIMEOUT);
  const l = listen(page);
  let run = 0;
  await check('polluted prototypes', pollution, async (p) => {
    const path = `/polluted${++run}`;
    const pollute = p.object.map(([k, v]) => `Object.prototype[${JSON.stringify(k)}] = ${v === 'fn' ? 'function () { return 1; }' : JSON.stringify(v)};`).join('') +
      p.array.map((k) => `Array.prototype[${JSON.stringify(k)}] = function () { return this; };`).join('');
    server.route(path, snippetHtml({ config: p.config, head: `<script>${pollute}</script>`, body: BODY }));
    await page.context().clearCookies();
    l.reset();
    await page.goto(server.url(path));
    await page.evaluate(() => localStorage.clear());
    await settle(page);
    const seen = await look(page);
    const out = common(seen, l.errors, new Set(['0970000003']), 3);
    if (seen.n !== 'Tél. 09 70 00 00 03') out.push(`not swapped: the page shows ${JSON.stringify(seen.n)}`);
    if (l.mgtErrors.length) out.push(`[mgt] errors: ${l.mgtErrors.join(' | ')}`);
    return out;
  }, opts);
});

// ------------------------------------------------------------------ tampered storage

const POOL_CONFIG = (server: TestServer) => ({
  mode: 'journey', endpoint: server.endpoint, site: 's', pool: { timeout: 400 },
  numbers: { [ORIGINAL]: '09 70 00 00 03' },
  conditions: [{ id: 'p', source: ['direct', 'campaign'], pool: 'main', numbers: { [ORIGINAL]: '09 70 00 00 07' } }],
});
const LEASED = '09 70 00 00 42';

/** SPEC 11: what the module itself writes in mgt_session (stricter than "parses as JSON"). */
function sessionProblems(raw: string | null, allowed: Set<string>): string[] {
  if (raw === null) return [];
  const out: string[] = [];
  let s: any;
  try { s = JSON.parse(raw); } catch { return ['mgt_session is not JSON']; }
  for (const e of s.to_swap || []) {
    if (frDigits(e.original) !== '0556001122') out.push(`to_swap keeps the original ${JSON.stringify(e.original)}`);
    if (!allowed.has(frDigits(e.tracked))) out.push(`to_swap keeps the tracked number ${JSON.stringify(e.tracked)}`);
  }
  for (const [k, v] of Object.entries(s.tracking_ids || {})) {
    if (typeof v !== 'string' || v.length > 200 || /[<>"]/.test(v)) out.push(`tracking_ids.${k} keeps ${JSON.stringify(v).slice(0, 80)}`);
  }
  return out;
}

test('tampered mgt_session and mgt_visitor: discarded and rebuilt, nothing of them reaches the page', async ({ page, server }) => {
  const opts = settings(25, 800);
  test.setTimeout(LONG ? 6 * 3600_000 : TIMEOUT);
  server.onLease = () => ({ body: { numbers: { [ORIGINAL]: LEASED }, ttl: 600 } });
  const l = listen(page);
  const allowed = new Set(['0970000007', '0970000042']);
  let run = 0;
  await check<Tamper>('tampered storage', tamper(server.origin, Date.now()), async (t) => {
    // The tampered values are in place before the module loads, as after an earlier visit.
    const path = `/t${++run}`;
    const plant = `localStorage.clear();${t.session === null ? '' : `localStorage.setItem('mgt_session', ${JSON.stringify(t.session)});`}` +
      `document.cookie = ${JSON.stringify(`mgt_visitor=${encodeURIComponent(t.visitor)}; path=/`)};`;
    // '<' only occurs inside the string literals above: written \u003c, a tampered value holding
    // "</script>" cannot end this inline script early (the harness's own HTML, not the module's).
    const planted = plant.replace(/</g, '\\u003c');
    server.route(path, snippetHtml({ config: POOL_CONFIG(server), queued: GRANT, head: `<script>${PROTO_SNAP}${planted}</script>`, body: BODY }));
    await page.context().clearCookies();
    l.reset();
    await page.goto(server.url(path));
    await page.waitForFunction(() => { const s = (window as any).mgt('state'); return s && Object.keys(s.numbers).length > 0; }, null, { timeout: 5000 }).catch(() => undefined);
    await settle(page);
    const seen = await look(page);
    const out = common(seen, l.errors, allowed, 3);
    const raw = await page.evaluate(() => localStorage.getItem('mgt_session'));
    out.push(...sessionProblems(raw, allowed));
    const s = raw ? JSON.parse(raw) : null;
    if (!s) out.push('no mgt_session after a grant');
    // Every tamper makes the stored session invalid: it must be rebuilt from this page.
    else if (s.landing !== server.url(path)) out.push(`the tampered session was kept (landing ${JSON.stringify(s.landing)})`);
    const visitor = await page.evaluate(() => (window as any).mgt('state')?.visitor);
    if (visitor !== undefined && !/^[\w-]{22}$/.test(visitor)) out.push(`visitor ID ${JSON.stringify(visitor)}`);
    return out;
  }, opts, (t) => JSON.stringify(t, null, 1));
});

// ------------------------------------------------------------------ endpoint faults

test('endpoint faults (slow, hanging, garbage, HTML, 5 MB, originals, redirects, 500s): fallback numbers, a page unharmed', async ({ page, server }) => {
  const opts = settings(20, 800);
  test.setTimeout(LONG ? 6 * 3600_000 : TIMEOUT);
  server.route('/f', snippetHtml({ config: POOL_CONFIG(server), queued: GRANT, head: `<script>${PROTO_SNAP}</script>`, body: BODY }));
  const l = listen(page);
  // The condition's fallback, and what the faulty endpoint may lease: the endpoint is the authority
  // on its pools, so any valid French number that is not an original is a sound lease (SPEC 9.3, 11),
  // '01 23 45 67 89' included (long run, seed 1965844376).
  const allowed = new Set(['0970000007', '0970000042', '0123456789']);
  let current: Fault | undefined;
  const pending: Array<() => Promise<void>> = [];
  await page.route('**/collect/**', async (route) => {
    const f = current!;
    if (f.delay < 0) {
      // Hangs: answered only when the run is over.
      pending.push(() => route.abort().catch(() => undefined));
      return;
    }
    if (f.delay) await new Promise((r) => setTimeout(r, f.delay));
    const body = f.body === 'HUGE' ? `{"numbers":{"${ORIGINAL}":"${LEASED}"},"ttl":600,"pad":"${'x'.repeat(5_000_000)}"}` : f.body;
    const headers: Record<string, string> = { 'access-control-allow-origin': '*' };
    if (f.location && f.status >= 300 && f.status < 400) headers.location = f.location;
    await route.fulfill({ status: f.status, contentType: f.contentType, headers, body }).catch(() => undefined);
  });
  await check<Fault>('endpoint faults', fault, async (f) => {
    current = f;
    await page.context().clearCookies();
    l.reset();
    await page.goto(server.url('/f'));
    await page.evaluate(() => localStorage.clear());
    // The lease waits pool.timeout (400 ms) at most: then the condition's numbers show.
    await page.waitForFunction(() => { const s = (window as any).mgt('state'); return s && Object.keys(s.numbers).length > 0; }, null, { timeout: 5000 }).catch(() => undefined);
    await settle(page);
    const seen = await look(page);
    const out = common(seen, l.errors, allowed, 3);
    if (seen.n === `Tél. ${ORIGINAL}`) out.push('the original still shows after the lease timeout');
    out.push(...sessionProblems(await page.evaluate(() => localStorage.getItem('mgt_session')), allowed));
    for (const p of pending.splice(0)) await p();
    return out;
  }, opts, (f) => JSON.stringify({ ...f, body: f.body.length > 300 ? f.body.slice(0, 300) + '…' : f.body }));
});
