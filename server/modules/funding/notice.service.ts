/** The notice letter (Zuwendungsbescheid) of a decided application, as a PDF for its association and the KI. */
import type { Ctx } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { localDate } from '../../core/time.ts';
import { organisationNames } from '../platform/index.ts';
import * as repo from './funding.repository.ts';
import { DECISIONS, type Decision } from './funding.terms.ts';
import { buildNotice } from './notice.pdf.ts';
import { fundingSettings } from './settings.ts';

const isDecision = (state: string): state is Decision => (DECISIONS as readonly string[]).includes(state);

export async function noticePdf(ctx: Ctx, id: string): Promise<{ pdf: Buffer; filename: string }> {
  const row = await repo.findApplication(ctx.db, id);
  if (!row) throw errors.notFound();
  authorize(ctx, 'funding.notice', { organisationId: row.organisationId });
  const call = await repo.findCall(ctx.db, row.callId);
  if (!call) throw errors.notFound();
  if (!isDecision(row.state) || !row.decision || !row.decidedAt)
    throw new AppError('funding.wrong_state', { params: { state: row.state } });
  const names = await organisationNames(ctx.db, [row.organisationId]);
  const contact = ctx.city.profile.contact;
  const template = fundingSettings(ctx).notice;
  const pdf = await buildNotice({
    template,
    authority: template.authority ?? contact.organisation,
    address: [contact.street, `${contact.postcode} ${contact.city}`],
    place: contact.city,
    organisation: names.get(row.organisationId) ?? row.organisationId,
    call: call.title.de ?? '',
    title: row.content.project.title,
    outcome: row.state,
    amount: row.decision.amount,
    requested: row.content.budget.requested,
    reason: row.decision.reason,
    conditions: row.decision.conditions,
    from: row.content.timeline?.from ?? null,
    to: row.content.timeline?.to ?? null,
    date: localDate(row.decidedAt, ctx.city.profile.timezone),
    reference: row.id.slice(0, 8).toUpperCase(),
  });
  return { pdf, filename: `zuwendungsbescheid-${row.id.slice(0, 8)}.pdf` };
}
