// node bench/profile.mjs: where a cold page load's time goes, per function of mgt's source.
// Builds dist/mgt.js's IIFE again without minification (same rollup plugins, terser left out, so
// the source's function names stay), loads the documented <head> install on a 1,000-element page
// with 5 numbers (as bench/run.mjs does) in a new browser context per run, with V8's sampling CPU
// profiler on (50 µs), and prints the functions' self and total time, averaged over the runs.
// Samples are wall-clock: on a loaded machine, read the shares more than the milliseconds.
// Environment: PROFILE_RUNS (default 10), PROFILE_PAGE ('1000/5'), PROFILE_CONFIG (JSON of the
// init config, default rotation as run.mjs), PROFILE_TOP (rows, default 30), PROFILE_WHEN ('head', or
// 'after': the replacement after load of budget (a), `invisible` init once the page has loaded).
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';
import { rollup } from 'rollup';
import config from '../rollup.config.mjs';
import { numbers, page } from './page.mjs';

const env = process.env;
const RUNS = +env.PROFILE_RUNS || 10;
const TOP = +env.PROFILE_TOP || 30;
const [n, k] = (env.PROFILE_PAGE || '1000/5').split('/').map(Number);
const AFTER = env.PROFILE_WHEN === 'after';

// The IIFE entry of rollup.config.mjs, unminified.
const entry = config[0];
const bundle = await rollup({ input: entry.input, plugins: entry.plugins });
// With the shipped file's banner: its first line is V8's eager-compile hint, which changes where a
// cold load's time goes (compiles leave the functions' first calls).
const { output } = await bundle.generate({ format: 'iife', banner: entry.output.banner });
const js = output[0].code;

const { body } = page(n, k);
const server = createServer((req, res) => {
  if (req.url.startsWith('/mgt.js')) { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(js); return; }
  if (req.url.startsWith('/collect')) { req.resume(); res.writeHead(204); res.end(); return; }
  const origin = `http://${req.headers.host}`;
  const cfg = env.PROFILE_CONFIG ? JSON.parse(env.PROFILE_CONFIG) : { mode: 'rotation', endpoint: `${origin}/collect`, numbers: numbers(k) };
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  const src = `/mgt.js?v=${Math.random()}`;
  const head = AFTER
    ? `<script>addEventListener('load',function(){var s=document.createElement('script');s.src='${src}';s.onload=function(){mgt('init',${JSON.stringify({ mode: 'invisible', numbers: cfg.numbers })});document.title='done'};document.head.appendChild(s)})</script>`
    : `<script>window.mgt=window.mgt||function(){(mgt.q=mgt.q||[]).push(arguments)};mgt('init',${JSON.stringify(cfg)})</script><script src="${src}"></script>`;
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>profile</title>${head}</head><body>${body}</body></html>`);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const executablePath = env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });

const self = new Map();
const total = new Map();
let scriptMs = 0;
for (let i = 0; i < RUNS; i++) {
  const ctx = await browser.newContext();
  const tab = await ctx.newPage();
  const cdp = await ctx.newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await tab.goto(`${origin}/`, { waitUntil: 'load' });
  if (AFTER) await tab.waitForFunction(() => document.title === 'done' && new Promise((r) => setTimeout(() => r(true), 100)));
  const { profile } = await cdp.send('Profiler.stop');
  await ctx.close();
  // self time per node, from the samples
  const byId = new Map(profile.nodes.map((x) => [x.id, { ...x, self: 0 }]));
  for (let s = 0; s < profile.samples.length; s++) byId.get(profile.samples[s]).self += (profile.timeDeltas[s + 1] ?? 0) / 1000;
  const parent = new Map();
  for (const x of profile.nodes) for (const c of x.children || []) parent.set(c, x.id);
  const name = (x) => `${x.callFrame.functionName || '(anonymous)'}:${x.callFrame.lineNumber + 1}`;
  for (const x of byId.values()) {
    if (!x.callFrame.url.includes('/mgt.js') || !x.self) continue;
    scriptMs += x.self;
    self.set(name(x), (self.get(name(x)) || 0) + x.self);
    // total time: once per function on the stack (recursion counted once)
    const seen = new Set();
    for (let id = x.id; id !== undefined; id = parent.get(id)) {
      const y = byId.get(id);
      if (!y.callFrame.url.includes('/mgt.js')) continue;
      const key = name(y);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) || 0) + x.self);
    }
  }
}
await browser.close();
server.close();

const rows = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([f, ms]) => `${(ms / RUNS).toFixed(2).padStart(7)} ms  ${((ms / scriptMs) * 100).toFixed(1).padStart(5)} %  ${f}`);
console.log(`mgt.js (unminified) on a ${n}-element page with ${k} numbers, cold, ${RUNS} runs: ${(scriptMs / RUNS).toFixed(2)} ms of samples in mgt.js per load\n`);
console.log('Self time (function:line of the unminified bundle):');
for (const r of rows(self)) console.log(r);
console.log('\nTotal time (self + callees):');
for (const r of rows(total)) console.log(r);
