// node bench/phases.mjs [repo]: where a cold init's time goes, phase by phase, in the page itself.
// Builds mgt.js again from `repo`'s sources (default this repository) with `performance.now()` marks
// put between init's phases (a copy of src/ in a scratch folder; the sources are not touched), loads
// it on a bench page (bench/page.mjs) in a new browser context per load, and prints each phase's
// median and minimum in ms. The page is cross-origin isolated, so the clock is precise to 5 µs.
// Wall time, not CPU: a sync wait (storage, cookies) shows here and not in bench/run.mjs's trace
// figures; on a loaded machine read the minima and the differences between two runs of the same page.
// The marks find their place by a line of source each: a line renamed makes the tool say which.
// Environment: PAGE ('1000/5'), RUNS (11), WHEN ('after': `invisible` init once the page has loaded,
// budget (a)'s page; 'head': the documented <head> install in rotation mode), WARM=1 (the fourth load
// of one context: the script from V8's code cache, as bench/run.mjs's warm figures).
// Compare two builds: `git worktree add /tmp/base <commit>`, then run this with /tmp/base and with
// nothing, one after the other.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { numbers, page } from './page.mjs';
import { median } from './trace.mjs';

const env = process.env;
const here = resolve(fileURLToPath(import.meta.url), '../..');
const repo = resolve(process.argv[2] || here);
const [n, k] = (env.PAGE || '1000/5').split('/').map(Number);
const RUNS = +env.RUNS || 11;
const HEAD = env.WHEN === 'head';

// --- the instrumented build ----------------------------------------------------------------------
const tmp = mkdtempSync(join(tmpdir(), 'mgt-phases-'));
for (const f of ['src', 'rollup.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(repo, f), join(tmp, f), { recursive: true });
symlinkSync(join(here, 'node_modules'), join(tmp, 'node_modules'));
/** Puts a mark named `label` after (or before) the line `find` of `file`. */
const mark = (file, find, label, after = true) => {
  const p = join(tmp, 'src', file);
  const s = readFileSync(p, 'utf8');
  if (!s.includes(find)) throw new Error(`bench/phases.mjs: ${file} has no line "${find}" any more: move the mark "${label}"`);
  const m = `;(window as any).__m?.push(['${label}', performance.now()]);`;
  writeFileSync(p, s.replace(find, after ? find + m : m + find));
};
/** Adds the time of the statement `find` of `file` to a total named `label`, with its count. */
const total = (file, find, label) => {
  const p = join(tmp, 'src', file);
  const s = readFileSync(p, 'utf8');
  if (!s.includes(find)) throw new Error(`bench/phases.mjs: ${file} has no statement "${find}" any more: move the total "${label}"`);
  writeFileSync(p, s.replace(find, `{const t_=performance.now();${find};const a_=(window as any).__sum;if(a_){a_['${label}']=(a_['${label}']||0)+performance.now()-t_;a_['${label} (calls)']=(a_['${label} (calls)']||0)+1}}`));
};
mark('commands.ts', 'const c = loadConfig(config, w.location.search);', 'init', false);
mark('config.ts', "check(MODES, c.mode, 'config.mode');", 'config: schema');
mark('config.ts', 'const s = resolveSettings(c, search);', 'config: settings');
mark('commands.ts', 'const c = loadConfig(config, w.location.search);', 'config: cross-checks');
mark('tracker.ts', 'const consent = createConsent(s, w, () => decide(false));', 'debug, page URL', false);
mark('tracker.ts', 'const consent = createConsent(s, w, () => decide(false));', 'consent');
mark('tracker.ts', 'const display = createDisplay(s, w, emit);', 'visits, display (swapper, hydration watch)');
mark('tracker.ts', 'const pools = createPools(s, w.document, consent, display, visits);', 'reporter, pools');
mark('swap/swapper.ts', 'match = createMatcher(numbers, opts._country);', 'matcher');
mark('swap/swapper.ts', 'if (match) scan._run(doc, born);', 'first scan slice');
mark('tracker.ts', 'const stored = v._session;', 'decision (attribution, session)', false);
mark('tracker.ts', "emit('ready', state());", 'numbers shown, view', false);
mark('commands.ts', 'tracker = createTracker(c, w, emit, early);', 'ready, calls, SPA');
total('tracker.ts', 'startAdapters(s._consent, setConsent, w)', 'adapters started');
total('swap/swapper.ts', 'scan._now(() => readRecords(records, scan, editor, classes, skip));', 'observer records, and the scans they queue');
execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: tmp, stdio: 'inherit', env: { ...env, MGT_OUT_DIR: join(tmp, 'dist') } });
const js = readFileSync(join(tmp, 'dist', 'mgt.js'));
rmSync(tmp, { recursive: true, force: true });

// --- the page ------------------------------------------------------------------------------------
const { body, phones } = page(n, k);
const done = `var c=0;mgt('on','swap',function(){if(++c>=${phones}){__m.push(['every number swapped',performance.now()]);document.title='done'}});`;
const server = createServer((req, res) => {
  if (req.url.startsWith('/collect')) return res.writeHead(204).end();
  if (req.url.startsWith('/mgt.js')) {
    res.writeHead(200, { 'content-type': 'text/javascript', 'cross-origin-resource-policy': 'same-origin', 'cache-control': 'max-age=3600' });
    return res.end(js);
  }
  const src = env.WARM ? '/mgt.js' : `/mgt.js?v=${Math.random()}`;
  const cfg = HEAD ? { mode: 'rotation', endpoint: '/collect', numbers: numbers(k) } : { mode: 'invisible', numbers: numbers(k) };
  const head = HEAD
    ? `<script>window.__m=[];window.__sum={};window.mgt=window.mgt||function(){(mgt.q=mgt.q||[]).push(arguments)};${done}mgt('init',${JSON.stringify(cfg)})</script><script src="${src}"></script>`
    : `<script>window.__m=[];window.__sum={};addEventListener('load',function(){var s=document.createElement('script');s.src='${src}';s.onload=function(){${done}mgt('init',${JSON.stringify(cfg)})};document.head.appendChild(s)})</script>`;
  // Cross-origin isolated: performance.now() to 5 µs instead of 100.
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>phases</title>${head}</head><body>${body}</body></html>`);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const executablePath = env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });

const rows = new Map();
const add = (name, v) => rows.set(name, [...(rows.get(name) || []), v]);
for (let i = 0; i < RUNS; i++) {
  const ctx = await browser.newContext();
  const tab = await ctx.newPage();
  const load = async () => {
    await tab.goto(url, { waitUntil: 'load' });
    await tab.waitForFunction(() => document.title === 'done');
  };
  if (env.WARM) for (let w = 0; w < 3; w++) await load();
  await load();
  // (The adapters start in a microtask after init; the records' callbacks continue after load.)
  await tab.waitForTimeout(300);
  const { all, sums } = await tab.evaluate(() => ({ all: window.__m, sums: window.__sum }));
  // (On a small page every number is swapped inside the first slice: that mark is not a phase.)
  const swapped = all.find(([l]) => l === 'every number swapped')[1];
  const m = all.filter(([l]) => l !== 'every number swapped');
  const init = m.findIndex(([l]) => l === 'init');
  const end = m.findIndex(([l]) => l === 'ready, calls, SPA');
  for (let j = init + 1; j <= end; j++) add(m[j][0], m[j][1] - m[j - 1][1]);
  add('init, whole', m[end][1] - m[init][1]);
  for (const [name, v] of Object.entries(sums)) add(name, v);
  add('init to every number swapped', swapped - m[init][1]);
  await ctx.close();
}
await browser.close();
server.close();

console.log(`mgt.js from ${repo}, ${HEAD ? '<head> install (rotation)' : 'replacement after load (invisible)'}, ${n} elements / ${k} numbers, ${RUNS} ${env.WARM ? 'warm' : 'cold'} loads; wall ms, median and min:`);
for (const [name, v] of rows) {
  const calls = name.endsWith('(calls)');
  console.log(`  ${name.padEnd(48)} ${calls ? String(median(v)).padStart(8) : median(v).toFixed(2).padStart(8)}   ${calls ? '' : 'min ' + Math.min(...v).toFixed(2)}`);
}
