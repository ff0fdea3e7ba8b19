// Fixtures of the cross-engine suite: the engine is launched once per worker (engines start slowly
// on a loaded machine) and each test gets a clean tab and its own local server.
import { test as base, expect } from '@playwright/test';
import { startServer, type TestServer } from '../../e2e/support/server';
import { findEngine, type EngineName } from './find';
import { launchEngine, type Engine, type Tab } from './driver';

export { expect };
export type { Tab, TestServer };

export const test = base.extend<{ server: TestServer; tab: Tab }, { engineName: EngineName; engine: Engine | string }>({
  engineName: ['chromium', { scope: 'worker', option: true }],
  engine: [async ({ engineName }, use) => {
    const found = findEngine(engineName);
    // Outside CI a missing engine's tests are skipped (playwright.config.ts prints how to install
    // it); under CI=true launchEngine throws and every test of that engine fails.
    if (found._via === 'missing' && !process.env.CI) return use(`${engineName} is not installed: ${found._install}`);
    const engine = await launchEngine(engineName, found);
    await use(engine);
    await engine.close();
  }, { scope: 'worker', timeout: 120_000 }],
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.close();
  },
  tab: async ({ engine }, use, info) => {
    if (typeof engine === 'string') return info.skip(true, engine);
    const tab = await engine.newTab();
    await use(tab);
    await tab.close();
  },
});
