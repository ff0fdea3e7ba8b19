#!/usr/bin/env node
// The demo server (`npm start`): a plumber's site to see every mode at work with a real consent
// banner, a configurator for marketers, and the reference collector, all on 127.0.0.1 with Node
// built-ins only, so a newcomer needs no account and no outside service.
//
//   node demo/server.mjs [--port 8080] [--data demo/data]      (PORT and MGT_DEMO_DATA work too)
//
// Tests import `start({ port: 0, dataDir })` instead.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCollector } from './collector/collector.mjs';
import { createSettings } from './settings.mjs';
import { renderPreview, renderSitePage, renderSearchPage } from './render.mjs';

const DEMO = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(DEMO, '..');
const TYPES = {
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.map': 'application/json', '.d.ts': 'text/plain; charset=utf-8',
};

/** URL prefix -> folder. Only these are served: the shipped files, the demo's own, the CMPs used. */
const STATIC = [
  ['/dist/', join(ROOT, 'dist')],
  ['/assets/', join(DEMO, 'site', 'assets')],
  ['/configurator/', join(DEMO, 'configurator')],
  ['/vendor/cookieconsent/', join(ROOT, 'node_modules', 'vanilla-cookieconsent', 'dist')],
  ['/vendor/klaro/', join(ROOT, 'node_modules', 'klaro', 'dist')],
  ['/vendor/tarteaucitron/', join(ROOT, 'node_modules', 'tarteaucitronjs')],
];

/** The site's pages; every path under /app/ is the single-page app, which routes on the client. */
const PAGES = { '/': 'home', '/services': 'services', '/contact': 'contact', '/app': 'app' };

/** The hosts the demo answers as "the site": it may be opened as 127.0.0.1 or localhost. */
const SITE_HOSTS = ['127.0.0.1', 'localhost'];
/**
 * Stand-ins for a search engine, so the site gets a search-engine referrer. *.localhost resolves to
 * this machine in Chromium and Firefox; www.google.fr does only in a browser told so, as the demo's
 * tests do with --host-resolver-rules="MAP www.google.fr 127.0.0.1".
 */
export const SEARCH_HOSTS = ['www.google.localhost', 'www.google.fr'];

async function serveFile(res, file, head) {
  try {
    const data = await readFile(file);
    const type = TYPES[file.endsWith('.d.ts') ? '.d.ts' : extname(file)] || 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(head ? undefined : data);
  } catch {
    notFound(res);
  }
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}

function html(res, body, nonce) {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    // mgt runs under a strict script policy (SPEC 2); the inline snippet is allowed by nonce.
    // style-src allows inline styles only because the CMP libraries set some; mgt sets none.
    'content-security-policy': `default-src 'self'; script-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'`,
  });
  res.end(body);
}

/**
 * Starts the demo. `port` 0 picks a free port; a taken port falls back to a free one.
 * @returns `{ url, port, close() }`
 */
export async function start({ port = 8080, dataDir = join(DEMO, 'data'), quiet = true } = {}) {
  const pools = JSON.parse(readFileSync(join(DEMO, 'pools.json'), 'utf8'));
  let actualPort = 0;
  const hostOk = (host) => SEARCH_HOSTS.includes(host) || SITE_HOSTS.includes(host) || host.endsWith('.localhost');
  const allowOrigin = (origin) => {
    try {
      const u = new URL(origin);
      return u.protocol === 'http:' && Number(u.port) === actualPort && hostOk(u.hostname);
    } catch { return false; }
  };
  const collector = createCollector({ dataDir, pools, allowOrigin });
  const settings = createSettings(dataDir);

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url || '/', 'http://127.0.0.1');
      const host = String(req.headers.host || '').replace(/:\d+$/, '');
      if (!hostOk(host)) { res.writeHead(421); res.end(); return; } // DNS-rebinding guard
      if (SEARCH_HOSTS.includes(host)) {
        if (url.pathname === '/search' || url.pathname === '/') return html(res, renderSearchPage(url, host, allowOrigin, actualPort));
        if (url.pathname === '/assets/search.css') return serveFile(res, join(DEMO, 'site', 'assets', 'search.css'));
        return notFound(res);
      }
      if (await collector.handle(req, res, url)) return;
      if (url.pathname === '/api/demo/settings') {
        if (req.headers.origin && !allowOrigin(req.headers.origin)) { res.writeHead(403); res.end(); return; }
        return settings.handle(req, res);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405); res.end(); return; }

      const page = PAGES[url.pathname] || (url.pathname.startsWith('/app/') ? 'app' : undefined);
      if (page) {
        const nonce = randomBytes(16).toString('base64');
        const origin = `http://${req.headers.host}`;
        return html(res, await renderSitePage(page, { settings: settings.get(), origin, nonce }), nonce);
      }
      if (url.pathname === '/configurator' || url.pathname === '/configurator/index.html') {
        return html(res, await readFile(join(DEMO, 'configurator', 'index.html'), 'utf8'));
      }
      if (url.pathname === '/configurator/preview') {
        const nonce = randomBytes(16).toString('base64');
        return html(res, await renderPreview(url, nonce), nonce);
      }
      for (const [prefix, dir] of STATIC) {
        if (!url.pathname.startsWith(prefix)) continue;
        let rel;
        try { rel = normalize(decodeURIComponent(url.pathname.slice(prefix.length))); } catch { return notFound(res); }
        if (rel.startsWith('..') || rel.includes(`${sep}..`) || rel.startsWith(sep)) return notFound(res);
        return serveFile(res, join(dir, rel), req.method === 'HEAD');
      }
      if (url.pathname === '/favicon.ico') return serveFile(res, join(DEMO, 'site', 'assets', 'favicon.svg'));
      notFound(res);
    } catch (err) {
      if (!quiet) console.error(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    }
  });

  await new Promise((resolve, reject) => {
    const listen = (p) => server.listen(p, '127.0.0.1');
    server.once('listening', resolve);
    server.on('error', (err) => {
      if (err.code === 'EADDRINUSE' && port !== 0) {
        if (!quiet) console.warn(`Port ${port} is taken; using a free port instead.`);
        port = 0;
        listen(0);
      } else reject(err);
    });
    listen(port);
  });
  actualPort = server.address().port;
  const url = `http://127.0.0.1:${actualPort}`;
  return {
    url,
    port: actualPort,
    collector,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function argValue(name) {
  const i = process.argv.indexOf(name);
  if (i > 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq ? eq.slice(name.length + 1) : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(argValue('--port') ?? process.env.PORT ?? 8080);
  const dataDir = argValue('--data') ?? process.env.MGT_DEMO_DATA ?? join(DEMO, 'data');
  const demo = await start({ port, dataDir, quiet: false });
  console.log(`mgt demo running.
  Demo site:     ${demo.url}/
  Configurator:  ${demo.url}/configurator
  Collector:     ${demo.url}/events, ${demo.url}/lease (data in ${dataDir})
Press Ctrl+C to stop.`);
  const stop = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
