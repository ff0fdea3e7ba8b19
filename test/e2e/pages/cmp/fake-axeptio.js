// Axeptio SDK stand-in: the _axcb queue, sdk.on('cookies:complete', choices) fired on load for a
// returning visitor and after each choice, hasAcceptedVendor(name).
(function (w) {
  var choices = w.fakeState || null;
  var handlers = [];
  var sdk = {
    on: function (event, cb) { if (event === 'cookies:complete') handlers.push(cb); },
    hasAcceptedVendor: function (name) { return !!(choices && choices[name]); },
  };
  function fire() {
    var c = { $$completed: true, $$token: 'tok' };
    for (var k in choices) c[k] = choices[k];
    handlers.forEach(function (cb) { cb(c); });
  }
  w.axeptioSDK = sdk;
  var queued = w._axcb || [];
  w._axcb = { push: function (f) { f(sdk); } };
  queued.forEach(function (f) { f(sdk); });
  if (choices) fire();
  w.cmpFake = {
    accept: function () { choices = { mgt: true, google_analytics: true }; fire(); },
    deny: function () { choices = { mgt: false, google_analytics: false }; fire(); },
    // cookies:complete only ever comes with choices
    refire: function () { if (choices) fire(); },
  };
})(window);
