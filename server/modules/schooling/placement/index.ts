/**
 * The school placement core: a pure library (no database, no HTTP). The schooling module and the
 * `lotse place` command use only this file.
 */
export type {
  GeoPoint,
  Placement,
  PlacementChild,
  PlacementProblem,
  PlacementResult,
  PlacementSchool,
  PlacementWeights,
  SchoolForm,
  SeatGroup,
  SeatKind,
  SolveOptions,
  Unplaced,
  UnplacedReason,
} from './types.ts';
export { DEFAULT_WEIGHTS, SCHOOL_FORMS, SEAT_KINDS, UNPLACED_REASONS } from './types.ts';
export { MAX_FAMILY_SIZE, MAX_GRADE, MIN_GRADE, ProblemError, parsePlacementProblem } from './parse.ts';
export { solvePlacement } from './solve.ts';
export { solvePlacementInWorker } from './worker.ts';
export { type BaselineResult, firstComeBaseline } from './baseline.ts';
export {
  type Alternative,
  type ChildExplanation,
  explainChild,
  type SeatsToClear,
  seatsToClear,
} from './explain.ts';
export { assignSeats, evaluatePlacement, type PlacementEvaluation } from './objective.ts';
