// @vitest-environment node
// The reference collector (SPEC 9) through real HTTP, as the module and the control panel use it:
// what it stores, what it refuses and why, CORS, the size limit, pools, restarts, simulated calls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
// @ts-expect-error plain ESM without types
import { start } from '../../demo/server.mjs';

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; json: any; text: string }

let demo: { url: string; port: number; close(): Promise<void> };
let dataDir: string;

/** A raw HTTP call (node:http, so the test chooses every header, Origin included). */
function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(demo.url + path, {
      method,
      headers: { ...(data !== undefined ? { 'content-type': 'text/plain;charset=UTF-8', 'content-length': String(Buffer.byteLength(data)) } : {}), ...headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: any;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode || 0, headers: res.headers, json, text });
      });
    });
    req.on('error', reject);
    if (data !== undefined) req.write(data);
    req.end();
  });
}

const now = () => Date.now();
const VISITOR = 'AbCdEfGhIjKlMnOp_-123456';
const visit = (extra: Record<string, unknown> = {}) => ({
  type: 'visit', mode: 'journey', cookieless: false, ts: now(), source: 'paid', condition: 'google-ads',
  landing: 'http://127.0.0.1/?gclid=abc', referrer: 'direct', tracking_ids: { gclid: 'abc' }, visitor: VISITOR, number: '+33970000010', ...extra,
});
const anonymousVisit = (extra: Record<string, unknown> = {}) => ({
  type: 'visit', mode: 'origin', cookieless: true, ts: now(), source: 'organic', condition: 'google-organic',
  landing: '/services', referrer: 'https://www.google.com', number: '+33970000020', ...extra,
});
const batch = (...events: unknown[]) => ({ v: 1, site: 'plomberie-martin', events });
const postEvents = (...events: unknown[]) => call('POST', '/events', batch(...events));

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mgt-collector-'));
  demo = await start({ port: 0, dataDir });
});
afterEach(async () => {
  await demo.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('POST /events accepts what SPEC 9 describes', () => {
  it('stores identified visit, journey pageview and call events, listed by GET /api/events', async () => {
    const r = await postEvents(
      visit(),
      { type: 'pageview', mode: 'journey', cookieless: false, ts: now(), url: 'http://127.0.0.1/services', title: 'Services', visitor: VISITOR, source: 'paid', condition: 'google-ads', number: '+33970000010' },
      { type: 'call', mode: 'journey', cookieless: false, ts: now(), number: '+33970000010', page: 'http://127.0.0.1/contact', visitor: VISITOR },
    );
    expect(r.status).toBe(202);
    expect(r.json).toEqual({ stored: 3 });
    const list = await call('GET', '/api/events?since=0');
    expect(list.json.events.map((e: any) => e.type)).toEqual(['visit', 'pageview', 'call']);
    expect(list.json.events[0]).toMatchObject({ id: 1, site: 'plomberie-martin', visitor: VISITOR, source: 'paid' });
    expect(list.json.last).toBe(3);
    const later = await call('GET', '/api/events?since=2');
    expect(later.json.events.map((e: any) => e.id)).toEqual([3]);
    expect((await call('GET', '/api/events?since=0&site=other')).json.events).toEqual([]);
  });

  it('stores cookieless events (path-only URLs, no identifiers) and traffic counters', async () => {
    const r = await postEvents(
      anonymousVisit(),
      { type: 'pageview', mode: 'traffic', cookieless: true, ts: now(), count: 2, source: 'organic', number: '+33970000020' },
      { type: 'call', mode: 'origin', cookieless: true, ts: now(), number: '+33970000020', page: '/contact' },
    );
    expect(r.status).toBe(202);
  });

  it('accepts application/json as well as the beacon text/plain', async () => {
    const r = await call('POST', '/events', batch(visit()), { 'content-type': 'application/json' });
    expect(r.status).toBe(202);
  });
});

describe('POST /events refuses malformed input with 400 and a reason naming the field', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not JSON', '{"v":1,', /not valid JSON/],
    ['an array body', [], /body: must be a JSON object/],
    ['a wrong version', { v: 2, site: 's', events: [visit()] }, /^v: must be 1/],
    ['events not an array', { v: 1, site: 's', events: {} }, /events: must be an array/],
    ['no events', { v: 1, site: 's', events: [] }, /events: must not be empty/],
    ['a site that is not a string', { v: 1, site: 5, events: [visit()] }, /site: must be a string/],
    ['an unknown batch field', { v: 1, site: 's', events: [visit()], extra: 1 }, /extra: unknown field/],
    ['an unknown event type', batch(visit({ type: 'click' })), /events\[0\]\.type: unknown event type "click"/],
    ['a non-collecting mode', batch(visit({ mode: 'rotation' })), /events\[0\]\.mode/],
    ['cookieless as a string', batch(visit({ cookieless: 'no' })), /events\[0\]\.cookieless: must be a boolean/],
    ['ts as a string', batch(visit({ ts: '2024-01-01' })), /events\[0\]\.ts/],
    ['a visit without landing', batch({ ...visit(), landing: undefined }), /events\[0\]\.landing: required/],
    ['a visit without source', batch({ ...visit(), source: undefined }), /events\[0\]\.source: required/],
    ['an unknown source', batch(visit({ source: 'tv' })), /events\[0\]\.source: must be one of/],
    ['a referrer that is not an origin', batch(visit({ referrer: 'https://www.google.com/search?q=x' })), /referrer: must be an origin/],
    ['an identified event without visitor', batch({ ...visit(), visitor: undefined }), /events\[0\]\.visitor: required/],
    ['a visitor id that is too short', batch(visit({ visitor: 'abc' })), /events\[0\]\.visitor/],
    ['a visitor in a cookieless event', batch(anonymousVisit({ visitor: VISITOR })), /events\[0\]\.visitor: not allowed in a cookieless event/],
    ['tracking IDs in a cookieless event', batch(anonymousVisit({ tracking_ids: { gclid: 'x' } })), /tracking_ids: not allowed in a cookieless event/],
    ['a title in a cookieless pageview', batch({ type: 'pageview', mode: 'journey', cookieless: true, ts: now(), url: '/a', title: 'A' }), /title: not allowed in a cookieless event/],
    ['a query string in a cookieless URL', batch(anonymousVisit({ landing: '/?gclid=abc' })), /landing: must be a path only/],
    ['a full URL in a cookieless event', batch(anonymousVisit({ landing: 'http://127.0.0.1/' })), /landing: must be a path only/],
    ['a fragment in a URL', batch(visit({ landing: 'http://127.0.0.1/#top' })), /landing: must not contain a fragment/],
    ['a javascript: URL', batch(visit({ landing: 'javascript:alert(1)' })), /landing: must be an http\(s\) URL/],
    ['a string over 2,000 characters', batch(visit({ landing: 'http://127.0.0.1/' + 'a'.repeat(2000) })), /landing: longer than 2000/],
    ['a tracking ID over 200 characters', batch(visit({ tracking_ids: { gclid: 'x'.repeat(201) } })), /tracking_ids\.gclid: longer than 200/],
    ['a number that is not E.164', batch(visit({ number: '09 70 00 00 01' })), /number: must be an E\.164 number/],
    ['a call without number', batch({ type: 'call', mode: 'origin', cookieless: true, ts: now(), page: '/contact' }), /number: required in a call/],
    ['a call without page', batch({ type: 'call', mode: 'origin', cookieless: true, ts: now(), number: '+33970000001' }), /page: required in a call/],
    ['a traffic pageview without count', batch({ type: 'pageview', mode: 'traffic', cookieless: true, ts: now() }), /count: required/],
    ['a journey pageview without url', batch({ type: 'pageview', mode: 'journey', cookieless: true, ts: now() }), /url: required/],
    ['a pageview in origin mode', batch({ type: 'pageview', mode: 'origin', cookieless: true, ts: now(), count: 1 }), /origin mode sends no pageview/],
    ['an unknown event field', batch(visit({ email: 'a@b.c' })), /events\[0\]\.email: unknown field/],
  ];
  for (const [what, body, reason] of cases) {
    it(`refuses ${what}`, async () => {
      const r = await call('POST', '/events', body);
      expect(r.status).toBe(400);
      expect(r.json.error).toMatch(reason);
    });
  }

  it('stores nothing from a batch with one bad event', async () => {
    await postEvents(visit(), visit({ type: 'bogus' }));
    expect((await call('GET', '/api/events')).json.events).toEqual([]);
  });

  it('answers 415 to another content type and 405 to GET /events', async () => {
    expect((await call('POST', '/events', batch(visit()), { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await call('GET', '/events')).status).toBe(405);
  });
});

describe('size limit', () => {
  it('answers 413 to a body over 64 KB, and accepts one just under', async () => {
    const big = batch(...Array.from({ length: 40 }, () => visit({ landing: 'http://127.0.0.1/' + 'a'.repeat(1900) })));
    expect(JSON.stringify(big).length).toBeGreaterThan(64 * 1024);
    const r = await call('POST', '/events', big);
    expect(r.status).toBe(413);
    expect(r.json.error).toMatch(/larger than 65536/);
    const fits = batch(...Array.from({ length: 30 }, () => visit({ landing: 'http://127.0.0.1/' + 'a'.repeat(1900) })));
    expect(JSON.stringify(fits).length).toBeLessThan(64 * 1024);
    expect((await call('POST', '/events', fits)).status).toBe(202);
  });
});

describe('CORS', () => {
  it('answers the preflight of the demo origin', async () => {
    const origin = `http://localhost:${demo.port}`;
    const r = await call('OPTIONS', '/lease', undefined, { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' });
    expect(r.status).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe(origin);
    expect(r.headers['access-control-allow-methods']).toContain('POST');
    expect(r.headers['access-control-allow-headers']).toContain('content-type');
  });

  it('echoes an allowed origin on POST, and refuses another origin', async () => {
    const ok = await call('POST', '/events', batch(visit()), { origin: demo.url });
    expect(ok.status).toBe(202);
    expect(ok.headers['access-control-allow-origin']).toBe(demo.url);
    const foreign = await call('POST', '/events', batch(visit()), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await call('OPTIONS', '/events', undefined, { origin: 'https://evil.example', 'access-control-request-method': 'POST' });
    expect(pre.status).toBe(403);
    expect((await call('GET', '/api/events')).json.events).toHaveLength(1);
  });
});

describe('pools (POST /lease)', () => {
  const lease = (visitor?: string, extra: Record<string, unknown> = {}) => call('POST', '/lease', {
    site: 'plomberie-martin', pool: 'ads', ...(visitor ? { visitor } : {}), source: 'paid', condition: 'google-ads', numbers: ['01 23 45 67 89'], ...extra,
  });
  const visitorN = (n: number) => `visitor${n}`.padEnd(20, 'x');

  it('holds one number per visitor, renews it for the same visitor, and says when the pool is exhausted', async () => {
    const first = await lease(visitorN(1));
    expect(first.status).toBe(200);
    expect(first.json.ttl).toBe(1800);
    const numbers = [first.json.numbers['01 23 45 67 89']];
    for (const n of [2, 3]) numbers.push((await lease(visitorN(n))).json.numbers['01 23 45 67 89']);
    expect(new Set(numbers).size).toBe(3);
    expect(numbers.every((n) => /^\+33970000\d{3}$/.test(n))).toBe(true);

    const again = await lease(visitorN(1));
    expect(again.json.numbers['01 23 45 67 89']).toBe(numbers[0]);

    // Exhausted: an answer that is no lease (mgt shows the condition's numbers), not a failed request
    // that the browser would log in the console of every later Ads visitor.
    const fourth = await lease(visitorN(4));
    expect(fourth.status).toBe(200);
    expect(fourth.json).toEqual({ numbers: {}, error: 'pool exhausted' });
    const anonymous = await lease(undefined);
    expect(anonymous.json).toEqual({ numbers: {}, error: 'pool exhausted' });

    const status = await call('GET', `/api/pools?visitor=${visitorN(2)}`);
    expect(status.json.ads).toMatchObject({ size: 3, ttl: 1800, held: 3, yours: [numbers[1]] });
    expect(status.json.ads.next_free).toBeGreaterThan(now() + 1_700_000);
  });

  it('refuses bad lease requests and unknown pools', async () => {
    expect((await lease(visitorN(1), { pool: 'nope' })).status).toBe(404);
    for (const extra of [{ numbers: [] }, { numbers: ['hello'] }, { source: 'tv' }, { condition: 5 }, { visitor: 'x' }, { extra: true }]) {
      const r = await lease(visitorN(1), extra);
      expect(r.status, JSON.stringify(extra)).toBe(400);
      expect(r.json.error).toBeTruthy();
    }
  });

  it('frees a number when its hold expires', async () => {
    // @ts-expect-error plain ESM without types
    const { createPools } = await import('../../demo/collector/pools.mjs');
    const leases: any[] = [];
    const pools = createPools({ p: { ttl: 60, numbers: ['+33970000101'] } }, { leases, addLeases: (rows: any[]) => leases.push(...rows) });
    const req = (visitor: string) => ({ site: '', pool: 'p', visitor, source: 'paid', condition: 'c', numbers: ['01 23 45 67 89'] });
    const t0 = 1_700_000_000_000;
    expect(pools.lease(req('a'.repeat(16)), t0).numbers['01 23 45 67 89']).toBe('+33970000101');
    expect(() => pools.lease(req('b'.repeat(16)), t0 + 59_000)).toThrow('pool exhausted');
    pools.lease(req('a'.repeat(16)), t0 + 59_000); // renewal extends the hold
    expect(() => pools.lease(req('b'.repeat(16)), t0 + 100_000)).toThrow('pool exhausted');
    expect(pools.lease(req('b'.repeat(16)), t0 + 120_000).numbers['01 23 45 67 89']).toBe('+33970000101');
  });
});

describe('restart', () => {
  it('keeps events and pool holds across a restart of the server', async () => {
    await postEvents(visit(), anonymousVisit());
    const held = (await call('POST', '/lease', { pool: 'ads', visitor: VISITOR, source: 'paid', condition: 'google-ads', numbers: ['01 23 45 67 89'] })).json.numbers['01 23 45 67 89'];
    await demo.close();
    demo = await start({ port: 0, dataDir });
    const list = await call('GET', '/api/events');
    expect(list.json.events).toHaveLength(2);
    const again = await call('POST', '/lease', { pool: 'ads', visitor: VISITOR, source: 'paid', condition: 'google-ads', numbers: ['01 23 45 67 89'] });
    expect(again.json.numbers['01 23 45 67 89']).toBe(held);
    await postEvents(visit());
    expect((await call('GET', '/api/events')).json.events.map((e: any) => e.id)).toEqual([1, 2, 3]);
  });
});

describe('POST /api/simulate-call', () => {
  it('names the visitor holding a leased number, with their latest visit', async () => {
    const held = (await call('POST', '/lease', { pool: 'ads', visitor: VISITOR, source: 'paid', condition: 'google-ads', numbers: ['01 23 45 67 89'] })).json.numbers['01 23 45 67 89'];
    await postEvents(visit({ number: held, landing: 'http://127.0.0.1/services?gclid=abc' }));
    const r = await call('POST', '/api/simulate-call', { number: held.replace('+33', '0') }, { 'content-type': 'application/json' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ number: held, attribution: 'visitor', visitor: { id: VISITOR, via: 'lease', visit: { source: 'paid', landing: 'http://127.0.0.1/services?gclid=abc', tracking_ids: { gclid: 'abc' } } } });
  });

  it('names the latest identified visitor shown a number, with the pages seen since', async () => {
    await postEvents(
      visit({ number: '+33970000020', source: 'organic', condition: 'google-organic', visitor: 'OTHER_visitor_0000001' }),
      visit({ number: '+33970000020', source: 'organic', condition: 'google-organic' }),
      { type: 'pageview', mode: 'journey', cookieless: false, ts: now(), url: 'http://127.0.0.1/contact', title: 'Contact', visitor: VISITOR, number: '+33970000020' },
    );
    const r = await call('POST', '/api/simulate-call', { number: '09 70 00 00 20' });
    expect(r.json).toMatchObject({ attribution: 'visitor', visitor: { id: VISITOR, via: 'event', visit: { source: 'organic' }, pages: ['http://127.0.0.1/contact'] } });
  });

  it('answers about the visitor who calls, never about another visitor shown the same number', async () => {
    await postEvents(visit({ number: '+33970000020', source: 'organic', condition: 'google-organic', visitor: 'OTHER_visitor_0000001' }));
    const other = await call('POST', '/api/simulate-call', { number: '09 70 00 00 20', visitor: VISITOR });
    expect(other.json).toMatchObject({ attribution: 'none' });
    expect(other.json.visitor).toBeUndefined();
    const cookieless = await call('POST', '/api/simulate-call', { number: '09 70 00 00 20', visitor: '' });
    expect(cookieless.json.visitor).toBeUndefined();

    await postEvents(visit({ number: '+33970000020', source: 'organic', condition: 'google-organic' }));
    const mine = await call('POST', '/api/simulate-call', { number: '09 70 00 00 20', visitor: VISITOR });
    expect(mine.json).toMatchObject({ attribution: 'visitor', visitor: { id: VISITOR, via: 'event', visit: { source: 'organic' } } });
  });

  it('gives the sources in proportion for a number shown to cookieless visitors', async () => {
    await postEvents(
      anonymousVisit({ number: '+33970000001', source: 'direct', referrer: 'direct', condition: null }),
      anonymousVisit({ number: '+33970000001', source: 'direct', referrer: 'direct', condition: null }),
      anonymousVisit({ number: '+33970000001', source: 'referral', referrer: 'https://annuaire.example', condition: null }),
      anonymousVisit({ number: '+33970000001', source: 'direct', referrer: 'direct', condition: null }),
      anonymousVisit({ number: '+33970000099' }),
    );
    const r = await call('POST', '/api/simulate-call', { number: '+33 9 70 00 00 01' });
    expect(r.json.attribution).toBe('statistical');
    expect(r.json.visitor).toBeUndefined();
    expect(r.json.statistical).toEqual({ window: 1800, events: 4, sources: [{ source: 'direct', events: 3, share: 0.75 }, { source: 'referral', events: 1, share: 0.25 }] });
  });

  it('says none for a number nobody was shown, and 400 for something that is not a number', async () => {
    expect((await call('POST', '/api/simulate-call', { number: '09 70 00 00 77' })).json).toMatchObject({ attribution: 'none', statistical: { events: 0 } });
    expect((await call('POST', '/api/simulate-call', { number: 'call me' })).status).toBe(400);
    expect((await call('POST', '/api/simulate-call', {})).status).toBe(400);
  });
});

describe('phone normalisation', () => {
  it('reads the usual French forms as E.164', async () => {
    // @ts-expect-error plain ESM without types
    const { toE164 } = await import('../../demo/collector/phone.mjs');
    for (const f of ['01 23 45 67 89', '01.23.45.67.89', '0123456789', '+33 1 23 45 67 89', '+33 (0)1 23 45 67 89', '0033 1 23 45 67 89', '+33123456789']) {
      expect(toE164(f), f).toBe('+33123456789');
    }
    for (const bad of ['', '12345', '+33 0 12 34 56 78', 'abc', '01 23 45 67 8']) expect(toE164(bad), bad).toBe('');
  });
});
