// CookieYes stand-in: getCkyConsent() ({ categories, isUserActionCompleted, ... }) and the
// document events cookieyes_banner_load and cookieyes_consent_update ({ accepted, rejected }).
(function (w) {
  var st = w.fakeState || { done: false, analytics: false };
  var d = w.document;
  w.getCkyConsent = function () {
    return { activeLaw: 'gdpr', categories: { necessary: true, functional: st.analytics, analytics: st.analytics, performance: st.analytics, advertisement: st.analytics }, isUserActionCompleted: st.done, consentID: 'id123', languageCode: 'en' };
  };
  function fire() {
    var all = ['functional', 'analytics', 'performance', 'advertisement'];
    d.dispatchEvent(new CustomEvent('cookieyes_consent_update', { detail: { accepted: st.analytics ? ['necessary'].concat(all) : ['necessary'], rejected: st.analytics ? [] : all } }));
  }
  d.dispatchEvent(new CustomEvent('cookieyes_banner_load', { detail: w.getCkyConsent() }));
  w.cmpFake = {
    accept: function () { st = { done: true, analytics: true }; fire(); },
    deny: function () { st = { done: true, analytics: false }; fire(); },
    // the update event only follows a visitor's action
    refire: function () { if (st.done) fire(); },
  };
})(window);
