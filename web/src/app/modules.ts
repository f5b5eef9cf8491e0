import type { ReactNode } from 'react';
import { type OrganisationKind, type StaffScope, staffScope } from '../../../server/core/roles.ts';
import type { Role } from './session';

/** Staff of these roles whose organisation is of one of these kinds (a school's staff, the KI's caseworkers). */
export interface StaffAudience {
  roles: readonly Role[];
  organisationKinds: readonly OrganisationKind[];
}

/** Staff with a scope (server/core/roles.ts): an advice centre's caseworkers have `reports`. */
export interface ScopeAudience {
  scope: StaffScope;
}

/**
 * Who sees a nav entry or may open a page: everyone, only visitors, any logged-in user, these roles (scoped staff
 * left out, as the server's hasRole), these roles in organisations of these kinds, or staff with a scope (as the
 * server's policy decides, so no one sees a page they get a 403 on).
 */
export type Audience =
  | 'everyone'
  | 'anonymous'
  | 'authenticated'
  | readonly Role[]
  | StaffAudience
  | ScopeAudience;

/** Who is looking: the role and organisation kind of the signed-in user, or null for a visitor. */
export type Viewer = { role: Role; organisationKind: OrganisationKind | null } | null;

/** A main-navigation entry; `label` is an i18n key written out in full (`common:nav.home`). */
export interface NavItem {
  to: string;
  label: string;
  audience: Audience;
  /** Position in the navigation, lower first; entries without one keep their module order after those with one. */
  order?: number;
}

/** A page of a module. */
export interface ModuleRoute {
  path: string;
  element: ReactNode;
  audience: Audience;
}

/** What a web module contributes to the shell. */
export interface WebModule {
  name: string;
  routes: readonly ModuleRoute[];
  nav: readonly NavItem[];
}

/** Whether the viewer (null: anonymous) belongs to the audience. */
export function isInAudience(audience: Audience, viewer: Viewer): boolean {
  if (audience === 'everyone') return true;
  if (audience === 'anonymous') return viewer === null;
  if (audience === 'authenticated') return viewer !== null;
  if (viewer === null) return false;
  const scope = staffScope(viewer.role, viewer.organisationKind);
  if ('scope' in audience) return scope === audience.scope;
  if ('roles' in audience) {
    return (
      audience.roles.includes(viewer.role) &&
      viewer.organisationKind !== null &&
      audience.organisationKinds.includes(viewer.organisationKind)
    );
  }
  return audience.includes(viewer.role) && scope === null;
}
