// Test pages for the cross-engine suite: the documented snippet (test/e2e/support/fixtures.ts), with
// a first script that records what a spec would otherwise ask the browser's protocol for, so that
// every engine answers the same way: uncaught errors, console messages, consent events.
import { snippetHtml, type SnippetPage } from '../../e2e/support/fixtures';
import type { TestServer } from '../../e2e/support/server';
import type { Tab } from './driver';

export const ORIGINAL = '01 23 45 67 89';
export const TRACKED = '09 70 00 00 01';

const RECORDER = `<script>
window.__errors = []; window.__console = []; window.__consent = [];
addEventListener('error', function (e) { __errors.push(String(e.message)); });
addEventListener('unhandledrejection', function (e) { __errors.push(String(e.reason)); });
['log', 'info', 'warn', 'error', 'debug'].forEach(function (k) {
  var f = console[k];
  console[k] = function () { __console.push(k + ': ' + Array.prototype.join.call(arguments, ' ')); return f.apply(console, arguments); };
});
</script>`;

/** Subscribes to consent events before init, so a decision read during init is seen too. */
export const LISTEN = "mgt('on','consent',function(e){__consent.push(e.state+':'+e.source)});";

export function pageHtml(opts: SnippetPage): string {
  return snippetHtml({ ...opts, head: RECORDER + (opts.head || '') });
}

/** Registers a page at `path` and opens it (plus `query`). */
export async function openPage(tab: Tab, server: TestServer, path: string, opts: SnippetPage, query = ''): Promise<void> {
  server.route(path, pageHtml(opts));
  await tab.open(server.url(path) + query);
}

/** Uncaught errors of the current page. */
export const pageErrors = (tab: Tab): Promise<string[]> => tab.run(() => (window as any).__errors);

/** The module's state as a page script sees it. */
export const mgtState = (tab: Tab): Promise<any> => tab.run(() => (window as any).mgt('state'));

/** What the module keeps on the device: the mgt_visitor cookie and the mgt_session entry. */
export const mgtStored = (tab: Tab): Promise<{ visitor: boolean; session: boolean }> =>
  tab.run(() => ({ visitor: /(^|;\s*)mgt_visitor=/.test(document.cookie), session: localStorage.getItem('mgt_session') !== null }));

/** Everything the page stored: cookies, localStorage and sessionStorage keys. */
export const stored = (tab: Tab): Promise<{ cookie: string; local: string[]; session: string[] }> =>
  tab.run(() => ({ cookie: document.cookie, local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
