// In-page half of the swap-engine property tests (test/e2e/property/swap-engine.spec.ts). Plain
// browser JavaScript, injected inline into the test page. It builds the same generated DOM in two
// documents — the page, where dist/mgt.js runs, and a same-origin iframe where it does not (the
// control) — replays the same mutations in both, and after each settle compares them:
//
//   - structure: same nodes, same tags, same attributes; only the class `mgt-number` may be added;
//   - numbers: every difference between the page and the control is a configured original (as the
//     control shows it) replaced, digit for digit, by its tracked number — never a mix; inside a
//     skipped zone (SPEC 10.3) there is no difference at all, in a copy the page made of swapped
//     content neither; outside, an original the engine must recognise (clear boundaries, SPEC 10.1)
//     is not left showing;
//   - no page error, Object.prototype untouched.
//
// Then mgt('restore') must give, byte for byte (shadow roots included), the control's DOM.
// Nodes are addressed by their index in tree order (modulo the count), which is the same in both
// documents because the module never adds or removes nodes.
(function () {
  'use strict';
  var SEP = '\\s.\\-/()\\u2010-\\u2015';
  var IS_SEP = new RegExp('[' + SEP + ']');
  var NEAR = /[\s.\-/,:]/;
  var NOT_BEFORE = /[\w+\s.\-/,:]/;
  var ENDS_INSIDE = /^(?:[\w+]|[\s.\-/,:]\d)/;
  var LINK = /^\s*(?:tel|sms|callto):/i;
  var PROTO = [Object.prototype, Array.prototype, String.prototype, Function.prototype];

  function protoSnapshot() {
    return PROTO.map(function (p) {
      return Object.getOwnPropertyNames(p).concat(Object.getOwnPropertySymbols(p).map(String)).sort().join(',');
    }).join('|');
  }

  var H = {
    setup: function (opts) {
      // opts: { originals: [[nsn, trackedNsn]], cc: '33', trunk: '0', ignore: '.no-swap' }
      H.opts = opts;
      H.skip = 'script,style,noscript,template,textarea,input,select,[contenteditable],[data-mgt-ignore]' + (opts.ignore ? ',' + opts.ignore : '');
      H.keys = {};
      opts.originals.forEach(function (o) {
        [opts.trunk + o[0], '+' + opts.cc + o[0], '+' + opts.cc + opts.trunk + o[0], '00' + opts.cc + o[0], '00' + opts.cc + opts.trunk + o[0]].forEach(function (k) {
          H.keys[k] = o[1];
        });
      });
      H.errors = [];
      window.addEventListener('error', function (e) { H.errors.push('error: ' + (e.message || e.error)); });
      window.addEventListener('unhandledrejection', function (e) { H.errors.push('unhandledrejection: ' + e.reason); });
      H.proto = protoSnapshot();
      H.mroot = document.getElementById('root');
      var frame = document.getElementById('control');
      H.cwin = frame.contentWindow;
      H.cdoc = frame.contentDocument;
      H.croot = H.cdoc.createElement('div');
      H.croot.id = 'root';
      H.cdoc.body.appendChild(H.croot);
      H.runs = 0;
    },

    // ---------------------------------------------------------------- building
    build: function (doc, spec, ctx) {
      if (spec.t === 'text') return doc.createTextNode(spec.v);
      if (spec.t === 'comment') return doc.createComment(spec.v);
      var tag = spec.tag === 'x-c' || spec.tag === 'x-u' ? spec.tag + '-r' + ctx.run : spec.tag;
      var e = doc.createElement(tag);
      (spec.attrs || []).forEach(function (a) { e.setAttribute(a[0], a[1]); });
      (spec.kids || []).forEach(function (k) { e.appendChild(H.build(doc, k, ctx)); });
      if (spec.shadow && !e.shadowRoot) {
        var sr = e.attachShadow({ mode: 'open' });
        spec.shadow.forEach(function (k) { sr.appendChild(H.build(doc, k, ctx)); });
      }
      ctx.specs(doc).set(e, spec);
      return e;
    },

    defineCustom: function (win, doc, name, text, ctx, late) {
      if (win.customElements.get(name)) return;
      var C = function () {
        var self = Reflect.construct(win.HTMLElement, [], C);
        var sr = self.attachShadow({ mode: 'open' });
        sr.appendChild(doc.createTextNode(text));
        // An element upgraded in place gets its shadow root without any mutation record.
        if (late && self.isConnected && doc === document) ctx.exempt.add(sr);
        return self;
      };
      C.prototype = Object.create(win.HTMLElement.prototype);
      C.prototype.constructor = C;
      Object.setPrototypeOf(C, win.HTMLElement);
      win.customElements.define(name, C);
    },

    // ---------------------------------------------------------------- addressing
    /** Every node under `root` in tree order, shadow trees after their host; and the parents. */
    lists: function (root) {
      var all = [], els = [], texts = [], parents = [root];
      (function walk(p) {
        for (var n = p.firstChild; n; n = n.nextSibling) {
          all.push(n);
          if (n.nodeType === 3) texts.push(n);
          if (n.nodeType === 1) {
            els.push(n);
            parents.push(n);
            if (n.shadowRoot) { parents.push(n.shadowRoot); walk(n.shadowRoot); }
            walk(n);
          }
        }
      })(root);
      return { all: all, els: els, texts: texts, parents: parents };
    },

    apply: function (doc, win, root, op, ctx) {
      var L = H.lists(root);
      var pick = function (a, i) { return a.length ? a[i % a.length] : null; };
      var n, p, ref;
      switch (op.k) {
        case 'insert':
          p = pick(L.parents, op.a);
          ref = p.childNodes[op.b % (p.childNodes.length + 1)] || null;
          return void p.insertBefore(H.build(doc, op.node, ctx), ref);
        case 'remove':
          n = pick(L.all, op.a);
          return void (n && n.remove());
        case 'move':
          n = pick(L.all, op.a);
          p = pick(L.parents, op.b);
          if (!n) return;
          ref = p.childNodes[op.c % (p.childNodes.length + 1)] || null;
          if (ref === n) return;
          return void p.insertBefore(n, ref);
        case 'nodeValue':
          n = pick(L.texts, op.a);
          return void (n && (n.nodeValue = op.v));
        case 'appendData':
          n = pick(L.texts, op.a);
          return void (n && n.appendData(op.v));
        case 'textContent':
          n = pick(L.els, op.a);
          return void (n && (n.textContent = op.v));
        case 'splitText':
          n = pick(L.texts, op.a);
          return void (n && n.splitText(op.b % (n.length + 1)));
        case 'normalize':
          n = pick(L.parents, op.a);
          return void n.normalize();
        case 'setAttr':
          n = pick(L.els, op.a);
          return void (n && n.setAttribute(op.name, op.v));
        case 'removeAttr':
          n = pick(L.els, op.a);
          return void (n && n.removeAttribute(op.name));
        case 'class':
          n = pick(L.els, op.a);
          if (!n) return;
          if (op.how === 'set') {
            // Never adds or removes the config.ignore class: the engine does not follow class edits.
            var keep = n.classList.contains('no-swap') ? ' no-swap' : '';
            return void n.setAttribute('class', op.v + keep);
          }
          return void n.classList[op.how](op.v);
        case 'ignore':
          n = pick(L.els, op.a);
          if (!n) return;
          return void (n.hasAttribute('data-mgt-ignore') ? n.removeAttribute('data-mgt-ignore') : n.setAttribute('data-mgt-ignore', ''));
        case 'attachShadow':
          n = pick(L.els, op.a);
          if (!n || n.shadowRoot || !/^(DIV|SPAN|P|SECTION)$/.test(n.tagName)) return;
          var sr = n.attachShadow({ mode: 'open' });
          (op.kids || []).forEach(function (k) { sr.appendChild(H.build(doc, k, ctx)); });
          // No record is delivered for a shadow root attached to an element already in the page:
          // its content is only required to be swapped after mgt('swap').
          if (doc === document) ctx.exempt.add(sr);
          return;
        case 'upgrade':
          return H.defineCustom(win, doc, 'x-u-r' + ctx.run, op.v, ctx, true);
        case 'rerender':
          n = pick(L.els, op.a);
          var spec = n && ctx.specs(doc).get(n);
          if (!spec || !n.parentNode) return;
          return void n.parentNode.replaceChild(H.build(doc, spec, ctx), n);
        case 'clone':
          n = pick(L.els, op.a);
          if (!n || !n.parentNode) return;
          return void n.parentNode.insertBefore(n.cloneNode(true), n.nextSibling);
        case 'swap':
          if (doc === document) { window.mgt('swap'); ctx.exempt.clear(); }
          return;
      }
    },

    // ---------------------------------------------------------------- checking
    candidates: function (s) {
      // Every place where the control's text holds a configured original in some written form:
      // tokens ('+' first, then digits) joined by up to 3 separators, as the engine reads them.
      var out = [];
      for (var i = 0; i < s.length; i++) {
        var ch = s[i];
        if (!(ch === '+' || (ch >= '0' && ch <= '9'))) continue;
        var toks = '', pos = [], j = i;
        while (j < s.length && toks.length < 14) {
          var c = s[j];
          if ((c >= '0' && c <= '9') || (c === '+' && !toks)) {
            toks += c;
            pos.push(j);
            var tracked = H.keys[toks];
            if (tracked) {
              var exp = s.slice(i, j + 1).split('');
              for (var d = 0; d < tracked.length; d++) exp[pos[pos.length - tracked.length + d] - i] = tracked[d];
              out.push({ i: i, e: j + 1, exp: exp.join('') });
            }
            j++;
            var g = 0;
            while (j < s.length && g < 4 && IS_SEP.test(s[j])) { j++; g++; }
            if (g > 3) break;
          } else break;
        }
      }
      return out;
    },

    /** Where the engine must recognise a number (its documented boundary rule, SPEC 10.1). */
    clearBoundaries: function (s, i, e) {
      var before = i === 0 || (i === 1 && NEAR.test(s[0])) || !NOT_BEFORE.test(s[i - 1]) || (i >= 2 && /\D/.test(s[i - 2]) && NEAR.test(s[i - 1]));
      return before && !ENDS_INSIDE.test(s.slice(e, e + 2));
    },

    /**
     * Compares one string as the visitor sees it (`m`) with the control's (`c`). `cuts`: indexes
     * where adjacent text nodes are interrupted (a comment): no number is required across them.
     */
    numbers: function (m, c, where, zone, out, cuts) {
      var show = function (s, i) { return JSON.stringify(s.slice(Math.max(0, i - 16), i + 20)); };
      if (m.length !== c.length) {
        out.push(where + ': shows ' + JSON.stringify(m) + ' where the page without the module shows ' + JSON.stringify(c));
        return;
      }
      var cands = H.candidates(c);
      if (zone.skipped) {
        // A skipped zone shows what the page put there: the same as without the module, a copy the
        // page made (cloneNode) of content the module had swapped included (it shows its original,
        // as a swapped node moved there does).
        if (m !== c) out.push(where + ' (skipped zone): shows ' + JSON.stringify(m) + ', the page without the module ' + JSON.stringify(c));
        return;
      }
      for (var p = 0; p < m.length; p++) {
        if (m[p] === c[p]) continue;
        var hit = null;
        for (var k = 0; k < cands.length; k++) {
          var w = cands[k];
          if (w.i <= p && p < w.e && m.slice(w.i, w.e) === w.exp && (!hit || w.e - w.i > hit.e - hit.i)) hit = w;
        }
        if (!hit) {
          out.push(where + ': a mixed number: shows ' + show(m, p) + ' where the page without the module shows ' + show(c, p));
          return;
        }
        p = hit.e - 1;
      }
      if (zone.exempt) return;
      for (var q = 0; q < cands.length; q++) {
        var x = cands[q];
        var cut = (cuts || []).some(function (t) { return t > x.i && t < x.e; });
        if (!cut && H.clearBoundaries(c, x.i, x.e) && m.slice(x.i, x.e) === c.slice(x.i, x.e))
          out.push(where + ': the original ' + JSON.stringify(c.slice(x.i, x.e)) + ' is left showing in ' + JSON.stringify(c));
      }
    },

    decode: function (v) {
      return v.replace(/%([\da-f]{2})/gi, function (_, h) { return String.fromCharCode(parseInt(h, 16)); });
    },

    zoneOf: function (el, ctx) {
      // Skipped: the element or an ancestor matches, in its tree or around any shadow host above it.
      var exempt = false, skipped = false;
      for (var n = el; n; ) {
        if (n.closest && n.closest(H.skip)) skipped = true;
        var r = n.getRootNode();
        if (r === n || !r.host) break;
        if (ctx.exempt.has(r)) exempt = true;
        n = r.host;
      }
      return { skipped: skipped, exempt: exempt };
    },

    tokens: function (v) {
      var t = (v || '').split(/[\t\n\f\r ]+/).filter(function (x) { return x && x !== 'mgt-number'; });
      return t.filter(function (x, i) { return t.indexOf(x) === i; }).join(' ');
    },

    compare: function (m, c, path, ctx, out) {
      if (out.length > 3) return;
      var mk = m.childNodes, ck = c.childNodes;
      if (mk.length !== ck.length) {
        out.push(path + ': ' + mk.length + ' child nodes, the page without the module has ' + ck.length);
        return;
      }
      // (An <a>'s `host` is its URL's host: only a shadow root's is an element.)
      var host = m.nodeType === 11 ? m.host : null;
      var zone = m.nodeType === 1 ? H.zoneOf(m, ctx) : host ? H.zoneOf(host, ctx) : { skipped: false, exempt: false };
      if (host && ctx.exempt.has(m)) zone = { skipped: zone.skipped, exempt: true };
      if (host && !zone.skipped && host.closest(H.skip)) zone.skipped = true;
      for (var i = 0; i < mk.length; i++) {
        var a = mk[i], b = ck[i];
        if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) {
          out.push(path + '/' + i + ': ' + a.nodeName + ', the page without the module has ' + b.nodeName);
          return;
        }
        if (a.nodeType === 3 || a.nodeType === 8) {
          // A run of text nodes (and comments between them): read as one string.
          var ms = '', cs = '', cuts = [], j = i;
          for (; j < mk.length && (mk[j].nodeType === 3 || mk[j].nodeType === 8); j++) {
            if (ck[j].nodeType !== mk[j].nodeType) { out.push(path + '/' + j + ': node type differs'); return; }
            if (mk[j].nodeType === 8) {
              if (mk[j].data !== ck[j].data) out.push(path + '/' + j + ': comment changed');
              cuts.push(ms.length);
            } else {
              ms += mk[j].data;
              cs += ck[j].data;
            }
          }
          H.numbers(ms, cs, path + '/' + i + ' text', zone, out, cuts);
          i = j - 1;
          continue;
        }
        if (a.nodeType !== 1) continue;
        H.attributes(a, b, path + '/' + i + '<' + a.localName.replace(/-r\d+$/, '') + '>', ctx, out);
        if (!!a.shadowRoot !== !!b.shadowRoot) out.push(path + '/' + i + ': shadow root differs');
        else if (a.shadowRoot) H.compare(a.shadowRoot, b.shadowRoot, path + '/' + i + '#shadow', ctx, out);
        H.compare(a, b, path + '/' + i, ctx, out);
      }
    },

    attributes: function (a, b, where, ctx, out) {
      var names = {};
      for (var x = 0; x < a.attributes.length; x++) names[a.attributes[x].name] = 1;
      for (var y = 0; y < b.attributes.length; y++) names[b.attributes[y].name] = 1;
      var zone = H.zoneOf(a, ctx);
      Object.keys(names).forEach(function (name) {
        var mv = a.getAttribute(name), cv = b.getAttribute(name);
        if (name === 'class') {
          if (H.tokens(mv) !== H.tokens(cv)) out.push(where + ' class ' + JSON.stringify(mv) + ', the page without the module has ' + JSON.stringify(cv));
          return;
        }
        if (mv === null || cv === null) {
          out.push(where + ': attribute ' + name + (mv === null ? ' removed' : ' injected'));
          return;
        }
        if (name === 'title' || name === 'alt' || name === 'aria-label') return H.numbers(mv, cv, where + ' ' + name, zone, out);
        if (name === 'href' && LINK.test(cv)) return H.numbers(H.decode(mv), H.decode(cv), where + ' href', zone, out);
        if (mv !== cv) out.push(where + ' ' + name + ' ' + JSON.stringify(mv) + ', the page without the module has ' + JSON.stringify(cv));
      });
    },

    /** Byte-exact serialisation, shadow roots included. */
    serialize: function (p) {
      var s = '';
      for (var n = p.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) s += JSON.stringify(n.data);
        else if (n.nodeType === 8) s += '<!--' + JSON.stringify(n.data) + '-->';
        else if (n.nodeType === 1) {
          s += '<' + n.localName.replace(/-r\d+$/, '');
          for (var i = 0; i < n.attributes.length; i++) s += ' ' + n.attributes[i].name + '=' + JSON.stringify(n.attributes[i].value);
          s += '>';
          if (n.shadowRoot) s += '#shadow(' + H.serialize(n.shadowRoot) + ')';
          s += H.serialize(n) + '</>';
        }
      }
      return s;
    },

    settle: function () {
      return new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(r, 0); }); }); });
    },

    check: function (label, ctx) {
      var out = [];
      H.compare(H.mroot, H.croot, 'root', ctx, out);
      if (H.errors.length) out.push('page error: ' + H.errors.join('; '));
      if (protoSnapshot() !== H.proto) out.push('Object.prototype (or another built-in prototype) changed');
      return out.map(function (m) { return 'after ' + label + ': ' + m; });
    },

    // ---------------------------------------------------------------- one run
    run: async function (spec) {
      var run = ++H.runs;
      var ctx = { run: run, exempt: new Set(), m: new WeakMap(), c: new WeakMap() };
      ctx.specs = function (doc) { return doc === document ? ctx.m : ctx.c; };
      H.errors.length = 0;
      H.mroot.replaceChildren();
      H.croot.replaceChildren();
      H.defineCustom(window, document, 'x-c-r' + run, spec.custom, ctx, false);
      H.defineCustom(H.cwin, H.cdoc, 'x-c-r' + run, spec.custom, ctx, false);
      var failures = [];
      var step = function (label, fm, fc) {
        var em = '', ec = '';
        try { fm(); } catch (e) { em = e.name; }
        try { fc(); } catch (e) { ec = e.name; }
        if (em !== ec) failures.push(label + ': threw ' + (em || 'nothing') + ' in the page, ' + (ec || 'nothing') + ' without the module');
      };
      var buildAll = function () {
        step('build', function () {
          spec.dom.forEach(function (n) { H.mroot.appendChild(H.build(document, n, ctx)); });
        }, function () {
          spec.dom.forEach(function (n) { H.croot.appendChild(H.build(H.cdoc, n, ctx)); });
        });
      };
      if (spec.observed) {
        // The module observes first; the DOM arrives as a framework mounts it.
        window.mgt('swap');
        await H.settle();
        buildAll();
      } else {
        buildAll();
        window.mgt('swap');
      }
      await H.settle();
      failures = failures.concat(H.check('the initial DOM', ctx));
      for (var i = 0; i < spec.ops.length && !failures.length; i++) {
        var op = spec.ops[i];
        step('op ' + i, function () { H.apply(document, window, H.mroot, op, ctx); }, function () { H.apply(H.cdoc, H.cwin, H.croot, op, ctx); });
        await H.settle();
        failures = failures.concat(H.check('op ' + i + ' (' + op.k + ')', ctx));
      }
      window.mgt('restore');
      var mser = H.serialize(H.mroot), cser = H.serialize(H.croot);
      if (!failures.length && mser !== cser) {
        var d = 0;
        while (mser[d] === cser[d]) d++;
        failures.push("after mgt('restore'): the DOM differs from the page without the module: " + JSON.stringify(mser.slice(Math.max(0, d - 60), d + 60)) +
          ' where the control has ' + JSON.stringify(cser.slice(Math.max(0, d - 60), d + 60)));
      }
      if (!failures.length && H.errors.length) failures.push('page error: ' + H.errors.join('; '));
      return { failures: failures, html: failures.length ? { page: mser, control: cser } : undefined };
    },
  };
  window.__prop = H;
})();
