// Finds the configured original numbers in a string, in every usual written form, and computes
// their replacements (SPEC 10.1, 10.2). Pure: the DOM side lives in swapper.ts.
//
// A small regex finds runs of digits joined by separators; each run is then read as its digit
// string and looked up among the originals' digit strings (national, +cc, 00cc, with or without
// the trunk). One small regex keeps scanning fast however many numbers are configured.
import { countryOfCode } from './countries';
import { formatPhone, parsePhone, SEPARATORS, type Phone } from './phone';

/** What an edit did: the new text of every character of the input, and each replacement. */
export interface Edited {
  /** `_out[i]` replaces character i: itself, another digit, a whole fresh number, or ''. */
  _out: string[];
  /** [index, original as written, tracked as written]. */
  _hits: [number, string, string][];
}

/**
 * Finds and replaces the originals in `s`; `compact` writes fresh numbers without separators
 * (links). `_long` is a cheap pre-filter: a text it does not match holds no whole original, and
 * most texts with digits (prices, dates, references) fail it. `_any` is the same without the
 * start rule, for texts glued from several nodes (an element's textContent).
 */
export type Matcher = ((s: string, compact?: boolean) => Edited | undefined) & { _long: RegExp; _any: RegExp };

/** How one written form of an original is replaced: original, tracked, international prefix, trunk written. */
type Form = [Phone, Phone, string, boolean];

const GAP = `[${SEPARATORS}]{0,3}`;
const RUN = new RegExp(`(?:\\+${GAP})?\\d(?:${GAP}\\d)*`, 'g');
// A number never starts or ends inside a longer token: not next to a letter, digit or '+', and not
// one separator away from another digit (IBANs, SIRET, order numbers, dates, times, prices).
const NEAR_CHARS = '\\s.\\-/,:';
const NEAR = `[${NEAR_CHARS}]`;
const BEFORE = new RegExp(`(?:[\\w+]|\\d${NEAR})$`);
const AFTER = new RegExp(`^(?:[\\w+]|${NEAR}\\d)`);
const TOKEN = /[\d+]/;
const NOT_TOKEN = /[^\d+]/g;

/**
 * Builds the matcher of a mapping original -> tracked (both as written in the config, in the
 * national format of `iso` or international). Undefined when no pair is usable.
 */
export function createMatcher(numbers: Record<string, string>, iso: string): Matcher | undefined {
  const forms = new Map<string, Form>();
  for (const written in numbers) {
    const from = parsePhone(written, iso);
    const to = parsePhone(numbers[written], iso);
    const k = from && countryOfCode(from._cc);
    if (!to || !k) continue;
    const add = (key: string, prefix: string, trunk: boolean) => forms.set(key, [from!, to, prefix, trunk]);
    const t = k._trunk;
    const n = from!._nsn;
    add((k._opt ? '' : t) + n, '', !k._opt && !!t);
    if (k._opt) add(t + n, '', true);
    for (const p of ['+', '00']) {
      add(p + k._cc + n, p, false);
      if (t && !k._opt) add(p + k._cc + t + n, p, true);
    }
  }
  // Longest first, so that of two originals where one starts the other, the whole one wins.
  const lengths = [...new Set([...forms.keys()].map((key) => key.length))].sort((a, b) => b - a);
  const min = lengths[lengths.length - 1];
  if (!min) return undefined;

  const matcher = ((s, compact) => {
    let out: string[] | undefined;
    const hits: Edited['_hits'] = [];
    let m: RegExpExecArray | null;
    RUN.lastIndex = 0;
    while ((m = RUN.exec(s))) {
      const run = m[0];
      if (run.length < min) continue;
      const tokens = run.replace(NOT_TOKEN, '');
      // i walks the run's characters, k its tokens ('+' and digits).
      for (let k = 0, i = m.index; k + min <= tokens.length; k++, i++) {
        while (!TOKEN.test(s[i])) i++;
        // Inside a digit run (the common case) no number starts: skip the regex.
        if (k && TOKEN.test(s[i - 1])) continue;
        if (BEFORE.test(s.slice(i < 2 ? 0 : i - 2, i))) continue;
        for (const len of lengths) {
          const form = k + len <= tokens.length && forms.get(tokens.substr(k, len));
          if (!form) continue;
          // The end: just after the len-th token from i.
          let e = i;
          for (let c = 0; c < len; e++) if (TOKEN.test(s[e])) c++;
          if (AFTER.test(s.slice(e, e + 2))) continue;
          const w = s.slice(i, e);
          const [from, to, prefix, trunk] = form;
          // A national original of another country than the tracked number's can only be
          // replaced by the international form, written fresh.
          const intl = prefix || from._cc !== to._cc;
          const want = (prefix ? (prefix === '00' ? '00' : '') + to._cc : '') + (trunk ? countryOfCode(to._cc)!._trunk : '') + to._nsn;
          let r: string;
          if (want.length === len - (prefix === '+' ? 1 : 0) && (prefix || !intl)) {
            // Same digit count: every separator keeps its place, the digits take the original's places.
            let j = 0;
            r = w.replace(/\d/g, () => want[j++]);
          } else r = formatPhone(to, !!intl, prefix || '+', compact);
          out = out || s.split('');
          if (r.length === w.length) for (let x = 0; x < r.length; x++) out[i + x] = r[x];
          else for (let x = 0; x < w.length; x++) out[i + x] = x ? '' : r;
          hits.push([i, w, r]);
          k += len - 1;
          i = e - 1;
          break;
        }
      }
    }
    return out && { _out: out, _hits: hits };
  }) as Matcher;
  // The pre-filter: where a number may start (the rule of BEFORE), the first three tokens of
  // some form, then enough digits for the shortest form.
  const heads = new Set([...forms.keys()].map((key) => [...key.slice(0, 3)].join(GAP).replace('+', '\\+')));
  const body = `(?:${[...heads].join('|')})(?:${GAP}\\d){${min - 3}}`;
  matcher._long = new RegExp(`(?:^|[^\\w+${NEAR_CHARS}]|(?:^|\\D)${NEAR})${body}`);
  matcher._any = new RegExp(body);
  return matcher;
}
