import { Worker } from 'node:worker_threads';
import type { PlacementProblem, PlacementResult, SolveOptions } from './types.ts';

/**
 * Runs {@link solvePlacement} in a worker thread, so a server stays responsive while the placement runs.
 * The worker (worker-entry.mjs) loads the TypeScript sources through tsx, or the compiled ones in dist/.
 */
export function solvePlacementInWorker(
  problem: PlacementProblem,
  options: SolveOptions = {},
): Promise<PlacementResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { problem, options },
    });
    let settled = false;
    worker.once('message', (message: { result?: PlacementResult; error?: string }) => {
      settled = true;
      if (message.result) resolve(message.result);
      else reject(new Error(message.error ?? 'placement worker failed'));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`placement worker stopped with exit code ${code}`));
    });
  });
}
