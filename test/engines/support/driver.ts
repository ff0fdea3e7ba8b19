// The small engine-neutral driver the cross-engine specs are written against: open a URL, run a
// function in the page, wait for a condition, click like a visitor. Two implementations: Playwright
// (Chromium, Firefox over WebDriver BiDi, or Playwright's own builds) and selenium-webdriver for
// WebKitGTK, which Playwright cannot drive. Anything a spec needs from the page (errors, console,
// events) is recorded by the page itself (see pages.ts), so every engine answers the same way.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, firefox, webkit, type Browser, type BrowserContext, type Page } from 'playwright';
import { Builder, By, type WebDriver } from 'selenium-webdriver';
import type { EngineName, Found } from './find';

export interface Tab {
  readonly engine: EngineName;
  /** Navigates and resolves after the load event. */
  open(url: string): Promise<void>;
  /** Runs `fn` in the page with JSON arguments; a returned promise is awaited. */
  run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>>;
  /** Resolves with the first truthy result of `fn`, polled in the page; fails after 15 s. */
  until<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>>;
  /** Waits until the element is visible, then clicks it as a visitor would. */
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  readonly label: string;
  newTab(): Promise<Tab>;
  close(): Promise<void>;
}

const source = (fn: Function, args: unknown[]): string => `(${fn})(...${JSON.stringify(args)})`;

/** Resolves with the first truthy result of `probe`, tried every 50 ms; fails after `timeout` ms. */
export async function poll<R>(probe: () => Promise<R>, what: string, timeout = 15_000): Promise<NonNullable<R>> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<R>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function playwrightEngine(name: EngineName, found: Found & { _via: 'playwright' }): Promise<Engine> {
  let browser: Browser;
  if (name === 'chromium') browser = await chromium.launch({ executablePath: found._path, args: ARGS });
  else if (name === 'firefox') {
    browser = await firefox.launch(found._path ? { channel: 'moz-firefox', executablePath: found._path } : {});
  } else browser = await webkit.launch();
  return {
    name,
    label: found._label,
    async newTab() {
      const context: BrowserContext = await browser.newContext();
      const page: Page = await context.newPage();
      const tab: Tab = {
        engine: name,
        open: async (url) => void (await page.goto(url)),
        run: (fn, ...args) => page.evaluate(source(fn, args)),
        until: (fn, ...args) => poll(() => page.evaluate(source(fn, args)) as any, String(fn)),
        click: (selector) => page.locator(selector).first().click(),
        close: () => context.close(),
      };
      return tab;
    },
    close: () => browser.close(),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function stop(p?: ChildProcess): void {
  if (p && p.exitCode === null) p.kill();
}

async function webkitEngine(found: Found & { _via: 'webkitgtk' }): Promise<Engine> {
  let xvfb: ChildProcess | undefined;
  let display = process.env.DISPLAY;
  if (found._xvfb) {
    // -displayfd: Xvfb picks a free display and writes its number, so parallel runs never collide.
    xvfb = spawn(found._xvfb, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
    display = ':' + await new Promise<string>((resolve, reject) => {
      xvfb!.stdout!.once('data', (d) => resolve(String(d).trim()));
      xvfb!.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    });
  }
  const port = await freePort();
  const server = spawn(found._driver, [`--port=${port}`, '--replace-on-new-session'], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
  let driver: WebDriver;
  try {
    driver = await poll(async () => {
      try {
        return await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: found._browser, args: ['--automation'] },
        }).build();
      } catch (e) {
        if (server.exitCode !== null) throw e;
        return undefined; // the driver is not listening yet
      }
    }, 'WebKitWebDriver', 60_000);
  } catch (e) {
    stop(server);
    stop(xvfb);
    throw e;
  }
  await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
  const run = (fn: Function, args: unknown[]): Promise<any> => driver.executeScript(`return ${source(fn, args)}`);
  return {
    name: 'webkit',
    label: found._label,
    // One MiniBrowser session per worker: a tab is the same window, cleaned after each test (every
    // test has its own server port, so its localStorage is fresh; cookies are per host).
    async newTab() {
      const tab: Tab = {
        engine: 'webkit',
        open: async (url) => driver.get(url),
        run: (fn, ...args) => run(fn, args),
        until: (fn, ...args) => poll(() => run(fn, args), String(fn)),
        async click(selector) {
          const el = await poll(async () => {
            const found = await driver.findElements(By.css(selector));
            return found.length && await found[0].isDisplayed() ? found[0] : undefined;
          }, selector);
          await el.click();
        },
        async close() {
          try {
            if (/^https?:/.test(await driver.getCurrentUrl())) {
              await driver.manage().deleteAllCookies();
              await driver.executeScript('localStorage.clear(); sessionStorage.clear();');
            }
          } finally {
            await driver.get('about:blank');
          }
        },
      };
      return tab;
    },
    async close() {
      try {
        await driver.quit();
      } finally {
        stop(server);
        stop(xvfb);
      }
    },
  };
}

export async function launchEngine(name: EngineName, found: Found): Promise<Engine> {
  if (found._via === 'missing') throw new Error(`${name} is not installed: ${found._install}`);
  return found._via === 'webkitgtk' ? webkitEngine(found) : playwrightEngine(name, found);
}
