/**
 * The placement contract (issue 5, "The placement core has a file interface"): problem.json in, result.json out.
 * These types are exactly the files' shapes; `weights` is always filled (defaults below).
 */

import type { SchoolForm, SeatKind } from '../schooling.terms.ts';

// The forms and kinds are the schooling module's terms: one list for the tables, the API and this contract.
export { SCHOOL_FORMS, SEAT_KINDS, type SchoolForm, type SeatKind } from '../schooling.terms.ts';

export type PlacementWeights = {
  /** Cost of leaving a child without a place. */
  unplaced: number;
  /** Added per week the unplaced child has been waiting. */
  waitingWeek: number;
  /** Per great-circle km from home to school. */
  km: number;
  /** Subtracted when the child gets the family's preferred school. */
  preference: number;
  /** Per family: × (distinct schools its placed children attend − 1). */
  siblingSplit: number;
};

export const DEFAULT_WEIGHTS: Readonly<PlacementWeights> = {
  unplaced: 1000,
  waitingWeek: 10,
  km: 1,
  preference: 5,
  siblingSplit: 300,
};

export type GeoPoint = { lat: number; lon: number };

/** Free places of one school for one form, grade band and kind. */
export type SeatGroup = {
  form: SchoolForm;
  gradeFrom: number;
  gradeTo: number;
  kind: SeatKind;
  free: number;
};

export type PlacementSchool = { id: string; location: GeoPoint; seats: SeatGroup[] };

export type PlacementChild = {
  id: string;
  grade: number;
  forms: SchoolForm[];
  kind: SeatKind;
  home: GeoPoint;
  waitingWeeks: number;
  familyId: string | null;
  preferredSchoolId: string | null;
};

export type PlacementProblem = {
  weights: PlacementWeights;
  schools: PlacementSchool[];
  children: PlacementChild[];
};

/**
 * Why a child got no place:
 * - `no_seat_in_form_grade_kind`: no seat group of any school matches the child's forms, grade and kind;
 * - `seats_taken`: matching seat groups exist, but every one is full with children of stronger claim.
 */
export const UNPLACED_REASONS = ['no_seat_in_form_grade_kind', 'seats_taken'] as const;
export type UnplacedReason = (typeof UNPLACED_REASONS)[number];

export type Placement = { childId: string; schoolId: string };
export type Unplaced = { childId: string; reasons: UnplacedReason[] };

export type PlacementResult = {
  placements: Placement[];
  unplaced: Unplaced[];
  /** The objective of this solution (issue 5, "Objective"). */
  objective: number;
  /** A proven lower bound on every feasible solution's objective. */
  bound: number;
  /** (objective − bound) / max(1, |objective|); 0 means proven optimal. */
  gap: number;
  /** Wall-clock seconds the solve took. */
  seconds: number;
};

export type SolveOptions = {
  /**
   * Stop improving after this many seconds and return the best solution with its proven bound (default 5: what a
   * caseworker waits). Stopped early, the placement keeps every hard rule, no placement at all has an objective
   * below `bound`, and so this one is at most `gap` × |objective| above the optimum.
   */
  timeLimitSeconds?: number;
  /**
   * Solve as with too little time for the master LP (subgradient steps, anchored flows; no proof by the LP), which
   * the solver otherwise decides from the time left: for tests on small instances.
   */
  short?: boolean;
};
