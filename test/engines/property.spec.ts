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
// MGT_PROPERTY_CONTROL=strict loads no module: the run must then fail (an original left showing).
import { test } from './support/fixtures';
import { openPage } from './support/pages';
import { HARNESS_OPTS, domSpec, showSpec, type DomSpec } from '../e2e/property/support/dom-arbitraries';
import { check, settings, LONG } from '../e2e/property/support/runner';
import { failuresOf, propertyPage } from '../e2e/property/support/page';

test('swap engine: random DOMs and edits never show a mixed number, and restore is exact', async ({ tab, server }) => {
  // Fewer runs than in Chromium (every call crosses WebDriver): CI tries 40 inputs per engine.
  const opts = settings(40, 1000);
  test.setTimeout(LONG || process.env.MGT_PROPERTY_RUNS ? 6 * 3600_000 : 600_000);
  await openPage(tab, server, '/p', propertyPage());
  await tab.run((o) => {
    (window as any).__prop.setup(o);
    (window as any).mgt('restore');
  }, HARNESS_OPTS);
  // (The harness records the page's errors itself, and compares them with the control's.)
  const run = async (spec: DomSpec): Promise<string[]> => failuresOf(await tab.run((s) => (window as any).__prop.run(s), spec as any));
  await check<DomSpec>(`swap engine (${tab.engine})`, domSpec(undefined, 10), run, opts, showSpec);
});
