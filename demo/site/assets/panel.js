// The demo's control panel. Loaded in <head> between the snippet's stub and dist/mgt.js, so it can
// subscribe to mgt's events through the stub's queue before the first number is swapped, collect
// the module's `[mgt]` debug lines, and note which events this page sends. It renders with DOM
// methods and textContent only, and the panel is marked data-mgt-ignore so the numbers it lists
// are never swapped themselves. The reasons it shows are the module's own (`mgt('state').why`);
// the panel adds only what the module cannot know: what the demo's collector did with a pool.
(function () {
  'use strict';
  var SITE = 'plomberie-martin';
  var SEARCH_HOST = 'www.google.localhost'; // see SEARCH_HOSTS in demo/server.mjs
  var COLLECTING = ['origin', 'traffic', 'journey'];
  var HINTS = {
    invisible: 'Swaps the default numbers only. Nothing is stored or sent, whatever the consent.',
    rotation: 'Numbers follow the traffic source. Stores the attribution with consent; sends nothing.',
    origin: 'Sends visit and call events: identified with consent, anonymous (cookieless) without.',
    traffic: 'As origin, plus a page-view counter.',
    journey: 'As origin, plus every page view with its URL (and title with consent).',
  };
  var log = [];
  var swaps = new Map(); // last 9 digits of a tracked number -> { original, tracked, count }
  var lastConsent = null;
  var dirty = true;
  var config = {};
  var sent = {}; // 'type|ts' of the anonymous events this page sent: the only anonymous ones known to be ours
  var received = []; // every event the collector reported, oldest first
  var myVisitors = {}; // the mgt_visitor IDs this page has had: their events are this visitor's
  var pools = null; // GET /api/pools for the current visitor

  function mgtCall() {
    try { return window.mgt.apply(null, arguments); } catch (e) { return undefined; }
  }
  function digits(n) { return String(n || '').replace(/\D/g, '').slice(-9); }

  // The module's debug lines, for the raw log (the reasons themselves come from mgt('state').why).
  ['debug', 'log', 'info', 'warn', 'error'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      try {
        if (typeof arguments[0] === 'string' && arguments[0].indexOf('[mgt]') === 0) {
          var parts = [];
          for (var i = 0; i < arguments.length; i++) parts.push(typeof arguments[i] === 'string' ? arguments[i] : safeJson(arguments[i]));
          log.push({ level: level, text: parts.join(' ') });
          dirty = true;
        }
      } catch (e) { /* never break the page's console */ }
      return original.apply(console, arguments);
    };
  });

  // Which anonymous events are this page's: they carry no identifier, so the panel notes them as
  // they leave (mgt sends anonymous batches by fetch, identified ones by sendBeacon).
  function noteSent(url, body) {
    if (typeof body !== 'string' || !/\/events$/.test(String(url))) return;
    var batch = JSON.parse(body);
    (batch.events || []).forEach(function (e) { sent[e.type + '|' + e.ts] = true; });
  }
  var realFetch = window.fetch;
  window.fetch = function (input, init) {
    try { noteSent(typeof input === 'string' ? input : input && input.url, init && init.body); } catch (e) { /* not ours */ }
    return realFetch.apply(this, arguments);
  };
  if (navigator.sendBeacon) {
    var realBeacon = navigator.sendBeacon;
    navigator.sendBeacon = function (url, body) {
      try { noteSent(url, body); } catch (e) { /* not ours */ }
      return realBeacon.apply(navigator, arguments);
    };
  }

  mgtCall('on', 'swap', function (e) {
    var key = digits(e.tracked);
    var row = swaps.get(key) || { original: e.original, tracked: e.tracked, count: 0 };
    // Listed as a visitor reads it in the text (09 70 00 00 10), not as in a tel: link.
    if (/^0\d( \d\d){4}$/.test(e.tracked)) { row.tracked = e.tracked; row.original = e.original; }
    row.count++;
    swaps.set(key, row);
    dirty = true;
  });
  mgtCall('on', 'consent', function (e) { lastConsent = e; dirty = true; });

  function safeJson(v) {
    try { return JSON.stringify(v); } catch (e) { return String(v); }
  }

  /** A DOM element with attributes and children (strings become text nodes). */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k.indexOf('on') === 0) node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c != null) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return node;
  }

  function $(id) { return document.getElementById(id); }

  /** True when `value` differs from the last one rendered under `key`: the panel redraws only then,
   *  so buttons stay the same elements while someone clicks them. */
  var rendered = {};
  function changed(key, value) {
    var text = typeof value === 'string' ? value : safeJson(value);
    if (rendered[key] === text) return false;
    rendered[key] = text;
    return true;
  }

  function readCookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].slice(0, eq) === name) return decodeURIComponent(parts[i].slice(eq + 1));
    }
    return null;
  }

  function randomId() {
    var bytes = new Uint8Array(9);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // ---- what the config says about a number ---------------------------------------------------
  function conditionById(id) {
    return (config.conditions || []).filter(function (c) { return c.id === id; })[0];
  }
  /** "condition google-ads's number", "the default number", "a number of the pool ads": for the call explanations. */
  function numberRole(number) {
    var d = digits(number);
    var hit = '';
    (config.conditions || []).forEach(function (c) {
      Object.keys(c.numbers || {}).forEach(function (o) { if (!hit && digits(c.numbers[o]) === d) hit = 'the number of the condition ' + c.id; });
    });
    Object.keys(config.numbers || {}).forEach(function (o) { if (!hit && digits(config.numbers[o]) === d) hit = 'the default number'; });
    return hit || 'a number leased from a pool';
  }
  function first(obj) { var k = Object.keys(obj || {}); return k.length ? obj[k[0]] : ''; }
  /** A number as the page shows it (09 70 00 01 02), rather than as the collector wrote it (+33970000102). */
  function pretty(n) { var row = swaps.get(digits(n)); return row ? row.tracked : n; }

  // ---- 1. settings -------------------------------------------------------------------------
  function setupSettings(panel) {
    var settings = {};
    try { settings = JSON.parse(panel.getAttribute('data-settings') || '{}'); } catch (e) { /* defaults */ }
    try { config = JSON.parse(panel.getAttribute('data-config') || '{}'); } catch (e) { config = {}; }
    var form = $('dp-settings');
    ['mode', 'entry', 'cmp'].forEach(function (k) { if (settings[k]) form.elements[k].value = settings[k]; });
    $('dp-setup-now').textContent = [settings.mode, settings.entry, settings.cmp].filter(Boolean).join(' · ');
    var hint = function () { $('dp-mode-hint').textContent = HINTS[form.elements.mode.value] || ''; };
    form.elements.mode.addEventListener('change', hint);
    hint();
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var body = { mode: form.elements.mode.value, entry: form.elements.entry.value, cmp: form.elements.cmp.value };
      fetch('/api/demo/settings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
        .then(function (r) { if (!r.ok) throw new Error('settings refused'); location.reload(); })
        .catch(function (err) { $('dp-mode-hint').textContent = String(err); });
    });
    return settings;
  }

  // ---- 2. arrivals -------------------------------------------------------------------------
  function setupArrivals() {
    var path = location.pathname;
    var links = document.querySelectorAll('[data-arrive]');
    for (var i = 0; i < links.length; i++) {
      links[i].addEventListener('click', function (e) {
        // Fresh click IDs on every click, as a real ad or social network would add.
        var kind = e.currentTarget.getAttribute('data-arrive');
        e.currentTarget.href = arrivalUrl(kind, path);
      });
      links[i].href = arrivalUrl(links[i].getAttribute('data-arrive'), path);
    }
    $('dp-forget').addEventListener('click', function () {
      var names = document.cookie ? document.cookie.split('; ').map(function (c) { return c.split('=')[0]; }) : [];
      names.forEach(function (n) {
        document.cookie = n + '=; Max-Age=0; Path=/';
        document.cookie = n + '=; Max-Age=0; Path=/; Domain=' + location.hostname;
      });
      try { localStorage.clear(); sessionStorage.clear(); } catch (e) { /* storage blocked */ }
      go(location.pathname);
    });
  }

  function arrivalUrl(kind, path) {
    switch (kind) {
      case 'ads': return path + '?gclid=demo_' + randomId() + '&utm_source=google&utm_medium=cpc&utm_campaign=plombier-lyon';
      case 'organic': return 'http://' + SEARCH_HOST + ':' + location.port + '/search?q=plombier+lyon&to=' + encodeURIComponent(location.origin);
      case 'facebook': return path + '?fbclid=demo_' + randomId();
      case 'newsletter': return path + '?utm_source=newsletter&utm_medium=email&utm_campaign=printemps';
      default: return path;
    }
  }

  /** Navigates without a referrer, as a visitor typing the address would. */
  function go(url) {
    var a = el('a', { href: url, rel: 'noreferrer' });
    document.body.appendChild(a);
    a.click();
  }

  // ---- 3. consent --------------------------------------------------------------------------
  function setupConsent(settings) {
    var buttons = document.querySelectorAll('[data-cmp]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function (e) {
        var what = e.currentTarget.getAttribute('data-cmp');
        if (window.matchMedia('(max-width: 960px)').matches) setOpen(false); // the banner is under the panel on a phone
        try {
          if (settings.cmp === 'klaro' && window.klaro) window.klaro.show(undefined, what === 'preferences');
          else if (settings.cmp === 'tarteaucitron' && window.tarteaucitron) {
            if (what === 'preferences') window.tarteaucitron.userInterface.openPanel();
            else window.tarteaucitron.userInterface.openAlert();
          } else if (window.CookieConsent) {
            if (what === 'preferences') window.CookieConsent.showPreferences();
            else window.CookieConsent.show(true);
          }
        } catch (err) { console.warn('demo: the banner did not open', err); }
      });
    }
  }

  // ---- 4. the decision ---------------------------------------------------------------------
  /** Rows of [label, value, class, why-key, why-sentence]. */
  function kv(list, rows) {
    list.replaceChildren();
    rows.forEach(function (r) {
      list.appendChild(el('dt', { text: r[0] }));
      // A reason without a value of its own takes the value's place; one that explains a value goes
      // under it, across the whole width.
      if (r[1]) list.appendChild(el('dd', { class: r[2] || '', text: r[1], title: r[1] }));
      if (r[4]) list.appendChild(el('dd', { class: 'dp-why' + (r[1] ? ' dp-why-under' : ''), 'data-why': r[3], text: r[4] }));
    });
  }

  /** What the demo's collector did with this visitor's pool, in words (the module cannot know it). */
  function poolReason(state) {
    var cond = conditionById(state.condition);
    if (!cond || !cond.pool || COLLECTING.indexOf(state.mode) < 0) return '';
    var own = first(cond.numbers);
    var shown = pretty(first(state.numbers));
    var name = '“' + cond.pool + '”';
    if (!state.persistent) {
      return 'A number of the pool ' + name + ' is leased to one visitor, which takes their consent. Until then mgt shows the condition’s own number ' + own + ', which names the source, not the visitor.';
    }
    var p = pools && pools[cond.pool];
    if (!shown) return 'mgt is asking the collector for a number of the pool ' + name + '.';
    if (digits(shown) !== digits(own)) {
      return 'Since consent, mgt shows ' + shown + ', leased from the pool ' + name + ' to this visitor' +
        (p ? ' for ' + Math.round(p.ttl / 60) + ' minutes, renewed while a page is open' : '') +
        ': a call on it names this visitor. Before consent it showed the condition’s own number ' + own + '.';
    }
    if (p && p.held >= p.size) {
      return 'The pool ' + name + ' is exhausted: its ' + p.size + ' numbers are each held by another visitor (the next one frees up at ' +
        new Date(p.next_free).toLocaleTimeString() + '). mgt shows the condition’s own number ' + own + ' instead: a call on it names the source, not the visitor.';
    }
    return 'The collector gave no number of the pool ' + name + ' in time: mgt shows the condition’s own number ' + own + ' instead.';
  }

  var poolsKey = '';
  function refreshPools(state) {
    var cond = state && conditionById(state.condition);
    var key = cond && cond.pool && state.persistent ? (state.visitor || '') + safeJson(state.numbers) : '';
    if (!key || key === poolsKey) return;
    poolsKey = key;
    fetch('/api/pools?visitor=' + encodeURIComponent(state.visitor || ''), { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (p) { pools = p; dirty = true; })
      .catch(function () { poolsKey = ''; });
  }

  function renderState() {
    var state = mgtCall('state');
    refreshPools(state);
    if (state && state.visitor) myVisitors[state.visitor] = true;
    if (!changed('state', [state, lastConsent && lastConsent.source, pools, swaps.size, Array.from(swaps.values()).map(function (r) { return r.count; })])) return;
    var consent = state ? state.consent : 'not loaded';
    var badge = $('dp-consent');
    badge.textContent = consent;
    badge.className = 'dp-badge dp-badge-' + consent.replace(/\s/g, '-');
    $('dp-consent-source').textContent = lastConsent ? '(from ' + lastConsent.source + ')' : '';
    if (!state) {
      kv($('dp-state'), [['status', 'mgt has not started yet (dist/mgt.js not loaded, or the config was refused: see the log)']]);
      renderSwaps(state);
      return;
    }
    var why = state.why || {};
    var numbers = Object.keys(state.numbers || {}).map(function (k) { return k + ' \u2192 ' + pretty(state.numbers[k]); }).join('\n') || 'none';
    var rows = [
      ['source', state.source, 'dp-strong', 'source', why.source],
      ['condition', state.condition == null ? 'none: default numbers' : state.condition, 'dp-strong', 'condition', why.condition],
      ['visit', '', '', 'visit', why.visit],
      ['numbers', numbers, 'dp-mono', 'numbers', why.numbers],
    ];
    var pool = poolReason(state);
    if (pool) rows.push(['pool', '', '', 'pool', pool]);
    rows.push(
      ['storage', state.persistent ? 'persistent: cookie + localStorage' : 'cookieless: nothing stored', '', 'storage', why.storage],
      ['events', COLLECTING.indexOf(state.mode) < 0 ? 'none in ' + state.mode + ' mode' : '', '', 'events', why.events],
    );
    if (!state.why) {
      rows.splice(4, 0, ['why', '', '', 'off', 'Debug is off: mgt gives the reason for each decision (mgt(\'state\').why) only while debug is on (debug: true in the config, or ?mgt_debug=1 in the address).']);
    }
    kv($('dp-state'), rows.filter(function (r) { return r[1] || r[4]; }));
    renderSwaps(state);
  }

  // ---- 5. numbers swapped ------------------------------------------------------------------
  function renderSwaps(state) {
    var now = {};
    Object.keys((state && state.numbers) || {}).forEach(function (k) { now[digits(state.numbers[k])] = k; });
    var rows = [];
    swaps.forEach(function (r, key) { rows.push({ key: key, original: r.original, tracked: r.tracked, count: r.count }); });
    // Numbers in the state that no swap event reported yet (the page does not show them yet).
    Object.keys(now).forEach(function (key) {
      if (!swaps.has(key)) rows.push({ key: key, original: now[key], tracked: state.numbers[now[key]], count: 0 });
    });
    // Redrawn only when a row changes, so that a Call button is not replaced while it is clicked.
    if (!changed('swaps', [rows, now])) return;
    var body = $('dp-swaps');
    body.replaceChildren();
    if (!rows.length) {
      body.appendChild(el('tr', null, el('td', { colspan: '3', class: 'dp-muted', text: 'None yet.' })));
      return;
    }
    rows.forEach(function (r) {
      var current = Object.prototype.hasOwnProperty.call(now, r.key);
      body.appendChild(el('tr', { class: current ? 'dp-current' : 'dp-earlier', title: r.count ? 'swapped in ' + r.count + ' places on this page' : 'not in this page yet' },
        el('td', { class: 'dp-mono', text: current ? now[r.key] : r.original }),
        el('td', null,
          el('span', { class: 'dp-mono dp-strong', text: r.tracked }),
          el('span', { class: current ? 'dp-now' : 'dp-muted dp-tag', text: current ? 'shown now' : 'earlier' }),
          null),
        el('td', null, el('button', { type: 'button', class: 'dp-button dp-small', 'data-simulate': r.tracked, 'aria-label': 'Simulate a call on ' + r.tracked, text: 'Call', onclick: function () { simulate(r.tracked); } }))));
    });
  }

  function renderDevice() {
    var cookie = readCookie('mgt_visitor') || '— (none)';
    if (changed('cookie', cookie)) $('dp-cookie').textContent = cookie;
    var session = null;
    try { session = localStorage.getItem('mgt_session'); } catch (e) { session = null; }
    var text = '— (none)';
    var summary = '— (none)';
    if (session) {
      try {
        var s = JSON.parse(session);
        text = JSON.stringify(s, null, 2);
        summary = 'source ' + s.source + ', condition ' + (s.condition || 'none') + ', ' + (s.to_swap || []).length + ' number(s)';
      } catch (e) { text = summary = session; }
    }
    if (changed('session', text)) {
      $('dp-session').textContent = text;
      $('dp-session-summary').textContent = summary;
    }
  }

  function renderLog() {
    $('dp-log-count').textContent = String(log.length);
    var list = $('dp-log');
    while (list.children.length < log.length) {
      var entry = log[list.children.length];
      list.appendChild(el('li', { class: 'dp-log-' + entry.level, text: entry.text }));
    }
  }

  // ---- 5. simulate a call ------------------------------------------------------------------
  function simulate(number) {
    var out = $('dp-call');
    var state = mgtCall('state');
    out.replaceChildren(el('p', { text: 'Calling ' + number + '…' }));
    // The caller is this visitor: the answer is about them, never about someone else shown the same number.
    fetch('/api/simulate-call', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ number: number, visitor: (state && state.visitor) || '' }) })
      .then(function (r) { return r.json(); })
      .then(function (a) { out.replaceChildren.apply(out, describeCall(a, state)); })
      .catch(function (err) { out.replaceChildren(el('p', { text: 'The collector did not answer: ' + err })); });
  }

  function describeCall(a, state) {
    if (a.error) return [el('p', { text: 'Refused: ' + a.error })];
    var nodes = [el('h4', { text: 'Incoming call on ' + a.number })];
    if (a.attribution === 'visitor' && a.visitor) {
      var v = a.visitor;
      nodes.push(el('p', { class: 'dp-strong', text: 'Attributed to one visitor (' + (v.via === 'lease' ? 'the number is leased to them' : 'they were shown this number in their visit') + ').' }));
      var pairs = [['visitor', v.id, 'dp-mono']];
      if (v.visit) {
        pairs.push(['visit', new Date(v.visit.ts).toLocaleString()], ['source', v.visit.source], ['condition', v.visit.condition || 'none'],
          ['landing', v.visit.landing], ['referrer', v.visit.referrer], ['tracking IDs', safeJson(v.visit.tracking_ids)]);
      }
      pairs.push(['pages seen', v.pages.length ? v.pages.join('\n') : String(v.pageviews), 'dp-mono']);
      var dl = el('dl', { class: 'dp-kv' });
      kv(dl, pairs);
      nodes.push(dl);
    } else if (a.attribution === 'statistical') {
      nodes.push(el('p', { class: 'dp-strong', text: 'Cookieless traffic: attributed by probability, from ' + a.statistical.events + ' anonymous events in the last ' + a.statistical.window / 60 + ' minutes.' }));
      var ul = el('ul', { class: 'dp-shares' });
      a.statistical.sources.forEach(function (s) { ul.appendChild(el('li', { text: s.source + ': ' + Math.round(s.share * 100) + ' % (' + s.events + ' events)' })); });
      nodes.push(ul);
    } else {
      nodes.push(el('p', { text: noAttribution(state, a.number) }));
    }
    return nodes;
  }

  /** Why the collector knows nothing of this number, for this page's mode and consent. */
  function noAttribution(state, number) {
    var role = numberRole(number);
    if (!state) return 'mgt has not started on this page.';
    if (COLLECTING.indexOf(state.mode) < 0) {
      return 'In ' + state.mode + ' mode mgt sends nothing, so the collector knows no visitor. The number itself tells the source: it is ' + role + '.';
    }
    if (state.consent === 'unknown' && !state.persistent) {
      return 'The collector has not heard of this visit yet: while you have not answered the banner, mgt holds this page\'s anonymous events until you decide or leave the page. Answer the banner, then call again. (This number is ' + role + '.)';
    }
    if (state.persistent) {
      return 'No event of yours shows this number in your current visit. In ' + state.mode + ' mode mgt reports the number shown when a visit starts' +
        (state.mode === 'origin' ? '' : ' and on each page view') + ' and on each call: this number may belong to another page or an earlier decision. (It is ' + role + '.)';
    }
    return 'No anonymous event showed this number in the last 30 minutes. (It is ' + role + '.)';
  }

  // ---- 7. events ---------------------------------------------------------------------------
  var lastEventId = 0;
  function pollEvents() {
    fetch('/api/events?site=' + SITE + '&since=' + lastEventId, { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        data.events.forEach(function (e) { lastEventId = Math.max(lastEventId, e.id); received.push(e); });
        if (received.length > 1000) received.splice(0, received.length - 1000);
        renderEvents();
      })
      .catch(function () { /* the server is restarting: try again on the next tick */ });
  }

  /** This visitor's events: identified with one of this page's visitor IDs, or anonymous and sent by this page. */
  function renderEvents() {
    var mine = received.filter(function (e) {
      return e.visitor ? myVisitors[e.visitor] === true : e.cookieless && sent[e.type + '|' + e.ts] === true;
    }).reverse().slice(0, 40);
    if (!changed('events', mine.map(function (e) { return e.id; }))) return;
    var list = $('dp-events');
    list.replaceChildren();
    mine.forEach(function (e) {
      var summary = [e.type, e.mode, e.cookieless ? 'cookieless' : 'identified', e.source, e.condition, e.number, e.url || e.page || e.landing, e.count ? 'count ' + e.count : '']
        .filter(function (x) { return x; }).join(' · ');
      list.appendChild(el('li', { class: 'dp-event dp-event-' + e.type + (e.cookieless ? ' dp-event-anon' : '') },
        el('details', null, el('summary', null, el('time', { text: new Date(e.received).toLocaleTimeString() }), ' ' + summary),
          el('pre', { class: 'dp-pre', text: JSON.stringify(e, null, 2) }))));
    });
    if (!mine.length) list.appendChild(el('li', { class: 'dp-muted dp-empty', text: 'Nothing from you yet.' }));
  }

  // ---- open / closed -----------------------------------------------------------------------
  function setOpen(open) {
    var root = document.documentElement;
    root.classList.toggle('dp-open', open);
    root.classList.toggle('dp-closed', !open);
    var button = $('dp-toggle');
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Hide' : 'Show panel';
  }

  function setupToggle() {
    // On a phone the panel starts folded into a bar at the top of the screen: the site stays
    // readable, and the panel is one tap away from anywhere on the page.
    setOpen(!window.matchMedia('(max-width: 960px)').matches);
    $('dp-toggle').addEventListener('click', function () {
      setOpen(!document.documentElement.classList.contains('dp-open'));
    });
  }

  function start() {
    var panel = $('demo-panel');
    if (!panel) return;
    var settings = setupSettings(panel);
    setupArrivals();
    setupConsent(settings);
    setupToggle();
    var tick = function () {
      try {
        renderState();
        renderDevice();
        renderEvents();
        if (dirty) { renderLog(); dirty = false; }
      } catch (e) { console.warn('demo panel', e); }
    };
    tick();
    pollEvents();
    setInterval(tick, 500);
    setInterval(pollEvents, 1500);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
