// Klaro's configuration, read by klaro.js from window.klaroConfig when it loads. The service is
// named 'mgt', the name mgt's built-in 'klaro' adapter follows by default (SPEC 7).
window.klaroConfig = {
  version: 1,
  elementID: 'klaro',
  storageMethod: 'cookie',
  cookieName: 'klaro',
  cookieExpiresAfterDays: 180,
  lang: 'fr',
  htmlTexts: false,
  acceptAll: true,
  hideDeclineAll: false,
  mustConsent: false,
  noticeAsModal: false,
  translations: {
    fr: {
      ok: 'Tout accepter',
      decline: 'Tout refuser',
      privacyPolicyUrl: '/contact',
      consentNotice: { description: 'Avec votre accord, nous mesurons quelle publicité ou quelle recherche vous a amené ici lorsque vous nous appelez. Sans accord, le suivi reste anonyme.' },
      purposes: { analytics: 'Mesure d\'audience' },
      mgt: { description: 'Suivi des appels : cookie mgt_visitor et donnée locale mgt_session.' },
    },
  },
  services: [
    { name: 'mgt', title: 'mgt — suivi des appels', purposes: ['analytics'], cookies: ['mgt_visitor'], default: false, required: false, optOut: false, onlyOnce: false },
  ],
};
