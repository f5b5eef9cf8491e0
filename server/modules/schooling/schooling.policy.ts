import type { Actor } from '../../core/context.ts';
import { anyone, hasRole, type Policies, type Rule } from '../../core/policy.ts';

/**
 * Children's records are for KI caseworkers only (the services also check that the caseworker's organisation is
 * the KI). Coordinators and admins get figures, never records.
 */
const caseworkers: Rule = (actor) => actor.kind === 'system' || actor.role === 'caseworker';
/** Who may see places and figures: aggregates and the schools' own numbers, no child. */
const kiStaff = hasRole('caseworker', 'coordinator', 'admin');

/** Staff of the school the resource belongs to (role institution, organisation = that school). */
const ofSchool = (actor: Actor, resource?: unknown) => {
  const schoolId = (resource as { schoolId?: string } | undefined)?.schoolId;
  return actor.role === 'institution' && !!schoolId && actor.organisationId === schoolId;
};

/** Who may do what in the schooling module. */
export const schoolingPolicies: Policies = {
  'schooling.register': anyone,
  'schooling.schools.directory': anyone,
  'schooling.children.read': caseworkers,
  'schooling.children.write': caseworkers,
  'schooling.placement.run': caseworkers,
  'schooling.placement.confirm': caseworkers,
  'schooling.letter': caseworkers,
  'schooling.seats.list': kiStaff,
  'schooling.seats.read': (actor, resource) => kiStaff(actor) || ofSchool(actor, resource),
  'schooling.seats.update': ofSchool,
  'schooling.school.children': ofSchool,
  'schooling.placement.decide': ofSchool,
  'schooling.placement.first_day': (actor, resource) => caseworkers(actor) || ofSchool(actor, resource),
  'schooling.figures': kiStaff,
};
