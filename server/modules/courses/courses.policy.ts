import type { Actor } from '../../core/context.ts';
import { ALL, anyone, hasRole, ofOrganisation, ownOrganisation, type Policies } from '../../core/policy.ts';

const coordinators = hasRole('coordinator', 'admin');
/** A provider is an association or institution account of the organisation that runs the course. */
const PROVIDER_ROLES: Actor['role'][] = ['association', 'institution'];

/** A course, by the organisation that runs it. */
type Course = { organisationId: string };

/** Who may do what in the courses module. */
export const coursesPolicies = {
  /** The public list and a course's page. */
  'courses.read': anyone,
  /** Enrolling, and everything through the enrolment's code (the code is the person's only key). */
  'courses.enrol': anyone,
  'courses.follow': anyone,
  /** Coordinators keep every course; providers only their own organisation's. */
  'courses.manage': (actor: Actor, course: Course) =>
    coordinators(actor) || ofOrganisation(actor, PROVIDER_ROLES, course.organisationId),
  /** The providers' list: every course for coordinators, the own organisation's for providers. */
  'courses.manage_list': (actor: Actor) =>
    coordinators(actor) ? ALL : ownOrganisation(actor, PROVIDER_ROLES),
  /** The demand view (waiting persons by Ortsteil, kind, language, childcare) and the planner: coordinators. */
  'courses.demand': coordinators,
  'courses.plan': coordinators,
  /** Background jobs (offers whose deadline passed). */
  'courses.jobs': (actor: Actor) => actor.kind === 'system',
} satisfies Policies;

type CoursesRules = typeof coursesPolicies;
declare module '../../core/policy.ts' {
  interface PolicyRules extends CoursesRules {}
}
