// Finds the configured original numbers in a string, in every usual written form, and computes
// their replacements (SPEC 10.1, 10.2). Pure: the DOM side lives in swapper.ts.
//
// One regex finds, natively, each place where a number may start and the run of digits joined by
// separators from there; the run's tokens ('+' and digits) are looked up among the originals'
// forms (national, +cc, 00cc, with or without the trunk), longest first. A few small regexes keep
// scanning fast however many numbers are configured.
import { countryOf, type Country } from './countries';
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
 * (links). `_any` is a cheap pre-filter: a text it does not match holds no original, nor a tracked
 * number as it replaces an original (a copy of swapped content holds them), and most texts with
 * digits (prices, dates, references) fail it. It has no start rule: it also reads texts glued from
 * several nodes (an element's textContent).
 */
export type Matcher = ((s: string, compact?: boolean) => Edited | undefined) & { _any: RegExp };

/**
 * How one written form of an original is replaced: the tracked number; the tokens that take the
 * form's tokens' places, or '' when the tracked number is written fresh, after this prefix ('' for
 * the national form).
 */
type Form = [Phone, string, string];

const GAP = `[${SEPARATORS}]{0,3}`;
// A number never starts or ends inside a longer token: not next to a letter, digit or '+', and not
// one separator away from another digit (IBANs, SIRET, order numbers, dates, times, prices).
const NEAR_CHARS = '\\s.\\-/,:';
const NEAR = `[${NEAR_CHARS}]`;
/** One or two characters a number may come after: none of those, or a separator after a non-digit. */
const BEFORE = `[^\\w+${NEAR_CHARS}]|\\D${NEAR}`;
/**
 * BEFORE, then the run of digits joined by separators (maybe after a '+') from there. It is run on
 * the text after a NUL, which stands for the text's start: BEFORE always reads one character or
 * two, so a search resumed at a run's first token never finds the same run again.
 */
const RUN = new RegExp(`(?:${BEFORE})((?:\\+${GAP})?\\d(?:${GAP}\\d)*)`, 'g');
const ENDS_INSIDE = new RegExp(`^(?:[\\w+]|${NEAR}\\d)`);
/** A token of a run: a digit or '+' (a character test, not a regex: each regex compiles on its first run, on a cold page). */
const isToken = (c: string) => c == '+' || (c >= '0' && c <= '9');

/**
 * Builds the matcher of a mapping original -> tracked (both as written in the config, in the
 * national format of `iso` or international). Undefined when no pair is usable.
 */
export function createMatcher(numbers: Record<string, string>, iso: string): Matcher | undefined {
  const forms = new Map<string, Form>();
  const wants: string[] = [];
  // (Own keys only: a page may have added enumerable properties to Object.prototype.)
  for (const written of Object.keys(numbers)) {
    const from = parsePhone(written, iso);
    const to = parsePhone(numbers[written], iso);
    if (!from || !to) continue;
    // (A parsed number's country is known.)
    const k = countryOf(from._cc)!;
    const kt = countryOf(to._cc)!;
    const t = k._trunk;
    for (const p of ['', '+', '00'])
      for (const trunk of [false, true])
        // Nationally the trunk is written unless it is optional or absent; internationally it is
        // left out, or written as in '+33 (0)1…' (never NANP's).
        if (trunk ? t && !(p && k._opt) : p || !t || k._opt) {
          const write = (x: Phone, c: Country) => (p && p + c._cc) + (trunk ? c._trunk : '') + x._nsn;
          const key = write(from, k);
          const want = write(to, kt);
          // A national original of another country than the tracked number's can only be
          // replaced by the international form, written fresh.
          const fresh = !p && k !== kt;
          const same = !fresh && want.length === key.length;
          forms.set(key, [to, same ? want : '', fresh ? '+' : p]);
          if (same) wants.push(want);
        }
  }
  // Longest first, so that of two originals where one starts the other, the whole one wins.
  const keys = [...forms.keys()];
  const lengths = [...new Set(keys.map((key) => key.length))].sort((a, b) => b - a);
  const min = lengths[lengths.length - 1];
  if (!min) return undefined;

  const matcher = ((s, compact) => {
    let out: string[] | undefined;
    const hits: Edited['_hits'] = [];
    const t = `\0${s}`;
    RUN.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = RUN.exec(t)); ) {
      const run = m[1];
      // Where the run starts in s; unless a number is found here, the next may start further in.
      const i = (RUN.lastIndex -= run.length) - 1;
      const tokens = run.split('').filter(isToken).join('');
      for (const len of lengths) {
        const form = len <= tokens.length && forms.get(tokens.slice(0, len));
        if (!form) continue;
        // The end: just after the len-th token.
        let e = i;
        for (let c = 0; c < len; e++) if (isToken(s[e])) c++;
        if (ENDS_INSIDE.test(s.slice(e, e + 2))) continue;
        const w = s.slice(i, e);
        const [to, want, prefix] = form;
        let j = 0;
        // Same token count: every separator keeps its place, the tokens take the original's places.
        const r = want ? w.split('').map((c) => (isToken(c) ? want[j++] : c)).join('') : formatPhone(to, prefix, compact);
        out = out || s.split('');
        for (let x = 0; x < w.length; x++) out[i + x] = r.length === w.length ? r[x] : x ? '' : r;
        hits.push([i, w, r]);
        RUN.lastIndex = e + 1;
        break;
      }
    }
    return out && { _out: out, _hits: hits };
  }) as Matcher;
  // The pre-filter: the first four digits of some form, an original's or a tracked number's, then
  // enough digits for the shortest form. (Three let through ten times as many texts with digit runs,
  // IBANs, dates, each then read by the matcher, and its subtree scanned element by element.) Between
  // digits, non-word characters ('+' among them): a superset of the separators whose class is far
  // smaller than theirs (`\s` alone is a dozen Unicode ranges). The regex's first runs on the page
  // are its compile, and a bounded gap is compiled unrolled: with `{0,3}` in every head too, that
  // cost 1–2 ms on a cold page, more than reading all the texts of a 1k page; the heads take any
  // gap (a superset again), the tail keeps `{0,3}` (docs/performance.md).
  // (The heads are told apart before their gaps are written: 7 heads for the 500 forms of 50 pairs.)
  const heads = new Set(keys.concat(wants).map((key) => key.replace('+', '').slice(0, 4)));
  matcher._any = new RegExp(`(?:${[...heads].map((head) => [...head].join('\\W*')).join('|')})(?:\\W{0,3}\\d){${min - 4}}`);
  return matcher;
}
