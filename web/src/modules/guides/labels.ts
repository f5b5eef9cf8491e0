import { useTranslation } from 'react-i18next';
import { useLanguageNames } from '../../app/languages';
import { DIALECT_NAME_KEYS } from '../../../../server/modules/guides/guides.terms.ts';
import type {
  DeclineReason,
  Dialect,
  Gender,
  GuideKind,
  LanguageLevel,
  OnboardingStep,
  Outcome,
  RequestMode,
  RequestState,
  StepStatus,
  Topic,
  TravelMode,
} from '../../../../server/modules/guides/guides.terms.ts';

// The values are the server's terms (one list for tables, schemas and forms); this file names them.
export {
  DECLINE_REASONS,
  type DeclineReason,
  GENDERS,
  type Gender,
  LANGUAGE_LEVELS as LEVELS,
  REQUEST_MODES as MODES,
  type RequestMode as Mode,
  ONBOARDING_STEPS,
  type OnboardingStep,
  REQUEST_STATES,
  type RequestState,
  TOPICS,
  type Topic,
  TRAVEL_MODES,
} from '../../../../server/modules/guides/guides.terms.ts';

/** Whether a string from the API or a form is one of a list's terms. */
export function isOneOf<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return (list as readonly (string | null | undefined)[]).includes(value);
}

/** Dialects: their keys live beside the list (guides.terms.ts), so the server's mails name them the same way. */
export const DIALECT_LABEL: Record<Dialect, string> = DIALECT_NAME_KEYS;

/** The i18n keys of each value, spelled out so the i18n check sees every key in use. */
export const TOPIC_LABEL: Record<Topic, string> = {
  health: 'guides:topics.health',
  authorities: 'guides:topics.authorities',
  school: 'guides:topics.school',
  housing: 'guides:topics.housing',
  court: 'guides:topics.court',
  psychiatric: 'guides:topics.psychiatric',
};

export const MODE_LABEL: Record<RequestMode, string> = {
  on_site: 'guides:modes.on_site',
  phone: 'guides:modes.phone',
  video: 'guides:modes.video',
};

export const GENDER_LABEL: Record<Gender, string> = {
  f: 'guides:genders.f',
  m: 'guides:genders.m',
  d: 'guides:genders.d',
};

export const STATE_LABEL: Record<RequestState, string> = {
  open: 'guides:states.open',
  proposed: 'guides:states.proposed',
  confirmed: 'guides:states.confirmed',
  done: 'guides:states.done',
  cancelled: 'guides:states.cancelled',
  no_show: 'guides:states.no_show',
};

export const STATE_BADGE = {
  open: 'info',
  proposed: 'warning',
  confirmed: 'success',
  done: 'success',
  cancelled: 'danger',
  no_show: 'danger',
} as const satisfies Record<RequestState, string>;

export const STEP_LABEL: Record<OnboardingStep, string> = {
  interview: 'guides:steps.interview',
  training: 'guides:steps.training',
  confidentiality: 'guides:steps.confidentiality',
  police_clearance: 'guides:steps.police_clearance',
};

export const STEP_STATUS_LABEL: Record<StepStatus, string> = {
  valid: 'guides:stepStatus.valid',
  expiring: 'guides:stepStatus.expiring',
  expired: 'guides:stepStatus.expired',
  missing: 'guides:stepStatus.missing',
};

export const DECLINE_LABEL: Record<DeclineReason, string> = {
  not_available: 'guides:decline.reasons.not_available',
  too_far: 'guides:decline.reasons.too_far',
  topic: 'guides:decline.reasons.topic',
  language: 'guides:decline.reasons.language',
  personal: 'guides:decline.reasons.personal',
  other: 'guides:decline.reasons.other',
};

export const LEVEL_LABEL: Record<LanguageLevel, string> = {
  native: 'guides:levels.native',
  fluent: 'guides:levels.fluent',
  basic: 'guides:levels.basic',
};

export const TRAVEL_LABEL: Record<TravelMode, string> = {
  foot: 'guides:travel.foot',
  bike: 'guides:travel.bike',
  transit: 'guides:travel.transit',
  car: 'guides:travel.car',
};

export const KIND_LABEL: Record<GuideKind, string> = {
  mediator: 'guides:kinds.mediator',
  volunteer: 'guides:kinds.volunteer',
};

/** Why the matching found no guide (the solver's reason codes). */
export const REASON_LABEL: Record<string, string> = {
  no_language: 'guides:reasons.no_language',
  all_busy: 'guides:reasons.all_busy',
  topic_refused: 'guides:reasons.topic_refused',
  gender: 'guides:reasons.gender',
  expired: 'guides:reasons.expired',
  max_reached: 'guides:reasons.max_reached',
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
  done: 'guides:statement.outcome.done',
  no_show_newcomer: 'guides:statement.outcome.noShowNewcomer',
  late_cancellation: 'guides:statement.outcome.lateCancellation',
  no_show_guide: 'guides:statement.outcome.noShowGuide',
};

/** Whether a code is one of the dialects the Lotsen network knows. */
const isDialect = (code: string): code is Dialect => Object.hasOwn(DIALECT_LABEL, code);

/** Names of languages, topics and states, numbers and money in the reader's language (dates: app/time.ts). */
export function useNames() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const languages = useLanguageNames();
  const number = new Intl.NumberFormat(lang);
  return {
    language: languages.nameOf,
    topic: (topic: string) => t(TOPIC_LABEL[topic as Topic] ?? 'guides:topics.other'),
    mode: (mode: string) => t(MODE_LABEL[mode as RequestMode] ?? MODE_LABEL.on_site),
    state: (state: string) => t(STATE_LABEL[state as RequestState] ?? STATE_LABEL.open),
    reason: (reason: string) => (REASON_LABEL[reason] ? t(REASON_LABEL[reason]) : reason),
    /** A dialect by its name in the reader's language (a code outside the list as it is). */
    dialect: (dialect: string) => (isDialect(dialect) ? t(DIALECT_LABEL[dialect]) : dialect),
    number: (value: number) => number.format(value),
    money: (cents: number, currency: string) =>
      new Intl.NumberFormat(lang, { style: 'currency', currency }).format(cents / 100),
    hours: (minutes: number) =>
      new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(minutes / 60),
  };
}
