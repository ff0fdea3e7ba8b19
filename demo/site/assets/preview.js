// The configurator's sample page: says what mgt decided, outside the swapped content, and when no
// condition matched, which field of each condition did not: a condition matches only when every
// field it sets matches (SPEC 5). The module's own reason (mgt('state').why, with debug) comes first.
(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  var config = {};
  try { config = JSON.parse(query.get('config') || '{}') || {}; } catch (e) { config = {}; }

  var asList = function (v) { return v == null ? [] : Array.isArray(v) ? v : [v]; };
  var glob = function (pattern, path) {
    var re = String(pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    return new RegExp('^' + re + '$').test(path);
  };
  var pathOf = function (url) { try { return new URL(url, location.href).pathname; } catch (e) { return String(url); } };

  /** The first field of `c` that does not match, in words, or '' when every field it sets matches. */
  function mismatch(c, state) {
    var sources = asList(c.source);
    if (sources.length && sources.indexOf(state.source) < 0) return 'the source is ' + state.source + ', not ' + sources.join(' or ');
    var refs = asList(c.referrer);
    var host = state.referrer === 'direct' ? '' : pathHost(state.referrer);
    if (refs.length && !refs.some(function (r) { return host && (host === r || host.slice(-r.length - 1) === '.' + r); })) {
      return 'the referrer is ' + (host || 'none (direct)') + ', not ' + refs.join(' or ');
    }
    var params = c.params || {};
    for (var k in params) {
      var got = query.get(k);
      if (params[k] === true ? got === null : got === null || got.toLowerCase() !== String(params[k]).toLowerCase()) {
        return 'the landing URL has ' + (got === null ? 'no ' + k + ' parameter' : k + '=' + got) + (params[k] === true ? '' : ', not ' + k + '=' + params[k]);
      }
    }
    var landing = asList(c.landing);
    if (landing.length && !landing.some(function (p) { return glob(p, pathOf(state.landing)); })) return 'the landing page ' + pathOf(state.landing) + ' is not ' + landing.join(' or ');
    var page = asList(c.page);
    if (page.length && !page.some(function (p) { return glob(p, location.pathname); })) return 'this page ' + location.pathname + ' is not ' + page.join(' or ');
    return '';
  }
  function pathHost(origin) { try { return new URL(origin).hostname; } catch (e) { return ''; } }

  function show() {
    var out = document.getElementById('preview-status');
    var state;
    try { state = window.mgt && window.mgt('state'); } catch (e) { state = undefined; }
    if (!state) { out.textContent = 'mgt did not start: the config was refused, or dist/mgt.js is missing.'; return; }
    var numbers = Object.keys(state.numbers || {}).map(function (k) { return k + ' → ' + state.numbers[k]; }).join(', ');
    var lines = ['mode ' + state.mode + ' · source ' + state.source + ' · condition ' + (state.condition || 'none') +
      ' · consent ' + state.consent + (numbers ? ' · ' + numbers : '')];
    if (state.why && state.why.condition) lines.push(state.why.condition);
    var conditions = Array.isArray(config.conditions) ? config.conditions : [];
    if (state.condition == null && conditions.length) {
      lines.push('No condition matched, so the default numbers show. A condition matches only when every field it sets matches:');
      conditions.forEach(function (c, i) {
        lines.push('Condition ' + (i + 1) + ' (' + (c.id || 'no name') + '): ' + (mismatch(c, state) || 'matches on this page'));
      });
    }
    out.replaceChildren();
    lines.forEach(function (line, i) {
      var p = document.createElement(i ? 'span' : 'strong');
      p.textContent = line;
      out.appendChild(p);
      out.appendChild(document.createElement('br'));
    });
  }
  show();
  setTimeout(show, 300);
})();
