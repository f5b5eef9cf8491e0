/**
 * The clinic's step: its staff (institution accounts of a "clinic" organisation) see the referrals made to their
 * clinic — only the fields the client agreed to share, only while that consent holds — accept, decline or mark them
 * done, and record that the person was treated (a date, referred to the Clearingstelle yes/no; never a diagnosis).
 */
import type { z } from 'zod';
import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { organisationNames } from '../platform/index.ts';
import * as repo from './counselling.repository.ts';
import type * as s from './counselling.schema.ts';
import { unseal } from './seal.ts';

type Item = z.infer<typeof s.recipientReferralReply>;

async function itemsOf(ctx: Ctx, rows: repo.ReferralRow[]): Promise<Item[]> {
  const [visits, services] = await Promise.all([
    repo.listVisits(
      ctx.db,
      rows.map((r) => r.id),
    ),
    repo.listServices(ctx.db),
  ]);
  const cases = await Promise.all(rows.map((row) => repo.findCase(ctx.db, row.caseId)));
  const serviceNames = new Map(services.map((service) => [service.id, service.name]));
  const names = await organisationNames(
    ctx.db,
    visits.map((v) => v.clinicId),
  );
  return rows.map((row, i) => ({
    id: row.id,
    fromService: serviceNames.get(cases[i]?.serviceId ?? '') ?? '',
    purpose: row.purpose,
    status: row.status as Item['status'],
    shared: unseal<Item['shared']>(ctx.config, row.sealedShared),
    consentExpiresAt: row.consentExpiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    visits: visits
      .filter((v) => v.referralId === row.id)
      .map((v) => ({
        visitedOn: v.visitedOn,
        referredToClearing: v.referredToClearing,
        clinicName: names.get(v.clinicId) ?? '',
      })),
  }));
}

/** The referrals to the caller's clinic whose consent still holds (the read is audited). */
export async function recipientReferrals(ctx: Ctx) {
  authorize(ctx, 'counselling.clinic');
  const rows = await repo.listReferralsToRecipient(ctx.db, ctx.actor.organisationId ?? '', ctx.now);
  await audit(ctx, { action: 'counselling.referrals.read', details: { count: rows.length } });
  return { items: await itemsOf(ctx, rows) };
}

/** A referral to the caller's clinic; after its consent expired it is gone for the recipient (404). */
async function visibleReferral(ctx: Ctx, id: string) {
  authorize(ctx, 'counselling.clinic');
  const row = await repo.findReferral(ctx.db, id);
  if (!row || row.consentExpiresAt <= ctx.now) throw errors.notFound('referral');
  authorize(ctx, 'counselling.referral.recipient', row);
  return row;
}

export async function setReferralStatus(ctx: Ctx, id: string, status: 'accepted' | 'declined' | 'done') {
  const row = await visibleReferral(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await repo.updateReferral(tx.db, row.id, { status, updatedAt: tx.now });
    await audit(tx, {
      action: 'counselling.referral.status',
      entityType: 'counselling_referral',
      entityId: row.id,
      details: { status },
    });
  });
  const [item] = await itemsOf(ctx, [{ ...row, status }]);
  return item as Item;
}

/** The clinic records a visit: the date and whether it referred the person on; no medical data. */
export async function recordVisit(
  ctx: Ctx,
  id: string,
  input: { visitedOn: string; referredToClearing: boolean },
) {
  const row = await visibleReferral(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const visit = await repo.insertVisit(tx.db, {
      referralId: row.id,
      clinicId: row.recipientId,
      visitedOn: input.visitedOn,
      referredToClearing: input.referredToClearing,
      recordedBy: tx.actor.id,
      createdAt: tx.now,
    });
    await audit(tx, {
      action: 'counselling.visit.record',
      entityType: 'counselling_visit',
      entityId: visit.id,
    });
  });
  const [item] = await itemsOf(ctx, [row]);
  return item as Item;
}
