import type { Actor } from '../../core/context.ts';
import { anyone, hasRole, type Policies, signedIn } from '../../core/policy.ts';

const staff = hasRole('institution', 'association', 'caseworker', 'coordinator', 'admin');
const admin = hasRole('admin');
const privacyOfficers = hasRole('caseworker', 'coordinator', 'admin');

/** A person may see and withdraw their own consents; KI staff and admins may for anyone. */
const ownConsentOrStaff = (actor: Actor, resource?: unknown) => {
  if (privacyOfficers(actor)) return true;
  const subject = resource as { subjectType?: string; subjectId?: string } | undefined;
  return actor.kind === 'user' && subject?.subjectType === 'user' && subject.subjectId === actor.id;
};

/** Who may do what in the platform module. */
export const platformPolicies: Policies = {
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
};
