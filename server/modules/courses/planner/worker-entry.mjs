// The worker thread of solvePlanInWorker (worker.ts): plain JavaScript, so it starts in any Node process.
// From the sources (server, tests, benchmark) it loads the TypeScript planner through tsx; in the compiled build
// (npm run build) the compiled solve.js sits next to it, and tsx is not loaded.
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const compiled = new URL('./solve.js', import.meta.url);

try {
  const { solvePlan } = existsSync(compiled)
    ? await import(compiled.href)
    : await (await import('tsx/esm/api')).tsImport('./solve.ts', import.meta.url);
  parentPort?.postMessage({ result: await solvePlan(workerData.problem, workerData.options) });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
