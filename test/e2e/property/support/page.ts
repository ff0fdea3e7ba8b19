// The page the swap-engine property runs in, shared by the Chromium spec (test/e2e/property/) and
// the cross-engine one (test/engines/property.spec.ts): an empty root and a control iframe without
// the module, driven by support/dom-harness.js.
//
// MGT_PROPERTY_CONTROL=1 loads no module at all, a check of the harness itself: every property
// must then hold trivially except "an original the engine must recognise is not left showing",
// which is left out; MGT_PROPERTY_CONTROL=strict keeps it, and the run must fail (the check bites).
import { readFileSync } from 'node:fs';
import { CONFIG } from './dom-arbitraries';

const HARNESS = readFileSync(new URL('./dom-harness.js', import.meta.url), 'utf8');
const CONTROL = process.env.MGT_PROPERTY_CONTROL;

/** The snippet options of the property's page (the module synchronous in <head>, or none). */
export const propertyPage = () => ({
  config: CONTROL ? undefined : CONFIG,
  load: CONTROL ? ('none' as const) : ('sync' as const),
  body: `<div id="root"></div><iframe id="control" hidden></iframe><script>${HARNESS}</script>` +
    // Without the module (harness self-check), mgt('swap') and mgt('restore') do nothing.
    (CONTROL ? '<script>window.mgt = function () {};</script>' : ''),
});

/** What a run of the harness saw, less what a control run cannot pass (see above). */
export const failuresOf = (r: { failures: string[] }): string[] =>
  CONTROL && CONTROL !== 'strict' ? r.failures.filter((f) => !f.includes('is left showing')) : r.failures;
