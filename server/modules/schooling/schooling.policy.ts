import type { Actor } from '../../core/context.ts';
import { ALL, anyone, hasRole, ofOrganisation, type Policies, type Scope } from '../../core/policy.ts';

/**
 * Children's records are for caseworkers of the KI (an organisation of kind "ki") only. Coordinators and admins
 * get figures, never records; a caseworker of another office (e.g. the Jobcenter) gets nothing.
 */
const kiCaseworkers = (actor: Actor) =>
  actor.kind === 'system' || (actor.role === 'caseworker' && actor.organisationKind === 'ki');
/** Who may see places and figures: aggregates and the schools' own numbers, no child. */
const kiStaff = hasRole('caseworker', 'coordinator', 'admin');

/** A school (an organisation of kind school), or a record that belongs to one. */
type School = { schoolId: string };
/** A placement, by the school it was sent to; none when not found. */
type Placement = { schoolId: string } | undefined;

/** Staff of the school (role institution, organisation = that school). */
const ofSchool = (actor: Actor, school: Placement) =>
  ofOrganisation(actor, ['institution'], school?.schoolId);
/** One school's rows, for those who may see them. */
const schoolScope = (allowed: boolean, school: School): Scope | null =>
  allowed ? { organisationId: school.schoolId } : null;

/** Who may do what in the schooling module. */
export const schoolingPolicies = {
  'schooling.register': anyone,
  /** The public form lists every school by name and forms (no numbers). */
  'schooling.schools.directory': (_actor: Actor) => ALL,
  'schooling.children.read': kiCaseworkers,
  'schooling.children.write': kiCaseworkers,
  'schooling.placement.run': kiCaseworkers,
  'schooling.placement.confirm': kiCaseworkers,
  'schooling.letter': kiCaseworkers,
  /** Every school's places, for KI staff. */
  'schooling.seats.list': (actor: Actor) => (kiStaff(actor) ? ALL : null),
  /** One school's places: its staff, or KI staff. */
  'schooling.seats.read': (actor: Actor, school: School) =>
    schoolScope(kiStaff(actor) || ofSchool(actor, school), school),
  'schooling.seats.update': (actor: Actor, school: School) => ofSchool(actor, school),
  /** The children sent to a school: its staff only. */
  'schooling.school.children': (actor: Actor, school: School) => schoolScope(ofSchool(actor, school), school),
  'schooling.placement.decide': ofSchool,
  'schooling.placement.first_day': (actor: Actor, placement: Placement) =>
    kiCaseworkers(actor) || ofSchool(actor, placement),
  'schooling.figures': kiStaff,
} satisfies Policies;

type SchoolingRules = typeof schoolingPolicies;
declare module '../../core/policy.ts' {
  interface PolicyRules extends SchoolingRules {}
}
