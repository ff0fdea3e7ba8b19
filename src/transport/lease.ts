// Pool leases (SPEC 9.3): ask the collector for visitor-level numbers, wait at most `timeout` ms.

export interface Lease {
  numbers: Record<string, string>;
  /** Seconds the numbers are held for this visitor. */
  ttl: number;
}

/** Resolves to the lease, or undefined on timeout, network error, or an answer that is not a lease. */
export function lease(endpoint: string, body: Record<string, unknown>, timeout: number): Promise<Lease | undefined> {
  return new Promise((resolve) => {
    let ctrl: AbortController | undefined;
    const timer = setTimeout(() => {
      resolve(undefined);
      ctrl && ctrl.abort();
    }, timeout);
    try {
      ctrl = new AbortController();
      fetch(`${endpoint}/lease`, {
        method: 'POST',
        // text/plain keeps this a simple CORS request: no preflight, one round trip.
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(body),
        credentials: 'omit',
        signal: ctrl.signal,
      })
        .then((r) => (r.ok ? r.json() : undefined))
        .then((j) => {
          const ok = j && typeof j.numbers === 'object' && j.numbers && typeof j.ttl === 'number' && j.ttl > 0;
          resolve(ok ? { numbers: j.numbers, ttl: Math.min(j.ttl, 86400) } : undefined);
        })
        .catch(() => resolve(undefined))
        .then(() => clearTimeout(timer));
    } catch {
      clearTimeout(timer);
      resolve(undefined);
    }
  });
}
