import { describe, expect, it } from 'vitest';
import { generateProblem } from './generate.ts';
import { solveMatching, solveMatchingInWorker } from './index.ts';

describe('solveMatchingInWorker', () => {
  it('returns what solveMatching returns', async () => {
    // small components: solved exactly, so both runs find the same assignments
    const problem = generateProblem({ seed: 8, requests: 30, guides: 60 });
    const { seconds: _a, ...direct } = solveMatching(problem);
    const { seconds: _b, ...threaded } = await solveMatchingInWorker(problem);
    expect(threaded).toEqual(direct);
  });

  it('keeps the event loop of the calling thread free while it runs', async () => {
    const problem = generateProblem({ seed: 9, requests: 1500, guides: 400 });
    let ticks = 0;
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks++;
    }, 5);
    const result = await solveMatchingInWorker(problem, { timeLimitSeconds: 1.5 });
    clearInterval(timer);
    expect(result.assignments.length).toBeGreaterThan(0);
    // the 5 ms timer kept firing while the worker solved (at least a tick per 50 ms on a busy machine)
    expect(ticks).toBeGreaterThan((result.seconds * 1000) / 50);
  });

  it('rejects when the worker fails', async () => {
    await expect(
      solveMatchingInWorker({ weights: undefined, guides: [], requests: [{}] } as never),
    ).rejects.toThrow();
  });
});
