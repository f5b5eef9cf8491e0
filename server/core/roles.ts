// The platform-wide roles and organisation kinds, shared by every module and the web app (imports nothing).

/** The roles of signed-in users, platform-wide: every module's policies grant actions to some of them. */
export const ROLES = [
  'resident',
  'guide',
  'institution',
  'association',
  'caseworker',
  'coordinator',
  'admin',
] as const;
/** One of ROLES. */
export type Role = (typeof ROLES)[number];

/**
 * The kinds of organisations staff accounts belong to; policies read the actor's (e.g. "ki", "school"). An
 * "advice" organisation is an advice centre against discrimination: its caseworkers handle the reports module; a
 * "counselling" organisation is a counselling service (the Clearingstelle, migration counselling): its caseworkers
 * handle the counselling module.
 */
export const ORGANISATION_KINDS = [
  'ki',
  'authority',
  'school',
  'clinic',
  'provider',
  'association',
  'advice',
  'counselling',
] as const;
/** One of ORGANISATION_KINDS. */
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * A scope: the one module's work that staff of an organisation kind are limited to. An advice centre's caseworkers
 * (its counsellors) have the `reports` scope: they handle reports and get none of a caseworker's other rights or
 * pages (children's records, guide bookings, other people's consents). A counselling service's caseworkers (the
 * Clearingstelle's counsellors) have the `counselling` scope likewise. The policies' role helpers (hasRole,
 * ofOrganisation, ownOrganisation) and the web's role audiences leave scoped staff out; `inScope` lets them in.
 */
export const SCOPES = {
  advice: { role: 'caseworker', scope: 'reports' },
  counselling: { role: 'caseworker', scope: 'counselling' },
} as const satisfies Partial<Record<OrganisationKind, { role: Role; scope: string }>>;
/** One of the scopes. */
export type StaffScope = (typeof SCOPES)[keyof typeof SCOPES]['scope'];

/** The scope of a signed-in user of this role in an organisation of this kind, or null for unscoped staff. */
export function staffScope(role: string, organisationKind: OrganisationKind | null): StaffScope | null {
  const scoped =
    organisationKind && organisationKind in SCOPES ? SCOPES[organisationKind as keyof typeof SCOPES] : null;
  return scoped && scoped.role === role ? scoped.scope : null;
}
