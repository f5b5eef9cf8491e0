import type { Actor } from '../../core/context.ts';
import { anyone, hasRole, type Policies, signedIn } from '../../core/policy.ts';

const staff = hasRole('institution', 'association', 'caseworker', 'coordinator', 'admin');
const admin = hasRole('admin');
const privacyOfficers = hasRole('caseworker', 'coordinator', 'admin');

/** Whose consents: a person (subject type "user") or a record of a module (e.g. "child"); none when not found. */
type ConsentSubject = { subjectType: string; subjectId: string } | undefined;

/** The person themself: a consent whose subject is the actor's own account. */
export const ownConsent = (actor: Actor, subject: ConsentSubject) =>
  actor.kind === 'user' && subject?.subjectType === 'user' && subject.subjectId === actor.id;

/** A person may see and withdraw their own consents; KI staff and admins may for anyone. */
const ownConsentOrStaff = (actor: Actor, subject: ConsentSubject) =>
  privacyOfficers(actor) || ownConsent(actor, subject);

/**
 * Consent is given by the person themself, or recorded by the KI caseworker who counsels them (with the channel it
 * was given by), or by the system for the public form. Never by roles that must not see the record: a coordinator
 * or an admin giving a family's consent would open the record to a school.
 */
const ownConsentOrCounsellor = (actor: Actor, subject: ConsentSubject) =>
  actor.kind === 'system' ||
  ownConsent(actor, subject) ||
  (actor.kind === 'user' && actor.role === 'caseworker' && actor.organisationKind === 'ki');

/** Who may do what in the platform module. */
export const platformPolicies = {
  'auth.login': anyone,
  'auth.logout': signedIn,
  'auth.request_password_reset': anyone,
  'auth.reset_password': anyone,
  'me.read': signedIn,
  'me.update': signedIn,
  'me.change_password': signedIn,
  // One's own sessions only: the repository's queries take the actor's id, so another account's session is 404.
  'me.sessions.list': signedIn,
  'me.sessions.end': signedIn,
  'locales.list': anyone,
  'city.read': anyone,
  'organisations.list': staff,
  'users.list': admin,
  'users.create': admin,
  'users.update': admin,
  'audit.search': admin,
  'jobs.list': admin,
  'jobs.run': admin,
  'outbox.list': admin,
  'consents.list': ownConsentOrStaff,
  'consents.record': ownConsentOrCounsellor,
  'consents.withdraw': ownConsentOrStaff,
  'people.export': hasRole('coordinator', 'admin'),
  'people.erase': hasRole('coordinator', 'admin'),
} satisfies Policies;

type PlatformRules = typeof platformPolicies;
declare module '../../core/policy.ts' {
  interface PolicyRules extends PlatformRules {}
}
