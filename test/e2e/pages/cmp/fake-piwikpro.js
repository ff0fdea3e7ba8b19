// Piwik PRO Consent Manager stand-in: ppms.cm.api('getComplianceSettings', ok, fail) answering
// asynchronously with { consents: { analytics: { status } } } (-1 no decision, 0 rejected,
// 1 approved) and { event: 'stg.consentDecisionMade' } pushed onto dataLayer after a decision.
(function (w) {
  var consents = w.fakeState || { analytics: { status: -1, updatedAt: null } };
  w.dataLayer = w.dataLayer || [];
  w.ppms = { cm: { api: function (cmd, ok) {
    if (cmd === 'getComplianceSettings') w.setTimeout(function () { ok({ consents: consents }); }, 0);
  } } };
  function set(status) {
    consents = { analytics: { status: status, updatedAt: new Date().toISOString() } };
    w.dataLayer.push({ event: 'stg.consentDecisionMade' });
  }
  w.cmpFake = {
    accept: function () { set(1); },
    deny: function () { set(0); },
    refire: function () { w.dataLayer.push({ event: 'stg.consentDecisionMade' }); },
  };
})(window);
