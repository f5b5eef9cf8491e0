// Value lists of the counselling module, shared by tables, schemas and the web app (imports nothing).

/** The kinds of counselling services. */
export const SERVICE_KINDS = ['clearing', 'mbe', 'jmd', 'clinic_social'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** The topics of a case. */
export const TOPICS = [
  'health_insurance',
  'residence',
  'work',
  'housing',
  'school',
  'benefits',
  'debts',
] as const;
export type Topic = (typeof TOPICS)[number];

/** A case: open while it is worked, closed with its outcomes. */
export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A booking: booked, cancelled by the client (through the code), or taken into a case by staff. */
export const BOOKING_STATUSES = ['booked', 'cancelled', 'opened'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** The health-insurance clearing checklist (the city profile may add topics later; this is the fixed list). */
export const HEALTH_CHECKS = ['ehic_valid', 's1_form', 'employed', 'family_insured', 'jobcenter'] as const;
export type HealthCheck = (typeof HEALTH_CHECKS)[number];

/** Documents a client may still have to bring. */
export const DOCUMENTS = [
  'passport',
  'ehic_card',
  's1_form',
  'registration',
  'employment_contract',
  'payslips',
  'jobcenter_notice',
  'birth_certificate',
] as const;
export type DocumentKind = (typeof DOCUMENTS)[number];

/** The outcome of the health-insurance topic. */
export const HEALTH_OUTCOMES = [
  'home_country',
  'work',
  'family',
  'jobcenter',
  'clinic_access',
  'unresolved',
] as const;
export type HealthOutcome = (typeof HEALTH_OUTCOMES)[number];

/** What a referral may share with its recipient. */
/** How a household member is related to the client. */
export const HOUSEHOLD_RELATIONS = ['partner', 'child', 'parent', 'sibling', 'other'] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];
/** At most this many household members on a case. */
export const MAX_HOUSEHOLD = 15;

export const SHARED_FIELDS = ['name', 'birthDate', 'languages', 'phone', 'topics', 'insurance'] as const;
export type SharedField = (typeof SHARED_FIELDS)[number];

/** A referral: sent, then accepted or declined by the recipient, and marked done. */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'done'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** What a recipient may set. */
export const RECIPIENT_STATUSES = ['accepted', 'declined', 'done'] as const;

/** The consent to store a case: its purpose, and how long it lasts at most. */
export const STORAGE_CONSENT = { subjectType: 'counselling_case', purpose: 'counselling.case' } as const;
/** The consent to share a case with one recipient (one per referral). */
export const REFERRAL_CONSENT = {
  subjectType: 'counselling_referral',
  purpose: 'counselling.referral',
} as const;
export const MAX_CONSENT_DAYS = 3 * 366;

/** Groups of four characters in a booking's code. */
export const CODE_GROUPS = 4;
/** The longest case note. */
export const MAX_NOTE_LENGTH = 4000;
