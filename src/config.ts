// Config validation. Every mistake is reported as one message naming the field, so a marketer
// reading the console (or the configurator, which calls validate() too) knows what to fix.
// Unknown fields are errors as well: a typo such as `mdoe` must not silently fall back to defaults.
import type { Config } from './types';
import { parsePhone } from './swap/phone';

const MODES = ['invisible', 'rotation', 'origin', 'traffic', 'journey'];
const SOURCES = ['paid', 'organic', 'social', 'email', 'referral', 'campaign', 'direct'];
export const CMPS = ['tcf', 'didomi', 'axeptio', 'tarteaucitron', 'klaro', 'cookieconsent', 'onetrust', 'cookiebot',
  'usercentrics', 'piwikpro', 'cookieyes', 'complianz', 'gcm'];

type Check = (value: any, field: string) => string | void;

const show = (v: unknown): string => {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
};
/** Countries whose numbering plan the swap engine knows (swap/ holds the plans themselves). */
const isCountry = (c: string): boolean => /^(FR|BE|CH|LU|MC|DE|ES|IT|NL|GB|US|CA)$/.test(c);
const samePhone = (a: string, b: string, country: string): boolean => {
  const x = parsePhone(a, country);
  const y = parsePhone(b, country);
  return !!x && !!y && x._cc === y._cc && x._nsn === y._nsn;
};
const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);

const bool: Check = (v, f) => (typeof v === 'boolean' ? undefined : `${f} must be true or false`);
const text: Check = (v, f) => (typeof v === 'string' && v ? undefined : `${f} must be a non-empty string`);
const oneOf = (values: string[]): Check => (v, f) => (values.indexOf(v) >= 0 ? undefined : `${f} must be one of ${values.join(', ')} (got ${show(v)})`);
const range = (min: number, max: number): Check => (v, f) =>
  typeof v === 'number' && v >= min && v <= max ? undefined : `${f} must be a number from ${min} to ${max} (got ${show(v)})`;
const list = (item: Check): Check => (v, f) => {
  if (!Array.isArray(v)) return `${f} must be a list`;
  for (let i = 0; i < v.length; i++) {
    const e = item(v[i], `${f}[${i}]`);
    if (e) return e;
  }
};
const textOrList: Check = (v, f) => (Array.isArray(v) ? list(text)(v, f) : text(v, f));
/** An object whose known fields are checked and whose unknown fields are reported. */
const shape = (fields: Record<string, Check>): Check => (v, f) => {
  if (!isObject(v)) return `${f} must be an object`;
  for (const k in v) {
    if (!fields[k]) return `${f}.${k} is not a known field`;
    if (v[k] === undefined) continue;
    const e = fields[k](v[k], `${f}.${k}`);
    if (e) return e;
  }
};

const url: Check = (v, f) => {
  try {
    if (typeof v === 'string' && /^https?:$/.test(new URL(v, location.href).protocol)) return;
  } catch {
    /* reported below */
  }
  return `${f} must be an http(s) URL (got ${show(v)})`;
};

const selector: Check = (v, f) => {
  try {
    document.createDocumentFragment().querySelector(v);
    if (typeof v === 'string' && v) return;
  } catch {
    /* reported below */
  }
  return `${f} is not a valid CSS selector (got ${show(v)})`;
};

const cmp: Check = (v, f) => (Array.isArray(v) ? list(oneOf(CMPS))(v, f) : oneOf(['auto', 'none', ...CMPS])(v, f));

const consent = shape({
  required: bool,
  cmp,
  gpc: bool,
  tcf: shape({ vendorId: range(1, 1e6), purposes: list(range(1, 11)) }),
  gcm: (v, f) => (v === false ? undefined : text(v, f)),
  ...Object.fromEntries(CMPS.filter((c) => c !== 'tcf' && c !== 'gcm').map((c) => [c, text])),
});

const condition = shape({
  id: text,
  source: (v, f) => (Array.isArray(v) ? list(oneOf(SOURCES))(v, f) : oneOf(SOURCES)(v, f)),
  referrer: textOrList,
  params: (v, f) => {
    if (!isObject(v)) return `${f} must be an object`;
    for (const k in v) if (v[k] !== true && typeof v[k] !== 'string') return `${f}.${k} must be a string or true`;
  },
  landing: textOrList,
  page: textOrList,
  numbers: () => undefined, // checked with the country below
  pool: text,
});

const top: Record<string, Check> = {
  mode: oneOf(MODES),
  site: text,
  endpoint: url,
  country: (v, f) => (typeof v === 'string' && isCountry(v.toUpperCase()) ? undefined : `${f} is not a supported country (got ${show(v)})`),
  numbers: () => undefined,
  conditions: list(condition),
  entry: oneOf(['first_entry', 'last_entry']),
  probabilistic: oneOf(['fallback', 'always', 'off']),
  consent,
  cookie: shape({
    days: range(1, 395),
    domain: (v, f) => {
      const d = typeof v === 'string' ? v.replace(/^\./, '').toLowerCase() : '';
      const host = location.hostname;
      return d && (host === d || host.slice(-d.length - 1) === '.' + d) ? undefined : `${f} must be this site's host or a parent domain of it (got ${show(v)})`;
    },
  }),
  session: shape({ timeout: range(1, 1440) }),
  trackingIds: shape({
    defaults: bool,
    custom: list(shape({ name: text, from: oneOf(['cookie', 'url', 'localStorage', 'window']), key: text })),
  }),
  pool: shape({ timeout: range(0, 30000) }),
  urlParams: list(text),
  ignore: selector,
  spa: bool,
  debug: bool,
};

/** Checks a numbers mapping: every original and tracked number parses in the country. */
function numbers(map: unknown, field: string, country: string, originals: string[], tracked: string[]): string | void {
  if (!isObject(map)) return `${field} must be an object mapping original numbers to tracked numbers`;
  for (const original in map) {
    const t = map[original];
    const f = `${field}[${show(original)}]`;
    if (!parsePhone(original, country)) return `${f}: ${show(original)} is not a valid ${country} phone number`;
    if (typeof t !== 'string' || !parsePhone(t, country)) return `${f}: the tracked number ${show(t)} is not a valid ${country} phone number`;
    originals.push(original);
    tracked.push(t);
  }
}

/**
 * Validates a config as `mgt('init')` does. Returns '' when it is valid, else one message that
 * names the field (the console shows it after the `[mgt]` prefix).
 */
export function validate(config: unknown): string {
  try {
    const c = config as Config;
    if (!isObject(c)) return 'config must be an object';
    if (!c.mode) return 'config.mode is required';
    const e = shape(top)(c, 'config');
    if (e) return e;
    const country = (c.country || 'FR').toUpperCase();
    const originals: string[] = [];
    const tracked: string[] = [];
    const collecting = /^(origin|traffic|journey)$/.test(c.mode);
    let err = c.numbers && numbers(c.numbers, 'config.numbers', country, originals, tracked);
    if (err) return err;
    if (c.mode === 'invisible' && c.conditions && c.conditions.length) return 'config.conditions: invisible mode swaps the default numbers only';
    if (collecting && !c.endpoint) return `config.endpoint is required in ${c.mode} mode`;
    const ids: Record<string, 1> = {};
    for (let i = 0; i < (c.conditions || []).length; i++) {
      const cond = c.conditions![i];
      const f = `config.conditions[${i}]`;
      if (ids[cond.id]) return `${f}.id ${show(cond.id)} is used twice`;
      ids[cond.id] = 1;
      if (cond.numbers) err = numbers(cond.numbers, `${f}.numbers`, country, originals, tracked);
      if (err) return err;
      if (cond.pool && !collecting) return `${f}.pool needs mode origin, traffic or journey`;
      if (cond.pool && !cond.numbers && !c.numbers) return `${f}.pool needs fallback numbers (the condition's numbers or the default numbers)`;
    }
    // A tracked number that is also an original would be swapped again on the next scan.
    for (const t of tracked) {
      for (const o of originals) {
        if (samePhone(t, o, country)) return `config: the tracked number ${show(t)} is also an original number, so it would be swapped again`;
      }
    }
    return '';
  } catch (x) {
    return `config could not be read (${x})`;
  }
}
