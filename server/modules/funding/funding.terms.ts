// The funding module's value lists, shared by its tables, schemas, the allocation and the web app (imports nothing).

/** A call's life: prepared, open for applications, decided (its funded projects are published). */
export const CALL_STATES = ['draft', 'open', 'decided'] as const;
export type CallState = (typeof CALL_STATES)[number];

/**
 * An application's life: written in steps (draft), sent (submitted, frozen), sent back for changes by the KI (a new
 * version is written), reviewed, decided (approved, partly approved with a lower amount, rejected), or withdrawn.
 */
export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'changes_requested',
  'approved',
  'partly',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
/** The states in which the association may edit (and saves go to the working version). */
export const EDITABLE_STATES: readonly ApplicationState[] = ['draft', 'changes_requested'];
/** How the allocation proposal funds an application: the full request, cut to the least amount accepted, or not. */
export const FUNDINGS = ['full', 'cut', 'none'] as const;
export type FundingChoice = (typeof FUNDINGS)[number];
/** The states of a decision. */
export const DECISIONS = ['approved', 'partly', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Cost categories of a budget plan; a call names the eligible ones. */
export const COST_CATEGORIES = [
  'fees',
  'material',
  'rent',
  'travel',
  'catering',
  'publicity',
  'interpreting',
  'equipment',
  'other',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** Who a project is for. */
export const TARGET_GROUPS = [
  'children',
  'youth',
  'women',
  'families',
  'seniors',
  'newcomers',
  'neighbourhood',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** The documents an application can carry (the call names the required ones). */
export const DOCUMENT_KINDS = ['statutes', 'register', 'exemption', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** What a document may be: the type is read from its first bytes. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
/** The largest document (bytes). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** The parts of an application the completeness check names. */
export const APPLICATION_PARTS = [
  'project.title',
  'project.summary',
  'goals',
  'targetGroups',
  'districts',
  'timeline',
  'budget.costs',
  'budget.requested',
  'documents',
  'declaration',
] as const;
export type ApplicationPart = (typeof APPLICATION_PARTS)[number];

/** A reviewer's score per criterion: 0 (not at all) … 10 (fully). */
export const MAX_SCORE = 10;

/** Why money is claimed back: the actual cost did not need it, or its use was not proven. */
export const CLAIM_REASONS = ['not_needed', 'not_proven'] as const;
export type ClaimReason = (typeof CLAIM_REASONS)[number];

/** What a reminder is about: a call's deadline (to a draft's author), a tranche to pay, the proof, a claim. */
export const REMINDER_KINDS = ['deadline', 'tranche', 'proof', 'claim'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The most tranches one application is paid in. */
export const MAX_TRANCHES = 12;

/** Decisions that fund: the application gets money (payments, proof of use). */
export const FUNDED_STATES = ['approved', 'partly'] as const;

/** The kind of a receipt attached to the proof of use (kept with the documents, not one of the application's). */
export const RECEIPT_KIND = 'receipt';
