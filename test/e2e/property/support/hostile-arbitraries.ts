// fast-check generators for the hostile-input properties: configs (anything, Proxies, cycles,
// __proto__ keys, getters that throw, values that change between reads, huge), tampered
// mgt_session / mgt_visitor values, endpoint faults, and Object.prototype pollution.
//
// A hostile value cannot cross from Node into the page as it is (Proxies, getters, cycles), so it
// is generated as a recipe (plain JSON, `Enc`) that `decodeInPage` turns into the live value.
import fc from 'fast-check';

export const ORIGINAL = '05 56 00 11 22';
export const TRACKED = '09 70 00 00 03';

/** A value recipe. */
export type Enc =
  | { j: unknown } // a JSON value
  | { u: 1 } // undefined
  | { num: string } // NaN, Infinity, -Infinity, -0
  | { big: string }
  | { date: number }
  | { fn: 1 }
  | { sym: 1 }
  | { cycle: 1 } // the whole config
  | { arr: Enc[]; holes?: number[] }
  | { obj: Entry[]; nullProto?: boolean }
  | { proxy: Enc; trap: 'throw' | 'lie' | 'keys' };
/** [key, value, how it is read: plainly, by a getter that throws, or one that changes after the first read]. */
export type Entry = [string, Enc] | [string, Enc, 'throw'] | [string, Enc, 'flip', Enc];

/** Encodes a value fast-check produced (undefined, NaN, -0, bigint, null prototypes, holes…). */
export function enc(v: unknown, depth = 0): Enc {
  if (v === undefined) return { u: 1 };
  if (typeof v === 'number') return Number.isNaN(v) || !Number.isFinite(v) || Object.is(v, -0) ? { num: Object.is(v, -0) ? '-0' : String(v) } : { j: v };
  if (typeof v === 'bigint') return { big: String(v) };
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return { j: v };
  if (typeof v === 'function') return { fn: 1 };
  if (typeof v === 'symbol') return { sym: 1 };
  if (v instanceof Date) return { date: v.getTime() };
  if (depth > 6) return { j: null };
  if (Array.isArray(v)) {
    const holes: number[] = [];
    const arr = Array.from({ length: v.length }, (_, i) => (i in v ? enc(v[i], depth + 1) : (holes.push(i), { u: 1 } as Enc)));
    return holes.length ? { arr, holes } : { arr };
  }
  const o = v as Record<string, unknown>;
  return { obj: Object.keys(o).map((k) => [k, enc(o[k], depth + 1)] as Entry), ...(Object.getPrototypeOf(o) === null ? { nullProto: true } : {}) };
}

const KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'mode', 'numbers', 'length', '0', ''];
export const anythingEnc: fc.Arbitrary<Enc> = fc
  .anything({
    key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...KEYS)),
    maxDepth: 3,
    maxKeys: 5,
    withBigInt: true,
    withDate: true,
    withNullPrototype: true,
    withSparseArray: true,
    withBoxedValues: false,
  })
  .map((v) => enc(v));

const j = (v: unknown): Enc => ({ j: v });
const phones = fc.constantFrom('09 70 00 00 03', '+33 9 70 00 00 04', '0970000005', '09.70.00.00.06');
const badPhones = fc.constantFrom('00 00 00 00 00', '<img src=x onerror=window.__xss=1>', ORIGINAL, '', '09 70 00 00 0', '+999 1', 'javascript:alert(1)');
const numbersEnc = fc.oneof(
  fc.tuple(phones).map(([t]) => ({ obj: [[ORIGINAL, j(t)]] }) as Enc),
  fc.tuple(fc.oneof(phones, badPhones)).map(([t]) => ({ obj: [[ORIGINAL, j(t)]] }) as Enc),
  fc.tuple(phones, phones).map(([a, b]) => ({ obj: [[ORIGINAL, j(a)], ['01 23 45 67 89', j(b)]] }) as Enc),
);
export const VALID: Record<string, fc.Arbitrary<Enc>> = {
  mode: fc.constantFrom('invisible', 'rotation', 'origin', 'traffic', 'journey').map(j),
  numbers: numbersEnc,
  country: fc.constantFrom('FR', 'fr').map(j),
  ignore: fc.constantFrom('.no-swap', 'aside', '[data-x]').map(j),
  cookie: fc.constantFrom({ days: 30 }, { days: 395 }, {}).map(j),
  consent: fc.constantFrom({ required: false }, { cmp: 'none' }, { gpc: false }, {}).map(j),
  debug: fc.boolean().map(j),
  spa: fc.boolean().map(j),
  probabilistic: fc.constantFrom('fallback', 'always', 'off').map(j),
  conditions: fc.constantFrom([], [{ id: 'a', source: 'direct', numbers: { [ORIGINAL]: '09 70 00 00 07' } }]).map(j),
};

/** One field: valid, anything, or a hostile shape around a valid value. */
const field = (valid: fc.Arbitrary<Enc>): fc.Arbitrary<Enc> =>
  fc.oneof(
    { weight: 6, arbitrary: valid },
    { weight: 2, arbitrary: anythingEnc },
    { weight: 1, arbitrary: valid.map((v) => ({ proxy: v, trap: 'lie' }) as Enc) },
    { weight: 1, arbitrary: fc.constantFrom<Enc>({ cycle: 1 }, { proxy: { obj: [] }, trap: 'throw' }, { proxy: { obj: [] }, trap: 'keys' }) },
  );

/** How one entry of the config is read. */
const entry = (key: string, valid: fc.Arbitrary<Enc>): fc.Arbitrary<Entry> =>
  fc.oneof(
    { weight: 8, arbitrary: field(valid).map((v) => [key, v] as Entry) },
    { weight: 1, arbitrary: valid.map((v) => [key, v, 'throw'] as Entry) },
    { weight: 1, arbitrary: fc.tuple(valid, anythingEnc).map(([a, b]) => [key, a, 'flip', b] as Entry) },
  );

const huge = fc.integer({ min: 50, max: 800 }).map((n): Enc => ({
  obj: Array.from({ length: n }, (_, i) => [`01 ${String(10 + (i % 90))} ${String(10 + ((i / 90) | 0)).padStart(2, '0')} 00 00`, j(`09 71 ${String(10 + (i % 90))} ${String(10 + ((i / 90) | 0)).padStart(2, '0')} 00`)] as Entry)
    .concat([[ORIGINAL, j(TRACKED)]]),
}));

/** A whole config recipe; `endpoint` is the test server's collector. */
export const configEnc = (endpoint: string): fc.Arbitrary<Enc> => {
  const valid: Record<string, fc.Arbitrary<Enc>> = { ...VALID, endpoint: fc.constantFrom(endpoint, endpoint + '/').map(j) };
  return fc
  .tuple(
    fc.subarray(Object.keys(valid)).chain((keys) => fc.tuple(...(keys.map((k) => entry(k, valid[k])) as [fc.Arbitrary<Entry>]))),
    fc.option(fc.constantFrom<Entry>(['__proto__', { obj: [['mode', j('journey')]] }], ['mdoe', j('invisible')], ['constructor', j({})]), { freq: 4 }),
    fc.option(huge, { freq: 8 }),
    fc.constantFrom('plain', 'plain', 'plain', 'plain', 'proxy-lie', 'proxy-throw', 'nullProto'),
  )
  .map(([entries, extra, big, wrap]): Enc => {
    let es = entries as Entry[];
    if (!es.some((e) => e[0] === 'mode')) es = [['mode', j('invisible')], ...es];
    if (extra) es = [...es, extra];
    if (big) es = es.filter((e) => e[0] !== 'numbers').concat([['numbers', big]]);
    const obj: Enc = { obj: es, ...(wrap === 'nullProto' ? { nullProto: true } : {}) };
    return wrap === 'proxy-lie' ? { proxy: obj, trap: 'lie' } : wrap === 'proxy-throw' ? { proxy: obj, trap: 'throw' } : obj;
  });
};

/**
 * Turns a recipe into the live value, in the page (this function is sent to the page as source:
 * it must stay self-contained).
 */
export function decodeInPage(e: any): unknown {
  let top: any;
  const reads = new Map<string, number>();
  let lies = 0; // a lying Proxy answers 'lie' on every other read: deterministic, so inputs shrink
  const make = (x: any): any => {
    if ('j' in x) return x.j === undefined ? undefined : JSON.parse(JSON.stringify(x.j));
    if ('u' in x) return undefined;
    if ('num' in x) return Number(x.num);
    if ('big' in x) return BigInt(x.big);
    if ('date' in x) return new Date(x.date);
    if ('fn' in x) return function hostile() { return 'fn'; };
    if ('sym' in x) return Symbol('hostile');
    if ('cycle' in x) return top;
    if ('arr' in x) {
      const a: any[] = x.arr.map(make);
      for (const h of x.holes || []) delete a[h];
      return a;
    }
    if ('obj' in x) {
      const o: any = x.nullProto ? Object.create(null) : {};
      if (!top) top = o;
      for (const [k, v, how, v2] of x.obj) {
        if (how === 'throw') Object.defineProperty(o, k, { enumerable: true, configurable: true, get() { throw new Error('hostile getter ' + k); } });
        else if (how === 'flip') {
          const a = make(v);
          const b = make(v2);
          Object.defineProperty(o, k, { enumerable: true, configurable: true, get() { const n = (reads.get(k) || 0) + 1; reads.set(k, n); return n === 1 ? a : b; } });
        } else Object.defineProperty(o, k, { enumerable: true, configurable: true, writable: true, value: make(v) });
      }
      return o;
    }
    if ('proxy' in x) {
      const target = make(x.proxy);
      const t = typeof target === 'object' && target !== null ? target : {};
      if (!top) top = t;
      const boom = () => { throw new Error('hostile proxy'); };
      const p = new Proxy(t, x.trap === 'throw'
        ? { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom }
        : x.trap === 'keys'
          ? { ownKeys: boom }
          : { get: (o, k) => (typeof k === 'string' && k in o && ++lies % 2 === 0 ? 'lie' : Reflect.get(o, k)) });
      if (top === t) top = p;
      return p;
    }
    return undefined;
  };
  return make(e);
}

/** Strings anywhere in a recipe (the numbers a config may legitimately show). */
export function stringsOf(e: Enc): string[] {
  const out: string[] = [];
  const walk = (x: any) => {
    if (x && typeof x === 'object') {
      if ('j' in x) JSON.stringify(x.j, (_k, v) => (typeof v === 'string' && out.push(v), v));
      for (const v of Object.values(x)) walk(v);
    } else if (typeof x === 'string') out.push(x);
  };
  walk(e);
  return out;
}

// ------------------------------------------------------------------ tampered storage

const good = (origin: string, now: number) => ({
  v: 1, condition: 'p', landing: origin + '/old?utm_source=old', last_action: now, last_url: origin + '/old',
  referrer: 'direct', source: 'campaign', to_swap: [{ original: ORIGINAL, tracked: '09 70 00 00 42', expires: now + 600000 }], tracking_ids: { gclid: 'abc-123_X' },
});

/** A corruption of one field of a good session: every one makes the session invalid by SPEC 11. */
const corruption: fc.Arbitrary<[string, unknown] | ['raw', string]> = fc.oneof(
  // The fields issue 14 found kept (to_swap, tracking_ids) weigh more.
  { weight: 6, arbitrary: fc.tuple(fc.constant('to_swap'), fc.oneof(
    badPhones.map((t) => [{ original: ORIGINAL, tracked: t, expires: 1e13 }]),
    badPhones.map((t) => [{ original: ORIGINAL, tracked: t, expires: 1e13 }]),
    // Not the configured original itself: `{ original: ORIGINAL, tracked: '09 70 00 00 42' }` is a
    // sound entry, not a corruption (long run, seed 73953684).
    badPhones.filter((t) => t !== ORIGINAL).map((t) => [{ original: t, tracked: '09 70 00 00 42', expires: 1e13 }]),
    fc.constant([{ original: ORIGINAL, tracked: '09 70 00 00 42', expires: 'soon' }]),
    fc.constant(Array.from({ length: 60 }, () => ({ original: ORIGINAL, tracked: '09 70 00 00 42' }))),
    fc.jsonValue().filter((v) => !Array.isArray(v)),
  )) },
  { weight: 4, arbitrary: fc.tuple(fc.constant('tracking_ids'), fc.oneof(
    fc.constantFrom('<script>window.__xss=1</script>', 'x'.repeat(201)).map((v) => ({ gclid: v })),
    fc.constantFrom('<script>window.__xss=1</script>', '"><img src=x onerror=window.__xss=1>', 'x'.repeat(201), 'x'.repeat(3000)).map((v) => ({ gclid: v })),
    fc.constant({ gclid: 42 }), fc.constant(['x']), fc.constant(null),
  )) },
  // Values of the wrong type or shape for each field (none of them could have been written by the module).
  ...Object.entries<unknown[]>({
    v: [2, '1', 0, null, true],
    landing: ['javascript:alert(1)', '<script>', 'EVIL', -1],
    last_url: ['javascript:alert(1)', '<script>', 'EVIL', -1],
    last_action: ['EVIL', -1, 1e300, null],
    referrer: ['javascript:alert(1)', 'EVIL', '<script>', 1],
    source: ['EVIL', 'Paid', 1, null],
    condition: [1, true],
    pageviews: [-1, 'x', 1e300],
  }).map(([k, bad]) => fc.tuple(fc.constant(k), fc.oneof(fc.constantFrom(...bad), fc.jsonValue().filter((v) => !!v && typeof v === 'object')))),
  fc.tuple(fc.constant('extra'), fc.jsonValue()),
  fc.tuple(fc.constant('raw'), fc.oneof(fc.string(), fc.json(), fc.constantFrom('{"v":1', 'null', '[]', '"x"', '{}'))),
);

export interface Tamper {
  /** mgt_session's stored text, or null for none. */
  session: string | null;
  /** What the tamper did, for the report. */
  what: string;
  /** mgt_visitor's value: a valid one, or a tampered one. */
  visitor: string;
}

export const tamper = (origin: string, now: number): fc.Arbitrary<Tamper> =>
  fc.tuple(corruption, fc.oneof(
    { weight: 3, arbitrary: fc.constant('AbCdEfGhIjKlMnOpQrStUv') },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('<script>x</script>', 'AbCdEfGhIjKlMnOpQrStU', 'a'.repeat(300))) },
  )).map(([[k, v], visitor]) => {
    if (k === 'raw') return { session: v as string, what: 'raw ' + JSON.stringify(v), visitor };
    const s: any = good(origin, now);
    if (k === 'extra') s.extra = v;
    else s[k] = v;
    return { session: JSON.stringify(s), what: `${k} = ${JSON.stringify(v)}`.slice(0, 300), visitor };
  });

// ------------------------------------------------------------------ endpoint faults

export interface Fault {
  status: number;
  /** Body text; 'HUGE' stands for 5 MB. */
  body: string;
  contentType: string;
  /** Milliseconds before answering; -1 never answers (a hanging endpoint). */
  delay: number;
  location?: string;
}

export const fault: fc.Arbitrary<Fault> = fc.record({
  status: fc.constantFrom(200, 200, 200, 500, 503, 404, 302, 301, 204),
  body: fc.oneof(
    fc.constantFrom(
      '', 'garbage', '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>', 'HUGE', 'null', '[]', '{"numbers":null,"ttl":60}',
      JSON.stringify({ numbers: { [ORIGINAL]: ORIGINAL }, ttl: 600 }),
      JSON.stringify({ numbers: { [ORIGINAL]: '01 23 45 67 89' }, ttl: 600 }),
      JSON.stringify({ numbers: { [ORIGINAL]: '<img src=x onerror=window.__xss=1>' }, ttl: 600 }),
      JSON.stringify({ numbers: { [ORIGINAL]: '00 00 00 00 00' }, ttl: 600 }),
      JSON.stringify({ numbers: { [ORIGINAL]: '09 70 00 00 42' }, ttl: -5 }),
      JSON.stringify({ numbers: { [ORIGINAL]: '09 70 00 00 42' }, ttl: 'x' }),
      JSON.stringify({ numbers: { [ORIGINAL]: '09 70 00 00 42' }, ttl: 600 }),
      JSON.stringify({ numbers: { [ORIGINAL]: { toString: 1 } }, ttl: 600 }),
      `{"numbers":{"__proto__":{"${ORIGINAL}":"09 70 00 00 43"}},"ttl":600}`,
    ),
    fc.json(),
    fc.string(),
  ),
  contentType: fc.constantFrom('application/json', 'text/html', 'text/plain', 'application/octet-stream'),
  delay: fc.constantFrom(0, 0, 50, 250, 600, -1),
  location: fc.option(fc.constantFrom('/collect/lease', 'http://127.0.0.1:9/x', 'javascript:alert(1)', '/blank'), { nil: undefined }),
});
