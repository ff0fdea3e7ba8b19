// The countries whose numbers mgt recognises. Adding a country is a data change: one line below.
//
// Rows end with ';'. Each holds, separated by spaces:
//   1. the ISO 3166-1 alpha-2 code;
//   2. the calling code;
//   3. the trunk prefix dialled before national numbers: '-' when there is none (the national form
//      is the NSN itself, as in Spain or Italy), or 'digits?' when it is optional and never written
//      after the calling code (NANP's '1');
//   4. the valid national significant numbers (NSN), as a regular expression — reasonable, not
//      exhaustive: it only decides which configured numbers are accepted;
//   5. how a number is grouped when it must be written fresh (SPEC 10.2): comma-separated rules
//      `prefix:sizes`, the first whose prefix (a regex, empty for any number) matches the start of
//      the NSN wins; sizes are group lengths, the digits left over make one last group;
//   6. optionally the group separator, a space when absent.
// Canada shares the US row.
const TABLE =
  'FR 33 0 [1-9]\\d{8} :12222;' +
  'BE 32 0 4\\d{8}|[1-9]\\d{7} 4:3222,[2349]:1322,:2222;' +
  'CH 41 0 [1-9]\\d{8} :2322;' +
  'LU 352 - [2-9]\\d{3,10} 6\\d{8}$:333,:2222;' +
  'MC 377 - [4689]\\d{7}|6\\d{8} 6\\d{8}$:12222,:2222;' +
  'DE 49 0 [1-9]\\d{5,12} 30|40|69|89:2,1[5-7]:3,:3;' +
  'ES 34 - [5-9]\\d{8} :3222;' +
  'IT 39 - 0\\d{5,10}|3\\d{8,9} 0[26]:24,3:334,:3;' +
  'NL 31 0 [1-9]\\d{8} 6:18,[1-7]0:234,:33;' +
  'GB 44 0 [1-9]\\d{8,9} 2:244,1\\d1|11|[389]:334,:46;' +
  'US 1 1? [2-9]\\d\\d[2-9]\\d{6} :334 -';

export interface Country {
  /** Calling code digits, '33'. */
  _cc: string;
  /** Trunk prefix digits ('0'), '' when the country has none. */
  _trunk: string;
  /** The trunk may be left out of the national form, and is never written after the calling code. */
  _opt: boolean;
  /** Valid NSN, anchored. */
  _nsn: RegExp;
  /** Grouping rules, as written in the table. */
  _fmt: string[];
  _sep: string;
}

const COUNTRIES: Record<string, Country> = {};
for (const row of TABLE.split(';')) {
  const [iso, cc, trunk, nsn, fmt, sep = ' '] = row.split(' ');
  COUNTRIES[iso] = {
    _cc: cc,
    _trunk: trunk.replace(/\D/g, ''),
    _opt: trunk.indexOf('?') > 0,
    _nsn: new RegExp(`^(?:${nsn})$`),
    _fmt: fmt.split(','),
    _sep: sep,
  };
}
COUNTRIES.CA = COUNTRIES.US;

/**
 * The country of an ISO 3166-1 alpha-2 code, or undefined when mgt does not know it. (Upper-cased,
 * no code can name a property every object has, such as 'constructor'.)
 */
export const country = (iso: string): Country | undefined => COUNTRIES[iso.toUpperCase()];

/**
 * The country whose calling code starts `digits` ('33…' gives France, '1' the NANP row), or
 * undefined. Calling codes are a prefix code: no code starts another, so at most one matches.
 */
export function countryOf(digits: string): Country | undefined {
  for (const iso in COUNTRIES) if (!digits.indexOf(COUNTRIES[iso]._cc)) return COUNTRIES[iso];
  return undefined;
}
