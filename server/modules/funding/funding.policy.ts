import type { Actor } from '../../core/context.ts';
import {
  ALL,
  anyone,
  hasRole,
  ofOrganisation,
  ownOrganisation,
  type Policies,
  system,
} from '../../core/policy.ts';

const coordinators = hasRole('coordinator', 'admin');
/** Associations (and migrant organisations) apply with accounts of the role `association`. */
const APPLICANTS: Actor['role'][] = ['association'];

/** An application, by the organisation that wrote it and the reviewers of its call. */
type Application = { organisationId: string; reviewerIds: readonly string[] };

/**
 * A reviewer of the call who is not a member of the applying organisation: a reviewer from the same association
 * has a conflict of interest and does not see the application at all.
 */
const reviewerWithoutConflict = (actor: Actor, application: Application) =>
  actor.kind === 'user' &&
  application.reviewerIds.includes(actor.id) &&
  actor.organisationId !== application.organisationId;

/** Who may do what in the funding module. */
export const fundingPolicies = {
  /** Open calls, a call's page, the published list of funded projects. */
  'funding.read_public': anyone,
  /** Calls: publish, the score table, the allocation proposal, change requests, decisions. */
  'funding.coordinate': coordinators,
  /** The applications list: every one for coordinators, the own organisation's for associations. */
  'funding.applications.list': (actor: Actor) =>
    coordinators(actor) ? ALL : ownOrganisation(actor, APPLICANTS),
  /** Starting an application: an association's member, for their own organisation. */
  'funding.applications.create': (actor: Actor, input: { organisationId: string | null }) =>
    ofOrganisation(actor, APPLICANTS, input.organisationId),
  /** Reading one: its association, the coordinators, and the call's reviewers without a conflict of interest. */
  'funding.applications.read': (actor: Actor, application: Application) =>
    coordinators(actor) ||
    ofOrganisation(actor, APPLICANTS, application.organisationId) ||
    reviewerWithoutConflict(actor, application),
  /** Writing, uploading documents and submitting: the association only. */
  'funding.applications.edit': (actor: Actor, application: Application) =>
    ofOrganisation(actor, APPLICANTS, application.organisationId),
  /** The notice letter of a decided application: its association and the coordinators. */
  'funding.notice': (actor: Actor, application: { organisationId: string }) =>
    coordinators(actor) || ofOrganisation(actor, APPLICANTS, application.organisationId),
  /** After the decision (proof of use, payments): its association and the coordinators. */
  'funding.after.read': (actor: Actor, application: { organisationId: string }) =>
    coordinators(actor) || ofOrganisation(actor, APPLICANTS, application.organisationId),
  /** Scoring: a reviewer of the call without a conflict of interest. */
  'funding.review': (actor: Actor, application: Application) => reviewerWithoutConflict(actor, application),
  /** The reminders' job. */
  'funding.jobs': system,
  /** The reviewer's list: the applications of calls the account reviews (signed-in accounts; empty for others). */
  'funding.review_list': (actor: Actor) => actor.kind === 'user',
} satisfies Policies;

type FundingRules = typeof fundingPolicies;
declare module '../../core/policy.ts' {
  interface PolicyRules extends FundingRules {}
}
