/**
 * The matching contract (issue 4, "The matching core has a file interface"): problem.json in, result.json out.
 * Extension fields beyond the contract are optional and ignored when absent: guide `kind`, request
 * `preferredKind`, weight `kindMismatch`.
 */

export type Point = { lat: number; lon: number };
export type Gender = 'f' | 'm' | 'd';
/** Extension: a paid language and culture mediator or a volunteer Lotse. */
export type GuideKind = 'mediator' | 'volunteer';

export type MatchingWeights = {
  /** Cost of leaving a request unassigned, times (1 + urgency). Default 1000. */
  unassigned: number;
  /** Saving when the guide is in the request's previousGuideIds. Default 30. */
  continuity: number;
  /** The k-th assignment of a guide costs loadStep × (k − 1). Default 10. */
  loadStep: number;
  /** Travel speed for travel minutes = great-circle km / speedKmh × 60. Default 20. */
  speedKmh: number;
  /** Extension: cost when a request's preferredKind differs from the guide's kind. Default 0. */
  kindMismatch: number;
};

export type AvailabilityWindow = { start: string; end: string };

export type MatchingGuide = {
  id: string;
  /** Language codes (BCP 47 primary subtags such as "ar", "kmr"). */
  languages: string[];
  /** Dialect codes such as "ar-levantine"; a request with a dialect needs it here. Default []. */
  dialects: string[];
  gender: Gender | null;
  topicsRefused: string[];
  home: Point;
  /** At most this many assignments in the problem's period. */
  maxAssignments: number;
  /** ISO 8601 timestamps with an offset; a request must lie inside one window. */
  availability: AvailabilityWindow[];
  /** YYYY-MM-DD: the last day the guide's certificates are valid; null: no expiry. */
  validUntil: string | null;
  kind?: GuideKind;
};

export type MatchingRequest = {
  id: string;
  language: string;
  dialect: string | null;
  /** ISO 8601 timestamp with an offset. */
  start: string;
  durationMinutes: number;
  place: Point;
  topic: string;
  genderRequired: Gender | null;
  /** 0 = normal; the unassigned cost is multiplied by 1 + urgency. */
  urgency: number;
  previousGuideIds: string[];
  preferredKind?: GuideKind | null;
};

export type MatchingProblem = {
  weights: MatchingWeights;
  guides: MatchingGuide[];
  requests: MatchingRequest[];
};

export const UNASSIGNED_REASONS = [
  'no_language',
  'all_busy',
  'topic_refused',
  'gender',
  'expired',
  'max_reached',
] as const;
/**
 * Why no guide took a request: the contract's six reasons. A guide who was free but whose cost would exceed
 * leaving the request open (only with small custom `unassigned` weights) counts as "all_busy".
 */
export type UnassignedReason = (typeof UNASSIGNED_REASONS)[number];

export type Assignment = { requestId: string; guideId: string };

export type MatchingResult = {
  assignments: Assignment[];
  unassigned: { requestId: string; reasons: UnassignedReason[] }[];
  /** The objective of the assignments (minimised). */
  objective: number;
  /** A proven lower bound on the objective of any feasible solution. */
  bound: number;
  /** (objective − bound) / max(1, |objective|); 0 means proven optimal. */
  gap: number;
  seconds: number;
};

export type SolveOptions = {
  /** Stops improving after this many seconds (default 5). The result is always feasible. */
  timeLimitSeconds?: number;
  /** Stops when the gap is at most this (default 1e-9: proven optimal). */
  gapTolerance?: number;
};

export const DEFAULT_WEIGHTS: MatchingWeights = {
  unassigned: 1000,
  continuity: 30,
  loadStep: 10,
  speedKmh: 20,
  kindMismatch: 0,
};
