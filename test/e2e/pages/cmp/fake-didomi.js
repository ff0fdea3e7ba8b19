// Didomi Web SDK stand-in: didomiOnReady / didomiEventListeners queues, getCurrentUserStatus()
// showing undecided vendors as disabled, shouldConsentBeCollected() true until the visitor chose.
(function (w) {
  var st = w.fakeState || { decided: false, enabled: false, required: true };
  var listeners = [];
  var D = {
    isConsentRequired: function () { return st.required !== false; },
    shouldConsentBeCollected: function () { return st.required !== false && !st.decided; },
    getCurrentUserStatus: function () {
      return { vendors: { 'c:mgt-AbCdEf12': { id: 'c:mgt-AbCdEf12', enabled: st.decided && st.enabled }, google: { id: 'google', enabled: st.decided && st.enabled } }, purposes: {} };
    },
  };
  function fire() {
    listeners.forEach(function (l) { if (l.event === 'consent.changed') l.listener({}); });
  }
  w.Didomi = D;
  var ready = w.didomiOnReady || [];
  var queued = w.didomiEventListeners || [];
  w.didomiOnReady = { push: function (f) { f(D); } };
  w.didomiEventListeners = { push: function (l) { listeners.push(l); } };
  queued.forEach(function (l) { listeners.push(l); });
  ready.forEach(function (f) { f(D); });
  w.cmpFake = {
    accept: function () { st = { decided: true, enabled: true }; fire(); },
    deny: function () { st = { decided: true, enabled: false }; fire(); },
    refire: fire,
  };
})(window);
