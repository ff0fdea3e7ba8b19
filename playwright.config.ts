import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { ENGINES, findEngine, type EngineName } from './test/engines/support/find';

// Debian's Chromium where it is installed (this machine and CI); elsewhere Playwright's own
// browser, after `npx playwright install chromium`.
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// The cross-engine suite (test/engines/) runs once per engine: project `engines-<name>`. An engine
// that is not installed is skipped with a notice outside CI; under CI=true its tests fail instead.
const found = Object.fromEntries(ENGINES.map((name) => [name, findEngine(name)])) as Record<EngineName, ReturnType<typeof findEngine>>;
if (!process.env.TEST_WORKER_INDEX) {
  for (const name of ENGINES) {
    const f = found[name];
    if (f._via === 'missing') {
      console.log(process.env.CI
        ? `[engines] ${name} is not installed: its cross-engine tests will fail (CI never skips an engine). Install: ${f._install}`
        : `[engines] SKIPPED the ${name} part of the cross-engine suite: ${name} is not installed. Install: ${f._install}`);
    }
  }
}

export default defineConfig<{}, { engineName: EngineName }>({
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? 'list' : 'line',
  projects: [
    {
      // The full browser suite, in Chromium under Playwright.
      name: 'chromium',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath,
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
    ...ENGINES.map((name) => ({
      name: `engines-${name}`,
      testDir: 'test/engines',
      // Long: the first test of a worker also starts the engine.
      timeout: 60_000,
      use: { engineName: name },
    })),
  ],
});
