// Pool allocation (SPEC 9.3, G3): each tracked number of a pool is held by one visitor at a time
// for the pool's TTL, so a call on it points at exactly one visitor. The same visitor renewing
// keeps its number and extends the hold; when every number is held, the pool says so rather than
// hand out a number someone else may call back from, which would misattribute calls. That answer
// is a 200 without a lease (`{ numbers: {}, error: 'pool exhausted' }`): mgt treats an answer that
// is no lease like an error (SPEC 9.3, the condition's numbers), and the browser logs no failed request.
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
    /** Each pool's size, how many numbers are held now, when the next frees up, and `visitor`'s own holds. */
    status(visitor, now = Date.now()) {
      const out = {};
      for (const [name, pool] of Object.entries(config)) {
        const current = holds(name);
        const active = pool.numbers.map((n) => current.get(n)).filter((h) => h && h.expires > now);
        out[name] = {
          size: pool.numbers.length,
          ttl: pool.ttl,
          held: active.length,
          next_free: active.length < pool.numbers.length ? now : Math.min(...active.map((h) => h.expires)),
          yours: active.filter((h) => visitor && h.visitor === visitor).map((h) => h.number),
        };
      }
      return out;
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
