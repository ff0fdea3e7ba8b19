// The site's consent banner: vanilla-cookieconsent v3, configured the way a site owner would.
// mgt needs no glue code here: its built-in 'cookieconsent' adapter follows the 'analytics'
// category (SPEC 7), so accepting, refusing or withdrawing in this banner reaches mgt directly.
(function () {
  'use strict';
  if (!window.CookieConsent) return;
  window.CookieConsent.run({
    // The banner would otherwise stay hidden from automated browsers, and the demo's tests use one.
    hideFromBots: false,
    guiOptions: {
      consentModal: { layout: 'box', position: 'bottom left', equalWeightButtons: true },
      preferencesModal: { layout: 'box', equalWeightButtons: true },
    },
    categories: {
      necessary: { enabled: true, readOnly: true },
      analytics: {},
    },
    language: {
      default: 'fr',
      translations: {
        fr: {
          consentModal: {
            title: 'Vos choix en matière de cookies',
            description: 'Avec votre accord, nous mesurons quelle publicité ou quelle recherche vous a amené ici lorsque vous nous appelez (cookie mgt_visitor, 30 jours). Sans accord, le suivi reste anonyme et rien n\'est stocké sur votre appareil.',
            acceptAllBtn: 'Tout accepter',
            acceptNecessaryBtn: 'Tout refuser',
            showPreferencesBtn: 'Personnaliser',
          },
          preferencesModal: {
            title: 'Préférences de cookies',
            acceptAllBtn: 'Tout accepter',
            acceptNecessaryBtn: 'Tout refuser',
            savePreferencesBtn: 'Enregistrer mes choix',
            closeIconLabel: 'Fermer',
            sections: [
              { title: 'Cookies strictement nécessaires', description: 'Mémorisent vos choix ci-dessous (cookie cc_cookie).', linkedCategory: 'necessary' },
              {
                title: 'Mesure d\'audience et suivi des appels',
                description: 'mgt attribue vos appels à la source de votre visite (annonce, recherche, réseau social). Cookie mgt_visitor et donnée locale mgt_session. Vous pouvez retirer votre accord à tout moment ici.',
                linkedCategory: 'analytics',
              },
            ],
          },
        },
      },
    },
  });
})();
