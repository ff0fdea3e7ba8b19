// The warm extras of npm run bench (run.mjs), measured in one tab with the script cached, as a
// returning visitor's page loads are: the cost of handling DOM mutations once the page is swapped,
// and the per-page cost of attribution and storage for a returning visitor.
import { ATTRIBUTION_RUNS, attributionConfig, attributionPage } from './attribution.mjs';
import { median } from './trace.mjs';

const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
export const MUTATIONS = 1000;

/** 1,000 mutations in one task (re-renders, new content, attributes, unrelated edits), and mgt's handling of them. */
export async function mutations(tab, url, config, withMgt) {
  await tab.goto(url);
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
  return tab.evaluate(async ([config, withMgt, count]) => {
    let swaps = 0;
    if (withMgt) {
      mgt('on', 'swap', () => swaps++);
      mgt('init', config);
      await new Promise((r) => setTimeout(r, 20));
      swaps = 0;
    }
    const originals = Object.keys(config.numbers);
    const texts = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node; (node = w.nextNode());) if (node.data.trim()) texts.push(node);
    const els = document.body.getElementsByTagName('p');
    let handled = 0;
    // Registered after mgt's observer, so it is called right after it in the same checkpoint.
    new MutationObserver(() => { handled = handled || performance.now(); }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      const o = originals[i % originals.length];
      const k = i % 4;
      if (k === 0) texts[(i * 7919) % texts.length].data = `Nouveau : ${o}`;
      else if (k === 1) document.body.appendChild(document.createElement('p')).appendChild(document.createTextNode(`Appelez le ${o}`));
      else if (k === 2) els[(i * 104729) % els.length].setAttribute('title', `Tél. ${o}`);
      else texts[(i * 15485863) % texts.length].data = `texte ${i}`;
    }
    const t1 = performance.now();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    const text = document.body.textContent;
    const left = originals.filter((o) => text.includes(o) || document.querySelector(`[title="Tél. ${o}"]`)).length;
    return { mutate: t1 - t0, handle: handled - t1, swaps, left };
  }, [config, withMgt, MUTATIONS]);
}

/**
 * The per-page cost of attribution and storage, in a context of its own: a first visit from a
 * Google Ads click with consent creates mgt_visitor and mgt_session; every measured load is then a
 * cold load of the next page of that visit (same-site referrer). On each load one of: mgt('init')
 * in journey mode (read and validate the session, classify, pick the condition, write the session,
 * queue the page view), the same init in invisible mode (validation and swap only, no storage), or
 * a bare read of the same storage (JSON.parse of mgt_session and document.cookie); then, after
 * journey's init, one virtual page view (spa).
 */
export async function attribution(browser, origin) {
  const ctx = await browser.newContext();
  const t = await ctx.newPage();
  const landing = `${origin}/attr?utm_source=google&utm_medium=cpc&gclid=bench-gclid`;
  const journey = attributionConfig(origin, 'journey');
  const invisible = attributionConfig(origin, 'invisible');
  const run = (what) => t.evaluate(async ([what, journey, invisible]) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
    const t0 = performance.now();
    if (what === 'bare') {
      const s = JSON.parse(localStorage.getItem('mgt_session'));
      const c = document.cookie;
      return { ms: performance.now() - t0, ok: !!s && c.includes('mgt_visitor=') };
    }
    mgt('consent', 'granted');
    mgt('init', what === 'journey' ? journey : invisible);
    const ms = performance.now() - t0;
    const st = mgt('state');
    if (what !== 'journey') return { ms, ok: st.mode === 'invisible' && !st.persistent };
    const before = JSON.parse(localStorage.getItem('mgt_session'));
    await new Promise((r) => setTimeout(r, 0));
    const t1 = performance.now();
    mgt('pageview', '/attr/produit-2?ref=bench');
    const view = performance.now() - t1;
    const after = JSON.parse(localStorage.getItem('mgt_session'));
    return { ms, view, ok: st.persistent && st.consent === 'granted' && st.condition === 'google-ads' && st.source === 'paid' &&
      before.pageviews >= 2 && after.pageviews === before.pageviews + 1 && document.querySelectorAll('.mgt-number').length > 0 };
  }, [what, journey, invisible]);
  await t.goto(landing, { referer: 'https://www.google.fr/' });
  await run('journey');
  const out = { journey: [], invisible: [], bare: [], view: [], ok: true };
  for (let i = 0; i < ATTRIBUTION_RUNS; i++) for (const what of ['journey', 'invisible', 'bare']) {
    await t.goto(`${origin}/attr?p=${i}`, { referer: `${origin}/attr` });
    const r = await run(what);
    out[what].push(r.ms);
    if (r.view !== undefined) out.view.push(r.view);
    out.ok = out.ok && r.ok;
  }
  await ctx.close();
  const j = median(out.journey);
  const v = median(out.invisible);
  const b = median(out.bare);
  return { runs: ATTRIBUTION_RUNS, elements: attributionPage.elements, journeyInitMs: round(j), invisibleInitMs: round(v), bareReadMs: round(b),
    attributionStorageMs: round(j - v), ratioToInvisible: round(j / v), ratioToBareRead: round(j / b), pageviewMs: round(median(out.view)), measured: out.ok };
}

