// Complianz stand-in: cmplz_get_cookie(name) over its cmplz_* values, cmplz_has_consent(category)
// (true by default in opt-out regions), 'banner-status' set to 'dismissed' when the visitor acts,
// and the document events in the order Complianz fires them: on accept the categories first
// (cmplz_status_change), then 'dismissed', then cmplz_fire_categories; on deny 'dismissed' first.
(function (w) {
  var ck = w.fakeState || {};
  var d = w.document;
  w.complianz = { prefix: 'cmplz_', consenttype: ck.consenttype || 'optin', region: 'eu' };
  w.cmplz_get_cookie = function (name) { return ck[name] || ''; };
  w.cmplz_has_consent = function (c) {
    return c === 'functional' || ck[c] === 'allow' || (w.complianz.consenttype === 'optout' && !ck[c]);
  };
  function set(c, v) {
    if (ck[c] === v) return;
    ck[c] = v;
    d.dispatchEvent(new CustomEvent('cmplz_status_change', { detail: { category: c, value: v, region: 'eu' } }));
  }
  function fireCategories() {
    d.dispatchEvent(new CustomEvent('cmplz_fire_categories', { detail: { categories: ['functional'].concat(ck.statistics === 'allow' ? ['statistics'] : []) } }));
  }
  w.cmpFake = {
    accept: function () { set('statistics', 'allow'); set('marketing', 'allow'); ck['banner-status'] = 'dismissed'; fireCategories(); },
    deny: function () { ck['banner-status'] = 'dismissed'; set('statistics', 'deny'); set('marketing', 'deny'); },
    refire: fireCategories,
  };
})(window);
