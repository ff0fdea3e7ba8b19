// Pool allocation (SPEC 9.3, G3): each tracked number of a pool is held by one visitor at a time
// for the pool's TTL, so a call on it points at exactly one visitor. The same visitor renewing
// keeps its number and extends the hold; when every number is held, the pool says so (409)
// rather than hand out a number someone else may call back from, which would misattribute calls.
import { toE164 } from './phone.mjs';

export class PoolError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

/**
 * @param pools  `{ [name]: { ttl?: seconds, numbers: string[] } }` (the demo's pools.json)
 * @param store  the collector store (its `leases` are the holds, replayed after a restart)
 */
export function createPools(pools, store) {
  const config = {};
  for (const [name, p] of Object.entries(pools || {})) {
    const numbers = (p.numbers || []).map((n) => toE164(n));
    if (!numbers.length || numbers.some((n) => !n)) throw new Error(`pools.json: pool ${name} needs valid numbers`);
    config[name] = { ttl: p.ttl || 1800, numbers };
  }

  /** The current hold of each number of `pool`: the latest grant, whether expired or not. */
  function holds(pool) {
    const latest = new Map();
    for (const l of store.leases) if (l.pool === pool) latest.set(l.number, l);
    return latest;
  }

  return {
    names: () => Object.keys(config),
    /** The unexpired hold on `number` (E.164) in any pool, or undefined. */
    holder(number, now = Date.now()) {
      for (const name of Object.keys(config)) {
        const hold = holds(name).get(number);
        if (hold && hold.expires > now) return hold;
      }
      return undefined;
    },
    /** Grants (or renews) one tracked number per original, all or nothing. */
    lease(req, now = Date.now()) {
      const pool = config[req.pool];
      if (!pool) throw new PoolError(404, `unknown pool ${req.pool}`);
      const current = holds(req.pool);
      const active = (n) => { const h = current.get(n); return h && h.expires > now ? h : undefined; };
      const mine = (original) => req.visitor && pool.numbers.find((n) => {
        const h = active(n);
        return h && h.visitor === req.visitor && h.original === toE164(original);
      });
      const taken = new Set();
      const picks = [];
      for (const original of req.numbers) {
        let number = mine(original);
        if (!number) number = pool.numbers.find((n) => !active(n) && !taken.has(n));
        if (!number) throw new PoolError(409, 'pool exhausted');
        taken.add(number);
        picks.push({ original, number });
      }
      const expires = now + pool.ttl * 1000;
      store.addLeases(picks.map(({ original, number }) => ({
        at: now, pool: req.pool, number, original: toE164(original), visitor: req.visitor || null,
        expires, site: req.site, source: req.source, condition: req.condition,
      })));
      return { numbers: Object.fromEntries(picks.map((p) => [p.original, p.number])), ttl: pool.ttl };
    },
  };
}
