import type { Actor } from '../../core/context.ts';
import { anyone, hasRole, inScope, type Policies, type Scope } from '../../core/policy.ts';

/**
 * Cases are handled by counsellors: caseworkers of an organisation of kind "counselling" (the Clearingstelle,
 * migration counselling), who have the `counselling` scope (server/core/roles.ts) and no other caseworker's rights.
 * A counsellor sees only the cases of their own organisation's services; another service's case only as what a
 * referral shared. The clinic's staff (institution accounts of a "clinic" organisation) see the referrals made to
 * their clinic and record visits; coordinators, admins, schools and other institutions see no case.
 */
const counsellors = inScope('counselling');

/** The clinic's staff: institution accounts of an organisation of kind "clinic". */
const clinicStaff = (actor: Actor) =>
  actor.kind === 'user' && actor.role === 'institution' && actor.organisationKind === 'clinic';

/** A case or a booking, by the organisation that runs its service. */
type Owned = { organisationId: string };

const ownOrganisation = (actor: Actor, row: Owned) =>
  actor.kind === 'system' || (counsellors(actor) && actor.organisationId === row.organisationId);

/** Who may do what in the counselling module. */
export const counsellingPolicies = {
  'counselling.services.list': anyone,
  'counselling.book': anyone,
  /** With the booking's code: the code is the client's only key. */
  'counselling.follow': anyone,
  /** Every case route: the counsellors. */
  'counselling.staff': counsellors,
  /** Cases and bookings listed: the counsellor's own organisation's. */
  'counselling.cases.list': (actor: Actor): Scope | null =>
    actor.kind === 'system'
      ? { all: true }
      : counsellors(actor) && actor.organisationId
        ? { organisationId: actor.organisationId }
        : null,
  'counselling.case.read': ownOrganisation,
  'counselling.case.write': ownOrganisation,
  /** A service's own bookings: its counsellors. */
  'counselling.booking.open': ownOrganisation,
  /** The clinic's step: referrals to the actor's clinic, and visits recorded. */
  'counselling.clinic': (actor: Actor) => actor.kind === 'system' || clinicStaff(actor),
  /**
   * Break-glass: a lead counsellor opens a case of another service (with a reason, outside a referral). `lead`: the
   * actor is a lead counsellor of their organisation (the service looks it up).
   */
  'counselling.break_glass': (actor: Actor, target: { organisationId: string; lead: boolean }) =>
    counsellors(actor) && target.lead && actor.organisationId !== target.organisationId,
  /** The data-protection officer's list of break-glass accesses: the platform's admins (who search the audit log). */
  'counselling.break_glass.list': hasRole('admin'),
  /** Naming and removing lead counsellors: the platform's admins. */
  'counselling.leads.manage': hasRole('admin'),
  /** Figures (aggregates only, never a record): the KI's coordinators and the admins. */
  'counselling.figures': hasRole('coordinator', 'admin'),
  'counselling.referral.recipient': (actor: Actor, referral: { recipientId: string }) =>
    actor.kind === 'system' || (clinicStaff(actor) && actor.organisationId === referral.recipientId),
} satisfies Policies;

type CounsellingRules = typeof counsellingPolicies;
declare module '../../core/policy.ts' {
  interface PolicyRules extends CounsellingRules {}
}
