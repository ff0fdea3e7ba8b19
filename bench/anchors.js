// The two anchors measured next to mgt in the same run (bench/run.mjs), served as a script:
//   bareWalk()      a TreeWalker over the body's text nodes with a digit test: the least any text
//                   scan can do;
//   idealSwap(map)  what a hand-written swapper does at best: one TreeWalker over elements and text,
//                   one regex compiled once that finds any French number in its usual writings
//                   (separators, +33, 0033, (0)) in text, `href` and `title`, then a lookup of its
//                   digits in the configured originals; the tracked number's digits replace the
//                   original's in place, so the writing is kept.
// Neither knows about consent, attribution, other countries, re-renders or restore: they are the
// floor, not a competitor.
(function (w) {
  w.bareWalk = function () {
    var t = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    var c = 0;
    for (var n; (n = t.nextNode());) if (/\d/.test(n.data)) c++;
    return c;
  };
  w.idealSwap = function (map) {
    // national digits (without the leading 0) of each original -> those of its tracked number
    var tracked = {};
    for (var o in map) tracked[o.replace(/\D/g, '').slice(1)] = map[o].replace(/\D/g, '').slice(1);
    // any French number, then a lookup: one linear pass whatever the count of numbers
    var re = /(?:(?:\+33|0033)[\s.\u00a0]?(?:\(0\)\s?)?|0)[1-9](?:[\s.\u00a0-]?\d){8}/g;
    var swap = function (s) {
      return s.replace(re, function (m) {
        var digits = m.replace(/\D/g, '');
        var to = tracked[digits.slice(-9)];
        var i = 0;
        var skip = digits.length - 9;
        return to ? m.replace(/\d/g, function (x) { return skip-- > 0 ? x : to[i++]; }) : m;
      });
    };
    var t = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    var c = 0;
    for (var n; (n = t.nextNode());) {
      if (n.nodeType === 3) {
        re.lastIndex = 0;
        if (re.test(n.data)) {
          var d = swap(n.data);
          if (d !== n.data) { n.data = d; c++; }
        }
      } else {
        for (var a of ['href', 'title']) {
          var v = n.getAttribute(a);
          re.lastIndex = 0;
          if (v && re.test(v)) {
            var x = swap(v);
            if (x !== v) { n.setAttribute(a, x); c++; }
          }
        }
      }
    }
    return c;
  };
})(window);
