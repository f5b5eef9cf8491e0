/**
 * The platform's fixed terms, shared by the server and the web app (this file imports nothing, so the web bundle
 * can take it as it is).
 */

/** The roles of accounts; the anonymous visitor (`public`) has none. */
export const ROLES = [
  'resident',
  'guide',
  'institution',
  'association',
  'caseworker',
  'coordinator',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['ki', 'authority', 'school', 'clinic', 'provider', 'association'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
