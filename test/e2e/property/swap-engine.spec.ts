// Property-based tests of the swap engine (SPEC 10, issue 14), in Chromium against dist/mgt.js.
//
// Random DOMs hold the configured numbers in every written form (split over text nodes and
// comments, in attributes, shadow roots, skipped zones), decoys and hostile Unicode; a random
// sequence of the page's own edits runs on them. The same DOM and edits run in a same-origin
// iframe without the module (the control). After each settle (two animation frames):
//   - every difference from the control is a configured original replaced digit for digit by its
//     tracked number: never a mix; none inside a skipped zone; an original the engine must
//     recognise is not left showing outside one (support/dom-harness.js says exactly how);
//   - no element or attribute injected but the class mgt-number; no page error; Object.prototype
//     untouched.
// Then mgt('restore') gives the control's DOM byte for byte (shadow roots included).
//
// Decided behaviours encoded here: a shadow root attached with attachShadow to an element already
// in the page (or by a custom element upgraded in place) delivers no mutation record, so its
// content is only required to be swapped after mgt('swap'); data-mgt-ignore added to a swapped
// subtree restores it, removed swaps it; a swapped node moved into a skipped zone shows the
// original, a copy of swapped content put there too; class edits never add or remove the
// config.ignore class (the engine does not follow them).
//
// Reproduce a failure: the report prints the seed and path, e.g.
//   MGT_PROPERTY_SEED=20261205 MGT_PROPERTY_PATH=12:3:0 npx playwright test test/e2e/property/swap-engine.spec.ts --workers=1
// Longer randomised run: npm run test:property:long (MGT_PROPERTY_RUNS, MGT_PROPERTY_SEED optional).
// Restrict the mutations (to check the harness, or to isolate a bug): MGT_PROPERTY_OPS=insert,remove.
// The control run (MGT_PROPERTY_CONTROL=1) loads no module at all: every property must then hold
// trivially except "an original the engine must recognise is not left showing", which is skipped
// (MGT_PROPERTY_CONTROL=strict keeps it: the run must then fail, which shows the check bites).
// Triage: MGT_PROPERTY_SURVEY=200 samples 200 inputs and prints one shrunk input per kind of failure.
import type { Page } from '@playwright/test';
import type { TestServer } from '../support/server';
import { test, snippetHtml } from '../support/fixtures';
import { HARNESS_OPTS, domSpec, showSpec, type DomSpec } from './support/dom-arbitraries';
import fc from 'fast-check';
import { check, settings, LONG } from './support/runner';
import { failuresOf, propertyPage } from './support/page';

async function openPage(page: Page, server: TestServer): Promise<(spec: DomSpec) => Promise<string[]>> {
  server.route('/p', snippetHtml(propertyPage()));
  await page.goto(server.url('/p'));
  await page.evaluate((o) => {
    (window as any).__prop.setup(o);
    (window as any).mgt('restore');
  }, HARNESS_OPTS);
  return async (spec) => failuresOf(await page.evaluate((s) => (window as any).__prop.run(s), spec));
}

test('swap engine: random DOMs and edits never show a mixed number, and restore is exact', async ({ page, server }) => {
  const opts = settings(100, 3000);
  const survey = Number(process.env.MGT_PROPERTY_SURVEY || 0);
  // An upper bound, not a speed test: 100 runs take under a minute on a quiet machine.
  test.setTimeout(LONG || survey ? 6 * 3600_000 : 600_000);
  const run = await openPage(page, server);
  const only = process.env.MGT_PROPERTY_OPS?.split(',').filter(Boolean);
  if (survey) return console.log(await surveyOf(run, only, survey, opts.seed));
  await check<DomSpec>('swap engine', domSpec(only, 10), run, opts, showSpec);
});

/**
 * For triage, not CI (MGT_PROPERTY_SURVEY=N): samples N inputs, groups the failures by kind (the
 * first failure of each input), and shrinks one input of each kind.
 */
async function surveyOf(run: (s: DomSpec) => Promise<string[]>, only: string[] | undefined, n: number, seed: number): Promise<string> {
  const kind = (f: string) => f.replace(/"(?:[^"\\]|\\.)*"/g, '…').replace(/\d+/g, '#').replace(/(root[/#\w<>-]*)/g, 'root…').replace(/<[\w-]+>/g, '');
  const kinds = new Map<string, number>();
  for (const spec of fc.sample(domSpec(only, 10), { seed, numRuns: n })) {
    for (const f of (await run(spec)).slice(0, 1)) kinds.set(kind(f), (kinds.get(kind(f)) || 0) + 1);
  }
  const report: string[] = [];
  for (const [k, count] of kinds) {
    const details = await fc.check(fc.asyncProperty(domSpec(only, 10), async (s) => !(await run(s)).some((f) => kind(f) === k)), { seed, numRuns: n });
    const ex = details.counterexample?.[0];
    report.push(`### ${count}× ${k}\n${ex ? (await run(ex)).join('\n') + '\n' + showSpec(ex) : '(not found again)'}\n(seed ${details.seed} path ${details.counterexamplePath})`);
  }
  return report.join('\n\n') || 'no failure';
}
