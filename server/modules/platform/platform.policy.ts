import type { Actor } from '../../core/context.ts';
import { anyone, hasRole, type Policies, signedIn } from '../../core/policy.ts';

const staff = hasRole('institution', 'association', 'caseworker', 'coordinator', 'admin');
const admin = hasRole('admin');
const privacyOfficers = hasRole('caseworker', 'coordinator', 'admin');

/** Whose consents: a person (subject type "user") or a record of a module (e.g. "child"); none when not found. */
type ConsentSubject = { subjectType: string; subjectId: string } | undefined;

/** A person may see and withdraw their own consents; KI staff and admins may for anyone. */
const ownConsentOrStaff = (actor: Actor, subject: ConsentSubject) =>
  privacyOfficers(actor) ||
  (actor.kind === 'user' && subject?.subjectType === 'user' && subject.subjectId === actor.id);

/** Who may do what in the platform module. */
export const platformPolicies = {
  'auth.login': anyone,
  'auth.logout': signedIn,
  'auth.request_password_reset': anyone,
  'auth.reset_password': anyone,
  'me.read': signedIn,
  'me.update': signedIn,
  'me.change_password': signedIn,
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
  'consents.record': ownConsentOrStaff,
  'consents.withdraw': ownConsentOrStaff,
  'people.export': hasRole('coordinator', 'admin'),
  'people.erase': hasRole('coordinator', 'admin'),
} satisfies Policies;

type PlatformRules = typeof platformPolicies;
declare module '../../core/policy.ts' {
  interface PolicyRules extends PlatformRules {}
}
