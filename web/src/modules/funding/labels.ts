// Term → i18n key, written out in full (a new term without a label fails typecheck).
import type {
  ApplicationPart,
  ApplicationState,
  ClaimReason,
  CostCategory,
  Decision,
  DocumentKind,
  FundingChoice,
  TargetGroup,
} from './funding.api';

export const CATEGORY_LABEL: Record<CostCategory, string> = {
  fees: 'funding:categories.fees',
  material: 'funding:categories.material',
  rent: 'funding:categories.rent',
  travel: 'funding:categories.travel',
  catering: 'funding:categories.catering',
  publicity: 'funding:categories.publicity',
  interpreting: 'funding:categories.interpreting',
  equipment: 'funding:categories.equipment',
  other: 'funding:categories.other',
};

export const GROUP_LABEL: Record<TargetGroup, string> = {
  children: 'funding:groups.children',
  youth: 'funding:groups.youth',
  women: 'funding:groups.women',
  families: 'funding:groups.families',
  seniors: 'funding:groups.seniors',
  newcomers: 'funding:groups.newcomers',
  neighbourhood: 'funding:groups.neighbourhood',
};

export const DOCUMENT_LABEL: Record<DocumentKind, string> = {
  statutes: 'funding:documents.statutes',
  register: 'funding:documents.register',
  exemption: 'funding:documents.exemption',
  other: 'funding:documents.other',
};

export const STATE_LABEL: Record<ApplicationState, string> = {
  draft: 'funding:states.draft',
  submitted: 'funding:states.submitted',
  changes_requested: 'funding:states.changes_requested',
  approved: 'funding:states.approved',
  partly: 'funding:states.partly',
  rejected: 'funding:states.rejected',
  withdrawn: 'funding:states.withdrawn',
};

export const DECISION_LABEL: Record<Decision, string> = {
  approved: 'funding:decisions.approved',
  partly: 'funding:decisions.partly',
  rejected: 'funding:decisions.rejected',
};

/** What the completeness check names, in words. */
export const PART_LABEL: Record<ApplicationPart, string> = {
  'project.title': 'funding:missing.projectTitle',
  'project.summary': 'funding:missing.projectSummary',
  goals: 'funding:missing.goals',
  targetGroups: 'funding:missing.targetGroups',
  districts: 'funding:missing.districts',
  timeline: 'funding:missing.timeline',
  'budget.costs': 'funding:missing.budgetCosts',
  'budget.requested': 'funding:missing.budgetRequested',
  documents: 'funding:missing.documents',
  declaration: 'funding:missing.declaration',
};

/** The allocation proposal's funding of an application. */
export const FUNDING_LABEL: Record<FundingChoice, string> = {
  full: 'funding:allocation.full',
  cut: 'funding:allocation.cut',
  none: 'funding:allocation.none',
};

/** Why money is claimed back. */
export const CLAIM_REASON_LABEL: Record<ClaimReason, string> = {
  not_needed: 'funding:payments.reasons.not_needed',
  not_proven: 'funding:payments.reasons.not_proven',
};
