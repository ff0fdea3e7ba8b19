import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/swap/matcher';
import { formatPhone, parsePhone } from '../../../src/swap/phone';

/** The text after swapping, or null when nothing was found. */
function swap(numbers: Record<string, string>, text: string, iso = 'FR', compact = false): string | null {
  const r = createMatcher(numbers, iso)!(text, compact);
  return r ? r._out.join('') : null;
}

/** `form` with its digits replaced, in order, by `digits`. */
const place = (form: string, digits: string) => {
  let i = 0;
  return form.replace(/\d/g, () => digits[i++]);
};

// Per country: an original and a tracked number with the same digit count, both national.
const PAIRS: [string, string, string][] = [
  ['FR', '01 23 45 67 89', '09 70 00 00 01'],
  ['BE', '02 123 45 67', '02 555 00 01'],
  ['BE', '0470 12 34 56', '0470 99 00 01'],
  ['CH', '044 668 18 00', '044 500 00 01'],
  ['LU', '27 12 34 56', '27 99 00 01'],
  ['MC', '93 15 15 15', '93 10 00 01'],
  ['DE', '030 1234567', '030 7654321'],
  ['ES', '912 34 56 78', '910 00 00 01'],
  ['IT', '06 1234 5678', '06 9876 5432'],
  ['IT', '347 123 4567', '347 000 0001'],
  ['NL', '020 123 4567', '020 765 4321'],
  ['GB', '020 7946 0958', '020 7946 0000'],
  ['US', '212-555-0123', '415-555-0100'],
  ['CA', '416-555-0199', '604-555-0100'],
];

describe('every usual written form of SPEC 10.1, for every country', () => {
  for (const [iso, original, tracked] of PAIRS) {
    const o = parsePhone(original, iso)!;
    const t = parsePhone(tracked, iso)!;
    const grouped = formatPhone(o);
    const intl = formatPhone(o, '+');
    const trunk = grouped.replace(/\D/g, '').length > o._nsn.length ? grouped.replace(/\D/g, '')[0] : '';
    const national = (iso === 'US' || iso === 'CA' ? '' : trunk) + t._nsn;
    const forms: [string, string][] = [
      [grouped, national],
      [grouped.replace(/ /g, '\u00a0'), national],
      [grouped.replace(/ /g, '\u202f'), national],
      [grouped.replace(/[ -]/g, '.'), national],
      [grouped.replace(/ /g, '-'), national],
      [grouped.replace(/[ -]/g, '/'), national],
      [grouped.replace(/\D/g, ''), national],
      [intl, t._cc + t._nsn],
      [intl.replace('+', '00'), `00${t._cc}${t._nsn}`],
      [`+${o._cc}${o._nsn}`, t._cc + t._nsn],
    ];
    if (trunk && iso !== 'US' && iso !== 'CA') forms.push([intl.replace(' ', ` (${trunk})`), t._cc + trunk + t._nsn]);
    if (iso === 'US') forms.push(['(212) 555-0123', national], ['1-212-555-0123', `1${national}`], ['+1 (212) 555-0123', `1${t._nsn}`]);
    it.each(forms)(`${iso} ${original}: finds %j and keeps its separators`, (form, digits) => {
      expect(swap({ [original]: tracked }, `Appelez le ${form} maintenant`, iso)).toBe(`Appelez le ${place(form, digits)} maintenant`);
    });
    it.each(forms)(`${iso} ${original}: the pre-filter passes %j, and its swapped text (a copy of ours)`, (form, digits) => {
      const any = createMatcher({ [original]: tracked }, iso)!._any;
      expect(any.test(`Appelez le ${form} maintenant`)).toBe(true);
      expect(any.test(`Appelez le ${place(form, digits)} maintenant`)).toBe(true);
    });
  }
});

describe('replacement (SPEC 10.2)', () => {
  const fr = { '01 23 45 67 89': '09 70 00 00 01' };

  it('keeps every separator in place', () => {
    expect(swap(fr, '01.23.45.67.89')).toBe('09.70.00.00.01');
    expect(swap(fr, '+33 (0)1 23 45 67 89')).toBe('+33 (0)9 70 00 00 01');
    expect(swap(fr, '0033 1 23 45 67 89')).toBe('0033 9 70 00 00 01');
    expect(swap(fr, '+33 01 23 45 67 89')).toBe('+33 09 70 00 00 01');
    expect(swap(fr, '(01) 23-45-67-89')).toBe('(09) 70-00-00-01');
  });

  it('finds a number however the config writes it', () => {
    expect(swap({ '+33 1 23 45 67 89': '+33970000001' }, 'Tél. : 01 23 45 67 89')).toBe('Tél. : 09 70 00 00 01');
    expect(swap({ '0123456789': '0970000001' }, 'Tél. : +33 1 23 45 67 89')).toBe('Tél. : +33 9 70 00 00 01');
  });

  it('writes the tracked number in the usual format when the digit counts differ', () => {
    expect(swap({ '01 23 45 67 89': '+32 2 123 45 67' }, 'Tél. 01.23.45.67.89 !')).toBe('Tél. +32 2 123 45 67 !');
    expect(swap({ '+32 2 123 45 67': '01 23 45 67 89' }, 'Tél. +32 2 123 45 67 !')).toBe('Tél. +33 1 23 45 67 89 !');
    expect(swap({ '+32 2 123 45 67': '01 23 45 67 89' }, 'Tél. 0032 2 123 45 67 !')).toBe('Tél. 0033 1 23 45 67 89 !');
    expect(swap({ '030 1234567': '030 12345678' }, 'Tel. 030/1234567', 'DE')).toBe('Tel. 030 12345678');
    expect(swap({ '030 1234567': '030 12345678' }, 'Tel. +49 (0)30 1234567', 'DE')).toBe('Tel. +49 30 12345678');
    expect(swap({ '030 1234567': '030 12345678' }, 'tel:+49301234567', 'DE', true)).toBe('tel:+493012345678');
  });

  it('swaps several numbers and several occurrences', () => {
    const two = { ...fr, '06 12 34 56 78': '07 00 00 00 02' };
    expect(swap(two, '01 23 45 67 89 - 06.12.34.56.78 - 0123456789')).toBe('09 70 00 00 01 - 07.00.00.00.02 - 0970000001');
  });

  it('reports each replacement as written', () => {
    const r = createMatcher(fr, 'FR')!('a 01 23 45 67 89 b +33123456789');
    expect(r!._hits).toEqual([[2, '01 23 45 67 89', '09 70 00 00 01'], [19, '+33123456789', '+33970000001']]);
  });

  it('is idempotent: a swapped text has nothing left to swap', () => {
    expect(swap(fr, swap(fr, 'Tél. 01 23 45 67 89')!)).toBeNull();
  });

  it('ignores pairs that are not valid numbers, and an empty mapping', () => {
    expect(createMatcher({}, 'FR')).toBeUndefined();
    expect(createMatcher({ '12': '09 70 00 00 01', '01 23 45 67 89': 'abc' }, 'FR')).toBeUndefined();
  });

  it('tells apart numbers of different lengths that start alike', () => {
    const lu = { '27 12 34': '27 99 00', '27 12 34 56': '27 99 00 01' };
    expect(swap(lu, '27 12 34 56 et 27 12 34', 'LU')).toBe('27 99 00 01 et 27 99 00');
  });
});

describe('near-misses that must not match', () => {
  const fr = { '01 23 45 67 89': '09 70 00 00 01', '01 23 20 24 12': '09 70 00 00 02', '06 00 01 12 34': '09 70 00 00 03' };
  it.each([
    ['a longer digit run', 'Réf. 0123456789012'],
    ['a longer digit run, before', 'Réf. 10123456789'],
    ['a longer grouped run', 'n° 01 23 45 67 89 12'],
    ['a longer grouped run, before', 'n° 33 01 23 45 67 89'],
    ['a date and time', 'le 01/23/2024 12:30'],
    ['a date and time, dotted', 'le 01.23.2024 12:30'],
    ['a time', '01:23:45:67:89'],
    ['a price', 'Total : 0 123 456 789,00 €'],
    ['a price, dotted', 'Total : 0.123.456.789,00 €'],
    ['an IBAN', 'IBAN FR76 3000 6000 0112 3456 7890 189'],
    ['an IBAN holding the number', 'IBAN FR76 3000 6000 0123 4567 8901 234'],
    ['a compact IBAN', 'FR7630006000011234567890189'],
    ['an order number', 'Commande CMD0123456789'],
    ['an order number with a suffix', 'Commande 0123456789A'],
    ['an order number with separators', 'Commande 2024-01-23-45-67-89'],
    ['a SIRET', 'SIRET 012 345 678 90012'],
    ['a SIREN', 'SIREN 012 345 678 - RCS Paris'],
    ['a version number', 'v1.01.23.45.67.89'],
    ['another number', '01 23 45 67 88'],
    ['a shorter number', '01 23 45 67'],
    ['another country', '+32 1 23 45 67 89'],
    ['a national number without its trunk', '1 23 45 67 89'],
    ['an underscore id', 'id_0123456789'],
    ['a number in a longer international run', '+3301234567890'],
  ])('%s: %s', (_why, text) => {
    expect(swap(fr, text)).toBeNull();
  });

  it('still finds the number right next to punctuation', () => {
    expect(swap(fr, '(01 23 45 67 89), 01 23 45 67 89. Tél:0123456789; «01 23 45 67 89»')).toBe('(09 70 00 00 01), 09 70 00 00 01. Tél:0970000001; «09 70 00 00 01»');
  });
});

describe('the pre-filter (_any)', () => {
  it('rejects a run that shares only the first three tokens of a form (an IBAN, a date): the scan skips its subtree', () => {
    const any = createMatcher({ '01 10 00 79 19': '09 70 00 00 01' }, 'FR')!._any;
    expect(any.test('IBAN FR76 3000 6000 0112 3456 7890 189')).toBe(false);
    expect(any.test('le 01/12/2024 à 14:30')).toBe(false);
    expect(any.test('IBAN FR76 3000 6000 0110 0079 1900 189')).toBe(true);
  });
});

describe('a hostile page', () => {
  it('an enumerable property added to Object.prototype changes nothing (Prototype.js, MooTools)', () => {
    const proto = Object.prototype as any;
    proto.polluted = 1;
    proto.FR = 1;
    try {
      expect(swap({ '01 23 45 67 89': '09 70 00 00 01' }, 'Tél. 01 23 45 67 89')).toBe('Tél. 09 70 00 00 01');
      expect(formatPhone(parsePhone('+33970000001', 'FR')!, '+')).toBe('+33 9 70 00 00 01');
      expect(parsePhone('01 23 45 67 89', 'polluted')).toBeUndefined();
    } finally {
      delete proto.polluted;
      delete proto.FR;
    }
  });

  it('builds the matcher of 5,000 numbers, each found', () => {
    const numbers: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) numbers[`01 23 ${String(i).padStart(4, '0').replace(/(..)(..)/, '$1 $2')} 00`] = '09 70 00 00 01';
    const m = createMatcher(numbers, 'FR')!;
    expect(m('Tél. 01 23 49 99 00 ou 01 23 00 00 00')!._out.join('')).toBe('Tél. 09 70 00 00 01 ou 09 70 00 00 01');
  });
});
