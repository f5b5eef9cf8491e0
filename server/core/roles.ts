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
 * "advice" organisation is an advice centre against discrimination: its caseworkers handle the reports module.
 */
export const ORGANISATION_KINDS = [
  'ki',
  'authority',
  'school',
  'clinic',
  'provider',
  'association',
  'advice',
] as const;
/** One of ORGANISATION_KINDS. */
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
