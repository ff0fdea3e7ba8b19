// Two real consent banners from node_modules, set up as a site owner would (README, "Consent"):
// tarteaucitron with the documented service `mgt` (grants in js() only; refusals come from the
// built-in adapter) and orestbida's cookieconsent v3 with an `analytics` category. Shared by the
// Chromium suite (test/e2e/cmp-real.spec.ts) and the cross-engine suite (test/engines/cmp.spec.ts),
// which click them with their own drivers.
export const TARTEAUCITRON = `<script src="/node_modules/tarteaucitronjs/tarteaucitron.js"></script>
<script>
  tarteaucitron.init({ privacyUrl: '', orientation: 'bottom', highPrivacy: true, AcceptAllCta: true, DenyAllCta: true, showIcon: true, mandatory: true });
  // The README's service: grants in js() only; refusals come from the built-in adapter.
  tarteaucitron.services.mgt = {
    key: 'mgt', type: 'analytic', name: 'Call tracking (mgt)', uri: 'https://example.com/privacy',
    needConsent: true, cookies: ['mgt_visitor'],
    js: function () { 'use strict'; mgt('consent', 'granted'); }
  };
  (tarteaucitron.job = tarteaucitron.job || []).push('mgt');
</script>`;

export const COOKIECONSENT = `<link rel="stylesheet" href="/node_modules/vanilla-cookieconsent/dist/cookieconsent.css">
<script src="/node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>
<script>
  // run() needs <body>: the documented setups load it at the end of the body or deferred
  window.addEventListener('DOMContentLoaded', function () { CookieConsent.run({
    hideFromBots: false, // the test browser is automated: v3 hides itself from bots by default
    categories: { necessary: { enabled: true, readOnly: true }, analytics: {} },
    language: { default: 'en', translations: { en: {
      consentModal: { title: 'Cookies', description: 'We measure calls.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all' },
      preferencesModal: { title: 'Preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save', sections: [
        { title: 'Analytics', description: 'Call tracking', linkedCategory: 'analytics' } ] }
    } } }
  }); });
</script>`;
