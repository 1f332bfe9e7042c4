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
  },
});
