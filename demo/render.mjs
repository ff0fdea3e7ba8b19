// Server-side rendering of the demo pages: the site's mgt config comes from the demo settings,
// and the documented snippet (SPEC 3) is written into each page's <head>, synchronously, with a
// CSP nonce. Everything that varies is escaped here; the page templates are static files.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SITE = fileURLToPath(new URL('./site/', import.meta.url));

/** The business's number, as the site owner writes it in the config. */
export const MAIN = '01 23 45 67 89';
export const SITE_KEY = 'plomberie-martin';

/** The config the plumber's site runs with, for the demo settings chosen in the control panel. */
export function siteConfig(settings, origin) {
  const collecting = ['origin', 'traffic', 'journey'].includes(settings.mode);
  const config = {
    mode: settings.mode,
    site: SITE_KEY,
    numbers: { [MAIN]: '09 70 00 00 01' },
  };
  if (collecting) config.endpoint = origin;
  if (settings.mode !== 'invisible') {
    config.conditions = [
      // Paid clicks get a number of their own; in collecting modes each ad visitor leases one from the
      // pool 'ads' (so a call names the visitor), with the condition's number as the fallback.
      { id: 'google-ads', source: 'paid', params: { gclid: true }, numbers: { [MAIN]: '09 70 00 00 10' }, ...(collecting ? { pool: 'ads' } : {}) },
      { id: 'google-organic', source: 'organic', numbers: { [MAIN]: '09 70 00 00 20' } },
      { id: 'facebook', source: 'social', numbers: { [MAIN]: '09 70 00 00 30' } },
      { id: 'newsletter', source: 'email', numbers: { [MAIN]: '09 70 00 00 40' } },
    ];
    config.entry = settings.entry;
    config.consent = { cmp: settings.cmp };
  }
  config.spa = true;
  config.debug = true;
  return config;
}

/** JSON that is safe inside a <script> element and inside an HTML attribute value. */
export function scriptJson(value, indent) {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** SPEC 3's snippet, inline (with a CSP nonce) then the script tag. */
export function snippet(config, nonce, src = '/dist/mgt.js', between = '') {
  const n = nonce ? ` nonce="${nonce}"` : '';
  return `<script${n}>
  window.mgt = window.mgt || function () { (mgt.q = mgt.q || []).push(arguments); };
  mgt('init', ${scriptJson(config, 2).replace(/\n/g, '\n  ')});
</script>
${between}<script src="${src}"></script>`;
}

/** What each consent banner needs in <head> and at the end of <body>. */
const CMP = {
  cookieconsent: {
    head: '<link rel="stylesheet" href="/vendor/cookieconsent/cookieconsent.css">',
    body: '<script src="/vendor/cookieconsent/cookieconsent.umd.js"></script>\n<script src="/assets/cmp-cookieconsent.js"></script>',
  },
  klaro: {
    head: '',
    body: '<script src="/assets/cmp-klaro.js"></script>\n<script src="/vendor/klaro/klaro.js"></script>',
  },
  tarteaucitron: {
    head: '',
    body: '<script src="/vendor/tarteaucitron/tarteaucitron.js"></script>\n<script src="/assets/cmp-tarteaucitron.js"></script>',
  },
};

const TITLES = {
  home: 'Plomberie Martin — plombier à Lyon, dépannage 24 h/24',
  services: 'Nos services — Plomberie Martin, Lyon',
  contact: 'Contact — Plomberie Martin, Lyon',
  app: 'Espace client — Plomberie Martin',
};

export async function renderSitePage(page, { settings, origin, nonce }) {
  const [layout, content, panel] = await Promise.all([
    readFile(join(SITE, 'layout.html'), 'utf8'),
    readFile(join(SITE, 'pages', `${page}.html`), 'utf8'),
    readFile(join(SITE, 'panel.html'), 'utf8'),
  ]);
  const config = siteConfig(settings, origin);
  const cmp = CMP[settings.cmp];
  // panel.js sits between the stub and mgt.js: it subscribes (through the stub's queue) before
  // the first swap, and collects the module's [mgt] debug lines for the panel.
  const head = `${cmp.head}\n${snippet(config, nonce, '/dist/mgt.js', '<script src="/assets/panel.js"></script>\n')}`;
  const panelHtml = panel
    .replace('{{settings}}', escapeHtml(JSON.stringify(settings)))
    .replace('{{configJson}}', escapeHtml(JSON.stringify(config)))
    .replace('{{config}}', escapeHtml(JSON.stringify(config, null, 2)));
  return layout
    .replace('{{title}}', escapeHtml(TITLES[page]))
    .replace('<!--mgt:head-->', head)
    .replace(`data-nav="${page}"`, `data-nav="${page}" aria-current="page"`)
    .replace('<!--content-->', content)
    .replace('<!--panel-->', panelHtml)
    .replace('<!--cmp-->', cmp.body)
    .replace('{{page}}', page);
}

/**
 * The stand-in search results page, served on a search host so the site receives that referrer.
 * Two ways in, as from a real Google page: the business listing's website link, tagged with
 * utm_medium=organic as site owners usually tag it (works on any host), and the plain result,
 * which only the referrer classifies (organic when the host is a real search engine's name).
 */
export function renderSearchPage(url, host, allowOrigin, port) {
  const q = (url.searchParams.get('q') || 'plombier lyon').slice(0, 100);
  const to = url.searchParams.get('to') || '';
  const target = allowOrigin(to) ? new URL(to) : new URL(`http://127.0.0.1:${port}/`);
  const plain = escapeHtml(target.origin + '/');
  const tagged = escapeHtml(`${target.origin}/?utm_source=google&utm_medium=organic&utm_campaign=fiche-etablissement`);
  const realName = !host.endsWith('.localhost');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(q)} — Recherche (simulation locale)</title><link rel="stylesheet" href="/assets/search.css"></head>
<body>
<header class="bar"><span class="logo" aria-hidden="true">Goggle</span>
<form action="/search" role="search"><label class="sr-only" for="q">Rechercher</label><input id="q" name="q" value="${escapeHtml(q)}"><input type="hidden" name="to" value="${escapeHtml(target.origin)}"><button>Rechercher</button></form></header>
<p class="note" lang="en">Local stand-in for a search engine at <code>${escapeHtml(host)}</code>; nothing leaves this machine.
${realName ? 'This host name is a real search engine\'s, so mgt classifies the plain result below as <strong>organic</strong> by its referrer.'
    : 'The listing\'s <em>Site web</em> link is tagged <code>utm_medium=organic</code>, as site owners tag their business listing, so mgt sees <strong>organic</strong>. The plain result arrives with the referrer of this <code>.localhost</code> host, which is no search engine\'s domain: mgt sees a <strong>referral</strong>. (The demo\'s tests also reach this page as <code>www.google.fr</code> through a browser host mapping, where the plain result is organic by referrer.)'}</p>
<main class="serp">
<aside class="listing" aria-label="Fiche d'établissement">
<h2>Plomberie Martin</h2><p>Plombier · Lyon 2<sup>e</sup> · Ouvert 24 h/24</p>
<p><a class="listing-link" href="${tagged}">Site web</a></p>
</aside>
<ol class="results">
<li><cite>${escapeHtml(target.host)}</cite><h2><a class="result-link" href="${plain}">Plomberie Martin — Plombier à Lyon, dépannage 24 h/24</a></h2><p>Fuite, débouchage, chauffe-eau : intervention en 1 heure dans tout Lyon. Devis gratuit.</p></li>
<li><cite>annuaire.example</cite><h2>Plombiers à Lyon — annuaire</h2><p>Comparez les plombiers de votre quartier.</p></li>
<li><cite>forum.example</cite><h2>Que faire en cas de fuite d'eau ?</h2><p>Coupez l'arrivée d'eau, puis appelez un professionnel.</p></li>
</ol></main></body></html>`;
}

/** Numbers a marketer's config mentions as originals: the preview page shows each of them. */
function originals(config) {
  const set = new Set(Object.keys((config && config.numbers) || {}));
  for (const c of (config && Array.isArray(config.conditions) ? config.conditions : [])) {
    for (const n of Object.keys((c && c.numbers) || {})) set.add(n);
  }
  return [...set].filter((n) => typeof n === 'string' && n.length <= 40).slice(0, 10);
}

/** The configurator's preview: a sample page running the marketer's config through the snippet. */
export async function renderPreview(url, nonce) {
  let config = null;
  const raw = url.searchParams.get('config') || '';
  if (raw.length <= 16_384) { try { config = JSON.parse(raw); } catch { config = null; } }
  const template = await readFile(join(SITE, 'preview.html'), 'utf8');
  const numbers = originals(config);
  const items = numbers.length ? numbers.map((n) => {
    const digits = n.replace(/[^\d+]/g, '');
    return `<li><span class="label">Téléphone</span> <strong>${escapeHtml(n)}</strong> — <a class="button" href="tel:${escapeHtml(digits)}">Appeler</a></li>`;
  }).join('\n') : '<li>Add a default number to see it here.</li>';
  const head = config && typeof config === 'object' ? snippet(config, nonce) : '<!-- no config -->';
  return template.replace('<!--mgt:head-->', head).replace('<!--numbers-->', items);
}
