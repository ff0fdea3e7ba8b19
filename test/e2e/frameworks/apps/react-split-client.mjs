import { createElement as h } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './react-split-app.mjs';

const report = (kind) => (e) => window.__problems.push(`${kind}: ${e && e.message}`);
hydrateRoot(document.getElementById('__next'), h(App), { onRecoverableError: report('recoverable'), onCaughtError: report('caught'), onUncaughtError: report('uncaught') });
