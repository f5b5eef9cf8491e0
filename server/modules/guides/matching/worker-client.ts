/** solveMatching in a worker thread, so the server's event loop keeps answering while it runs. */
import { Worker } from 'node:worker_threads';
import type { MatchingProblem, MatchingResult, SolveOptions } from './types.ts';

/** Same result as solveMatching(problem, options), computed in a worker thread. */
export function solveMatchingInWorker(
  problem: MatchingProblem,
  options: SolveOptions = {},
): Promise<MatchingResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { problem, options },
    });
    let settled = false;
    worker.once(
      'message',
      (message: { ok: true; result: MatchingResult } | { ok: false; message: string }) => {
        settled = true;
        if (message.ok) resolve(message.result);
        else reject(new Error(message.message));
        void worker.terminate();
      },
    );
    worker.once('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`matching worker exited with code ${code}`));
      settled = true;
    });
  });
}
