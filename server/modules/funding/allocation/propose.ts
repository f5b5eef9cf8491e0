/** The proposal and the flips the coordinator asked about, in one call (what the worker thread runs). */
import { explainFlip, type SolveOptions, solveAllocation } from './solve.ts';
import type { AllocationProblem, AllocationResult, FlipExplanation } from './types.ts';

export type Proposal = { result: AllocationResult; flips: FlipExplanation[] };

export function proposeAllocation(
  problem: AllocationProblem,
  explain: readonly string[],
  options: SolveOptions = {},
): Proposal {
  const result = solveAllocation(problem, options);
  return { result, flips: explain.map((id) => explainFlip(problem, result, id, options)) };
}
