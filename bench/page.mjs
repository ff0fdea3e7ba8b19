// Generates the benchmark pages: realistic French commerce content (paragraphs, tables of prices
// and dates, lists, links) with a given number of elements, and 50 configured phone numbers
// written in mixed forms, some of them in tel: links and title attributes. A page may show fewer
// numbers (`count`): then only the first `count` originals are configured, each shown once.

/** Small deterministic PRNG, so every run measures the same page. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

const WORDS = ('livraison gratuite sous quarante huit heures pour toute commande passée avant midi notre service client '
  + 'répond du lundi au vendredi garantie satisfait ou remboursé retour sous trente jours paiement sécurisé '
  + 'magasin ouvert le samedi horaires facture référence produit disponible stock quantité remise prix').split(' ');

/** The first `count` of the 50 originals (national FR), and their tracked numbers. */
export function numbers(count = 50) {
  const map = {};
  for (let i = 0; i < count; i++) {
    const o = String(10000000 + i * 7919).slice(-8);
    const t = String(i).padStart(8, '0');
    map[`01 ${o.slice(0, 2)} ${o.slice(2, 4)} ${o.slice(4, 6)} ${o.slice(6, 8)}`] = `09 70 ${t.slice(2, 4)} ${t.slice(4, 6)} ${t.slice(6, 8)}`;
  }
  return map;
}

/** One original written in one of the usual forms. */
function written(original, k) {
  const d = original.replace(/\D/g, '');
  const n = d.slice(1);
  const pairs = (x) => x.match(/../g);
  switch (k % 6) {
    case 0: return pairs(d).join(' ');
    case 1: return pairs(d).join('.');
    case 2: return d;
    case 3: return `+33 ${n[0]} ${pairs(n.slice(1)).join(' ')}`;
    case 4: return `+33 (0)${n[0]} ${pairs(n.slice(1)).join('\u00a0')}`;
    default: return `0033 ${n[0]} ${pairs(n.slice(1)).join(' ')}`;
  }
}

/**
 * HTML of a page with about `elements` elements. Returns { html, phones } where phones is how many
 * number occurrences (text and attributes) the page holds.
 */
export function page(elements, count = 50) {
  const r = rng(elements);
  const originals = Object.keys(numbers(count));
  const sentence = (n) => Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
  const price = () => `${(r() * 2000).toFixed(2).replace('.', ',')}\u00a0€`;
  const date = () => `${String(1 + Math.floor(r() * 28)).padStart(2, '0')}/${String(1 + Math.floor(r() * 12)).padStart(2, '0')}/2024 ${String(Math.floor(r() * 24)).padStart(2, '0')}:30`;
  const parts = [];
  let n = 0;
  let phones = 0;
  // Spread the numbers evenly over the page.
  const every = Math.max(1, Math.floor(elements / count));
  let nextPhone = Math.floor(every / 2);
  const phone = () => {
    const k = phones++;
    return written(originals[k % originals.length], k);
  };
  while (n < elements) {
    const kind = Math.floor(r() * 4);
    const withPhone = n >= nextPhone && phones < count;
    if (withPhone) nextPhone += every;
    if (kind === 0) {
      // A paragraph with a link: 3 elements.
      parts.push(`<p>${sentence(12)} <a href="/produit/${n}" title="${sentence(3)}">${sentence(2)}</a> ${withPhone ? `Appelez le ${phone()} ` : ''}${sentence(8)}. Commande n° ${Math.floor(r() * 1e12)} du ${date()}.</p>`);
      n += 2;
    } else if (kind === 1) {
      // A table of prices and dates: 1 + 4 rows x 4 = 21 elements.
      let rows = '';
      for (let i = 0; i < 4; i++) rows += `<tr><td>${sentence(2)}</td><td>${price()}</td><td>${date()}</td></tr>`;
      parts.push(`<table>${rows}</table>`);
      n += 17;
      if (withPhone) { parts.push(`<div class="contact"><a href="tel:${phone().replace(/[^\d+]/g, '')}" title="Appeler">Nous appeler</a></div>`); n += 2; }
    } else if (kind === 2) {
      // A list: 1 + 5 items.
      let items = '';
      for (let i = 0; i < 5; i++) items += `<li>${sentence(4)} <b>${price()}</b></li>`;
      parts.push(`<ul>${items}</ul>`);
      n += 11;
      if (withPhone) { parts.push(`<p>Service client : <span>${phone()}</span></p>`); n += 2; }
    } else {
      // A section heading and a figure: 4 elements.
      parts.push(`<section><h2>${sentence(4)}</h2><img src="data:," alt="${sentence(3)}"><p>${sentence(20)} IBAN FR76 3000 6000 0112 3456 7890 189, SIRET 123 456 789 00012.</p></section>`);
      n += 4;
      if (withPhone) { parts.push(`<p>${phone()}</p>`); n += 1; }
    }
  }
  return { body: parts.join('\n'), phones };
}
