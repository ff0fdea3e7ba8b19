// The snippet and the command function (SPEC 3, 4): queue replay in order, one instance however
// often the script or the stub is pasted, every way of loading the script, commands that never throw.
import { test, expect } from './support/fixtures';
import { ORIGINAL, TRACKED, GRANT, STUB, cfg, serve, open, state, visitorCookie, leave, eventsAtLeast, settle, consoleOf, mgtMessages } from './support/journey';

const READY = "mgt('on','ready',function(s){(window.__ready=window.__ready||[]).push(s.mode)});";
const SWAPS = "mgt('on','swap',function(e){(window.__swaps=window.__swaps||[]).push(e.original+'>'+e.tracked)});";
const body = `<p id="n">Call ${ORIGINAL}</p>`;

test('queued calls are replayed in order on load, including on() before init', async ({ page, server, errors }) => {
  await open(page, server, '/a', {
    config: cfg(server, { mode: 'origin' }), body,
    before: READY + "mgt('on','consent',function(e){(window.__order=window.__order||[]).push('consent:'+e.state)});",
    queued: "mgt('consent','denied');mgt('consent','granted');mgt('on','ready',function(){(window.__order=window.__order||[]).push('late-ready')});",
  });
  expect(await page.evaluate(() => (window as any).__ready)).toEqual(['origin']);
  // Effects keep the queue's order; a 'ready' listener queued after init is told once (when it is
  // told relative to the consent events is the module's choice: it replays subscriptions first).
  const order: string[] = await page.evaluate(() => (window as any).__order);
  expect(order.filter((o) => o.startsWith('consent'))).toEqual(['consent:denied', 'consent:granted']);
  expect(order.filter((o) => o === 'late-ready')).toHaveLength(1);
  expect((await state(page)).consent).toBe('granted');
  expect(errors).toEqual([]);
});

test('queued denial after a grant wins (order kept)', async ({ page, server }) => {
  await open(page, server, '/a', { config: cfg(server), queued: "mgt('consent','granted');mgt('consent','denied');", body });
  expect(await state(page)).toMatchObject({ consent: 'denied', persistent: false });
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('a consent given before init (a CMP answering first) is applied at init', async ({ page, server, context }) => {
  await open(page, server, '/a', { config: cfg(server), before: GRANT, body });
  expect(await state(page)).toMatchObject({ consent: 'granted', persistent: true });
  expect(await visitorCookie(context)).toHaveLength(1);
});

test('mgt(\'state\') is undefined while queued and when the script is loaded without init', async ({ page, server }) => {
  await open(page, server, '/a', { load: 'none', body });
  expect(await page.evaluate(() => (window as any).mgt('state'))).toBeUndefined();
  await open(page, server, '/b', { body });
  expect(await page.evaluate(() => (window as any).mgt('state'))).toBeUndefined();
});

test('the script loaded twice: one instance, one ready, one visit', async ({ page, server, errors }) => {
  serve(server, '/twice', {
    config: cfg(server, { mode: 'origin' }), queued: GRANT, before: READY + SWAPS,
    body: body + '<script src="/dist/mgt.js"></script><script src="/dist/mgt.js" async></script>',
  });
  const logs = consoleOf(page);
  await page.goto(server.url('/twice'));
  await page.waitForLoadState('load');
  expect(await page.evaluate(() => (window as any).__ready)).toEqual(['origin']);
  expect(await page.evaluate(() => (window as any).__swaps || [])).toEqual([`${ORIGINAL}>${TRACKED}`]);
  await leave(page);
  await eventsAtLeast(server, 1);
  await settle(page, 500);
  expect(server.events().map((e) => e.type)).toEqual(['visit']);
  expect(mgtMessages(logs, 'error')).toEqual([]);
  expect(errors).toEqual([]);
});

test('the whole snippet pasted twice: the second init is ignored with one [mgt] warning, one instance runs', async ({ page, server, errors }) => {
  const config = JSON.stringify(cfg(server, { mode: 'origin' }));
  const other = JSON.stringify(cfg(server, { mode: 'journey' }));
  const html = `<!doctype html><html><head><title>x</title>` +
    `<script>${STUB}${READY}mgt('init', ${config});${GRANT}</script><script src="/dist/mgt.js"></script>` +
    `<script>${STUB}mgt('init', ${other});${GRANT}</script><script src="/dist/mgt.js"></script>` +
    `</head><body>${body}</body></html>`;
  server.route('/a', html);
  const logs = consoleOf(page);
  await page.goto(server.url('/a'));
  expect(await page.evaluate(() => (window as any).__ready)).toEqual(['origin']);
  expect((await state(page)).mode).toBe('origin');
  const warnings = mgtMessages(logs, 'warning');
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/^\[mgt\].*init/);
  await leave(page);
  await eventsAtLeast(server, 1);
  await settle(page, 500);
  expect(server.events().map((e) => e.type)).toEqual(['visit']);
  expect(errors).toEqual([]);
});

test('a second init call is ignored with a [mgt] warning', async ({ page, server }) => {
  const logs = consoleOf(page);
  await open(page, server, '/a', { config: cfg(server, { mode: 'rotation' }), body });
  await page.evaluate(() => (window as any).mgt('init', { mode: 'invisible', numbers: { '01 99 99 99 99': '09 70 00 00 09' } }));
  expect((await state(page)).mode).toBe('rotation');
  expect(mgtMessages(logs, 'warning')).toHaveLength(1);
  expect(mgtMessages(logs, 'warning')[0]).toMatch(/^\[mgt\]/);
});

for (const load of ['async', 'defer'] as const) {
  test(`${load} script tag: queue replayed, numbers decided, ready once`, async ({ page, server, context }) => {
    await open(page, server, '/a', { config: cfg(server), queued: GRANT, before: READY, body, load });
    await expect.poll(() => page.evaluate(() => (window as any).__ready)).toEqual(['origin']);
    expect(await state(page)).toMatchObject({ consent: 'granted', numbers: { [ORIGINAL]: TRACKED } });
    expect(await visitorCookie(context)).toHaveLength(1);
  });
}

test('script injected later (after load): queue replayed, page swapped', async ({ page, server }) => {
  await open(page, server, '/a', {
    config: cfg(server, { mode: 'rotation' }), before: READY, load: 'none',
    body: body + `<script>addEventListener('load', function () { setTimeout(function () { var s = document.createElement('script'); s.src = '/dist/mgt.js'; document.head.appendChild(s); }, 300); });</script>`,
  });
  expect(await page.evaluate(() => (window as any).mgt('state'))).toBeUndefined();
  await expect.poll(() => page.evaluate(() => (window as any).__ready)).toEqual(['rotation']);
  expect((await state(page)).numbers).toEqual({ [ORIGINAL]: TRACKED });
});

test('(DOM) number swapped with every loading style', async ({ page, server }) => {
  for (const load of ['sync', 'async', 'defer'] as const) {
    await open(page, server, '/' + load, { config: { mode: 'invisible', numbers: { [ORIGINAL]: TRACKED } }, body, load });
    await expect(page.locator('#n')).toHaveText(`Call ${TRACKED}`);
  }
});

test('anti-flicker: the module removes mgt-hide from <html> after its first swap', async ({ page, server }) => {
  await open(page, server, '/a', { config: { mode: 'invisible', numbers: { [ORIGINAL]: TRACKED } }, body, htmlClass: 'mgt-hide keep', load: 'async' });
  await expect.poll(() => page.evaluate(() => document.documentElement.className)).toBe('keep');
});

test('commands never throw, whatever they are given', async ({ page, server, errors }) => {
  await open(page, server, '/a', { config: cfg(server, { mode: 'rotation' }), body });
  const thrown = await page.evaluate(() => {
    const m = (window as any).mgt;
    const bad: any[] = [
      [], [null], [undefined], [42], [{}], [Symbol('x')], [{ toString() { throw new Error('x'); } }], ['nope'], ['INIT'],
      ['consent'], ['consent', 'yes'], ['consent', {}], ['consent', Symbol('s')], ['consent', null], ['consent', 1],
      ['on'], ['on', 'ready'], ['on', 'ready', 5], ['on', 'bogus', () => 1], ['on', 'swap', 'string'], ['on', Symbol('e'), () => 1],
      ['on', 'ready', () => { throw new Error('listener'); }],
      ['swap', 'body'], ['swap', 5], ['swap', {}], ['swap', { nodeType: 1 }], ['swap', document.createTextNode('01 23 45 67 89')],
      ['pageview', 12], ['pageview', {}], ['pageview', 'http://[bad'], ['pageview', 'javascript:alert(1)'], ['pageview', '//evil.test/x'],
      ['restore', 1], ['state', 'x'], ['init', null], ['init', { mode: 'journey' }],
    ];
    const out: string[] = [];
    bad.forEach((args, i) => {
      try {
        m(...args);
      } catch (e) {
        out.push(`call #${i}: ${e}`);
      }
    });
    m('swap');
    return out;
  });
  expect(thrown).toEqual([]);
  expect(errors).toEqual([]);
  expect((await state(page)).mode).toBe('rotation');
});

test('commands never throw on the stub before the script has loaded, and garbage queued calls do not stop the replay', async ({ page, server, errors }) => {
  await open(page, server, '/a', {
    config: cfg(server, { mode: 'rotation' }), body,
    before: "mgt(); mgt(null); mgt('on','ready',5); mgt('consent',{}); mgt(Symbol('q'));",
    queued: "mgt('swap','x'); mgt('pageview',{}); mgt('consent','granted');",
  });
  expect((await state(page)).consent).toBe('granted');
  expect(errors).toEqual([]);
});

test('the state snapshot is read-only: changing it changes nothing', async ({ page, server }) => {
  await open(page, server, '/a', { config: cfg(server, { mode: 'rotation' }), body });
  const after = await page.evaluate(() => {
    const m = (window as any).mgt;
    const s = m('state');
    try { s.mode = 'invisible'; s.numbers[ '01 23 45 67 89'] = 'x'; } catch { /* frozen */ }
    return m('state');
  });
  expect(after).toMatchObject({ mode: 'rotation', numbers: { [ORIGINAL]: TRACKED } });
});

test('restore puts the original back, swap swaps again (DOM)', async ({ page, server }) => {
  await open(page, server, '/a', { config: { mode: 'invisible', numbers: { [ORIGINAL]: TRACKED } }, body });
  await expect(page.locator('#n')).toHaveText(`Call ${TRACKED}`);
  await page.evaluate(() => (window as any).mgt('restore'));
  await expect(page.locator('#n')).toHaveText(`Call ${ORIGINAL}`);
  await page.evaluate(() => (window as any).mgt('swap'));
  await expect(page.locator('#n')).toHaveText(`Call ${TRACKED}`);
});

