import { describe, expect, it } from 'vitest';
import { country, e164, formatPhone, parsePhone } from '../../../src/swap/phone';

// One row per country of the table: a national number as people write it, its E.164, how mgt
// writes it fresh nationally and internationally.
const COUNTRIES: [string, string, string, string, string][] = [
  ['FR', '01 23 45 67 89', '+33123456789', '01 23 45 67 89', '+33 1 23 45 67 89'],
  ['BE', '02 123 45 67', '+3221234567', '02 123 45 67', '+32 2 123 45 67'],
  ['BE', '0470 12 34 56', '+32470123456', '0470 12 34 56', '+32 470 12 34 56'],
  ['CH', '044 668 18 00', '+41446681800', '044 668 18 00', '+41 44 668 18 00'],
  ['LU', '27 12 34 56', '+35227123456', '27 12 34 56', '+352 27 12 34 56'],
  ['LU', '621 123 456', '+352621123456', '621 123 456', '+352 621 123 456'],
  ['MC', '93 15 15 15', '+37793151515', '93 15 15 15', '+377 93 15 15 15'],
  ['MC', '6 12 34 56 78', '+377612345678', '6 12 34 56 78', '+377 6 12 34 56 78'],
  ['DE', '030 1234567', '+49301234567', '030 1234567', '+49 30 1234567'],
  ['DE', '0151 12345678', '+4915112345678', '0151 12345678', '+49 151 12345678'],
  ['ES', '912 34 56 78', '+34912345678', '912 34 56 78', '+34 912 34 56 78'],
  ['IT', '06 1234 5678', '+390612345678', '06 1234 5678', '+39 06 1234 5678'],
  ['IT', '347 123 4567', '+393471234567', '347 123 4567', '+39 347 123 4567'],
  ['NL', '020 123 4567', '+31201234567', '020 123 4567', '+31 20 123 4567'],
  ['NL', '06 12345678', '+31612345678', '06 12345678', '+31 6 12345678'],
  ['GB', '020 7946 0958', '+442079460958', '020 7946 0958', '+44 20 7946 0958'],
  ['GB', '07700 900123', '+447700900123', '07700 900123', '+44 7700 900123'],
  ['GB', '0161 496 0000', '+441614960000', '0161 496 0000', '+44 161 496 0000'],
  ['US', '212-555-0123', '+12125550123', '212-555-0123', '+1 212-555-0123'],
  ['CA', '(416) 555-0199', '+14165550199', '416-555-0199', '+1 416-555-0199'],
];

describe('parsePhone', () => {
  it.each(COUNTRIES)('%s: reads %s nationally and in every international form', (iso, written, want) => {
    const p = parsePhone(written, iso)!;
    expect(p && e164(p)).toBe(want);
    const intl = formatPhone(p, '+');
    for (const form of [intl, intl.replace('+', '00'), want, intl.replace(/ /g, '\u00a0')]) expect(e164(parsePhone(form, 'FR')!)).toBe(want);
  });

  it('reads the usual French forms', () => {
    for (const form of ['01 23 45 67 89', '01.23.45.67.89', '01-23-45-67-89', '01/23/45/67/89', '0123456789', '01\u00a023\u00a045\u00a067\u00a089',
      '01\u202f23\u202f45\u202f67\u202f89', '+33 1 23 45 67 89', '+33 (0)1 23 45 67 89', '+33 01 23 45 67 89', '0033 1 23 45 67 89', '+33123456789'])
      expect(parsePhone(form, 'FR'), form).toEqual({ _cc: '33', _nsn: '123456789' });
  });

  it('reads NANP numbers with or without the leading 1', () => {
    for (const form of ['(212) 555-0123', '1-212-555-0123', '212.555.0123', '+1 (212) 555-0123', '001 212 555 0123'])
      expect(parsePhone(form, 'US'), form).toEqual({ _cc: '1', _nsn: '2125550123' });
  });

  it('rejects what is not a valid number of the country', () => {
    for (const [form, iso] of [['1 23 45 67 89', 'FR'], ['01 23 45 67 8', 'FR'], ['01 23 45 67 890', 'FR'], ['00 23 45 67 89', 'FR'],
      ['01 23 45 67 89', 'XX'], ['+99 1 23 45 67', 'FR'], ['tel:0123456789', 'FR'], ['01 23 45 67 89 poste 12', 'FR'], ['', 'FR'],
      ['112-555-0123', 'US'], ['+1 212 155 0123', 'FR'], ['412345678', 'ES'], ['0612345678', 'ES']])
      expect(parsePhone(form, iso), `${form} (${iso})`).toBeUndefined();
  });

  it('knows every country of the table and no other', () => {
    for (const iso of ['FR', 'BE', 'CH', 'LU', 'MC', 'DE', 'ES', 'IT', 'NL', 'GB', 'US', 'CA', 'fr']) expect(country(iso), iso).toBeDefined();
    expect(country('XX')).toBeUndefined();
  });
});

describe('formatPhone', () => {
  it.each(COUNTRIES)('%s: writes %s in the usual national and international grouping', (iso, written, _e164, national, international) => {
    const p = parsePhone(written, iso)!;
    expect(formatPhone(p)).toBe(national);
    expect(formatPhone(p, '+')).toBe(international);
  });

  it('writes the 00 prefix and compact forms', () => {
    const p = parsePhone('09 70 00 00 01', 'FR')!;
    expect(formatPhone(p, '00')).toBe('0033 9 70 00 00 01');
    expect(formatPhone(p, '+', true)).toBe('+33970000001');
    expect(formatPhone(p, '', true)).toBe('0970000001');
  });
});

describe('parsePhone remembers its answers', () => {
  it('gives the same answer again, and a per-country one for the same text', () => {
    expect(parsePhone('06 12 34 56 78', 'FR')).toEqual({ _cc: '33', _nsn: '612345678' });
    expect(parsePhone('06 12 34 56 78', 'FR')).toEqual({ _cc: '33', _nsn: '612345678' });
    expect(parsePhone('0612345678', 'BE')).toEqual(parsePhone('0612345678', 'BE'));
    expect(parsePhone('612345678', 'ES')).toEqual({ _cc: '34', _nsn: '612345678' });
    expect(parsePhone('612345678', 'FR')).toBeUndefined();
    expect(parsePhone('612345678', 'ES')).toEqual({ _cc: '34', _nsn: '612345678' });
  });
});
