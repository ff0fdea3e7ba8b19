// The countries whose numbers mgt recognises. Adding a country is a data change: one line below.
//
// Each row holds:
//   _cc    the calling code;
//   _trunk the trunk prefix dialled before national numbers: '' when there is none (the national
//          form is the NSN itself, as in Spain or Italy);
//   _opt   the trunk is optional and never written after the calling code (NANP's '1');
//   _nsn   the valid national significant numbers (NSN), as a regular expression — reasonable, not
//          exhaustive: it only decides which configured numbers are accepted;
//   _fmt   how a number is grouped when it must be written fresh (SPEC 10.2): comma-separated rules
//          `prefix:sizes`, the first whose prefix (a regex, empty for any number) matches the start
//          of the NSN wins; sizes are group lengths, the digits left over make one last group;
//   _sep   the group separator, a space when absent.
// The rows are used as they are: the regular expressions are compiled where they are used (parsing
// is remembered per text, formatting is rare), so nothing is built for countries a page never uses.
export interface Country {
  _iso: string;
  /** Calling code digits, '33'. */
  _cc: string;
  /** Trunk prefix digits ('0'), '' when the country has none. */
  _trunk: string;
  /** The trunk may be left out of the national form, and is never written after the calling code. */
  _opt?: boolean;
  /** Valid NSN, a regular expression's source. */
  _nsn: string;
  /** Grouping rules, comma-separated. */
  _fmt: string;
  _sep?: string;
}

export const TABLE: Country[] = [
  { _iso: 'FR', _cc: '33', _trunk: '0', _nsn: '[1-9]\\d{8}', _fmt: ':12222' },
  { _iso: 'BE', _cc: '32', _trunk: '0', _nsn: '4\\d{8}|[1-9]\\d{7}', _fmt: '4:3222,[2349]:1322,:2222' },
  { _iso: 'CH', _cc: '41', _trunk: '0', _nsn: '[1-9]\\d{8}', _fmt: ':2322' },
  { _iso: 'LU', _cc: '352', _trunk: '', _nsn: '[2-9]\\d{3,10}', _fmt: '6\\d{8}$:333,:2222' },
  { _iso: 'MC', _cc: '377', _trunk: '', _nsn: '[4689]\\d{7}|6\\d{8}', _fmt: '6\\d{8}$:12222,:2222' },
  { _iso: 'DE', _cc: '49', _trunk: '0', _nsn: '[1-9]\\d{5,12}', _fmt: '30|40|69|89:2,1[5-7]:3,:3' },
  { _iso: 'ES', _cc: '34', _trunk: '', _nsn: '[5-9]\\d{8}', _fmt: ':3222' },
  { _iso: 'IT', _cc: '39', _trunk: '', _nsn: '0\\d{5,10}|3\\d{8,9}', _fmt: '0[26]:24,3:334,:3' },
  { _iso: 'NL', _cc: '31', _trunk: '0', _nsn: '[1-9]\\d{8}', _fmt: '6:18,[1-7]0:234,:33' },
  { _iso: 'GB', _cc: '44', _trunk: '0', _nsn: '[1-9]\\d{8,9}', _fmt: '2:244,1\\d1|11|[389]:334,:46' },
  // Canada shares the US row.
  { _iso: 'US', _cc: '1', _trunk: '1', _opt: true, _nsn: '[2-9]\\d\\d[2-9]\\d{6}', _fmt: ':334', _sep: '-' },
];

/** The country of an ISO 3166-1 alpha-2 code, or undefined when mgt does not know it. */
export function country(iso: string): Country | undefined {
  const code = iso.toUpperCase();
  return TABLE.find((row) => row._iso === (code === 'CA' ? 'US' : code));
}

/**
 * The country whose calling code starts `digits` ('33…' gives France, '1' the NANP row), or
 * undefined. Calling codes are a prefix code: no code starts another, so at most one matches.
 */
export function countryOf(digits: string): Country | undefined {
  return TABLE.find((row) => digits.startsWith(row._cc));
}
