// Config validation (SPEC 4, 5). A mistake is reported as one message in one shape, naming the
// field, what is expected and what was found: `config.cookie.days: a number from 1 to 395 (got 0)`,
// so a marketer reading the console (or the configurator, which calls validate() too) knows what
// to fix. Unknown fields are errors as well: a typo such as `mdoe` must not silently fall back to
// defaults.
//
// The check and the copy are one walk: the config comes from the page, which may hand over getters
// that throw or change between reads, Proxies, cycles, or objects that inherit enumerable properties
// from a polluted `Object.prototype` (old plugins still add some). Each field is read once, guarded
// (a read that throws is named), checked, and kept in objects without prototype, so no inherited
// name is ever seen again; the walk goes no deeper than the schema, so a cycle ends with it.
//
// The schema is data (it ships in every page, so it is kept small): a rule is a function, an
// object of rules (a shape), or a list of allowed values. What depends on other fields (the mode,
// the country of the numbers, the conditions taken together) is checked on the copy, in crossCheck().
import type { Config } from './types';
import { country as knownCountry, e164, parsePhone } from './swap/phone';
import { CMPS } from './consent/cmps';
import { TABLE } from './swap/countries';
import { SOURCES } from './lib/sources';
import { isUnder } from './attribution/source';
import { httpUrl } from './attribution/url';
import { MODES, resolveSettings, type Numbers, type Settings } from './settings';

/** Returns the value to keep (a copy for objects and lists), or throws the message. */
type Check = (v: any, f: string) => any;
type Rule = Check | string[] | { [field: string]: Rule };

const fail = (f: string, what: string, v: unknown): never => {
  // What JSON cannot show (a cycle, a getter that throws) is named by its type.
  let got: string = typeof v;
  try {
    got = JSON.stringify(v);
  } catch {}
  throw `${f}: ${what} (got ${got})`;
};

/** A rule from a test of the value: falsy, or throwing, is a mistake. */
const is = (test: (v: any) => unknown, what: string): Check => (v, f) => {
  try {
    if (test(v)) return v;
  } catch {
    /* not even the right type */
  }
  return fail(f, what, v);
};
/** A string that passes `test`: tests never call into an object of the page. */
const str = (test: (v: string) => unknown, what: string) => is((v) => typeof v == 'string' && test(v), what);

const keep: Check = (v) => v; // numbers: checked with the country, in crossCheck()
const bool = is((v) => v === !!v, 'true or false');
const text = str((v) => v, 'a non-empty string');
const range = (min: number, max: number) => is((v) => typeof v == 'number' && v >= min && v <= max, `a number from ${min} to ${max}`);
/**
 * Copies the own entries of a list (`f[0]`), or of an object (`f.key`) when `obj`, each read once.
 * `ruleOf(key, value)` is the rule of each entry, none for an unknown field.
 */
const each = (ruleOf: (k: string, x: unknown) => Rule | false, obj?: 1): Check => (v, f) => {
  if (obj ? !v || typeof v != 'object' || Array.isArray(v) : !Array.isArray(v)) fail(f, obj ? 'an object' : 'a list', v);
  const out: any = obj ? Object.create(null) : [];
  for (const k of Object.keys(v)) {
    const field = obj ? `${f}.${k}` : `${f}[${k}]`;
    let x: unknown;
    try {
      x = v[k];
    } catch (e) {
      throw `${field}: could not be read (${e})`;
    }
    const rule = ruleOf(k, x);
    if (!rule) throw field + ': unknown field';
    out[k] = check(rule, x, field);
  }
  return out;
};
const list = (item: Rule) => each(() => item);
/** One value (`one`, else `item`) or a list of `item`s. */
const either = (item: Rule, one = item): Check => (v, f) => check(Array.isArray(v) ? list(item) : one, v, f);
const numbers = each(() => keep, 1);

function check(rule: Rule, v: any, f: string): any {
  if (typeof rule == 'function') return rule(v, f);
  if (Array.isArray(rule)) return rule.includes(v) ? v : fail(f, 'one of ' + rule.join(', '), v);
  // A field set to undefined is absent. Own fields only: `constructor` is a typo like any other.
  return each((k, x) => rule.hasOwnProperty(k) && (x === undefined ? keep : rule[k]), 1)(v, f);
}

const consent: Record<string, Rule> = {
  required: bool,
  // One CMP, 'auto' or 'none'; or a list of CMPs.
  cmp: either(CMPS, ['auto', 'none', ...CMPS]),
  gpc: bool,
  tcf: { vendorId: range(1, 1e6), purposes: list(range(1, 11)) },
  gcm: (v, f) => (v === false ? v : text(v, f)), // false: not followed
};
for (const c of CMPS) consent[c] = consent[c] || text; // the other CMPs: a name or category

const SCHEMA: Rule = {
  mode: MODES,
  site: text,
  endpoint: str((v) => httpUrl(v, location.href), 'an http(s) URL'),
  // The countries whose numbering plan the swap engine knows (swap/countries.ts; CA shares the US row).
  country: str(knownCountry, `one of ${TABLE.map((k) => k._iso).join(' ')} CA`),
  numbers,
  conditions: list({
    id: text,
    source: either(SOURCES),
    referrer: either(text),
    landing: either(text),
    page: either(text),
    numbers,
    pool: text,
    params: each(() => is((v) => v === true || typeof v == 'string', 'a string or true'), 1),
  }),
  entry: ['first_entry', 'last_entry'],
  probabilistic: ['fallback', 'always', 'off'],
  consent,
  cookie: {
    days: range(1, 395),
    // The same rule as a condition's referrer: the host itself or a parent, on a label boundary.
    domain: str((v) => isUnder(location.hostname, v), "this site's host or a parent domain"),
  },
  session: { timeout: range(1, 1440) },
  trackingIds: { defaults: bool, custom: list({ name: text, from: ['cookie', 'url', 'localStorage', 'window'], key: text }) },
  pool: { timeout: range(0, 30000) },
  urlParams: list(text),
  // An empty fragment matches nothing, and an invalid selector throws.
  ignore: str((v) => !document.createDocumentFragment().querySelector(v), 'a CSS selector'),
  spa: bool,
  debug: bool,
};

/**
 * Validates a config as `mgt('init')` does. Returns '' when it is valid, else one message that
 * names the field (the console shows it after the `[mgt]` prefix).
 */
export const validate = (config: unknown): string => {
  const c = loadConfig(config);
  return typeof c == 'string' ? c : '';
};

/**
 * The config as the module uses it: the settings resolved from the checked copy, when it is valid;
 * else the message naming the first bad field. Every check is linear in the config's size.
 * `search`: the page URL's query (`?mgt_debug=1`).
 */
export function loadConfig(config: unknown, search = ''): Settings | string {
  try {
    // No config at all reads as a missing mode, the first thing to set.
    const c: Config = check(SCHEMA, config || {}, 'config');
    check(MODES, c.mode, 'config.mode'); // required
    const s = resolveSettings(c, search);
    crossCheck(c, s);
    return s;
  } catch (x) {
    return typeof x == 'string' ? x : `config: could not be read (${x})`;
  }
}

/**
 * What depends on several fields: numbers of the country, the mode, condition ids, pools. Fills
 * `s._originals` with the E.164 form of every original as it checks the numbers.
 */
function crossCheck(c: Config, s: Settings): void {
  const { _country: country, _collecting: collecting, _conditions: conditions, _originals: originals } = s;
  const ids: Record<string, 1> = Object.create(null);
  // E.164 forms of the tracked numbers, to compare them with the originals in one pass.
  const tracked: Numbers = Object.create(null);
  /** The E.164 form of `v`, a number of the country; the value after "got" shows which of a pair is wrong. */
  const phone = (v: unknown, f: string): string => {
    const p = typeof v == 'string' && parsePhone(v, country);
    return p ? e164(p) : fail(f, `a ${country} phone number`, v);
  };
  // original -> tracked, copies without prototype (or undefined): `in` sees own fields only.
  const pairs = (map: Numbers | undefined, f: string) => {
    for (const o in map) {
      const t = map[o];
      originals[phone(o, `${f}.${o}`)] = 1;
      tracked[phone(t, `${f}.${o}`)] = t;
    }
  };

  pairs(c.numbers, 'config.numbers');
  if (c.mode == 'invisible' && conditions.length) fail('config.conditions', 'none in invisible mode', conditions);
  if (collecting && !c.endpoint) fail('config.endpoint', `an http(s) URL in ${c.mode} mode`, c.endpoint);
  conditions.forEach(({ id, numbers: own, pool }, i) => {
    const f = `config.conditions[${i}]`;
    if (!id) fail(f + '.id', 'a name for the condition', id);
    if (ids[id]) fail(f + '.id', 'a name no other condition has', id);
    ids[id] = 1;
    pairs(own, f + '.numbers');
    // A pool is leased from the endpoint; its fallback is what shows on timeout or error.
    if (pool && !(collecting && (own || c.numbers))) fail(f + '.pool', 'origin, traffic or journey mode, and fallback numbers', pool);
  });
  // A tracked number that is also an original would be swapped again on the next scan.
  for (const t in tracked) if (originals[t]) fail('config.numbers', 'no tracked number that is also an original', tracked[t]);
}
