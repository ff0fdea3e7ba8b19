// Every page of the demo at 1280 px and on a 390×844 phone, saved to test/screenshots/pages/ (ignored
// by git) for a person to look at, and checked for what a screenshot shows badly: content wider than
// the screen, and the control panel out of reach.
import { expect, type Page } from '@playwright/test';
import { demoTest as test, shot } from './support/demo';

// Each test starts a demo server and a browser; on a machine shared by several test runs that
// alone can take most of the default 30 s.
test.describe.configure({ timeout: 60_000 });

const SIZES = [
  { name: '1280', viewport: { width: 1280, height: 800 } },
  { name: '390', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];

const PAGES: Array<{ name: string; path: (url: string, port: number) => string }> = [
  { name: 'home', path: (u) => u + '/' },
  { name: 'services', path: (u) => u + '/services' },
  { name: 'contact', path: (u) => u + '/contact' },
  { name: 'app', path: (u) => u + '/app/' },
  { name: 'search', path: (u, port) => `http://www.google.localhost:${port}/search?q=plombier+lyon&to=${encodeURIComponent(u)}` },
  { name: 'configurator', path: (u) => u + '/configurator' },
];

/** How far the page is wider than the screen: nothing may stick out sideways. (A phone widens its
 *  layout to fit content that sticks out, so the page is measured against the device's width.) */
const overflow = (page: Page, width: number) => page.evaluate((w) => document.documentElement.scrollWidth - w, width);

for (const size of SIZES) {
  test.describe(`at ${size.name} px`, () => {
    test.use({ viewport: size.viewport, isMobile: !!size.isMobile, hasTouch: !!size.hasTouch });
    for (const p of PAGES) {
      test(`${p.name} fits the screen and is saved`, async ({ page, demo, errors }) => {
        await page.goto(p.path(demo.url, demo.port));
        await page.waitForLoadState('networkidle');
        if (p.name === 'configurator') {
          await expect(page.locator('#verdict')).toHaveClass(/good/);
          await expect(page.frameLocator('#preview').locator('#preview-status')).toContainText('mode origin');
        }
        await page.waitForTimeout(400); // the banners' fade-in, so the screenshot shows them settled
        // The whole page on a phone; at 1280 px the site pages as a visitor sees them, beside the fixed panel.
        await shot(page, `pages/${p.name}-${size.name}`, size.name === '390' || p.name === 'configurator' || p.name === 'search');
        expect(await overflow(page, size.viewport.width)).toBeLessThanOrEqual(0);
        expect(errors).toEqual([]);
      });
    }
  });
}
