// Which build of each browser engine the cross-engine suite drives on this machine, or why none.
// Used by playwright.config.ts (to skip, and say so, an engine that is not installed) and by the
// fixtures (to launch it). Debian's browsers come first, as in CI; Playwright's own builds are used
// when those are missing, or everywhere with MGT_ENGINE_BUILD=playwright.
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, firefox, webkit } from 'playwright';

export type EngineName = 'chromium' | 'firefox' | 'webkit';
export const ENGINES: EngineName[] = ['chromium', 'firefox', 'webkit'];

export type Found =
  /** Driven by Playwright: Debian's Chromium, Debian's Firefox ESR over WebDriver BiDi, or Playwright's own build (no path). */
  | { _via: 'playwright'; _path?: string; _label: string }
  /** WebKitGTK: selenium-webdriver -> WebKitWebDriver -> MiniBrowser, under Xvfb (or on $DISPLAY without it). */
  | { _via: 'webkitgtk'; _driver: string; _browser: string; _xvfb?: string; _label: string }
  | { _via: 'missing'; _label: string; _install: string };

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

const first = (...paths: Array<string | undefined>): string | undefined => paths.find((p) => p && existsSync(p));

/** Playwright's own build of an engine, when `npx playwright install <engine>` has been run. */
function playwrightBuild(name: EngineName): boolean {
  try {
    return existsSync({ chromium, firefox, webkit }[name].executablePath());
  } catch {
    return false;
  }
}

/** MiniBrowser from Debian's webkit2gtk-driver package (the path has the architecture in it). */
function miniBrowser(): string | undefined {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  try {
    for (const arch of readdirSync('/usr/lib')) {
      for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
        const p = join('/usr/lib', arch, api, 'MiniBrowser');
        if (existsSync(p)) return p;
      }
    }
  } catch {
    // no /usr/lib: not Debian
  }
  return undefined;
}

const INSTALL: Record<EngineName, string> = {
  chromium: 'sudo apt-get install --no-install-recommends chromium (or: npx playwright install chromium)',
  firefox: 'sudo apt-get install --no-install-recommends firefox-esr (or: npx playwright install firefox)',
  webkit: 'sudo apt-get install --no-install-recommends webkit2gtk-driver xvfb (or: npx playwright install webkit)',
};

export function findEngine(name: EngineName): Found {
  const own = process.env.MGT_ENGINE_BUILD === 'playwright';
  const fallback = (): Found => (playwrightBuild(name)
    ? { _via: 'playwright', _label: `Playwright's ${name}` }
    : { _via: 'missing', _label: name, _install: INSTALL[name] });
  if (own) return fallback();
  if (name === 'chromium') {
    const path = first(process.env.CHROMIUM_PATH, '/usr/bin/chromium');
    return path ? { _via: 'playwright', _path: path, _label: `Chromium (${path})` } : fallback();
  }
  if (name === 'firefox') {
    const path = first(process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox');
    return path ? { _via: 'playwright', _path: path, _label: `Firefox (${path}, WebDriver BiDi)` } : fallback();
  }
  const driver = first(process.env.WEBKIT_WEBDRIVER) || onPath('WebKitWebDriver');
  const browser = miniBrowser();
  const xvfb = onPath('Xvfb');
  if (driver && browser && (xvfb || process.env.DISPLAY)) {
    return { _via: 'webkitgtk', _driver: driver, _browser: browser, _xvfb: xvfb, _label: `WebKitGTK (${driver})` };
  }
  return fallback();
}
