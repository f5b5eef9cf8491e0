import type { Actor } from '../../../core/context.ts';
import { anyone, hasRole, ofOrganisation, type Policies } from '../../../core/policy.ts';

/** What a rule gets to decide on: the assignment's guide and the organisation that asked. */
export type AfterResource = { guideId: string | null; organisationId: string | null };

const coordinators = hasRole('coordinator', 'admin');

/** The guide of the assignment (or of the statement). */
const ownGuide = (actor: Actor, resource: { guideId: string | null }) =>
  actor.kind === 'user' && actor.role === 'guide' && resource.guideId === actor.id;

/** Staff of the organisation that asked for the guide (institution or caseworker). */
const requestingOrganisation = (actor: Actor, resource: AfterResource) =>
  ofOrganisation(actor, ['institution', 'caseworker'], resource.organisationId);

/** Who may do what after an appointment: log, confirm, give feedback, read statements. */
export const afterPolicies = {
  /** The first, coarse check; each step then checks the assignment itself. */
  'guides.after.use': hasRole('guide', 'institution', 'caseworker', 'coordinator', 'admin'),
  'guides.after.log_time': ownGuide,
  'guides.after.confirm_time': (actor: Actor, resource: AfterResource) =>
    requestingOrganisation(actor, resource) || coordinators(actor),
  'guides.after.guide_feedback': ownGuide,
  'guides.after.requester_feedback': requestingOrganisation,
  'guides.after.guide_read': (actor: Actor, resource: AfterResource) =>
    ownGuide(actor, resource) || coordinators(actor),
  'guides.after.requester_read': (actor: Actor, resource: AfterResource) =>
    requestingOrganisation(actor, resource) || coordinators(actor),
  /** The newcomer, with the code from the confirmation: confirm the time, give feedback. */
  'guides.after.by_code': anyone,
  /** Feedback is for coordinators only: neither side sees what the other said. */
  'guides.after.feedback_list': coordinators,
  'guides.statements.list': hasRole('guide', 'coordinator', 'admin'),
  'guides.statements.read': (actor: Actor, statement: { guideId: string }) =>
    ownGuide(actor, statement) || coordinators(actor),
} satisfies Policies;

type AfterRules = typeof afterPolicies;
declare module '../../../core/policy.ts' {
  interface PolicyRules extends AfterRules {}
}
