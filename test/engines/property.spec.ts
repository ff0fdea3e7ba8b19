// The swap engine's property (test/e2e/property/swap-engine.spec.ts) in every engine: random DOMs
// holding the numbers in every written form, random edits by the page, compared after each settle
// with a control iframe that has no module. Never a mixed number, nothing injected but our class,
// and mgt('restore') gives the control's DOM back byte for byte. The same generators and in-page
// harness as in Chromium: what differs between engines is the order and shape of mutation records,
// shadow roots, custom elements and text handling, which is where an engine would break the swap.
//
// Reproduce a failure in one engine: the report prints the seed and path, e.g.
//   MGT_PROPERTY_SEED=20261205 MGT_PROPERTY_PATH=3:1:0 npx playwright test test/engines/property.spec.ts --project=engines-firefox
// A longer run: MGT_PROPERTY_LONG=1 (random seed) or MGT_PROPERTY_RUNS=500, with --project=engines-<name>.
// MGT_PROPERTY_CONTROL=1 loads no module: the run must then fail (an original left showing).
import { readFileSync } from 'node:fs';
import { test } from './support/fixtures';
import { openPage } from './support/pages';
import { CONFIG, HARNESS_OPTS, domSpec, showSpec, type DomSpec } from '../e2e/property/support/dom-arbitraries';
import { check, settings, LONG } from '../e2e/property/support/runner';

const HARNESS = readFileSync(new URL('../e2e/property/support/dom-harness.js', import.meta.url), 'utf8');
/** MGT_PROPERTY_CONTROL=1: no module at all, a check that the harness bites in this engine (the run must fail). */
const CONTROL = !!process.env.MGT_PROPERTY_CONTROL;

test('swap engine: random DOMs and edits never show a mixed number, and restore is exact', async ({ tab, server }) => {
  // Fewer runs than in Chromium (every call crosses WebDriver): CI tries 40 inputs per engine.
  const opts = settings(40, 1000);
  test.setTimeout(LONG || process.env.MGT_PROPERTY_RUNS ? 6 * 3600_000 : 600_000);
  const body = `<div id="root"></div><iframe id="control" hidden></iframe><script>${HARNESS}</script>${CONTROL ? '<script>window.mgt = function () {};</script>' : ''}`;
  await openPage(tab, server, '/p', { config: CONTROL ? undefined : CONFIG, load: CONTROL ? 'none' : 'sync', body });
  await tab.run((o) => {
    (window as any).__prop.setup(o);
    (window as any).mgt('restore');
  }, HARNESS_OPTS);
  // (The harness records the page's errors itself, and compares them with the control's.)
  const run = async (spec: DomSpec): Promise<string[]> => (await tab.run((s) => (window as any).__prop.run(s).then((r: any) => r.failures), spec as any)) as string[];
  await check<DomSpec>(`swap engine (${tab.engine})`, domSpec(undefined, 10), run, opts, showSpec);
});
