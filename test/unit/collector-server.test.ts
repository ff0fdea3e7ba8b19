// @vitest-environment node
// The demo server around the collector: port fallback, what it serves and refuses, the demo
// settings the control panel changes, and the config it renders into the site's pages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
// @ts-expect-error plain ESM without types
import { start } from '../../demo/server.mjs';

let demo: { url: string; port: number; close(): Promise<void> };
let dataDir: string;

function get(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<{ status: number; headers: any; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(demo.url + path, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode || 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mgt-demo-server-'));
  demo = await start({ port: 0, dataDir });
});
afterEach(async () => {
  await demo.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('demo server', () => {
  it('falls back to a free port when the one asked for is taken', async () => {
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as AddressInfo).port;
    const other = await start({ port, dataDir });
    try {
      expect(other.port).not.toBe(port);
      expect(other.url).toBe(`http://127.0.0.1:${other.port}`);
    } finally {
      await other.close();
      taken.close();
    }
  });

  it('serves the pages with the snippet in <head>, under a nonce-based CSP', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(home.headers['content-security-policy'])![1];
    expect(home.text).toContain(`<script nonce="${nonce}">\n  window.mgt = window.mgt || function () { (mgt.q = mgt.q || []).push(arguments); };`);
    expect(home.text.indexOf('<script src="/dist/mgt.js"></script>')).toBeLessThan(home.text.indexOf('</head>'));
    expect(home.text).toContain('"telephone": "+33 1 23 45 67 89"');
    for (const path of ['/services', '/contact', '/app/', '/app/devis', '/configurator', '/dist/mgt.js', '/vendor/cookieconsent/cookieconsent.umd.js', '/vendor/klaro/klaro.js', '/vendor/tarteaucitron/tarteaucitron.js']) {
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it('serves nothing outside its folders, and only to its own host names', async () => {
    for (const path of ['/dist/../package.json', '/dist/%2e%2e/package.json', '/vendor/klaro/../../../package.json', '/demo/server.mjs', '/node_modules/klaro/package.json']) {
      expect((await get(path)).status, path).toBe(404);
    }
    expect((await get('/', { host: 'evil.example' })).status).toBe(421);
    expect((await get('/search?q=x', { host: `www.google.localhost:${demo.port}` })).text).toContain('utm_medium=organic');
  });

  it('renders the site config from the demo settings, which live on the server', async () => {
    expect(JSON.parse((await get('/api/demo/settings')).text)).toEqual({ mode: 'journey', entry: 'first_entry', cmp: 'cookieconsent' });
    const set = await get('/api/demo/settings', { 'content-type': 'application/json' }, 'POST', JSON.stringify({ mode: 'rotation', entry: 'last_entry' }));
    expect(JSON.parse(set.text)).toEqual({ mode: 'rotation', entry: 'last_entry', cmp: 'cookieconsent' });
    const page = (await get('/')).text;
    expect(page).toContain('"mode": "rotation"');
    expect(page).toContain('"entry": "last_entry"');
    expect(page).not.toContain('"endpoint"'); // rotation sends nothing
    expect(page).not.toContain('"pool"');
    expect((await get('/api/demo/settings', {}, 'POST', JSON.stringify({ mode: 'loud' }))).status).toBe(400);
    expect((await get('/api/demo/settings', { origin: 'https://evil.example' }, 'POST', '{"mode":"origin"}')).status).toBe(403);
    await demo.close();
    demo = await start({ port: 0, dataDir });
    expect(JSON.parse((await get('/api/demo/settings')).text).mode).toBe('rotation');
  });

  it('previews a configurator config, escaped, and refuses to inline anything else', async () => {
    const config = { mode: 'invisible', numbers: { '01 23 45 67 89': '09 70 00 00 01' }, site: '</script><script>alert(1)</script>' };
    const page = (await get(`/configurator/preview?config=${encodeURIComponent(JSON.stringify(config))}`)).text;
    expect(page).toContain('"site": "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"');
    expect(page).toContain('<strong>01 23 45 67 89</strong>');
    expect((await get('/configurator/preview?config=%7Bnot%20json')).text).toContain('<!-- no config -->');
  });
});
