import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{api,shared,web,migrations}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['./api/src/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: files that each own a database run in parallel without starving Postgres.
    maxWorkers: 2,
    // Measured with --coverage (the test script): the web's own code, which the e2e tests reach but cannot measure.
    coverage: {
      provider: 'v8',
      include: ['web/src/**/*.{ts,tsx}'],
      exclude: ['web/src/**/*.test.{ts,tsx}', 'web/src/test/**', 'web/src/main.tsx'],
      reporter: ['text-summary'],
      // The unit tests cover at least half of the web's lines; the rest (maps, charts on a canvas) is the browser tests'.
      thresholds: { lines: 50 },
    },
  },
});
