// The configurator's sample page: says what mgt decided, outside the swapped content.
(function () {
  'use strict';
  function show() {
    var out = document.getElementById('preview-status');
    var state;
    try { state = window.mgt && window.mgt('state'); } catch (e) { state = undefined; }
    if (!state) { out.textContent = 'mgt did not start: the config was refused, or dist/mgt.js is missing.'; return; }
    var numbers = Object.keys(state.numbers || {}).map(function (k) { return k + ' → ' + state.numbers[k]; }).join(', ');
    out.textContent = 'mode ' + state.mode + ' · source ' + state.source + ' · condition ' + (state.condition || 'none') +
      ' · consent ' + state.consent + (numbers ? ' · ' + numbers : '');
  }
  show();
  setTimeout(show, 300);
})();
