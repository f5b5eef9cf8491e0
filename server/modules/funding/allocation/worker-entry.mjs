// The worker thread of proposeInWorker (worker.ts): plain JavaScript, so it starts in any Node process.
// From the sources (server, tests, benchmark) it loads the TypeScript solver through tsx; in the compiled build
// (npm run build) the compiled propose.js sits next to it, and tsx is not loaded.
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const compiled = new URL('./propose.js', import.meta.url);

try {
  const { proposeAllocation } = existsSync(compiled)
    ? await import(compiled.href)
    : await (await import('tsx/esm/api')).tsImport('./propose.ts', import.meta.url);
  parentPort?.postMessage({
    proposal: proposeAllocation(workerData.problem, workerData.explain, workerData.options),
  });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
