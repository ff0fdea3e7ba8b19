// Google Consent Mode as a CMP drives it: gtag('consent', 'default', ...) first (here 'granted'
// by default unless fakeState says otherwise, to show a default never counts), then
// gtag('consent', 'update', ...) on the visitor's choice.
(function (w) {
  w.dataLayer = w.dataLayer || [];
  w.gtag = function () { w.dataLayer.push(arguments); };
  w.gtag('consent', 'default', { analytics_storage: w.fakeState || 'granted', ad_storage: 'denied' });
  function update(v) { w.gtag('consent', 'update', { analytics_storage: v, ad_storage: v }); }
  var last = null;
  w.cmpFake = {
    accept: function () { update(last = 'granted'); },
    deny: function () { update(last = 'denied'); },
    refire: function () { if (last) update(last); },
  };
})(window);
