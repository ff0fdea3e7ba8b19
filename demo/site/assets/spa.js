// The client-side router of the "Espace client" single-page app: views come from <template>
// elements (cloned, never parsed from strings) and navigation uses history.pushState, which mgt
// counts as page views because the demo config sets `spa: true`.
(function () {
  'use strict';
  var VIEWS = { '/app/': ['view-home', 'Espace client'], '/app/devis': ['view-devis', 'Demander un devis'], '/app/rendez-vous': ['view-rdv', 'Prendre rendez-vous'] };
  var view = document.getElementById('app-view');
  if (!view) return;

  function render(focus) {
    var route = VIEWS[location.pathname] || VIEWS['/app/'];
    var template = document.getElementById(route[0]);
    view.replaceChildren(template.content.cloneNode(true));
    document.title = route[1] + ' — Plomberie Martin';
    var links = document.querySelectorAll('.app-nav a');
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute('href') === location.pathname) links[i].setAttribute('aria-current', 'page');
      else links[i].removeAttribute('aria-current');
    }
    // Move focus to the new view so screen-reader users hear the page change.
    if (focus) view.focus();
  }

  document.addEventListener('click', function (e) {
    var link = e.target instanceof Element && e.target.closest('a[data-spa], a[href^="/app/"]');
    if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var path = new URL(link.href).pathname;
    if (!VIEWS[path] || link.closest('[data-mgt-ignore]')) return;
    e.preventDefault();
    if (path !== location.pathname) history.pushState(null, '', path);
    render(true);
  });
  window.addEventListener('popstate', function () { render(true); });
  render(false);
})();
