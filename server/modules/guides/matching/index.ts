/**
 * The matching core: a pure library (no database, no city profile). The guides module uses only this file.
 *
 * - parseMatchingProblem(json): checks a problem.json (the contract in issue 4) and fills default weights.
 * - solveMatching(problem): assignments with objective, proven lower bound and gap (Lagrangian relaxation over
 *   per-guide chains, repair and local search, exact search on small components). solveMatchingInWorker runs it
 *   in a worker thread so the server keeps answering.
 * - greedyBaseline(problem): first-come, first-served, for comparison.
 * - feasibleGuides, explainAssignment, rankAlternatives, suggestions: explanations for people.
 */
export {
  explainAssignment,
  type AssignmentExplanation,
  type FeasibleGuide,
  feasibleGuides,
  rankAlternatives,
  type Suggestion,
  suggestions,
} from './explain.ts';
export { greedyBaseline } from './greedy.ts';
export { ProblemError, parseMatchingProblem } from './parse.ts';
export { checkAssignments, solveMatching } from './solve.ts';
export * from './types.ts';
export { solveMatchingInWorker } from './worker-client.ts';
