import { ROLES as ACCOUNT_ROLES } from '../../../../server/core/roles.ts';
import { ROLES, type Role } from '../../app/session';

/** The i18n key naming each role, spelled out so the i18n check sees every key in use. */
export const roleLabelKey = {
  public: 'platform:roles.public',
  resident: 'platform:roles.resident',
  guide: 'platform:roles.guide',
  institution: 'platform:roles.institution',
  association: 'platform:roles.association',
  caseworker: 'platform:roles.caseworker',
  coordinator: 'platform:roles.coordinator',
  admin: 'platform:roles.admin',
} as const satisfies Record<Role, string>;

/** Roles an admin can give to an account (everyone but the anonymous visitor). */
export const ASSIGNABLE_ROLES = ACCOUNT_ROLES;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** Whether a string from a form is a role an account can have. */
export function isAssignableRole(value: string): value is AssignableRole {
  return (ASSIGNABLE_ROLES as readonly string[]).includes(value);
}

/** Whether a string from the API is one of the known roles. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
