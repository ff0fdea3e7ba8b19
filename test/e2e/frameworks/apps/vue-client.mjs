// Hydrates the server markup of vue-app.mjs in #__nuxt or #app, whichever exists; Vue's errors
// and warnings go to window.__problems (console.error catches "Hydration completed but contains
// mismatches." in production builds).
import { createSSRApp } from 'vue';
import { App } from './vue-app.mjs';

const app = createSSRApp(App);
app.config.errorHandler = (e) => window.__problems.push(`vue error: ${e && e.message}`);
app.config.warnHandler = (msg) => window.__problems.push(`vue warning: ${msg}`);
app.mount(document.getElementById('__nuxt') || document.getElementById('app-root'));
