/**
 * The courses module's value lists, shared by the server and the web app (this file imports nothing, so the web
 * bundle can take it as it is).
 */

/** Kinds of course (Duisburg's defaults from the spec: the NRW programmes, HSU, BAMF courses listed only). */
export const COURSE_KINDS = [
  'german_children',
  'rucksack_schule',
  'rucksack_kita',
  'griffbereit',
  'hsu',
  'integration',
  'literacy',
  'women',
] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

/** Levels: A0 literacy … C1 for adults; grade bands for children. */
export const COURSE_LEVELS = [
  'a0',
  'a1',
  'a2',
  'b1',
  'b2',
  'c1',
  'kita',
  'grades_1_4',
  'grades_5_10',
  'mixed',
] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];

/** Who a course is for. */
export const TARGET_GROUPS = ['children', 'parents', 'women', 'adults'] as const;
export type CourseTargetGroup = (typeof TARGET_GROUPS)[number];

/** Whether the provider takes enrolments on Lotse, or elsewhere (then a link). */
export const ENROLMENT_MODES = ['here', 'external'] as const;
export type EnrolmentMode = (typeof ENROLMENT_MODES)[number];

/** Weekdays of a weekly session (as the directory stores opening hours). */
export const SESSION_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type SessionDay = (typeof SESSION_DAYS)[number];

/**
 * Where an enrolment stands. `offered`: a freed place is held for this person until the offer's deadline;
 * `withdrawn`: the person left the waiting list (placed elsewhere); `expired`: the offer's deadline passed.
 */
export const ENROLMENT_STATUSES = [
  'enrolled',
  'waiting',
  'offered',
  'cancelled',
  'declined',
  'expired',
  'withdrawn',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
/** The statuses that hold a place (and the childcare places it needs). */
export const HOLDING_STATUSES = ['enrolled', 'offered'] as const satisfies readonly EnrolmentStatus[];

/** Who enrols: an adult for themselves, or a parent for a child. */
export const PARTICIPANT_KINDS = ['adult', 'child'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** German, self-assessed with pictures ("I can introduce myself" …). */
export const GERMAN_LEVELS = ['none', 'words', 'introduce', 'everyday', 'fluent'] as const;
export type GermanLevel = (typeof GERMAN_LEVELS)[number];

/** Why a waiting-list move happened (the log's `reason`). */
export const MOVE_REASONS = [
  'arrival',
  'place_freed',
  'accepted',
  'declined',
  'deadline_passed',
  'cancelled',
  'placed_elsewhere',
  'changed',
  'capacity_raised',
] as const;
export type MoveReason = (typeof MOVE_REASONS)[number];

/** The answer to "you have a place: keep your other waiting places?" — asked once per placement. */
export const OTHERS_QUESTION = ['open', 'kept', 'dropped'] as const;
export type OthersQuestion = (typeof OTHERS_QUESTION)[number];

/** Groups of four in an enrolment code (server/core/codes.ts). */
export const CODE_GROUPS = 4;
/** The oldest child childcare looks after, in years. */
export const MAX_CHILD_AGE = 17;

/** Attendance at one session. */
export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Age bands of waiting participants in the demand view: children by age (a parent enrols them), adults as one. */
export const AGE_BANDS = ['0_2', '3_5', '6_9', '10_13', '14_17', 'adult'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
