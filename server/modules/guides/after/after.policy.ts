import type { Actor } from '../../../core/context.ts';
import { anyone, hasRole, type Policies } from '../../../core/policy.ts';

/** What a rule gets to decide on: the assignment's guide and the organisation that asked. */
export type AfterResource = { guideId?: string | null; organisationId?: string | null };

const coordinators = hasRole('coordinator', 'admin');
const resourceOf = (resource: unknown) => (resource ?? {}) as AfterResource;

/** The guide of the assignment. */
const ownGuide = (actor: Actor, resource?: unknown) =>
  actor.kind === 'user' && actor.role === 'guide' && resourceOf(resource).guideId === actor.id;

/** Staff of the organisation that asked for the guide (institution or caseworker). */
const requestingOrganisation = (actor: Actor, resource?: unknown) => {
  const organisationId = resourceOf(resource).organisationId;
  return (
    (actor.role === 'institution' || actor.role === 'caseworker') &&
    !!organisationId &&
    actor.organisationId === organisationId
  );
};

/** Who may do what after an appointment: log, confirm, give feedback, read statements. */
export const afterPolicies: Policies = {
  /** The first, coarse check; each step then checks the assignment itself. */
  'guides.after.use': hasRole('guide', 'institution', 'caseworker', 'coordinator', 'admin'),
  'guides.after.log_time': ownGuide,
  'guides.after.confirm_time': (actor, resource) =>
    requestingOrganisation(actor, resource) || coordinators(actor, resource),
  'guides.after.guide_feedback': ownGuide,
  'guides.after.requester_feedback': requestingOrganisation,
  'guides.after.guide_read': (actor, resource) => ownGuide(actor, resource) || coordinators(actor, resource),
  'guides.after.requester_read': (actor, resource) =>
    requestingOrganisation(actor, resource) || coordinators(actor, resource),
  /** The newcomer, with the code from the confirmation: confirm the time, give feedback. */
  'guides.after.by_code': anyone,
  /** Feedback is for coordinators only: neither side sees what the other said. */
  'guides.after.feedback_list': coordinators,
  'guides.statements.list': hasRole('guide', 'coordinator', 'admin'),
  'guides.statements.read': (actor, resource) => ownGuide(actor, resource) || coordinators(actor, resource),
};
