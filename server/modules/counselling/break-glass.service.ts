/**
 * The data-protection officer's list: every break-glass access to a counselling case (when, which case of which
 * service, who of which organisation, the reason), newest first. Reading it is audited.
 */
import { audit } from '../../core/audit.ts';
import type { Ctx } from '../../core/context.ts';
import { authorize } from '../../core/policy.ts';
import { accountNames, organisationNames } from '../platform/index.ts';
import * as repo from './counselling.repository.ts';
import { unseal } from './seal.ts';

export async function listBreakGlass(ctx: Ctx, query: { page: number; per_page: number }) {
  authorize(ctx, 'counselling.break_glass.list');
  const { rows, total } = await repo.listBreakGlass(
    ctx.db,
    query.per_page,
    (query.page - 1) * query.per_page,
  );
  const [services, people, organisations] = await Promise.all([
    repo.listServices(ctx.db),
    accountNames(
      ctx.db,
      rows.flatMap((row) => (row.userId ? [row.userId] : [])),
    ),
    organisationNames(
      ctx.db,
      rows.flatMap((row) => [row.organisationId, row.caseOrganisationId]),
    ),
  ]);
  const serviceNames = new Map(services.map((service) => [service.id, service.name]));
  await audit(ctx, { action: 'counselling.break_glass.list', details: { count: rows.length } });
  return {
    items: rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      caseId: row.caseId,
      serviceName: serviceNames.get(row.serviceId) ?? '',
      caseOrganisationName: organisations.get(row.caseOrganisationId) ?? '',
      by: (row.userId && people.get(row.userId)) || '',
      organisationName: organisations.get(row.organisationId) ?? '',
      reason: unseal<string>(ctx.config, row.sealedReason),
    })),
    total,
    page: query.page,
    perPage: query.per_page,
  };
}
