// Term → i18n key, written out in full (a new term without a label fails typecheck).
import type {
  AgeBand,
  AttendanceStatus,
  CourseKind,
  CourseLevel,
  CourseTargetGroup,
  EnrolmentStatus,
  GermanLevel,
  MoveReason,
  SessionDay,
} from './courses.api';

export const KIND_LABEL: Record<CourseKind, string> = {
  german_children: 'courses:kinds.german_children',
  rucksack_schule: 'courses:kinds.rucksack_schule',
  rucksack_kita: 'courses:kinds.rucksack_kita',
  griffbereit: 'courses:kinds.griffbereit',
  hsu: 'courses:kinds.hsu',
  integration: 'courses:kinds.integration',
  literacy: 'courses:kinds.literacy',
  women: 'courses:kinds.women',
};

export const LEVEL_LABEL: Record<CourseLevel, string> = {
  a0: 'courses:levels.a0',
  a1: 'courses:levels.a1',
  a2: 'courses:levels.a2',
  b1: 'courses:levels.b1',
  b2: 'courses:levels.b2',
  c1: 'courses:levels.c1',
  kita: 'courses:levels.kita',
  grades_1_4: 'courses:levels.grades_1_4',
  grades_5_10: 'courses:levels.grades_5_10',
  mixed: 'courses:levels.mixed',
};

export const TARGET_LABEL: Record<CourseTargetGroup, string> = {
  children: 'courses:targets.children',
  parents: 'courses:targets.parents',
  women: 'courses:targets.women',
  adults: 'courses:targets.adults',
};

/** The German levels a person picks from, each with a picture (an emoji) and a sentence. */
export const GERMAN_LABEL: Record<GermanLevel, string> = {
  none: 'courses:german.none',
  words: 'courses:german.words',
  introduce: 'courses:german.introduce',
  everyday: 'courses:german.everyday',
  fluent: 'courses:german.fluent',
};
export const GERMAN_PICTURE: Record<GermanLevel, string> = {
  none: '🤐',
  words: '💬',
  introduce: '👋',
  everyday: '🛒',
  fluent: '📚',
};

export const STATUS_LABEL: Record<EnrolmentStatus, string> = {
  enrolled: 'courses:status.enrolled',
  waiting: 'courses:status.waiting',
  offered: 'courses:status.offered',
  cancelled: 'courses:status.cancelled',
  declined: 'courses:status.declined',
  expired: 'courses:status.expired',
  withdrawn: 'courses:status.withdrawn',
};

export const REASON_LABEL: Record<MoveReason, string> = {
  arrival: 'courses:reasons.arrival',
  place_freed: 'courses:reasons.place_freed',
  accepted: 'courses:reasons.accepted',
  declined: 'courses:reasons.declined',
  deadline_passed: 'courses:reasons.deadline_passed',
  cancelled: 'courses:reasons.cancelled',
  placed_elsewhere: 'courses:reasons.placed_elsewhere',
  changed: 'courses:reasons.changed',
  capacity_raised: 'courses:reasons.capacity_raised',
};

/** ISO weekday numbers of the session days (the city's weekday names come from Intl). */
export const DAY_NUMBER: Record<SessionDay, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };

export const ATTENDANCE_LABEL: Record<AttendanceStatus, string> = {
  present: 'courses:attendance.present',
  absent: 'courses:attendance.absent',
  excused: 'courses:attendance.excused',
};

/** The demand view's age bands and needs. */
export const AGE_BAND_LABEL: Record<AgeBand, string> = {
  '0_2': 'courses:demand.bands.0_2',
  '3_5': 'courses:demand.bands.3_5',
  '6_9': 'courses:demand.bands.6_9',
  '10_13': 'courses:demand.bands.10_13',
  '14_17': 'courses:demand.bands.14_17',
  adult: 'courses:demand.bands.adult',
};
export const NEED_LABEL = {
  childcare: 'courses:demand.needs.childcare',
  womenOnly: 'courses:demand.needs.womenOnly',
  evening: 'courses:demand.needs.evening',
} as const;
