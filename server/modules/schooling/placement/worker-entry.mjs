// The worker thread of solvePlacementInWorker (worker.ts): plain JavaScript, so it starts in any Node process,
// and loads the TypeScript solver through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

try {
  const { solvePlacement } = await tsImport('./solve.ts', import.meta.url);
  parentPort?.postMessage({ result: solvePlacement(workerData.problem, workerData.options) });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
