// Seeds, run counts and failure reports shared by the property specs.
//
//   MGT_PROPERTY_SEED=123            the seed (default: fixed in CI and plain runs; random with LONG)
//   MGT_PROPERTY_PATH=4:1:0          replay one shrunk counterexample (with its seed)
//   MGT_PROPERTY_RUNS=2000           runs per property (default: the spec's CI size)
//   MGT_PROPERTY_LONG=1              the long randomised run (npm run test:property:long)
//   MGT_PROPERTY_OPS=splitText,move  only these mutations (swap-engine spec)
//   MGT_PROPERTY_VERBOSE=1           print every input and what was seen
import fc from 'fast-check';
import { test } from '@playwright/test';
import { relative } from 'node:path';

export const LONG = !!process.env.MGT_PROPERTY_LONG;
/** The seed of CI runs: any fixed number; changing it changes which inputs CI tries. */
export const CI_SEED = 20261205;

export function settings(ciRuns: number, longRuns: number): { seed: number; path?: string; numRuns: number } {
  const env = process.env;
  const seed = env.MGT_PROPERTY_SEED ? Number(env.MGT_PROPERTY_SEED) : LONG ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : CI_SEED;
  const numRuns = env.MGT_PROPERTY_RUNS ? Number(env.MGT_PROPERTY_RUNS) : LONG ? longRuns : ciRuns;
  // A long run's random seed is printed, so that a run that passed can be recorded and repeated.
  if (LONG) console.log(`${test.info().title.slice(0, 60)}: seed ${seed}, ${numRuns} runs`);
  return { seed, path: env.MGT_PROPERTY_PATH || undefined, numRuns };
}

/**
 * Runs `prop` and, on failure, throws a report: the seed and path to replay it, the shrunk input,
 * and what the property saw on it (`explain`, run again on the shrunk input).
 */
export async function check<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  prop: (v: T) => Promise<string[]>,
  opts: { seed: number; path?: string; numRuns: number },
  show: (v: T) => string = (v) => JSON.stringify(v, null, 1),
): Promise<void> {
  const verbose = !!process.env.MGT_PROPERTY_VERBOSE;
  const property = fc.asyncProperty(arb, async (v) => {
    const seen = await prop(v);
    if (verbose) console.log(`${name}: ${show(v).slice(0, 400)}\n  → ${seen.join('\n  → ') || 'ok'}`);
    return seen.length === 0;
  });
  const details = await fc.check(property, { seed: opts.seed, path: opts.path, numRuns: opts.numRuns, endOnFailure: !!opts.path });
  if (details.failed && details.counterexample) {
    const input = details.counterexample[0];
    const seen = await prop(input);
    const info = test.info();
    const replay = `MGT_PROPERTY_SEED=${details.seed} MGT_PROPERTY_PATH=${details.counterexamplePath} npx playwright test ${relative(process.cwd(), info.file)} --workers=1 -g ${JSON.stringify(info.title.slice(0, 40))}`;
    throw new Error(
      `${name}: property failed after ${details.numRuns} run(s), shrunk ${details.numShrinks} time(s).\n` +
        `Replay: ${replay}\n` +
        `What the visitor saw:\n  ${(seen.length ? seen : ['(did not fail again: ' + String(details.errorInstance) + ')']).join('\n  ')}\n` +
        `Shrunk input:\n${show(input)}`,
    );
  }
  if (details.failed) throw new Error(`${name}: ${String(details.errorInstance)} (seed ${details.seed})`);
}
