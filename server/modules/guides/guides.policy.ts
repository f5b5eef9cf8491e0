import type { Actor } from '../../core/context.ts';
import { ALL, anyone, hasRole, ofOrganisation, ownOrganisation, type Policies } from '../../core/policy.ts';

const coordinators = hasRole('coordinator', 'admin');
const guides = (actor: Actor) => actor.kind === 'user' && actor.role === 'guide';
/** Roles that book guides: institutions for their appointments, caseworkers on a newcomer's behalf. */
const bookers = hasRole('institution', 'caseworker', 'coordinator', 'admin');

/** A request (or the one being made), by the organisation it is for; none when not found. */
type Request = { organisationId: string | null } | undefined;
/** A proposal or assignment, by the guide it is for; none when not found. */
type GuideRecord = { guideId: string | null } | undefined;

/** Coordinators see every request; institutions and caseworkers their own organisation's. */
const requestOfOwnOrganisation = (actor: Actor, request: Request) =>
  coordinators(actor) || ofOrganisation(actor, ['institution', 'caseworker'], request?.organisationId);
/** The guide the proposal or assignment is for. */
const ownGuideRecord = (actor: Actor, record: GuideRecord) =>
  guides(actor) && !!record?.guideId && record.guideId === actor.id;

/** Who may do what with guides, requests, matching and proposals. */
export const guidesPolicies = {
  'guides.profile.own': guides,
  'guides.profiles.manage': coordinators,
  'guides.recruitment': coordinators,
  /** Institutions and caseworkers book for their own organisation; coordinators for any. */
  'guides.requests.create': requestOfOwnOrganisation,
  'guides.requests.create_any': bookers,
  'guides.requests.public': anyone,
  /** Coordinators list every request; institutions and caseworkers their own organisation's. */
  'guides.requests.list': (actor: Actor) =>
    coordinators(actor) ? ALL : ownOrganisation(actor, ['institution', 'caseworker']),
  'guides.requests.read': requestOfOwnOrganisation,
  'guides.requests.change': requestOfOwnOrganisation,
  /** The requesting side, or the guide of the assignment. */
  'guides.requests.no_show': (
    actor: Actor,
    request: { organisationId: string | null; guideId: string | null },
  ) => requestOfOwnOrganisation(actor, request) || ownGuideRecord(actor, request),
  'guides.matching': coordinators,
  'guides.proposals.own': guides,
  'guides.proposals.respond': ownGuideRecord,
  'guides.feeds.guide': guides,
  'guides.feeds.organisation': hasRole('institution', 'caseworker'),
  'guides.feeds.read': anyone,
  'guides.jobs': (actor: Actor) => actor.kind === 'system',
} satisfies Policies;

type GuidesRules = typeof guidesPolicies;
declare module '../../core/policy.ts' {
  interface PolicyRules extends GuidesRules {}
}
