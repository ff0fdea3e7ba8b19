import { h, hydrate, options } from 'preact';
import { App } from './preact-app.mjs';

options.__e = ((prev) => (e, ...rest) => { window.__problems.push(`preact error: ${e && e.message}`); if (prev) prev(e, ...rest); })(options.__e);
hydrate(h(App), document.getElementById('root'));
