import type {
  DocumentKind,
  HealthCheck,
  HealthOutcome,
  HouseholdRelation,
  SharedField,
  Topic,
} from './counselling.api';

export const TOPIC_LABEL: Record<Topic, string> = {
  health_insurance: 'counselling:topics.health_insurance',
  residence: 'counselling:topics.residence',
  work: 'counselling:topics.work',
  housing: 'counselling:topics.housing',
  school: 'counselling:topics.school',
  benefits: 'counselling:topics.benefits',
  debts: 'counselling:topics.debts',
};

export const CHECK_LABEL: Record<HealthCheck, string> = {
  ehic_valid: 'counselling:checks.ehic_valid',
  s1_form: 'counselling:checks.s1_form',
  employed: 'counselling:checks.employed',
  family_insured: 'counselling:checks.family_insured',
  jobcenter: 'counselling:checks.jobcenter',
};

export const DOCUMENT_LABEL: Record<DocumentKind, string> = {
  passport: 'counselling:documents.passport',
  ehic_card: 'counselling:documents.ehic_card',
  s1_form: 'counselling:documents.s1_form',
  registration: 'counselling:documents.registration',
  employment_contract: 'counselling:documents.employment_contract',
  payslips: 'counselling:documents.payslips',
  jobcenter_notice: 'counselling:documents.jobcenter_notice',
  birth_certificate: 'counselling:documents.birth_certificate',
};

export const OUTCOME_LABEL: Record<HealthOutcome, string> = {
  home_country: 'counselling:outcomes.home_country',
  work: 'counselling:outcomes.work',
  family: 'counselling:outcomes.family',
  jobcenter: 'counselling:outcomes.jobcenter',
  clinic_access: 'counselling:outcomes.clinic_access',
  unresolved: 'counselling:outcomes.unresolved',
};

export const FIELD_LABEL: Record<SharedField, string> = {
  name: 'counselling:fields.name',
  birthDate: 'counselling:fields.birthDate',
  languages: 'counselling:fields.languages',
  phone: 'counselling:fields.phone',
  topics: 'counselling:fields.topics',
  insurance: 'counselling:fields.insurance',
};

export const STATUS_LABEL = {
  booked: 'counselling:status.booked',
  cancelled: 'counselling:status.cancelled',
  opened: 'counselling:status.opened',
  open: 'counselling:status.open',
  closed: 'counselling:status.closed',
  sent: 'counselling:status.sent',
  accepted: 'counselling:status.accepted',
  declined: 'counselling:status.declined',
  done: 'counselling:status.done',
} as const;

/** The languages a client can book in (ISO 639-1, as the server stores them). */
export const CLIENT_LANGUAGES = ['ro', 'bg', 'de', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'pl'] as const;

export const RELATION_LABEL: Record<HouseholdRelation, string> = {
  partner: 'counselling:relations.partner',
  child: 'counselling:relations.child',
  parent: 'counselling:relations.parent',
  sibling: 'counselling:relations.sibling',
  other: 'counselling:relations.other',
};
