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
