import { createElement as h } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './react-helper-app.mjs';

const report = (kind) => (e) => window.__problems.push(`${kind}: ${e && e.message}`);
hydrateRoot(document.getElementById('root'), h(App), { onRecoverableError: report('recoverable'), onCaughtError: report('caught'), onUncaughtError: report('uncaught') });
