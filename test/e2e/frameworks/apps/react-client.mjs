// Hydrates the server markup of react-app.mjs in the element #__next, #root, whichever exists.
// Every error React reports (recoverable mismatches included) goes to window.__problems.
import { createElement as h } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './react-app.mjs';

const report = (kind) => (e) => window.__problems.push(`${kind}: ${e && e.message}`);
const root = document.getElementById('__next') || document.getElementById('root');
hydrateRoot(root, h(App), {
  onRecoverableError: report('recoverable'),
  onCaughtError: report('caught'),
  onUncaughtError: report('uncaught'),
});
