import { defineConfig } from 'vitest/config';

const integration = ['server/**/*.test.ts'];
const unit = ['server/**/*.unit.test.ts', 'scripts/**/*.test.ts'];

/** Unit tests; integration tests twice, on PGlite and on PostgreSQL; browser tests in Chromium. */
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: unit } },
      {
        extends: true,
        test: { name: 'pglite', include: integration, exclude: unit, env: { LOTSE_TEST_DB: 'pglite' } },
      },
      {
        extends: true,
        test: { name: 'postgres', include: integration, exclude: unit, env: { LOTSE_TEST_DB: 'postgres' } },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['e2e/**/*.spec.ts'],
          env: { LOTSE_TEST_DB: 'pglite' },
          fileParallelism: false,
        },
      },
    ],
  },
});
