import { Worker } from 'node:worker_threads';
import type { Proposal } from './propose.ts';
import type { SolveOptions } from './solve.ts';
import type { AllocationProblem } from './types.ts';

/**
 * Runs {@link proposeAllocation} in a worker thread, so a server stays responsive while the branch and bound runs.
 * The worker (worker-entry.mjs) loads the TypeScript sources through tsx, or the compiled ones in dist/.
 */
export function proposeInWorker(
  problem: AllocationProblem,
  explain: readonly string[],
  options: SolveOptions = {},
): Promise<Proposal> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { problem, explain, options },
    });
    let settled = false;
    worker.once('message', (message: { proposal?: Proposal; error?: string }) => {
      settled = true;
      if (message.proposal) resolve(message.proposal);
      else reject(new Error(message.error ?? 'allocation worker failed'));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`allocation worker stopped with exit code ${code}`));
    });
  });
}
