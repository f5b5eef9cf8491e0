import type { Actor } from '../../core/context.ts';
import { anyone, hasRole, type Policies } from '../../core/policy.ts';

const coordinators = hasRole('coordinator', 'admin');

/** Coordinators edit every offer; associations and institutions only their own organisation's. */
const editsOrganisation = (actor: Actor, resource?: unknown) => {
  if (coordinators(actor)) return true;
  const organisationId = (resource as { organisationId?: string } | undefined)?.organisationId;
  return (
    (actor.role === 'association' || actor.role === 'institution') &&
    !!organisationId &&
    actor.organisationId === organisationId
  );
};

/** Who may do what in the directory. */
export const directoryPolicies: Policies = {
  'directory.search': anyone,
  'directory.read': anyone,
  'directory.feedback': anyone,
  'directory.unmet': coordinators,
  'directory.edit': editsOrganisation,
  'directory.edit_list': hasRole('association', 'institution', 'coordinator', 'admin'),
  'directory.publish': coordinators,
  'directory.translate': coordinators,
};
