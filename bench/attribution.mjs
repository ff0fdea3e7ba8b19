// The page and config of the attribution and storage benchmark (run.mjs): a small commerce page
// and a journey config with the conditions a site typically sets (source, referrer, landing
// parameters and path), one of which (Google Ads) the benchmark's visitor matches.
import { numbers, page } from './page.mjs';

export const ATTRIBUTION_RUNS = 9;
const ELEMENTS = 300;

const originals = Object.keys(numbers()).slice(0, 3);
const mapping = (prefix) => Object.fromEntries(originals.map((o, i) => [o, `09 70 ${prefix} 00 0${i + 1}`]));

export function attributionConfig(origin, mode) {
  if (mode === 'invisible') return { mode, numbers: mapping('10') };
  return {
    mode,
    endpoint: `${origin}/collect`,
    site: 'bench',
    numbers: mapping('20'),
    consent: { cmp: 'none' },
    spa: true,
    conditions: [
      { id: 'google-ads', source: 'paid', referrer: ['google.fr', 'google.com'], numbers: mapping('10') },
      { id: 'google-ads-any', source: 'paid', numbers: mapping('10') },
      { id: 'email', source: 'email', numbers: mapping('30') },
      { id: 'social', source: 'social', referrer: ['facebook.com', 'instagram.com'], numbers: mapping('40') },
      { id: 'promo', params: { promo: true }, landing: '/promo/*', numbers: mapping('50') },
    ],
  };
}

/** The HTML of the page, with `head` (the timing probe) first and mgt.js at the end of the body. */
export function attributionPage(head) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench attribution</title>${head}</head><body>${page(ELEMENTS).body}<script src="/dist/mgt.js"></script></body></html>`;
}
attributionPage.elements = ELEMENTS;
