// Fixtures for the demo's browser tests: a demo server started in-process per test, with an empty
// data folder, and a place for the screenshots a person looks at (test/screenshots/, ignored by git).
import { test as base, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain ESM without types
import { start } from '../../../demo/server.mjs';

export interface Demo { url: string; port: number; close(): Promise<void>; collector: { store: { events: any[]; leases: any[] } } }

export const demoTest = base.extend<{ demo: Demo; errors: string[] }>({
  demo: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mgt-demo-'));
    const demo = await start({ port: 0, dataDir });
    await use(demo);
    await demo.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await use(errors);
  },
});

const SHOTS = fileURLToPath(new URL('../../screenshots/', import.meta.url));
export const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
