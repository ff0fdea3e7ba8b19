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

/** SPEC 3's snippet; '<' is escaped so no value typed in the form can close the script element. */
export function snippetFor(config) {
  const json = JSON.stringify(config, null, 2).replace(/</g, '\\u003c').replace(/\n/g, '\n  ');
  return `<script>
  window.mgt = window.mgt || function () { (mgt.q = mgt.q || []).push(arguments); };
  mgt('init', ${json});
</script>
<script src="${location.origin}/dist/mgt.js"></script>`;
}

let lastPreview = '';
function update() {
  const config = buildConfig();
  const error = validate ? validate(config) : '';
  const verdict = $('#verdict');
  $('#snippet').value = snippetFor(config);
  if (error) {
    verdict.className = 'verdict bad';
    verdict.textContent = error;
    return;
  }
  verdict.className = validate ? 'verdict good' : 'verdict warn';
  verdict.textContent = validate ? 'Valid configuration: ready to paste.' : validatorProblem;
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
