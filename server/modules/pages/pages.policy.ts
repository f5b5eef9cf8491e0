import type { Actor } from '../../core/context.ts';
import { ALL, anyone, hasRole, ofOrganisation, ownOrganisation, type Policies } from '../../core/policy.ts';

/** The KI's coordinators (and admins) edit every page, make new ones and publish, as in the directory. */
const coordinators = hasRole('coordinator', 'admin');

/** A page, by the organisation that owns it (null: the coordinators' own). */
type OwnedPage = { organisationId: string | null };

/** Who may do what with the information pages. */
export const pagesPolicies = {
  'pages.read': anyone,
  /** Coordinators every page; associations and institutions the pages their organisation owns. */
  'pages.edit': (actor: Actor, page: OwnedPage) =>
    coordinators(actor) || ofOrganisation(actor, ['association', 'institution'], page.organisationId),
  'pages.edit_list': (actor: Actor) =>
    coordinators(actor) ? ALL : ownOrganisation(actor, ['association', 'institution']),
  /** A new page takes a place in the city's tree: coordinators only. */
  'pages.create': coordinators,
  'pages.publish': coordinators,
  /** XLIFF of every page in a language, and the glossaries: the coordinators, who commission translations. */
  'pages.translate': coordinators,
  /** News: the coordinators write and publish them (publishing sends web push). */
  'pages.news': coordinators,
  /** The "still correct?" list and the link check's findings: every editor, for the pages they may change. */
  'pages.checks': (actor: Actor) =>
    coordinators(actor) ? ALL : ownOrganisation(actor, ['association', 'institution']),
} satisfies Policies;

type PagesRules = typeof pagesPolicies;
declare module '../../core/policy.ts' {
  interface PolicyRules extends PagesRules {}
}
