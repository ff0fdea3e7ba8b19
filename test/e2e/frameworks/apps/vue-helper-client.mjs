import { createSSRApp } from 'vue';
import { App } from './vue-helper-app.mjs';

const app = createSSRApp(App);
app.config.errorHandler = (e) => window.__problems.push(`vue error: ${e && e.message}`);
app.config.warnHandler = (msg) => window.__problems.push(`vue warning: ${msg}`);
app.mount('#root');
