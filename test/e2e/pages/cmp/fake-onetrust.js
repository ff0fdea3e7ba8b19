// OneTrust stand-in: OnetrustActiveGroups (",C0001,C0002,"), OneTrust.IsAlertBoxClosed(), and the
// OneTrustGroupsUpdated window event on load and on every change. `fakeState.groups` may list
// groups active by default (opt-out) while the banner is still open.
(function (w) {
  var st = w.fakeState || { closed: false, groups: ',C0001,' };
  function apply() {
    w.OnetrustActiveGroups = st.groups;
    w.dispatchEvent(new CustomEvent('OneTrustGroupsUpdated', { detail: st.groups.split(',').filter(Boolean) }));
  }
  w.OneTrust = {
    IsAlertBoxClosed: function () { return st.closed; },
    OnConsentChanged: function () {},
  };
  apply();
  w.cmpFake = {
    accept: function () { st = { closed: true, groups: ',C0001,C0002,C0003,C0004,' }; apply(); },
    deny: function () { st = { closed: true, groups: ',C0001,' }; apply(); },
    refire: apply,
  };
})(window);
