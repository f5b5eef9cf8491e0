import os from 'node:os';
import { defineConfig } from 'vitest/config';

const integration = ['server/**/*.test.ts'];
const unit = ['server/**/*.unit.test.ts', 'scripts/**/*.test.ts'];

/**
 * Test files at once for the unit, PGlite and PostgreSQL projects. Vitest's default (CPUs − 1) is one on a
 * 2-core machine, which ran the whole suite file after file and left the second core mostly idle: a file
 * waits on PostgreSQL, on a child process (tsx, the compiled server) or on its own start-up much of the time.
 * Each file has its own database copy, port and temporary folder, so two side by side do not meet.
 */
const workers = Math.max(2, os.availableParallelism() - 1);

/**
 * Test files share their worker's module cache (`isolate: false`): each file still builds its own app on its own
 * database copy, but the server's modules, PGlite's WebAssembly and the locale files load once per worker, not
 * once per file (that import was about 4 s of every integration file). No test replaces modules or globals.
 */
const shared = { isolate: false } as const;

/** Unit tests; integration tests twice, on PGlite and on PostgreSQL; browser tests in Chromium. */
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    maxWorkers: workers,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { ...shared, name: 'unit', include: unit } },
      {
        extends: true,
        test: {
          ...shared,
          name: 'pglite',
          include: integration,
          exclude: unit,
          env: { LOTSE_TEST_DB: 'pglite' },
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'postgres',
          include: integration,
          exclude: unit,
          env: { LOTSE_TEST_DB: 'postgres' },
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'browser',
          include: ['e2e/**/*.spec.ts'],
          env: { LOTSE_TEST_DB: 'pglite' },
          // One spec at a time (each drives its own Chromium and server). `npm test` runs this project in a Vitest
          // run of its own beside the others (scripts/test.ts); `npx vitest run` runs it after them.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
