// Pure phone number parsing and writing for the countries of countries.ts.
import { country, countryOf, type Country } from './countries';

export { country } from './countries';

export interface Phone {
  /** Calling code digits, '33'. */
  _cc: string;
  /** National significant number digits, '123456789'. */
  _nsn: string;
}

/** Characters people put between the digits of a phone number (SPEC 10.1). */
export const SEPARATORS = '\\s.\\-/()\\u2010-\\u2015';
const STRIP = new RegExp(`[${SEPARATORS}]`, 'g');

/** Whether `d` is a valid NSN of `k`. */
const valid = (k: Country, d: string) => new RegExp(`^(?:${k._nsn})$`).test(d);

/**
 * Reads a number written in any usual form, national for `iso` ('01 23 45 67 89') or international
 * for any known country ('+33 (0)1 23 45 67 89', '0033 1 23…'). Undefined when it is not a valid
 * number: config validation relies on this to reject a tracked number that could not be dialled.
 */
export function parsePhone(text: string, iso: string): Phone | undefined {
  // Remembered: the config's check, the matcher, each event's numbers parse the same few texts (a
  // cold page pays each parse).
  const key = iso + text;
  if (!PARSED.has(key)) PARSED.set(key, parse(text, iso));
  return PARSED.get(key);
}
const PARSED = new Map<string, Phone | undefined>();

function parse(text: string, iso: string): Phone | undefined {
  let d = text.replace(STRIP, '');
  // '+' or '00' starts an international form. (Anything but digits left in d fails valid() below,
  // which every path ends with: no regex of its own to compile on a cold page.)
  const intl = d[0] == '+' ? 1 : d.startsWith('00') && 2;
  const k = intl ? countryOf((d = d.slice(intl))) : country(iso);
  if (!k) return undefined;
  const t = k._trunk;
  if (intl) {
    d = d.slice(k._cc.length);
    // '+33 (0)1 23…' and the common mistake '+33 01 23…' both carry the trunk after the code.
    if (t && !k._opt && !d.indexOf(t) && !valid(k, d)) d = d.slice(t.length);
  } else if (t && !d.indexOf(t)) d = d.slice(t.length);
  else if (t && !k._opt) return undefined;
  return valid(k, d) ? { _cc: k._cc, _nsn: d } : undefined;
}

/** E.164, the form numbers are sent in: '+33970000001'. */
export function e164(p: Phone): string {
  return `+${p._cc}${p._nsn}`;
}

/** Whether two written numbers are the same phone number (whatever their form). */
export function samePhone(a: string, b: string, iso: string): boolean {
  const x = parsePhone(a, iso);
  const y = parsePhone(b, iso);
  return !!x && !!y && e164(x) === e164(y);
}

/**
 * Writes a number fresh in its country's usual grouping: national '09 70 00 00 01', or
 * international after `prefix` ('+' or '00'): '+33 9 70 00 00 01'. `compact` leaves out the
 * separators, for tel: links.
 */
export function formatPhone(p: Phone, prefix = '', compact?: boolean): string {
  const k = countryOf(p._cc)!;
  const n = p._nsn;
  // Every country's last rule has an empty prefix: one always matches.
  const sizes = k._fmt.split(',').map((rule) => rule.split(':')).find(([re]) => new RegExp(`^(?:${re})`).test(n))![1];
  let i = 0;
  const groups = [...sizes].map((size) => n.slice(i, (i += +size)));
  groups.push(n.slice(i));
  return (prefix ? prefix + p._cc + (compact ? '' : ' ') : k._opt ? '' : k._trunk) + groups.filter((g) => g).join(compact ? '' : k._sep || ' ');
}
