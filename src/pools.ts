// Pools (SPEC 9.3): numbers leased per visitor from `${endpoint}/lease`, and their renewal while
// the page is visible. Only the newest request counts: an answer to an older one is ignored.
import { usableNumber, type Numbers, type Settings } from './settings';
import type { Consent } from './consent/state';
import type { Visit } from './decide';
import { lease } from './transport/lease';

export interface Pools {
  /** Leases numbers; `fallback` is what shows on timeout, error or an invalid answer. */
  _lease(fallback: Numbers): void;
  /** Renews the lease 30 s before `until` (at the earliest in 1 s), once the page is visible; `numbers` (shown now) are the fallback. */
  _renew(until: number, numbers: Numbers): void;
  /** No renewal, and any answer still coming is ignored (withdrawal). */
  _stop(): void;
}

/**
 * `visit()`: the decision of the moment, whose condition's pool is leased while `consent` is
 * persistent; `answered` shows `numbers`: the fallback with the valid leased numbers `got` over it
 * (`until` is 0 when nothing was leased).
 */
export function createPools(s: Settings, doc: Document, consent: Consent, visit: () => Visit, answered: (numbers: Numbers, got: Numbers, until: number) => void): Pools {
  let latest = 0;
  let renewal: ReturnType<typeof setTimeout> | undefined;
  const pools: Pools = {
    _lease(fallback) {
      const v = visit();
      if (!consent._alive() || !v._pool) return;
      const body = { pool: v._pool, visitor: consent._visitor, source: v._kept.source, condition: v._id, numbers: v._wanted };
      const id = ++latest;
      lease(s._endpoint, { site: s._site, ...body }, s._leaseTimeout).then((answer) => {
        if (id != latest) return;
        const got: Numbers = {};
        if (answer) for (const o of body.numbers) if (usableNumber(s, answer.numbers[o])) got[o] = answer.numbers[o] as string;
        const until = answer && Object.keys(got).length ? Date.now() + answer.ttl * 1000 : 0;
        const numbers = { ...fallback, ...got };
        answered(numbers, got, until);
        if (until) pools._renew(until, numbers);
      });
    },
    _renew(until, numbers) {
      clearTimeout(renewal);
      renewal = setTimeout(function renew() {
        if (doc.visibilityState == 'hidden') doc.addEventListener('visibilitychange', renew, { once: true });
        else pools._lease(numbers);
      }, Math.max(1000, until - Date.now() - 30000));
    },
    _stop() {
      clearTimeout(renewal);
      latest++;
    },
  };
  return pools;
}
