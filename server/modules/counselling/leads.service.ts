/**
 * Lead counsellors: who of a counselling service may open another service's case by break-glass. The platform's
 * admins name and remove them (GET/POST/DELETE /api/v1/counselling/leads); every change is audited.
 */
import { audit } from '../../core/audit.ts';
import type { Ctx } from '../../core/context.ts';
import { errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { type OrganisationKind, staffScope } from '../../core/roles.ts';
import {
  accountNames,
  findAccountByEmail,
  findOrganisationById,
  organisationNames,
} from '../platform/index.ts';
import * as repo from './counselling.repository.ts';

export async function listLeads(ctx: Ctx) {
  authorize(ctx, 'counselling.leads.manage');
  const rows = await repo.listLeads(ctx.db);
  const [people, organisations] = await Promise.all([
    accountNames(
      ctx.db,
      rows.map((row) => row.userId),
    ),
    organisationNames(
      ctx.db,
      rows.map((row) => row.organisationId),
    ),
  ]);
  return {
    items: rows.map((row) => ({
      userId: row.userId,
      name: people.get(row.userId) ?? '',
      organisationName: organisations.get(row.organisationId) ?? '',
      appointedAt: row.appointedAt.toISOString(),
    })),
  };
}

/** Names a counsellor (by e-mail: a caseworker of a counselling organisation) a lead of their organisation. */
export async function nameLead(ctx: Ctx, email: string) {
  authorize(ctx, 'counselling.leads.manage');
  const account = await findAccountByEmail(ctx.db, email);
  const organisation = account?.organisationId
    ? await findOrganisationById(ctx.db, account.organisationId)
    : undefined;
  if (
    !account ||
    account.disabled ||
    !organisation ||
    staffScope(account.role, organisation.kind as OrganisationKind) !== 'counselling'
  )
    throw errors.invalid('body.email', 'counselling.not_a_counsellor');
  await repo.insertLead(ctx.db, {
    userId: account.id,
    organisationId: organisation.id,
    appointedAt: ctx.now,
  });
  await audit(ctx, {
    action: 'counselling.lead.name',
    entityType: 'user',
    entityId: account.id,
    details: { organisationId: organisation.id },
  });
  return listLeads(ctx);
}

/** Removes a lead: from now on they open only their own service's cases. */
export async function removeLead(ctx: Ctx, userId: string) {
  authorize(ctx, 'counselling.leads.manage');
  if (!(await repo.deleteLead(ctx.db, userId))) throw errors.notFound('lead');
  await audit(ctx, { action: 'counselling.lead.remove', entityType: 'user', entityId: userId });
  return listLeads(ctx);
}
