// Normalises a phone number written in any usual form to E.164, so the collector compares numbers
// the way the platform's telephony does (a call arrives on '+33970000001', whatever the page showed).
// Only the countries the demo uses need a national prefix rule; anything else must be written
// internationally.

/** Calling code and national number length of the countries whose national form we accept. */
const NATIONAL = { FR: { cc: '33', nsn: 9 } };

/** E.164 form of `text` ('+33970000001'), or '' when it is not a phone number we can place. */
export function toE164(text, country = 'FR') {
  if (typeof text !== 'string' || text.length > 40) return '';
  const plain = text.replace(/\(0\)/, '').replace(/[\s.\-/()\u00a0\u202f]/g, '');
  if (!/^(\+|00)?\d+$/.test(plain)) return '';
  let intl = '';
  if (plain.startsWith('+')) intl = plain.slice(1);
  else if (plain.startsWith('00')) intl = plain.slice(2);
  else {
    const rule = NATIONAL[country];
    if (!rule || plain[0] !== '0' || plain.length !== rule.nsn + 1) return '';
    intl = rule.cc + plain.slice(1);
  }
  // French numbers have exactly 9 digits after +33; other countries: E.164 bounds only.
  if (intl.startsWith('33')) return intl.length === 11 && intl[2] !== '0' ? `+${intl}` : '';
  return /^[1-9]\d{6,14}$/.test(intl) ? `+${intl}` : '';
}

/** True when `text` is already an E.164 number ('+33970000001'), the form events carry. */
export function isE164(text) {
  return typeof text === 'string' && /^\+[1-9]\d{6,14}$/.test(text);
}
