// Helpers for multi-page journeys (attribution, modes, storage, events, pools, SPA, consent core,
// hostile input). Pages are plain HTML built from the documented snippet (SPEC 3) and served by the
// per-test server; navigation between them is real (link clicks), so document.referrer is set by
// the browser itself.
import { existsSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { TestServer } from './server';

export const ORIGINAL = '01 23 45 67 89';
export const TRACKED = '09 70 00 00 01';
export const TRACKED_E164 = '+33970000001';

/**
 * Launch options that resolve every host name to 127.0.0.1, so a test can navigate for real from
 * `http://www.google.fr:PORT/` to `http://www.shop.test:PORT/landing` (same local server) and get a
 * genuine cross-site document.referrer, or share a cookie over `Domain=shop.test`.
 */
export const anyHostLaunch = {
  executablePath: process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * 127.0.0.1'],
};

export interface PageSpec {
  config?: Record<string, unknown> | string;
  /** Commands queued by the stub BEFORE init (source text). */
  before?: string;
  /** Commands queued by the stub after init (source text). */
  queued?: string;
  body?: string;
  head?: string;
  title?: string;
  load?: 'sync' | 'async' | 'defer' | 'none';
  htmlClass?: string;
  /** Prevent the default action of clicks on tel: links (headless Chromium has no dialer). */
  noDial?: boolean;
}

export const STUB = 'window.mgt = window.mgt || function () { (mgt.q = mgt.q || []).push(arguments); };';

export function pageHtml(s: PageSpec): string {
  const cfg = s.config === undefined ? '' : `mgt('init', ${typeof s.config === 'string' ? s.config : JSON.stringify(s.config)});`;
  const load = s.load || 'sync';
  const tag = load === 'none' ? '' : `<script src="/dist/mgt.js"${load === 'sync' ? '' : ` ${load}`}></script>`;
  const dial = s.noDial === false ? '' : `<script>document.addEventListener('click', function (e) { var a = e.target.closest && e.target.closest('a[href^="tel:"],a[href^="callto:"]'); if (a) e.preventDefault(); });</script>`;
  return `<!doctype html><html${s.htmlClass ? ` class="${s.htmlClass}"` : ''}><head><meta charset="utf-8"><title>${s.title || 'mgt test'}</title>${s.head || ''}` +
    `<script>${STUB}${s.before || ''}${cfg}${s.queued || ''}</script>${tag}</head><body>${s.body || ''}${dial}</body></html>`;
}

/** Registers a page at `path` (no query). */
export function serve(server: TestServer, path: string, s: PageSpec): void {
  server.route(path, pageHtml(s));
}

/** Registers and opens a page. */
export async function open(page: Page, server: TestServer, path: string, s: PageSpec, query = '', referer?: string): Promise<void> {
  serve(server, path, s);
  await page.goto(server.url(path) + query, referer ? { referer } : undefined);
}

/** Clicks the link `selector` and waits for the next page to have loaded. */
export async function follow(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

export const GRANT = "mgt('consent','granted');";

export const state = (page: Page): Promise<any> => page.evaluate(() => (window as any).mgt('state'));

export async function session(page: Page): Promise<any> {
  const raw = await page.evaluate(() => localStorage.getItem('mgt_session'));
  return raw === null ? null : JSON.parse(raw);
}

export async function visitorCookie(context: BrowserContext) {
  return (await context.cookies()).filter((c) => c.name === 'mgt_visitor');
}

/** Moves mgt_session.last_action back by `minutes`, as if the visitor had been away that long. */
export async function age(page: Page, minutes: number): Promise<void> {
  await page.evaluate((m) => {
    const s = JSON.parse(localStorage.getItem('mgt_session')!);
    s.last_action -= m * 60000;
    localStorage.setItem('mgt_session', JSON.stringify(s));
  }, minutes);
}

/** Leaves the page (pagehide) so whatever is batched goes out. */
export async function leave(page: Page): Promise<void> {
  await page.goto('about:blank');
}

/** Waits until the collector holds at least `n` events, then returns them all. */
export async function eventsAtLeast(server: TestServer, n: number, timeout = 5000): Promise<any[]> {
  await expect.poll(() => server.events().length, { timeout, message: `at least ${n} event(s) collected` }).toBeGreaterThanOrEqual(n);
  return server.events();
}

/** Lets a batch timer (1 s after the last event) run out, then returns the events so far. */
export async function settle(page: Page, ms = 1600): Promise<void> {
  await page.waitForTimeout(ms);
}

/** Console messages of a page, as 'type text'. */
export function consoleOf(page: Page): string[] {
  const out: string[] = [];
  page.on('console', (m) => out.push(`${m.type()} ${m.text()}`));
  return out;
}

/** Only the [mgt] console messages of a given type. */
export const mgtMessages = (logs: string[], type: 'error' | 'warning' | 'info' | 'log') =>
  logs.filter((l) => l.startsWith(type + ' ')).map((l) => l.slice(type.length + 1)).filter((t) => t.startsWith('[mgt]'));

/** Requests the module made: anything to the collector (pages and dist/ excluded). */
export const moduleRequests = (server: TestServer) => server.collected;

/** Asserts the batch requests' shape (SPEC 9): POST text/plain JSON { v: 1, site, events }. */
export function expectBatches(server: TestServer, site: string | undefined): void {
  const batches = server.collected.filter((r) => r.path === '/collect/events');
  for (const b of batches) {
    expect(b.method).toBe('POST');
    expect(String(b.headers['content-type'])).toMatch(/^text\/plain/);
    expect(b.json).toBeTruthy();
    expect(Object.keys(b.json).sort()).toEqual(site === undefined ? ['events', 'v'] : ['events', 'site', 'v']);
    expect(b.json.v).toBe(1);
    if (site !== undefined) expect(b.json.site).toBe(site);
    expect(Array.isArray(b.json.events)).toBe(true);
  }
}

/** Visible text of the body (for DOM swap checks). */
export const bodyText = (page: Page): Promise<string> => page.evaluate(() => document.body.innerText || '');

/** A base config for collecting modes. */
export function cfg(server: TestServer, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { mode: 'origin', endpoint: server.endpoint, site: 'site-1', numbers: { [ORIGINAL]: TRACKED }, ...extra };
}

/** `http://HOST:PORT/path` on the test server (with anyHostLaunch every host reaches it). */
export const at = (server: TestServer, host: string, path: string): string => `http://${host}:${new URL(server.origin).port}${path}`;

/** Everything that identifies: must never appear in anonymous events. */
export function expectAnonymous(e: any): void {
  expect(e.cookieless).toBe(true);
  expect(e).not.toHaveProperty('visitor');
  expect(e).not.toHaveProperty('tracking_ids');
  expect(e).not.toHaveProperty('title');
  for (const k of ['landing', 'url', 'page']) if (k in e) expect(e[k], `${k} is a path only`).toMatch(/^\/[^?#]*$/);
}
