// Config validation (SPEC 4, 5). A mistake is reported as one message in one shape, naming the
// field, what is expected and what was found: `config.cookie.days: a number from 1 to 395 (got 0)`,
// so a marketer reading the console (or the configurator, which calls validate() too) knows what
// to fix. Unknown fields are errors as well: a typo such as `mdoe` must not silently fall back to
// defaults.
//
// The schema is data (it ships in every page, so it is kept small): a rule is a function, an
// object of rules (a shape), or a list of allowed values. What depends on other fields (the mode,
// the country of the numbers, the conditions taken together) is checked after it, in validate().
import type { Config } from './types';
import { country as knownCountry, e164, parsePhone } from './swap/phone';
import { CMPS } from './consent/cmps';
import { ownCopy } from './lib/ownCopy';
import { SOURCES } from './lib/sources';
import { resolveSettings, type Settings } from './settings';

type Check = (v: any, f: string) => string | void;
type Rule = Check | string[] | { [field: string]: Rule };

const show = (v: unknown): string => {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v); // a cyclic object
  }
};
const fail = (f: string, what: string, v: unknown): string => `${f}: ${what} (got ${show(v)})`;

/** A rule from a test of the value: falsy, or throwing, is a mistake. */
const is = (test: (v: any) => unknown, what: string): Check => (v, f) => {
  try {
    if (test(v)) return;
  } catch {
    /* not even the right type */
  }
  return fail(f, what, v);
};

const bool = is((v) => v === !!v, 'true or false');
const text = is((v) => typeof v === 'string' && v, 'a non-empty string');
const range = (min: number, max: number) => is((v) => typeof v === 'number' && v >= min && v <= max, `a number from ${min} to ${max}`);
/**
 * Walks the own entries of a list (`f[0]`), or of an object (`f.key`) when `obj`.
 * `ruleOf(key, value)` is the rule of each entry, none for an unknown field.
 */
const each = (ruleOf: (k: string, x: unknown) => Rule | false, obj?: 1): Check => (v, f) => {
  if (obj ? !v || typeof v !== 'object' || Array.isArray(v) : !Array.isArray(v)) return fail(f, obj ? 'an object' : 'a list', v);
  for (const k of Object.keys(v)) {
    const rule = ruleOf(k, v[k]);
    const field = obj ? `${f}.${k}` : `${f}[${k}]`;
    const e = rule ? check(rule, v[k], field) : field + ': unknown field';
    if (e) return e;
  }
};
const list = (item: Rule) => each(() => item);
const either = (item: Rule): Check => (v, f) => check(Array.isArray(v) ? list(item) : item, v, f);
const skip: Check = () => undefined; // numbers: checked with the country, in validate()
const MODES = ['invisible', 'rotation', 'origin', 'traffic', 'journey'];

function check(rule: Rule, v: any, f: string): string | void {
  if (typeof rule === 'function') return rule(v, f);
  if (Array.isArray(rule)) return rule.includes(v) ? undefined : fail(f, 'one of ' + rule.join(', '), v);
  // A field set to undefined is absent. Own fields only: `constructor` is a typo like any other.
  return each((k, x) => rule.hasOwnProperty(k) && (x === undefined ? skip : rule[k]), 1)(v, f);
}

const consent: Record<string, Rule> = {
  required: bool,
  cmp: (v, f) => check(Array.isArray(v) ? list(CMPS) : ['auto', 'none', ...CMPS], v, f),
  gpc: bool,
  tcf: { vendorId: range(1, 1e6), purposes: list(range(1, 11)) },
  gcm: (v, f) => (v === false ? undefined : text(v, f)), // false: not followed
};
for (const c of CMPS) consent[c] = consent[c] || text; // the other CMPs: a name or category

const SCHEMA: Rule = {
  mode: MODES,
  site: text,
  endpoint: is((v) => typeof v === 'string' && /^https?:$/.test(new URL(v, location.href).protocol), 'an http(s) URL'),
  // The countries whose numbering plan the swap engine knows (swap/countries.ts).
  country: is((v) => knownCountry(v.toUpperCase()), 'one of FR BE CH LU MC DE ES IT NL GB US CA'),
  numbers: skip,
  conditions: list({
    id: text,
    source: either(SOURCES),
    referrer: either(text),
    landing: either(text),
    page: either(text),
    numbers: skip,
    pool: text,
    params: each(() => is((v) => v === true || typeof v === 'string', 'a string or true'), 1),
  }),
  entry: ['first_entry', 'last_entry'],
  probabilistic: ['fallback', 'always', 'off'],
  consent,
  cookie: {
    days: range(1, 395),
    domain: is((v) => {
      const d = '.' + v.replace(/^\./, '').toLowerCase();
      return d !== '.' && ('.' + location.hostname).endsWith(d);
    }, "this site's host or a parent domain"),
  },
  session: { timeout: range(1, 1440) },
  trackingIds: { defaults: bool, custom: list({ name: text, from: ['cookie', 'url', 'localStorage', 'window'], key: text }) },
  pool: { timeout: range(0, 30000) },
  urlParams: list(text),
  // An empty fragment matches nothing, and an invalid selector throws.
  ignore: is((v) => typeof v === 'string' && !document.createDocumentFragment().querySelector(v), 'a CSS selector'),
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
 * The config as the module uses it: the settings resolved from a copy of its own data, read once
 * (lib/ownCopy.ts), when it is valid; else the message naming the first bad field. Every check is
 * linear in the config's size. `search`: the page URL's query (`?mgt_debug=1`).
 */
export function loadConfig(config: unknown, search = ''): Settings | string {
  try {
    const c: Config = ownCopy(config, 'config');
    // The mode first: it is required, and what else is allowed depends on it.
    const e = check(MODES, c && c.mode, 'config.mode') || check(SCHEMA, c, 'config');
    if (e) return e;
    const s = resolveSettings(c, search);
    return crossCheck(c, s) || s;
  } catch (x) {
    return typeof x == 'string' ? x : `config: could not be read (${x})`;
  }
}

/**
 * What depends on several fields: numbers of the country, the mode, condition ids, pools. Fills
 * `s._originals` with the E.164 form of every original as it checks the numbers.
 */
function crossCheck(c: Config, s: Settings): string | void {
  const { _country: country, _collecting: collecting, _conditions: conditions, _originals: originals } = s;
  const ids: Record<string, 1> = Object.create(null);
  // E.164 forms of the tracked numbers, to compare them with the originals in one pass.
  const tracked: Record<string, string> = {};
  const phone = is((v) => typeof v === 'string' && parsePhone(v, country), `a ${country} phone number`);
  // original -> tracked; the value after "got" shows which of the two is wrong
  const pair = (o: string): Check => (t, f) => {
    const e = phone(o, f) || phone(t, f);
    if (e) return e;
    originals[e164(parsePhone(o, country)!)] = 1;
    tracked[e164(parsePhone(t, country)!)] = t;
  };
  const numbers = (map: unknown, f: string): string | void => (map ? each(pair, 1)(map, f) : undefined);

  const e = numbers(c.numbers, 'config.numbers');
  if (e) return e;
  if (c.mode === 'invisible' && conditions.length) return fail('config.conditions', 'none in invisible mode', conditions);
  if (collecting && !c.endpoint) return fail('config.endpoint', `an http(s) URL in ${c.mode} mode`, c.endpoint);
  for (let i = 0; i < conditions.length; i++) {
    const { id, numbers: own, pool } = conditions[i];
    const f = `config.conditions[${i}]`;
    if (!id) return fail(f + '.id', 'a name for the condition', id);
    if (ids[id]) return fail(f + '.id', 'a name no other condition has', id);
    ids[id] = 1;
    const e = numbers(own, f + '.numbers');
    if (e) return e;
    // A pool is leased from the endpoint; its fallback is what shows on timeout or error.
    if (pool && !(collecting && (own || c.numbers))) return fail(f + '.pool', 'origin, traffic or journey mode, and fallback numbers', pool);
  }
  // A tracked number that is also an original would be swapped again on the next scan.
  for (const t of Object.keys(tracked)) if (originals[t]) return fail('config.numbers', 'no tracked number that is also an original', tracked[t]);
}
