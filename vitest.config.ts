import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'demo/**/*.test.ts'],
    // Pure modules run in node (fast, no jsdom set-up); a file that needs a DOM starts with
    // the docblock `// @vitest-environment jsdom`.
    environment: 'node',
  },
});
