// The worker thread of solveMatchingInWorker (worker-client.ts): plain JavaScript, so it starts in any Node
// process (server, tests, benchmark), and loads the TypeScript solver through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

try {
  const { solveMatching } = await tsImport('./solve.ts', import.meta.url);
  parentPort?.postMessage({ ok: true, result: solveMatching(workerData.problem, workerData.options) });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
