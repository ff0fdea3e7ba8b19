// Helpers shared by test/e2e/cmp*.spec.ts: a page with the documented snippet (mode 'origin', so
// a grant stores mgt_visitor + mgt_session and sends an identified visit), a CMP in <head>
// (present before the module) or injected later, banner buttons a visitor clicks, and readers of
// what the module stored, sent and reported.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { deviceStorage, openSnippetPage } from '../../support/fixtures';
import type { TestServer } from '../../support/server';

export const ORIGINAL = '01 23 45 67 89';
export const TRACKED = '09 70 00 00 01';

export interface CmpPage {
  /** The consent part of the config. */
  consent: Record<string, unknown>;
  /** Markup of the CMP (scripts, config). */
  cmp: string;
  /** Inject `cmp`'s script src after the module started, instead of putting it in <head>. */
  lateSrc?: string;
  /** Markup placed before the CMP (e.g. a returning visitor's fakeState). */
  before?: string;
  /** Extra body markup (banner buttons). */
  body?: string;
}

/**
 * Local runs may point MGT_DIST at a scratch build (MGT_OUT_DIR=/tmp/x npm run build) to test
 * src/ changes without touching dist/; CI and the default use the committed dist/mgt.js.
 */
function useDist(server: TestServer): void {
  if (process.env.MGT_DIST) server.route('/dist/mgt.js', readFileSync(process.env.MGT_DIST, 'utf8'), { type: 'text/javascript' });
}

export async function openCmpPage(page: Page, server: TestServer, o: CmpPage, path = '/landing'): Promise<void> {
  useDist(server);
  const late = o.lateSrc
    ? `<script>setTimeout(function () { var s = document.createElement('script'); s.src = ${JSON.stringify(o.lateSrc)}; document.head.appendChild(s); }, 800);</script>`
    : '';
  const config = { mode: 'origin', endpoint: server.endpoint, site: 'test', numbers: { [ORIGINAL]: TRACKED }, consent: o.consent };
  await openSnippetPage(page, server, path, {
    // subscribed before init, so a returning visitor's decision read during init is seen too
    queued: `window.__consent = []; mgt('on', 'consent', function (e) { window.__consent.push(e); }); mgt('init', ${JSON.stringify(config)});`,
    head: (o.before || '') + o.cmp,
    headAfter: late,
    body: `<p>Call <a href="tel:0123456789">${ORIGINAL}</a></p>${o.body || ''}`,
  }, '?utm_source=news&utm_medium=email');
}

/** The module's state as a page script sees it. */
export const mgtState = (page: Page): Promise<any> => page.evaluate(() => (window as any).mgt('state'));

/** Every `consent` event the page received, in order. */
export const consentEvents = (page: Page): Promise<{ state: string; source: string }[]> => page.evaluate(() => (window as any).__consent);

/** What the module keeps on the device: the mgt_visitor cookie and the mgt_session entry. */
export async function mgtStored(page: Page): Promise<{ visitor: boolean; session: boolean }> {
  const d = await deviceStorage(page);
  return { visitor: /(^|;\s*)mgt_visitor=/.test(d.cookie), session: 'mgt_session' in d.local };
}

/**
 * Nothing at all on the device except the CMP's own entries (named by `cmpKeys`): no cookie, no
 * localStorage, sessionStorage or IndexedDB entry of ours.
 */
export async function deviceClean(page: Page, cmpKeys: RegExp = /^$/): Promise<{ cookies: string[]; local: string[]; session: string[]; idb: string[] }> {
  const d = await deviceStorage(page);
  const cookies = d.cookie.split(/;\s*/).filter(Boolean).map((c) => c.split('=')[0]).filter((n) => !cmpKeys.test(n));
  return { cookies, local: Object.keys(d.local).filter((k) => !cmpKeys.test(k)), session: Object.keys(d.session).filter((k) => !cmpKeys.test(k)), idb: d.idb };
}

/** Requests to the collector that carry an identifier (a visitor ID or tracking IDs). */
export function identified(server: TestServer): any[] {
  return server.events().filter((e) => e.visitor || (e.tracking_ids && Object.keys(e.tracking_ids).length));
}
