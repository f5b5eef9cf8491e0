import type { Actor } from '../../core/context.ts';
import { anyone, inScope, type Policies } from '../../core/policy.ts';

/**
 * Reports are handled by the counsellors of an advice centre: caseworkers of an organisation of kind "advice",
 * who have the `reports` scope (server/core/roles.ts) and no other caseworker's rights. Coordinators, admins and
 * other caseworkers see the published statistics only.
 */
const counsellors = inScope('reports');

/** A case, by the counsellor who took it. */
type Assigned = { assignedTo: string | null };

/** Who may do what in the reports module. */
export const reportsPolicies = {
  'reports.submit': anyone,
  /** With the follow code: the code is the reporter's only key. */
  'reports.follow': anyone,
  'reports.statistics': anyone,
  'reports.cases': counsellors,
  'reports.case.read': counsellors,
  'reports.case.write': counsellors,
  'reports.intake': counsellors,
  'reports.export': counsellors,
  /** The reporter's contact: only the counsellor the case is assigned to. */
  'reports.contact.read': (actor: Actor, report: Assigned) =>
    actor.kind === 'user' && counsellors(actor) && report.assignedTo === actor.id,
  /** The reporter's photos (evidence): likewise only the counsellor the case is assigned to. */
  'reports.photos.read': (actor: Actor, report: Assigned) =>
    actor.kind === 'user' && counsellors(actor) && report.assignedTo === actor.id,
} satisfies Policies;

type ReportsRules = typeof reportsPolicies;
declare module '../../core/policy.ts' {
  interface PolicyRules extends ReportsRules {}
}
