import { Worker } from 'node:worker_threads';
import type { PlanOptions, PlanProblem, PlanResult } from './types.ts';

/**
 * Runs {@link solvePlan} in a worker thread, so a server stays responsive while the planner runs.
 * The worker (worker-entry.mjs) loads the TypeScript sources through tsx, or the compiled ones in dist/.
 */
export function solvePlanInWorker(problem: PlanProblem, options: PlanOptions = {}): Promise<PlanResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { problem, options },
    });
    let settled = false;
    worker.once('message', (message: { result?: PlanResult; error?: string }) => {
      settled = true;
      if (message.result) resolve(message.result);
      else reject(new Error(message.error ?? 'planner worker failed'));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`planner worker stopped with exit code ${code}`));
    });
  });
}
