import type { ReactNode } from 'react';
import type { Role } from './session';

/** Who sees a nav entry or may open a page: everyone, only visitors, any logged-in user, or these roles. */
export type Audience = 'everyone' | 'anonymous' | 'authenticated' | readonly Role[];

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

/** Whether a user with `role` (null: anonymous) belongs to the audience. */
export function isInAudience(audience: Audience, role: Role | null): boolean {
  if (audience === 'everyone') return true;
  if (audience === 'anonymous') return role === null;
  if (audience === 'authenticated') return role !== null;
  return role !== null && audience.includes(role);
}
