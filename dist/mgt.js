/*! mgt 0.1.0 | consent-aware call tracking | MIT */
(()=>{"use strict";(t=>{const n=t.mgt;if(n&&n.v)return n;const r=(()=>{const t=()=>{};return t.v="0",t})();t.mgt=r;const o=n&&n.q;if(o)for(let t=0;t<o.length;t++)r.apply(null,Array.prototype.slice.call(o[t]))})(window)})();
