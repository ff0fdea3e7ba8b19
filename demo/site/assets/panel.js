// The demo's control panel. Loaded in <head> between the snippet's stub and dist/mgt.js, so it can
// subscribe to mgt's events through the stub's queue before the first number is swapped, and
// collect the module's `[mgt]` debug lines. It renders with DOM methods and textContent only,
// and the panel is marked data-mgt-ignore so the numbers it lists are never swapped themselves.
(function () {
  'use strict';
  var SITE = 'plomberie-martin';
  var SEARCH_HOST = 'www.google.localhost'; // see SEARCH_HOSTS in demo/server.mjs
  var HINTS = {
    invisible: 'Swaps the default numbers only. Nothing is stored or sent, whatever the consent.',
    rotation: 'Numbers follow the traffic source. Stores the attribution with consent; sends nothing.',
    origin: 'Sends visit and call events: identified with consent, anonymous (cookieless) without.',
    traffic: 'As origin, plus a page-view counter.',
    journey: 'As origin, plus every page view with its URL (and title with consent).',
  };
  var log = [];
  var swaps = new Map();
  var lastConsent = null;
  var dirty = true;

  function mgtCall() {
    try { return window.mgt.apply(null, arguments); } catch (e) { return undefined; }
  }

  // The module's explanations ("why this source, why this condition") go to the console in debug mode.
  ['debug', 'log', 'info', 'warn', 'error'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      try {
        if (typeof arguments[0] === 'string' && arguments[0].indexOf('[mgt]') === 0) {
          var parts = [];
          for (var i = 0; i < arguments.length; i++) parts.push(typeof arguments[i] === 'string' ? arguments[i] : safeJson(arguments[i]));
          log.push({ level: level, text: parts.join(' '), at: new Date() });
          dirty = true;
        }
      } catch (e) { /* never break the page's console */ }
      return original.apply(console, arguments);
    };
  });

  mgtCall('on', 'swap', function (e) {
    var key = e.original + '\u2192' + e.tracked;
    var row = swaps.get(key) || { original: e.original, tracked: e.tracked, count: 0 };
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

  // ---- 1. settings -------------------------------------------------------------------------
  function setupSettings(panel) {
    var settings = {};
    try { settings = JSON.parse(panel.getAttribute('data-settings') || '{}'); } catch (e) { /* defaults */ }
    var form = $('dp-settings');
    ['mode', 'entry', 'cmp'].forEach(function (k) { if (settings[k]) form.elements[k].value = settings[k]; });
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

  // ---- rendering ---------------------------------------------------------------------------
  function kv(list, pairs) {
    list.replaceChildren();
    pairs.forEach(function (p) {
      list.appendChild(el('dt', { text: p[0] }));
      list.appendChild(el('dd', { text: p[1], class: p[2] || '' }));
    });
  }

  function renderState() {
    var state = mgtCall('state');
    if (!changed('state', [state, lastConsent && lastConsent.source, log.length, swaps.size, Array.from(swaps.values()).map(function (r) { return r.count; })])) return;
    var consent = state ? state.consent : 'not loaded';
    var badge = $('dp-consent');
    badge.textContent = consent;
    badge.className = 'dp-badge dp-badge-' + consent.replace(/\s/g, '-');
    $('dp-consent-source').textContent = lastConsent ? '(last signal from ' + lastConsent.source + ')' : '';
    if (!state) {
      kv($('dp-state'), [['status', 'mgt has not started yet (dist/mgt.js not loaded, or the config was refused: see the log)']]);
      return;
    }
    var numbers = Object.keys(state.numbers || {}).map(function (k) { return k + ' \u2192 ' + state.numbers[k]; }).join('\n') || 'none';
    kv($('dp-state'), [
      ['mode', state.mode],
      ['storage', state.persistent ? 'persistent (cookie + localStorage)' : 'cookieless (nothing stored)'],
      ['source', state.source, 'dp-strong'],
      ['why', why('source') || '—', 'dp-muted'],
      ['condition', state.condition == null ? 'none (default numbers)' : state.condition, 'dp-strong'],
      ['why', why('condition') || '—', 'dp-muted'],
      ['landing', state.landing || '—', 'dp-mono'],
      ['referrer', state.referrer || '—', 'dp-mono'],
      ['numbers', numbers, 'dp-mono'],
      ['visitor', state.visitor || '— (no identifier)', 'dp-mono'],
    ]);
    renderSwaps(state);
  }

  /** The module's latest debug explanation of `what` ("[mgt] source organic — referrer www.google.fr"). */
  function why(what) {
    var prefix = '[mgt] ' + what + ' ';
    for (var i = log.length - 1; i >= 0; i--) {
      if (log[i].text.indexOf(prefix) !== 0) continue;
      var text = log[i].text.slice(prefix.length);
      var dash = text.indexOf(' \u2014 ');
      return dash < 0 ? text : text.slice(dash + 3); // "organic — referrer www.google.fr": the reason only
    }
    return '';
  }

  function renderSwaps(state) {
    var rows = Array.from(swaps.values());
    // Numbers in the state that no swap event reported yet (e.g. a swap before the panel subscribed).
    Object.keys((state && state.numbers) || {}).forEach(function (k) {
      if (!rows.some(function (r) { return r.tracked.replace(/\D/g, '').slice(-9) === state.numbers[k].replace(/\D/g, '').slice(-9); })) {
        rows.push({ original: k, tracked: state.numbers[k], count: 0 });
      }
    });
    var body = $('dp-swaps');
    body.replaceChildren();
    if (!rows.length) {
      body.appendChild(el('tr', null, el('td', { colspan: '3', class: 'dp-muted', text: 'None yet.' })));
      return;
    }
    rows.forEach(function (r) {
      body.appendChild(el('tr', null,
        el('td', { class: 'dp-mono', text: r.original }),
        el('td', { class: 'dp-mono dp-strong', text: r.tracked + (r.count > 1 ? ' \u00d7' + r.count : '') }),
        el('td', null, el('button', { type: 'button', class: 'dp-button dp-small', 'data-simulate': r.tracked, 'aria-label': 'Simulate a call on ' + r.tracked, text: 'Call', onclick: function () { simulate(r.tracked); } }))));
    });
  }

  function renderDevice() {
    var cookie = readCookie('mgt_visitor') || '— (none)';
    if (changed('cookie', cookie)) $('dp-cookie').textContent = cookie;
    var session = null;
    try { session = localStorage.getItem('mgt_session'); } catch (e) { session = null; }
    var text = '— (none)';
    if (session) { try { text = JSON.stringify(JSON.parse(session), null, 2); } catch (e) { text = session; } }
    if (changed('session', text)) $('dp-session').textContent = text;
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
    out.replaceChildren(el('p', { text: 'Calling ' + number + '…' }));
    fetch('/api/simulate-call', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ number: number }) })
      .then(function (r) { return r.json(); })
      .then(function (a) { out.replaceChildren.apply(out, describeCall(a)); })
      .catch(function (err) { out.replaceChildren(el('p', { text: 'The collector did not answer: ' + err })); });
  }

  function describeCall(a) {
    if (a.error) return [el('p', { text: 'Refused: ' + a.error })];
    var nodes = [el('h4', { text: 'Incoming call on ' + a.number })];
    if (a.attribution === 'visitor' && a.visitor) {
      var v = a.visitor;
      nodes.push(el('p', { class: 'dp-strong', text: 'Attributed to one visitor (' + (v.via === 'lease' ? 'the number is leased to them' : 'they were shown this number') + ').' }));
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
      nodes.push(el('p', { text: 'Nobody was shown this number in the last 30 minutes, as far as the collector knows. In invisible and rotation modes nothing is sent: the number itself tells the source (one number per condition).' }));
    }
    return nodes;
  }

  // ---- 7. events ---------------------------------------------------------------------------
  var lastEventId = 0;
  function pollEvents() {
    fetch('/api/events?site=' + SITE + '&since=' + lastEventId, { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var list = $('dp-events');
        data.events.forEach(function (e) {
          lastEventId = Math.max(lastEventId, e.id);
          var summary = [e.type, e.mode, e.cookieless ? 'cookieless' : 'identified', e.source, e.condition, e.number, e.url || e.page || e.landing, e.count ? 'count ' + e.count : '']
            .filter(function (x) { return x; }).join(' · ');
          var item = el('li', { class: 'dp-event dp-event-' + e.type + (e.cookieless ? ' dp-event-anon' : '') },
            el('details', null, el('summary', null, el('time', { text: new Date(e.received).toLocaleTimeString() }), ' ' + summary),
              el('pre', { class: 'dp-pre', text: JSON.stringify(e, null, 2) })));
          list.insertBefore(item, list.firstChild);
        });
        while (list.children.length > 40) list.removeChild(list.lastChild);
        if (!list.children.length) list.appendChild(el('li', { class: 'dp-muted dp-empty', text: 'Nothing yet.' }));
        else { var empty = list.querySelector('.dp-empty'); if (empty && list.children.length > 1) empty.remove(); }
      })
      .catch(function () { /* the server is restarting: try again on the next tick */ });
  }

  function setupToggle() {
    var button = $('dp-toggle');
    var root = document.documentElement;
    root.classList.add('dp-open');
    button.addEventListener('click', function () {
      var open = root.classList.toggle('dp-open');
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? 'Hide' : 'Show panel';
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
      try { renderState(); renderDevice(); if (dirty) { renderLog(); dirty = false; } } catch (e) { console.warn('demo panel', e); }
    };
    tick();
    pollEvents();
    setInterval(tick, 500);
    setInterval(pollEvents, 1500);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
