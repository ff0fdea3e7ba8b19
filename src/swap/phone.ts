// Pure phone number parsing and writing for the countries of countries.ts.
import { country, countryOfCode } from './countries';

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

/**
 * Reads a number written in any usual form, national for `iso` ('01 23 45 67 89') or international
 * for any known country ('+33 (0)1 23 45 67 89', '0033 1 23…'). Undefined when it is not a valid
 * number: config validation relies on this to reject a tracked number that could not be dialled.
 */
export function parsePhone(text: string, iso: string): Phone | undefined {
  // Remembered: config validation compares every tracked number with every original.
  let hit = known.get(text);
  if (!hit || hit[0] !== iso) known.set(text, (hit = [iso, parse(String(text), iso)]));
  return hit[1];
}

/** parsePhone's last answer for each text (the numbers of a config, a few dialled ones). */
const known = new Map<string, [string, Phone | undefined]>();

function parse(text: string, iso: string): Phone | undefined {
  const m = /^(\+|00)?(\d+)$/.exec(text.replace(STRIP, ''));
  if (!m) return undefined;
  let d = m[2];
  let k = m[1] ? undefined : country(iso);
  if (m[1]) {
    for (let n = 1; n < 4 && !k; n++) k = countryOfCode(d.slice(0, n));
    if (!k) return undefined;
    d = d.slice(k._cc.length);
    // '+33 (0)1 23…' and the common mistake '+33 01 23…' both carry the trunk after the code.
    if (k._trunk && !k._opt && !d.indexOf(k._trunk) && !k._nsn.test(d)) d = d.slice(k._trunk.length);
  } else if (k && k._trunk) {
    if (!d.indexOf(k._trunk)) d = d.slice(k._trunk.length);
    else if (!k._opt) return undefined;
  }
  return k && k._nsn.test(d) ? { _cc: k._cc, _nsn: d } : undefined;
}

/** E.164, the form numbers are sent in: '+33970000001'. */
/** Whether two written numbers are the same phone number (whatever their form). */
export function samePhone(a: string, b: string, iso: string): boolean {
  const x = parsePhone(a, iso);
  const y = parsePhone(b, iso);
  return !!x && !!y && x._cc === y._cc && x._nsn === y._nsn;
}

export function e164(p: Phone): string {
  return `+${p._cc}${p._nsn}`;
}

/**
 * Writes a number fresh in its country's usual grouping: national '09 70 00 00 01' or
 * international '+33 9 70 00 00 01'. `prefix` replaces '+' ('00'); `compact` leaves out the
 * separators, for tel: links.
 */
export function formatPhone(p: Phone, intl?: boolean, prefix = '+', compact?: boolean): string {
  const k = countryOfCode(p._cc)!;
  const n = p._nsn;
  let sizes = '';
  for (const rule of k._fmt) {
    const [re, s] = rule.split(':');
    if (s === undefined || new RegExp(`^(?:${re})`).test(n)) {
      sizes = s === undefined ? re : s;
      break;
    }
  }
  const groups: string[] = [];
  let i = 0;
  for (const size of sizes) if (i < n.length) groups.push(n.slice(i, (i += +size)));
  if (i < n.length) groups.push(n.slice(i));
  const sep = compact ? '' : k._sep;
  return intl ? prefix + p._cc + (compact ? '' : ' ') + groups.join(sep) : (k._opt ? '' : k._trunk) + groups.join(sep);
}
