/**
 * The course planner's contract (`npm run lotse -- plan-courses`, the coordinators' planner page): where should
 * the next course groups open so that the most waiting people get a place within their travel limit?
 */
import type { GeoPoint } from '../../../core/geo.ts';

export type { GeoPoint };

/** Waiting persons of one kind at one place: the same Ortsteil (or point), support language and childcare need. */
export type PlanDemand = {
  id: string;
  /** The Ortsteil's name (for explanations). */
  ortsteil: string;
  point: GeoPoint;
  /** The support language the group must offer (ISO 639 code; `de` for German only). */
  language: string;
  /** Parents who need childcare for a child under 3: travel limit `travelKm.childcare`, one childcare place each. */
  childcare: boolean;
  persons: number;
};

/** A place where a group can open: a school, Kita or community centre from the directory. */
export type PlanPlace = {
  id: string;
  name: string;
  point: GeoPoint;
  /** How many new groups fit (free rooms at free hours). */
  rooms: number;
  /** Childcare places per group (0: no childcare room). */
  childcarePlaces: number;
  /** The coordinator's choice: `fixed` opens at least one group here, `forbidden` none. */
  status?: 'open' | 'fixed' | 'forbidden';
};

/** A course that runs already (for the explanations: "nearest existing course 4.1 km"). */
export type PlanExistingCourse = { point: GeoPoint; language: string | null };

export type PlanProblem = {
  /** New groups the budget allows. */
  groups: number;
  /** Places per group. */
  groupSize: number;
  /** Travel limits in km (profile: 2 km for parents with children under 3, 5 km else). */
  travelKm: { childcare: number; other: number };
  demand: PlanDemand[];
  places: PlanPlace[];
  existingCourses: PlanExistingCourse[];
};

/** Waiting persons of one demand entry who get a place in a proposed group. */
export type PlanServed = { demand: string; persons: number };

/** One proposal: open `groups` groups with this support language at this place. */
export type PlanProposal = {
  place: string;
  placeName: string;
  language: string;
  groups: number;
  /** Places the groups open (groups × groupSize) and the persons who take them. */
  places: number;
  placed: number;
  childcarePlaced: number;
  /** Waiting persons of this language within their travel limit of the place (before the plan). */
  waitingInReach: number;
  /** The Ortsteile the placed persons wait in, most first. */
  ortsteile: string[];
  /** The nearest course that runs already with this support language (or any, when none has it); null: none. */
  nearestExistingKm: number | null;
  fixed: boolean;
  served: PlanServed[];
};

export type PlanResult = {
  /** Persons who get a place. */
  objective: number;
  /** No plan places more (proven); equal to objective when optimal. */
  bound: number;
  /** (bound − objective) / max(1, bound). */
  gap: number;
  seconds: number;
  status: 'optimal' | 'time_limit';
  /** How the proof was found: the bound met by the first plan, or HiGHS's branch and bound. */
  method: 'bound' | 'highs';
  waiting: number;
  proposals: PlanProposal[];
};

export type PlanOptions = { timeLimitSeconds?: number };
