import type { Actor } from '../../core/context.ts';
import { anyone, hasRole, type Policies } from '../../core/policy.ts';

const coordinators = hasRole('coordinator', 'admin');
const guides = (actor: Actor) => actor.kind === 'user' && actor.role === 'guide';
/** Roles that book guides: institutions for their appointments, caseworkers on a newcomer's behalf. */
const bookers = hasRole('institution', 'caseworker', 'coordinator', 'admin');

type RequestResource = { organisationId?: string | null; guideId?: string | null } | undefined;

/** Coordinators see every request; institutions and caseworkers their own organisation's. */
const requestOfOwnOrganisation = (actor: Actor, resource?: unknown) => {
  if (coordinators(actor)) return true;
  const organisationId = (resource as RequestResource)?.organisationId;
  return (
    (actor.role === 'institution' || actor.role === 'caseworker') &&
    !!organisationId &&
    actor.organisationId === organisationId
  );
};
/** Institutions and caseworkers book for their own organisation; coordinators for any. */
const booksForOrganisation = (actor: Actor, resource?: unknown) =>
  coordinators(actor) ||
  ((actor.role === 'institution' || actor.role === 'caseworker') &&
    !!actor.organisationId &&
    actor.organisationId === (resource as RequestResource)?.organisationId);
/** The guide the proposal or assignment is for. */
const ownGuideRecord = (actor: Actor, resource?: unknown) =>
  guides(actor) && !!actor.id && (resource as RequestResource)?.guideId === actor.id;

/** Who may do what with guides, requests, matching and proposals. */
export const guidesPolicies: Policies = {
  'guides.profile.own': guides,
  'guides.profiles.manage': coordinators,
  'guides.recruitment': coordinators,
  'guides.requests.create': booksForOrganisation,
  'guides.requests.create_any': bookers,
  'guides.requests.public': anyone,
  'guides.requests.list': bookers,
  'guides.requests.read': requestOfOwnOrganisation,
  'guides.requests.change': requestOfOwnOrganisation,
  'guides.requests.no_show': (actor, resource) =>
    requestOfOwnOrganisation(actor, resource) || ownGuideRecord(actor, resource),
  'guides.matching': coordinators,
  'guides.proposals.own': guides,
  'guides.proposals.respond': ownGuideRecord,
  'guides.feeds.guide': guides,
  'guides.feeds.organisation': hasRole('institution', 'caseworker'),
  'guides.feeds.read': anyone,
  'guides.jobs': (actor) => actor.kind === 'system',
};
