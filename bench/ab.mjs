// node bench/ab.mjs: two builds of mgt.js side by side, for one change's effect. The cold
// replacement after load (budget (a)) of build A (AB_A, e.g. a copy of dist/mgt.js before the
// change) and build B (AB_B, default dist/mgt.js), with the ideal swapper as the anchor, loads
// interleaved A, B, ideal so that the machine's load weighs on all three alike; main-thread CPU
// from the trace, as bench/run.mjs measures it. Prints medians [min-max], each build's ratio to
// the ideal of the same run, and the longest task of each build (budget (c) at 100k).
// Environment: AB_A (required), AB_B, AB_RUNS (default 9), AB_PAGES (default '1000/5'; '100000/50'),
// AB_DUMP=1 (each load's events: kind, CPU / wall ms), AB_WHEN=head (the documented <head> install,
// rotation mode, every script event of the page until all numbers are swapped, no anchor).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { numbers, page } from './page.mjs';
import { median, startTrace, scriptEvents, sum } from './trace.mjs';

const env = process.env;
const RUNS = +env.AB_RUNS || 9;
const PAGES = (env.AB_PAGES || '1000/5').split(',').map((p) => p.split('/').map(Number));
const FILES = { a: env.AB_A, b: env.AB_B || 'dist/mgt.js' };
const HEAD = env.AB_WHEN === 'head';
if (!FILES.a) throw new Error('AB_A: the build to compare with');

const server = createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  const m = /^\/(\d+)\/(\d+)\/(a|b|ideal)$/.exec(u.pathname);
  const js = /^\/s\/(a|b|ideal)\.js$/.exec(u.pathname);
  if (js) {
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' });
    return res.end(readFileSync(js[1] === 'ideal' ? new URL('./anchors.js', import.meta.url) : FILES[js[1]]));
  }
  if (!m) return res.writeHead(404).end();
  const [, n, k, who] = m;
  const map = JSON.stringify(numbers(+k));
  const src = `/s/${who}.js?v=${u.searchParams.get('v')}`;
  const { body, phones } = page(+n, +k);
  // Done when every number is swapped (slices of a long scan may come after init), as in run.mjs.
  const run = who === 'ideal' ? `idealSwap(${map});document.title='done'`
    : `var c=0;mgt('on','swap',function(){if(++c>=${phones})document.title='done'});mgt('init',{mode:'invisible',numbers:${map}})`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  // The documented <head> install instead (no anchor can do it): the stub, init, then the script.
  if (HEAD) return res.end(`<!doctype html><html><head><meta charset="utf-8"><title>ab</title><script>window.mgt=window.mgt||function(){(mgt.q=mgt.q||[]).push(arguments)};${run.replace('invisible', 'rotation')}</script><script src="${src}"></script></head><body>${body}</body></html>`);
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>ab</title><script>addEventListener('load',function(){var s=document.createElement('script');s.src='${src}';s.onload=function(){${run}};document.head.appendChild(s)})</script></head><body>${body}</body></html>`);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const executablePath = env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });

let bust = 0;
async function cold(path) {
  const ctx = await browser.newContext();
  const tab = await ctx.newPage();
  const cdp = await ctx.newCDPSession(tab);
  try {
    const stop = await startTrace(cdp);
    await tab.goto(`${origin}${path}?v=ab${++bust}`, { waitUntil: 'load', timeout: 120000 });
    // (Polled from the browser's side: no script run in the page while it is traced.)
    for (let t = Date.now(); (await cdp.send('Target.getTargetInfo')).targetInfo.title !== 'done'; ) {
      if (Date.now() - t > 60000) throw new Error(`${path}: not done`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 50));
    const { list } = scriptEvents(await stop(), origin);
    // After load: from the swapper's script on (the loader before it is the same for all three).
    const from = HEAD ? 0 : list.find((e) => e.kind === 'eval' && e.url.includes('/s/'))?.ts ?? Infinity;
    const mine = list.filter((e) => e.ts >= from);
    if (env.AB_DUMP) console.log(`  ${path}: ${mine.map((e) => `${e.name[0]}${e.cpu.toFixed(1)}/${e.wall.toFixed(1)}`).join(' ')}`);
    return sum(mine);
  } finally {
    await ctx.close();
  }
}

const f = (xs) => `${median(xs).toFixed(2)} [${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}]`;
for (const [n, k] of PAGES) {
  const got = { a: [], b: [], ideal: [] };
  for (let i = 0; i < RUNS; i++) for (const who of HEAD ? ['a', 'b'] : ['a', 'b', 'ideal']) got[who].push(await cold(`/${n}/${k}/${who}`));
  const cpu = (who) => got[who].map((s) => s.cpu);
  const ideal = HEAD ? NaN : median(cpu('ideal'));
  console.log(`${n}/${k}, ${HEAD ? '<head> install' : 'replacement after load'}, ${RUNS} cold loads each, main-thread CPU ms: ideal ${HEAD ? '-' : f(cpu('ideal'))}`);
  for (const who of ['a', 'b'])
    console.log(`  ${who} ${FILES[who]}: ${f(cpu(who))}, ${(median(cpu(who)) / ideal).toFixed(2)}x the ideal; longest task ${f(got[who].map((s) => s.longestCpu))} (max), tasks ${median(got[who].map((s) => s.count))}`);
}
await browser.close();
server.close();
