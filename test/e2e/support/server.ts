// A throwaway HTTP server on 127.0.0.1 for one test: serves the shipped dist/, the real CMP
// packages from node_modules, pages the test registers, and a collector that records every
// request the module makes (SPEC 9), so a test can assert both what was sent and what was not.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TYPES: Record<string, string> = {
  '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8',
  '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
  at: number;
}

export interface LeaseReply {
  status?: number;
  body?: unknown;
  /** Raw text to answer instead of JSON (garbage tests). */
  raw?: string;
  /** Milliseconds to wait before answering (slow endpoint tests). */
  delay?: number;
}

export interface PageOptions {
  /** Extra response headers, e.g. a Content-Security-Policy. */
  headers?: Record<string, string>;
  status?: number;
  type?: string;
}

export interface TestServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Collector base URL to put in `config.endpoint`. */
  endpoint: string;
  url(path: string): string;
  /** Serve `body` at `path` (a path without query). */
  route(path: string, body: string, options?: PageOptions): void;
  /** Every request to the collector (`/collect/...`), in arrival order. */
  collected: Recorded[];
  /** The events of every `/collect/events` batch, flattened, in arrival order. */
  events(): any[];
  /** Every request the server saw, static files included. */
  requests: Recorded[];
  /** Decides the answer to `POST /collect/lease`; the default leases nothing (404). */
  onLease: (body: any) => LeaseReply;
  /** Set to make the collector unreachable-like: it answers 503 to everything. */
  down: boolean;
  close(): Promise<void>;
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

export async function startServer(): Promise<TestServer> {
  const pages = new Map<string, { body: string; options: PageOptions }>();
  const server: TestServer = {
    origin: '',
    endpoint: '',
    url: (path) => server.origin + path,
    route: (path, body, options = {}) => void pages.set(path, { body, options }),
    collected: [],
    events: () => server.collected.filter((r) => r.path === '/collect/events' && r.json).flatMap((r) => r.json.events || []),
    requests: [],
    onLease: () => ({ status: 404, body: { error: 'no pool' } }),
    down: false,
    close: () => new Promise((resolve) => { http.closeAllConnections?.(); http.close(() => resolve()); }),
  };

  const http = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url || '/', 'http://127.0.0.1');
    const body = await read(req);
    let json: any;
    try { json = JSON.parse(body); } catch { json = undefined; }
    const rec: Recorded = { method: req.method || 'GET', path: url.pathname, headers: req.headers, body, json, at: Date.now() };
    server.requests.push(rec);

    if (url.pathname.startsWith('/collect/')) {
      server.collected.push(rec);
      const cors = { 'access-control-allow-origin': req.headers.origin || '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-credentials': 'true' };
      if (req.method === 'OPTIONS') { res.writeHead(204, cors); res.end(); return; }
      if (server.down) { res.writeHead(503, cors); res.end(); return; }
      if (url.pathname === '/collect/lease') {
        const reply = server.onLease(json);
        if (reply.delay) await new Promise((r) => setTimeout(r, reply.delay));
        res.writeHead(reply.status || 200, { ...cors, 'content-type': 'application/json' });
        res.end(reply.raw ?? JSON.stringify(reply.body ?? {}));
        return;
      }
      res.writeHead(204, cors);
      res.end();
      return;
    }

    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(page.options.status || 200, { 'content-type': page.options.type || 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.options.headers });
      res.end(page.body);
      return;
    }

    // Static files: only dist/, node_modules/ (real CMP packages), test/e2e/pages/ and demo/.
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    if (!/^(dist|node_modules|test[/\\]e2e[/\\]pages|demo)[/\\]/.test(rel) || rel.includes('..')) {
      res.writeHead(404); res.end(); return;
    }
    try {
      const data = await readFile(join(ROOT, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
    } catch {
      res.writeHead(404); res.end();
    }
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  server.origin = `http://127.0.0.1:${port}`;
  server.endpoint = `${server.origin}/collect`;
  return server;
}
