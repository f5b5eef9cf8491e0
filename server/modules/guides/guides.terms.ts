/**
 * The guides module's fixed terms, shared by the server (tables, schemas) and the web app (forms, labels). This
 * file imports nothing, so the web bundle can take it as it is.
 */

export const GUIDE_KINDS = ['volunteer', 'mediator'] as const;
export type GuideKind = (typeof GUIDE_KINDS)[number];
export const LANGUAGE_LEVELS = ['native', 'fluent', 'basic'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
export const TOPICS = ['health', 'authorities', 'school', 'housing', 'court', 'psychiatric'] as const;
export type Topic = (typeof TOPICS)[number];
export const TRAVEL_MODES = ['foot', 'bike', 'transit', 'car'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];
export const GENDERS = ['f', 'm', 'd'] as const;
export type Gender = (typeof GENDERS)[number];
export const ONBOARDING_STEPS = ['interview', 'training', 'confidentiality', 'police_clearance'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];
/** Where an onboarding step stands today. */
export const STEP_STATUSES = ['valid', 'expiring', 'expired', 'missing'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const REQUEST_SOURCES = ['institution', 'public', 'caseworker'] as const;
export type RequestSource = (typeof REQUEST_SOURCES)[number];
export const REQUEST_MODES = ['on_site', 'phone', 'video'] as const;
export type RequestMode = (typeof REQUEST_MODES)[number];
export const REQUEST_STATES = ['open', 'proposed', 'confirmed', 'done', 'cancelled', 'no_show'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
/**
 * `draft`: made by a matching run and under the coordinator's review; the guide neither sees it nor gets a mail
 * until the coordinator sends the run (then it becomes `pending`).
 */
export const PROPOSAL_STATES = ['draft', 'pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export const DECLINE_REASONS = [
  'not_available',
  'too_far',
  'topic',
  'language',
  'personal',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const ASSIGNMENT_STATES = ['confirmed', 'cancelled', 'done'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];
export const RUN_STATES = ['running', 'done', 'failed'] as const;
export const FEEDBACK_SIDES = ['guide', 'requester'] as const;
export type FeedbackSide = (typeof FEEDBACK_SIDES)[number];
/** What happened to an assignment, for pay (server/modules/guides/after/statement.ts explains each). */
export const OUTCOMES = ['done', 'no_show_newcomer', 'late_cancellation', 'no_show_guide'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/**
 * Dialects a request may ask for and a guide may state, per language (ISO 639-3): only where the dialect changes
 * who can help. A language without an entry has no dialect to choose.
 */
export const DIALECTS = {
  ara: ['levantine', 'iraqi', 'egyptian', 'gulf', 'maghrebi', 'sudanese'],
  fas: ['iranian', 'dari', 'tajik'],
  kmr: ['badini', 'sorani'],
  rom: ['vlax', 'balkan', 'carpathian', 'sinti'],
  tur: ['balkan_turkish'],
} as const satisfies Record<string, readonly string[]>;
export type Dialect = (typeof DIALECTS)[keyof typeof DIALECTS][number];

/**
 * Each dialect's name as an i18n key (locales/<lang>/guides.json), spelled out so the i18n check sees every key:
 * the web app's labels and the server's mails read the same names.
 */
export const DIALECT_NAME_KEYS: Record<Dialect, string> = {
  levantine: 'guides:dialects.levantine',
  iraqi: 'guides:dialects.iraqi',
  egyptian: 'guides:dialects.egyptian',
  gulf: 'guides:dialects.gulf',
  maghrebi: 'guides:dialects.maghrebi',
  sudanese: 'guides:dialects.sudanese',
  iranian: 'guides:dialects.iranian',
  dari: 'guides:dialects.dari',
  tajik: 'guides:dialects.tajik',
  badini: 'guides:dialects.badini',
  sorani: 'guides:dialects.sorani',
  vlax: 'guides:dialects.vlax',
  balkan: 'guides:dialects.balkan',
  carpathian: 'guides:dialects.carpathian',
  sinti: 'guides:dialects.sinti',
  balkan_turkish: 'guides:dialects.balkan_turkish',
};

/** The dialects of a language (none for most). */
export function dialectsOf(language: string): readonly Dialect[] {
  return (DIALECTS as Record<string, readonly Dialect[]>)[language] ?? [];
}
