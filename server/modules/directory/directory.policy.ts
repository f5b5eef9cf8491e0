import type { Actor } from '../../core/context.ts';
import { ALL, anyone, hasRole, ofOrganisation, ownOrganisation, type Policies } from '../../core/policy.ts';

const coordinators = hasRole('coordinator', 'admin');

/** An offer, or the organisation an offer is written for. */
type Offer = { organisationId: string };

/** Who may do what in the directory. */
export const directoryPolicies = {
  'directory.search': anyone,
  'directory.read': anyone,
  'directory.feedback': anyone,
  'directory.unmet': coordinators,
  /** Coordinators edit every offer; associations and institutions only their own organisation's. */
  'directory.edit': (actor: Actor, offer: Offer) =>
    coordinators(actor) || ofOrganisation(actor, ['association', 'institution'], offer.organisationId),
  /** The editor's list: every offer for coordinators, the own organisation's for associations and institutions. */
  'directory.edit_list': (actor: Actor) =>
    coordinators(actor) ? ALL : ownOrganisation(actor, ['association', 'institution']),
  'directory.publish': coordinators,
  'directory.translate': coordinators,
  'directory.jobs': (actor: Actor) => actor.kind === 'system',
} satisfies Policies;

type DirectoryRules = typeof directoryPolicies;
declare module '../../core/policy.ts' {
  interface PolicyRules extends DirectoryRules {}
}
