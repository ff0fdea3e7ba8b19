// Playwright fixtures shared by every end-to-end test: a fresh local server per test, and helpers
// that build pages loading the shipped dist/mgt.js through the documented snippet (SPEC 3).
import { test as base, expect, type Page } from '@playwright/test';
import { startServer, type TestServer } from './server';

export { expect };

export interface SnippetPage {
  /** The config passed to mgt('init', …); omit to load the script without init. */
  config?: Record<string, unknown>;
  /** Markup placed in <body>. */
  body?: string;
  /** Markup placed in <head> before the snippet (e.g. a CMP). */
  head?: string;
  /** Markup placed in <head> after the script tag. */
  headAfter?: string;
  /** How the script tag loads: 'sync' in <head> (default), 'async', 'defer', or 'none'. */
  load?: 'sync' | 'async' | 'defer' | 'none';
  /** Extra commands queued by the stub after init, as source text, e.g. "mgt('consent','granted');". */
  queued?: string;
  /** Classes on <html> (e.g. 'mgt-hide'). */
  htmlClass?: string;
  title?: string;
}

/** The documented snippet (SPEC 3): a stub that queues calls, then the script tag. */
export function snippetHtml(opts: SnippetPage): string {
  const init = opts.config ? `mgt('init', ${JSON.stringify(opts.config)});` : '';
  const stub = `<script>window.mgt = window.mgt || function () { (mgt.q = mgt.q || []).push(arguments); };${init}${opts.queued || ''}</script>`;
  const load = opts.load || 'sync';
  const tag = load === 'none' ? '' : `<script src="/dist/mgt.js"${load === 'sync' ? '' : ` ${load}`}></script>`;
  return `<!doctype html><html${opts.htmlClass ? ` class="${opts.htmlClass}"` : ''}><head><meta charset="utf-8"><title>${opts.title || 'mgt test'}</title>${opts.head || ''}${stub}${tag}${opts.headAfter || ''}</head><body>${opts.body || ''}</body></html>`;
}

export const test = base.extend<{ server: TestServer; errors: string[] }>({
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.close();
  },
  /** Uncaught page errors: every test ends by checking this is empty. */
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await use(errors);
  },
});

/** Registers a snippet page at `path` and opens it. */
export async function openSnippetPage(page: Page, server: TestServer, path: string, opts: SnippetPage, query = ''): Promise<void> {
  server.route(path, snippetHtml(opts));
  await page.goto(server.url(path) + query);
}

/** Everything the page stored on the device: cookies, localStorage, sessionStorage, IndexedDB names. */
export async function deviceStorage(page: Page): Promise<{ cookie: string; local: Record<string, string>; session: Record<string, string>; idb: string[] }> {
  return page.evaluate(async () => {
    const dump = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i)!, s.getItem(s.key(i)!)!]));
    const idb = (indexedDB as any).databases ? (await (indexedDB as any).databases()).map((d: any) => d.name) : [];
    return { cookie: document.cookie, local: dump(localStorage), session: dump(sessionStorage), idb };
  });
}
