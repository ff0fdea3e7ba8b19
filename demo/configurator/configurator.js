// The configurator: turns the form into an mgt config, checks it with the module's own validator
// (dist/mgt.esm.js exports validate), writes the SPEC 3 snippet, and previews it in a sandboxed
// frame. Rows are cloned from <template>s and every value is set as text: no HTML is built from input.
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
const form = $('#cfg');

let validate = null;
let validatorProblem = '';
try {
  const mod = await import('/dist/mgt.esm.js');
  if (typeof mod.validate === 'function') validate = mod.validate;
  else validatorProblem = 'This build of mgt does not export validate(): the config is not checked.';
} catch (err) {
  validatorProblem = `mgt's validator could not be loaded (${err && err.message}): the config is not checked.`;
}

/** Comma-separated text as a list of trimmed non-empty items. */
const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);
/** One item stays a string, several become an array: the shortest config that means the same. */
const oneOrMany = (items) => (items.length === 1 ? items[0] : items);

function addNumberRow(container, original = '', tracked = '') {
  const row = $('#number-row').content.firstElementChild.cloneNode(true);
  row.querySelector('[name=original]').value = original;
  row.querySelector('[name=tracked]').value = tracked;
  container.appendChild(row);
  return row;
}

function addCondition(values = {}) {
  const node = $('#condition').content.firstElementChild.cloneNode(true);
  for (const name of ['id', 'referrer', 'params', 'landing', 'page', 'pool']) node.querySelector(`[name=${name}]`).value = values[name] || '';
  for (const box of $$('[name=source]', node)) box.checked = (values.source || []).includes(box.value);
  const numbers = node.querySelector('[data-numbers]');
  for (const [o, t] of values.numbers || [['', '']]) addNumberRow(numbers, o, t);
  $('#conditions').appendChild(node);
  renumber();
  return node;
}

function renumber() {
  $$('#conditions > .condition').forEach((c, i) => { c.querySelector('legend').textContent = `Condition ${i + 1}`; });
}

function numbersOf(container) {
  const out = {};
  for (const row of $$('.number-row', container)) {
    const original = row.querySelector('[name=original]').value.trim();
    const tracked = row.querySelector('[name=tracked]').value.trim();
    if (original || tracked) out[original] = tracked;
  }
  return out;
}

/** The config the form describes, leaving out every value that is the default. */
export function buildConfig() {
  const mode = form.elements.mode.value;
  const config = { mode };
  const site = form.elements.site.value.trim();
  if (site) config.site = site;
  const conditions = $$('#conditions > .condition').map((node) => {
    const c = { id: node.querySelector('[name=id]').value.trim() };
    const sources = $$('[name=source]:checked', node).map((b) => b.value);
    if (sources.length) c.source = oneOrMany(sources);
    const referrer = list(node.querySelector('[name=referrer]').value);
    if (referrer.length) c.referrer = oneOrMany(referrer);
    const params = list(node.querySelector('[name=params]').value);
    if (params.length) {
      c.params = {};
      for (const p of params) {
        const eq = p.indexOf('=');
        if (eq < 0) c.params[p] = true;
        else c.params[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
      }
    }
    for (const name of ['landing', 'page']) {
      const items = list(node.querySelector(`[name=${name}]`).value);
      if (items.length) c[name] = oneOrMany(items);
    }
    const numbers = numbersOf(node.querySelector('[data-numbers]'));
    if (Object.keys(numbers).length) c.numbers = numbers;
    const pool = node.querySelector('[name=pool]').value.trim();
    if (pool) c.pool = pool;
    return c;
  });
  const endpoint = form.elements.endpoint.value.trim();
  if (endpoint && (['origin', 'traffic', 'journey'].includes(mode) || conditions.some((c) => c.pool))) config.endpoint = endpoint;
  const country = form.elements.country.value.trim().toUpperCase();
  if (country && country !== 'FR') config.country = country;
  const numbers = numbersOf($('#default-numbers'));
  if (Object.keys(numbers).length) config.numbers = numbers;
  if (conditions.length && mode !== 'invisible') config.conditions = conditions;
  if (form.elements.entry.value !== 'first_entry') config.entry = form.elements.entry.value;
  if (form.elements.probabilistic.value !== 'fallback') config.probabilistic = form.elements.probabilistic.value;
  const consent = {};
  if (form.elements.cmp.value !== 'auto') consent.cmp = form.elements.cmp.value;
  if (!form.elements.gpc.checked) consent.gpc = false;
  if (mode === 'rotation' && form.elements.notRequired.checked) consent.required = false;
  if (Object.keys(consent).length) config.consent = consent;
  const days = Number(form.elements.days.value);
  if (form.elements.days.value !== '' && days !== 30) config.cookie = { days };
  const timeout = Number(form.elements.timeout.value);
  if (form.elements.timeout.value !== '' && timeout !== 30) config.session = { timeout };
  if (form.elements.spa.checked) config.spa = true;
  return config;
}

/** The snippet (the same as the README's); '<' is escaped so no value typed in the form can close the script element. */
export function snippetFor(config, src = '/path/to/mgt.js') {
  const json = JSON.stringify(config, null, 2).replace(/</g, '\\u003c').replace(/\n/g, '\n  ');
  const attr = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<script>
  window.mgt = window.mgt || function () { (mgt.q = mgt.q || []).push(arguments); };
  mgt('init', ${json});
</script>
<script src="${attr}"></script>`;
}

const FIELDS = {
  id: 'name', numbers: 'numbers', pool: 'pool', source: 'traffic source', referrer: 'referrer host', params: 'landing URL parameters',
  landing: 'landing page', page: 'only on pages',
};
const SECTIONS = {
  'config.numbers': ['Default numbers', 'section-numbers'], 'config.endpoint': ['Collector URL', 'section-mode'],
  'config.site': ['Site key', 'section-mode'], 'config.country': ['Country of the numbers', 'section-mode'],
  'config.mode': ['Mode', 'section-mode'], 'config.cookie': ['Cookie lifetime', 'section-attribution'],
  'config.session': ['Visit ends after', 'section-attribution'], 'config.consent': ['Consent', 'section-consent'],
  'config.conditions': ['Conditions', 'section-conditions'],
};
const conditionNodes = () => $$('#conditions > .condition');
const same = (a, b) => a.replace(/\D/g, '').slice(-9) === b.replace(/\D/g, '').slice(-9);

/**
 * The validator's message in the form's words, and the part of the form it is about: conditions are
 * counted from 1 as their legends are ("Condition 2", not conditions[1]), and a tracked number that
 * is also an original is reported on the section that sets it.
 * @returns `{ text, node }`
 */
export function explain(message, config) {
  const loop = /^config\.numbers: no tracked number that is also an original \(got "(.*)"\)$/.exec(message);
  if (loop) {
    const number = loop[1];
    const original = Object.keys(config.numbers || {}).find((o) => same(o, number)) || number;
    const what = `tracks calls on ${number}, which is a number on your pages (${original}): mgt would swap it again, and calls on it could not be told from calls on your own number. Give it a tracked number of its own.`;
    const i = (config.conditions || []).findIndex((c) => Object.values(c.numbers || {}).some((t) => same(t, number)));
    if (i >= 0) return { text: `Condition ${i + 1} (${config.conditions[i].id || 'no name'}): ${what}`, node: conditionNodes()[i] };
    return { text: `Default numbers: ${what}`, node: $('#section-numbers') };
  }
  const cond = /^config\.conditions\[(\d+)\](?:\.(\w+))?(.*)$/.exec(message);
  if (cond) {
    const i = Number(cond[1]);
    const field = cond[2] ? ` › ${FIELDS[cond[2]] || cond[2]}` : '';
    return { text: `Condition ${i + 1}${field}${subfield(cond[3])}`, node: conditionNodes()[i] || $('#section-conditions') };
  }
  for (const [path, [label, id]] of Object.entries(SECTIONS)) {
    if (message.startsWith(path)) return { text: label + subfield(message.slice(path.length)), node: document.getElementById(id) };
  }
  return { text: message, node: null };
}

/** ".01 23 45 67 89: a FR phone number…" (a key inside the field) as " › 01 23 45 67 89: …". */
const subfield = (rest) => rest.replace(/^\.([^:]+):/, ' › $1:');

/** Valid, but not what the marketer wants: conditions whose calls cannot be told apart. */
export function warningsFor(config) {
  const out = [];
  const defaults = Object.values(config.numbers || {});
  const seen = [];
  (config.conditions || []).forEach((c, i) => {
    const name = `Condition ${i + 1} (${c.id || 'no name'})`;
    for (const t of Object.values(c.numbers || {})) {
      if (defaults.some((d) => same(d, t))) {
        out.push(`${name} shows ${t}, the default tracked number: calls from its visitors can no longer be told apart from calls of visitors no condition matched. Give it a number of its own.`);
      }
      const other = seen.find((s) => same(s.t, t));
      if (other) out.push(`${name} shows ${t}, as ${other.name} does: calls on it can no longer be told apart between the two.`);
      seen.push({ t, name });
    }
  });
  return out;
}

let lastPreview = '';
function update() {
  const config = buildConfig();
  const error = validate ? validate(config) : '';
  const verdict = $('#verdict');
  const warnings = $('#warnings');
  $('#snippet').value = snippetFor(config, $('#script-src').value.trim() || '/path/to/mgt.js');
  for (const node of $$('.has-error')) node.classList.remove('has-error');
  if (error) {
    const { text, node } = explain(error, config);
    verdict.className = 'verdict bad';
    verdict.textContent = text;
    if (node) node.classList.add('has-error');
    warnings.hidden = true;
    return;
  }
  const warned = warningsFor(config);
  warnings.hidden = !warned.length;
  warnings.textContent = warned.join(' ');
  verdict.className = validate ? 'verdict good' : 'verdict warn';
  verdict.textContent = validate ? (warned.length ? 'Valid configuration, with a warning:' : 'Valid configuration: ready to paste.') : validatorProblem;
  const src = `/configurator/preview?config=${encodeURIComponent(JSON.stringify(config))}${$('#arrive').value ? `&${$('#arrive').value}` : ''}`;
  if (src !== lastPreview) {
    lastPreview = src;
    $('#preview').src = src;
  }
}

let timer;
const schedule = () => { clearTimeout(timer); timer = setTimeout(update, 250); };

form.addEventListener('input', schedule);
form.addEventListener('change', schedule);
$('#arrive').addEventListener('change', update);
$('#script-src').addEventListener('input', schedule);
form.addEventListener('submit', (e) => e.preventDefault());
form.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  if (!target) return;
  if (target.matches('[data-add-number]')) {
    const id = target.getAttribute('data-add-number');
    const container = id ? document.getElementById(id) : target.closest('.condition').querySelector('[data-numbers]');
    addNumberRow(container).querySelector('input').focus();
  } else if (target.matches('[data-remove]')) {
    target.closest('.number-row').remove();
  } else if (target.matches('[data-remove-condition]')) {
    target.closest('.condition').remove();
    renumber();
  } else if (target.id === 'add-condition') {
    addCondition().querySelector('[name=id]').focus();
  } else return;
  schedule();
});

$('#copy').addEventListener('click', async () => {
  const text = $('#snippet').value;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API refused (permissions): select the text for Ctrl+C instead.
    $('#snippet').select();
    $('#copied').textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    return;
  }
  $('#copied').textContent = 'Copied.';
  setTimeout(() => { $('#copied').textContent = ''; }, 2500);
});

// A starting point close to what most sites need: one number, a dedicated number for Google Ads.
form.elements.endpoint.value = location.origin;
addNumberRow($('#default-numbers'), '01 23 45 67 89', '09 70 00 00 01');
addCondition({ id: 'google-ads', source: ['paid'], params: 'gclid', numbers: [['01 23 45 67 89', '09 70 00 00 10']] });
update();
