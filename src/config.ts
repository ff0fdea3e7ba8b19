// Config validation. Every mistake is reported as one message naming the field, so a marketer
// reading the console (or the configurator, which calls validate() too) knows what to fix.
// Unknown fields are errors as well: a typo such as `mdoe` must not silently fall back to defaults.
//
// The schema is data (it ships in every page, so it is kept small): a rule is a function, an
// object of rules (a shape), or a list of allowed values.
import type { Config } from './types';
import { country as knownCountry, parsePhone, samePhone } from './swap/phone';

type Rule = ((v: any, f: string) => string | void) | string[] | { [field: string]: Rule };

const SOURCES = ['paid', 'organic', 'social', 'email', 'referral', 'campaign', 'direct'];
const CMPS = ['tcf', 'didomi', 'axeptio', 'tarteaucitron', 'klaro', 'cookieconsent', 'onetrust', 'cookiebot', 'usercentrics', 'piwikpro', 'cookieyes', 'complianz', 'gcm'];

const show = (v: unknown): string => {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
};
const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);
const expect = (ok: unknown, f: string, what: string, v?: unknown): string | void => (ok ? undefined : `${f} must be ${what} (got ${show(v)})`);

const bool: Rule = (v, f) => expect(typeof v === 'boolean', f, 'true or false', v);
const text: Rule = (v, f) => expect(typeof v === 'string' && v, f, 'a non-empty string', v);
const range = (min: number, max: number): Rule => (v, f) => expect(typeof v === 'number' && v >= min && v <= max, f, `a number from ${min} to ${max}`, v);
const list = (item: Rule): Rule => (v, f) => {
  if (!Array.isArray(v)) return expect(0, f, 'a list', v);
  for (let i = 0; i < v.length; i++) {
    const e = check(item, v[i], `${f}[${i}]`);
    if (e) return e;
  }
};
const either = (item: Rule): Rule => (v, f) => check(Array.isArray(v) ? list(item) : item, v, f);
const url: Rule = (v, f) => {
  let ok = false;
  try {
    ok = typeof v === 'string' && /^https?:$/.test(new URL(v, location.href).protocol);
  } catch {
    /* not a URL */
  }
  return expect(ok, f, 'an http(s) URL', v);
};
const selector: Rule = (v, f) => {
  let ok = typeof v === 'string' && !!v;
  try {
    document.createDocumentFragment().querySelector(v);
  } catch {
    ok = false;
  }
  return expect(ok, f, 'a valid CSS selector', v);
};
const domain: Rule = (v, f) => {
  const d = typeof v === 'string' ? v.replace(/^\./, '').toLowerCase() : '';
  const host = location.hostname;
  return expect(d && (host === d || host.slice(-d.length - 1) === '.' + d), f, "this site's host or a parent domain of it", v);
};
const skip: Rule = () => undefined; // checked with the country, in validate()

function check(rule: Rule, v: any, f: string): string | void {
  if (typeof rule === 'function') return rule(v, f);
  if (Array.isArray(rule)) return expect(rule.indexOf(v) >= 0, f, `one of ${rule.join(', ')}`, v);
  if (!isObject(v)) return expect(0, f, 'an object', v);
  for (const k in v) {
    if (!rule[k]) return `${f}.${k} is not a known field`;
    const e = v[k] === undefined ? 0 : check(rule[k], v[k], `${f}.${k}`);
    if (e) return e;
  }
}

const consent: Record<string, Rule> = { required: bool, cmp: (v, f) => check(Array.isArray(v) ? list(CMPS) : ['auto', 'none', ...CMPS], v, f), gpc: bool,
  tcf: { vendorId: range(1, 1e6), purposes: list(range(1, 11)) }, gcm: (v, f) => (v === false ? undefined : text(v, f)) };
for (const c of CMPS) if (!consent[c]) consent[c] = text;

const SCHEMA: Rule = {
  mode: ['invisible', 'rotation', 'origin', 'traffic', 'journey'],
  site: text,
  endpoint: url,
  // The countries whose numbering plan the swap engine knows (swap/countries.ts).
  country: (v, f) => expect(typeof v === 'string' && knownCountry(v.toUpperCase()), f, 'a supported country code (FR, BE, CH, LU, MC, DE, ES, IT, NL, GB, US, CA)', v),
  numbers: skip,
  conditions: list({ id: text, source: either(SOURCES), referrer: either(text), landing: either(text), page: either(text), numbers: skip, pool: text,
    params: (v, f) => {
      if (!isObject(v)) return expect(0, f, 'an object', v);
      for (const k in v) if (v[k] !== true && typeof v[k] !== 'string') return expect(0, `${f}.${k}`, 'a string or true', v[k]);
    } }),
  entry: ['first_entry', 'last_entry'],
  probabilistic: ['fallback', 'always', 'off'],
  consent,
  cookie: { days: range(1, 395), domain },
  session: { timeout: range(1, 1440) },
  trackingIds: { defaults: bool, custom: list({ name: text, from: ['cookie', 'url', 'localStorage', 'window'], key: text }) },
  pool: { timeout: range(0, 30000) },
  urlParams: list(text),
  ignore: selector,
  spa: bool,
  debug: bool,
};

/**
 * Validates a config as `mgt('init')` does. Returns '' when it is valid, else one message that
 * names the field (the console shows it after the `[mgt]` prefix).
 */
export function validate(config: unknown): string {
  try {
    const c = config as Config;
    if (!isObject(c) || !c.mode) return 'config.mode is required';
    const problem = check(SCHEMA, c, 'config');
    if (problem) return problem;
    const country = (c.country || 'FR').toUpperCase();
    const originals: string[] = [];
    const tracked: string[] = [];
    const numbers = (map: unknown, f: string): string | void => {
      if (!isObject(map)) return expect(0, f, 'an object mapping original numbers to tracked numbers', map);
      for (const o in map) {
        if (!parsePhone(o, country)) return `${f}[${show(o)}] is not a valid ${country} phone number`;
        if (typeof map[o] !== 'string' || !parsePhone(map[o], country)) return `${f}[${show(o)}]: the tracked number ${show(map[o])} is not a valid ${country} phone number`;
        originals.push(o);
        tracked.push(map[o]);
      }
    };
    const collecting = /^(origin|traffic|journey)$/.test(c.mode);
    const conditions = c.conditions || [];
    if (c.numbers) {
      const e = numbers(c.numbers, 'config.numbers');
      if (e) return e;
    }
    if (c.mode === 'invisible' && conditions.length) return 'config.conditions: invisible mode swaps the default numbers only';
    if (collecting && !c.endpoint) return `config.endpoint is required in ${c.mode} mode`;
    const ids: string[] = [];
    for (let i = 0; i < conditions.length; i++) {
      const cond = conditions[i];
      const f = `config.conditions[${i}]`;
      if (!cond.id) return `${f}.id is required`;
      if (ids.indexOf(cond.id) >= 0) return `${f}.id ${show(cond.id)} is used twice`;
      ids.push(cond.id);
      const e = cond.numbers && numbers(cond.numbers, `${f}.numbers`);
      if (e) return e;
      if (cond.pool && !collecting) return `${f}.pool needs mode origin, traffic or journey`;
      if (cond.pool && !cond.numbers && !c.numbers) return `${f}.pool needs fallback numbers (its own numbers or the default numbers)`;
    }
    // A tracked number that is also an original would be swapped again on the next scan.
    for (const t of tracked) {
      for (const o of originals) {
        if (samePhone(t, o, country)) return `config.numbers: the tracked number ${show(t)} is also an original number, so it would be swapped again`;
      }
    }
    return '';
  } catch (x) {
    return `config could not be read (${x})`;
  }
}
