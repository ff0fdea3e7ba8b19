// Cookiebot stand-in: window.Cookiebot (and its alias window.CookieConsent) with consent.* and
// hasResponse; window events CookiebotOnConsentReady, CookiebotOnAccept, CookiebotOnDecline.
(function (w) {
  var st = w.fakeState || { hasResponse: false, consent: { necessary: true, preferences: false, statistics: false, marketing: false, method: null } };
  var cb = {
    get hasResponse() { return st.hasResponse; },
    get consent() { return st.consent; },
    get consented() { return st.hasResponse && st.consent.statistics; },
    get declined() { return st.hasResponse && !st.consent.statistics; },
    show: function () {},
    renew: function () {},
  };
  function fire() {
    w.dispatchEvent(new Event('CookiebotOnConsentReady'));
    w.dispatchEvent(new Event(st.consent.statistics ? 'CookiebotOnAccept' : 'CookiebotOnDecline'));
  }
  w.Cookiebot = cb;
  w.CookieConsent = cb;
  w.dispatchEvent(new Event('CookiebotOnLoad'));
  if (st.hasResponse) fire();
  function set(v) {
    st = { hasResponse: true, consent: { necessary: true, preferences: v, statistics: v, marketing: v, method: 'explicit' } };
    fire();
  }
  w.cmpFake = {
    accept: function () { set(true); },
    deny: function () { set(false); },
    refire: fire,
  };
})(window);
