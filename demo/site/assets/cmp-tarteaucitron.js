// tarteaucitron with a service 'mgt', the key mgt's built-in adapter follows (SPEC 7). The service
// grants in js() only, naming itself (third argument), so that mgt reports the source tarteaucitron
// either way: tarteaucitron also runs `fallback` before the visitor answers, so refusals
// are left to the adapter, which reads tarteaucitron's own state.
(function () {
  'use strict';
  var t = window.tarteaucitron;
  if (!t) return;
  t.services = t.services || {};
  t.services.mgt = {
    key: 'mgt',
    type: 'analytic',
    name: 'mgt — suivi des appels',
    uri: '/contact',
    needConsent: true,
    cookies: ['mgt_visitor'],
    js: function () { window.mgt('consent', 'granted', 'tarteaucitron'); },
    fallback: function () { /* see above */ },
  };
  t.init({
    privacyUrl: '/contact',
    hashtag: '#tarteaucitron',
    cookieName: 'tarteaucitron',
    orientation: 'bottom',
    groupServices: false,
    showAlertSmall: false,
    cookieslist: true,
    showIcon: false,
    adblocker: false,
    DenyAllCta: true,
    AcceptAllCta: true,
    highPrivacy: true,
    handleBrowserDNTRequest: false,
    removeCredit: true,
    moreInfoLink: false,
    useExternalCss: false,
    useExternalJs: false,
    mandatory: true,
    mandatoryCta: false,
  });
  (t.job = t.job || []).push('mgt');
})();
