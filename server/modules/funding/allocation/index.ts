// The allocation core, pure (no database): the only entry the rest of the module, the CLI and the bench use.
export { buildAllocationLp, solveWithHighs } from './highs.ts';
export { solveByBranchAndBound } from './branch.ts';
export { solveExhaustively } from './exhaustive.ts';
export { generateAllocationProblem } from './generate.ts';
export { buildModel, evaluate } from './model.ts';
export { ProblemError, parseAllocationProblem } from './parse.ts';
export { explainFlip, solveAllocation } from './solve.ts';
export * from './types.ts';
export { type Proposal, proposeAllocation } from './propose.ts';
export { proposeInWorker } from './worker.ts';
