/**
 * The course planner: a pure library (no database, no HTTP). The courses module and the `lotse plan-courses`
 * command use only this file.
 */
export type {
  GeoPoint,
  PlanDemand,
  PlanExistingCourse,
  PlanOptions,
  PlanPlace,
  PlanProblem,
  PlanProposal,
  PlanResult,
  PlanServed,
} from './types.ts';
export { MAX_DEMAND, MAX_GROUPS, MAX_PLACES, ProblemError, parsePlanProblem } from './parse.ts';
export { solvePlan } from './solve.ts';
export { solvePlanInWorker } from './worker.ts';
