// A tiny page-side TCF CMP built on the IAB's own libraries: CmpApi answers __tcfapi, TCModel and
// TCString make real TC strings from the local vendor list (gvl/vendor-list.json). The test
// bundles this file with rollup at run time and serves it. The banner's buttons call
// window.tcfCmp.accept() / deny(); `window.tcfStored` plays a returning visitor's TC string and
// `window.tcfNoGdpr` a visitor outside the GDPR.
import { CmpApi } from '@iabtechlabtcf/cmpapi';
import { GVL, TCModel, TCString } from '@iabtechlabtcf/core';

const api = new CmpApi(300, 1, false);
const ready = fetch('/test/e2e/pages/cmp/gvl/vendor-list.json')
  .then((r) => r.json())
  .then((json) => new GVL(json));

function encode(gvl, purposes, vendors) {
  const m = new TCModel(gvl);
  m.cmpId = 300;
  m.cmpVersion = 1;
  m.isServiceSpecific = false;
  m.purposeConsents.set(purposes);
  m.vendorConsents.set(vendors);
  return TCString.encode(m);
}

ready.then((gvl) => {
  const stored = window.tcfStored || null;
  if (window.tcfNoGdpr) api.update(null);
  else if (stored) api.update(stored, false);
  else api.update('', true); // new visitor: the banner is shown (cmpuishown)
  window.tcfCmp = {
    accept(purposes = [1, 7, 8, 9, 10], vendors = [755, 756]) {
      const s = encode(gvl, purposes, vendors);
      window.tcfLast = s;
      api.update(s, false);
    },
    deny() {
      const s = encode(gvl, [], []);
      window.tcfLast = s;
      api.update(s, false);
    },
  };
  document.documentElement.setAttribute('data-tcf-ready', '1');
});
