// The reference collector (SPEC 9): the endpoint a site's `config.endpoint` points at. It
// validates strictly, stores in append-only files that survive a restart, leases pool numbers,
// and offers two routes for the demo's control panel: the events received and a simulated call.
//
//   POST /events              { v: 1, site, events: [...] }      -> 202 { stored }
//   POST /lease               { site, pool, visitor?, source, condition, numbers }
//                                                                 -> 200 { numbers, ttl } | 200 { numbers: {}, error: 'pool exhausted' }
//   GET  /api/events?since=ID                                     -> 200 { events, last }
//   GET  /api/pools?visitor=ID                                    -> 200 { [pool]: { size, ttl, held, next_free, yours } }
//   POST /api/simulate-call   { number, visitor? }                -> 200 { number, attribution, visitor?, statistical }
import { createStore } from './store.mjs';
import { createPools, PoolError } from './pools.mjs';
import { simulateCall } from './attribute.mjs';
import { validateBatch, validateLease } from './validate.mjs';

/** A beacon batch is small; anything bigger is a bug or an abuse (SPEC 11: hostile input). */
export const MAX_BODY = 64 * 1024;
const ROUTES = { '/events': 'POST', '/lease': 'POST', '/api/events': 'GET', '/api/pools': 'GET', '/api/simulate-call': 'POST' };

class HttpError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

/** The body as text; 413 past `MAX_BODY` (read to the end first, so the client sees the answer). */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let size = 0;
    let over = declared > MAX_BODY;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) over = true;
      if (!over) chunks.push(c);
      if (size > 16 * MAX_BODY) req.destroy(); // a client that keeps going is not waiting for an answer
    });
    req.on('end', () => (over ? reject(new HttpError(413, `body larger than ${MAX_BODY} bytes`)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

async function readJson(req) {
  // sendBeacon sends text/plain (no preflight); fetch callers may send application/json.
  const type = String(req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
  if (type !== 'text/plain' && type !== 'application/json') {
    await readBody(req).catch(() => {});
    throw new HttpError(415, 'content-type must be text/plain or application/json');
  }
  const text = await readBody(req);
  try { return JSON.parse(text); } catch { throw new HttpError(400, 'body: not valid JSON'); }
}

function send(res, status, body, headers) {
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

/**
 * @param opts.dataDir        folder of the append-only files
 * @param opts.pools          pool definitions (demo/pools.json)
 * @param opts.allowOrigin    (origin) => boolean: the sites allowed to call from a browser
 */
export function createCollector({ dataDir, pools, allowOrigin }) {
  const store = createStore(dataDir);
  const poolApi = createPools(pools, store);

  /** Handles the request when it is a collector route; returns false to let the caller serve it. */
  async function handle(req, res, url) {
    const method = ROUTES[url.pathname];
    if (!method) return false;
    const origin = req.headers.origin;
    const cors = {};
    if (origin) {
      if (!allowOrigin(origin)) { send(res, 403, { error: 'origin not allowed' }); req.resume(); return true; }
      Object.assign(cors, { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' });
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': `${method}, OPTIONS`, 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' });
      res.end();
      return true;
    }
    try {
      if (req.method !== method) { req.resume(); throw new HttpError(405, `use ${method}`); }
      send(res, ...(await route(url, req)), cors);
    } catch (err) {
      if (!(err instanceof HttpError || err instanceof PoolError)) throw err;
      send(res, err.status, { error: err.message }, cors);
    }
    return true;
  }

  async function route(url, req) {
    if (url.pathname === '/api/events') {
      const since = Number(url.searchParams.get('since') || 0);
      if (!Number.isInteger(since) || since < 0) throw new HttpError(400, 'since: must be an event id');
      const site = url.searchParams.get('site');
      const events = store.eventsSince(since).filter((e) => site === null || e.site === site);
      return [200, { events, last: store.events.length ? store.events[store.events.length - 1].id : 0 }];
    }
    if (url.pathname === '/api/pools') return [200, poolApi.status(url.searchParams.get('visitor'))];
    const body = await readJson(req);
    if (url.pathname === '/events') {
      const batch = validateBatch(body);
      if (batch.error) throw new HttpError(400, batch.error);
      return [202, { stored: store.addEvents(batch.site, batch.events).length }];
    }
    if (url.pathname === '/lease') {
      const lease = validateLease(body);
      if (lease.error) throw new HttpError(400, lease.error);
      try {
        return [200, poolApi.lease(lease)];
      } catch (err) {
        if (err instanceof PoolError && err.status === 409) return [200, { numbers: {}, error: err.message }];
        throw err;
      }
    }
    const answer = simulateCall(body && body.number, store, poolApi, Date.now(), body && typeof body.visitor === 'string' ? body.visitor : undefined);
    if (answer.error) throw new HttpError(400, answer.error);
    return [200, answer];
  }

  return { handle, store, pools: poolApi };
}
