// Pool leases (SPEC 9.3): ask the collector for visitor-level numbers, wait at most `timeout` ms.
import { post } from './post';

export interface Lease {
  numbers: Record<string, unknown>;
  /** Seconds the numbers are held for this visitor, at most a day. */
  ttl: number;
}

/**
 * Resolves to the lease, or undefined on timeout, network error, or an answer that is not a lease
 * (the numbers in it are checked by the caller). Never rejects. A late answer is ignored; the
 * request is not aborted, since the collector has received it anyway.
 */
export const lease = (endpoint: string, body: Record<string, unknown>, timeout: number): Promise<Lease | undefined> =>
  new Promise<Lease | undefined>((resolve) => {
    const timer = setTimeout(resolve, timeout);
    post(endpoint + '/lease', JSON.stringify(body))
      .then((r) => r && r.ok && r.json())
      // Each number in it is checked by the caller (usableNumber): numbers only needs to be there.
      .then((j) => (j && j.numbers && typeof j.ttl == 'number' && j.ttl > 0 ? { numbers: j.numbers, ttl: Math.min(j.ttl, 86400) } : undefined), () => undefined)
      .then((answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
  });
