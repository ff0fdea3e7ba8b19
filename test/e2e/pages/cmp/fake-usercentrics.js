// Usercentrics v3 stand-in: __ucCmp.getConsentDetails() (a promise of { consent: { type },
// services: { id: { name, consent: { given } } } }), window events UC_UI_INITIALIZED,
// UC_UI_CMP_EVENT and UC_CONSENT. Before any choice, consent is IMPLICIT (`fakeState.given` may
// play a service enabled by default).
(function (w) {
  var st = w.fakeState || { type: 'IMPLICIT', given: false };
  w.__ucCmp = {
    getConsentDetails: function () {
      return Promise.resolve({
        consent: { type: st.type, status: st.given ? 'ALL_ACCEPTED' : 'ALL_DENIED' },
        services: {
          HkocEodjb7: { name: 'Usercentrics Consent Management Platform', consent: { given: true, type: st.type } },
          xYzMgt123: { name: 'mgt', consent: { given: st.given, type: st.type } },
        },
        categories: {},
      });
    },
  };
  function fire(action) {
    if (action) w.dispatchEvent(new CustomEvent('UC_UI_CMP_EVENT', { detail: { source: 'FIRST_LAYER', type: action } }));
    w.dispatchEvent(new CustomEvent('UC_CONSENT', { detail: {} }));
  }
  w.dispatchEvent(new CustomEvent('UC_UI_INITIALIZED'));
  fire();
  w.cmpFake = {
    accept: function () { st = { type: 'EXPLICIT', given: true }; fire('ACCEPT_ALL'); },
    deny: function () { st = { type: 'EXPLICIT', given: false }; fire('DENY_ALL'); },
    refire: function () { fire(); },
  };
})(window);
