/**
 * After the decision: the payment plan of a funded application (tranches with the day planned and the day paid, the
 * day the proof of use is due) and repayment claims (money not needed or not proven, due on a day, repaid). The
 * coordinators keep them; the association reads them.
 */
import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import * as repo from './funding.repository.ts';
import { type ClaimReason, FUNDED_STATES } from './funding.terms.ts';
import { compareToPlan } from './rules.ts';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

async function loadFunded(ctx: Ctx, id: string, lock = false) {
  const row = lock ? await repo.lockApplication(ctx.db, id) : await repo.findApplication(ctx.db, id);
  if (!row) throw errors.notFound();
  return row;
}

function requireFunded(row: repo.ApplicationRow) {
  if (!FUNDED_STATES.includes(row.state as (typeof FUNDED_STATES)[number]))
    throw new AppError('funding.wrong_state', { params: { state: row.state } });
}

/** The payment plan, the claims and the sums, as the reply. */
async function paymentsView(ctx: Ctx, row: repo.ApplicationRow) {
  const [tranches, claims, proof] = await Promise.all([
    repo.listTranches(ctx.db, row.id),
    repo.listClaims(ctx.db, row.id),
    repo.findProof(ctx.db, row.id),
  ]);
  const granted = row.decision?.amount ?? 0;
  const notNeeded = proof
    ? compareToPlan(proof.lines, {
        granted,
        ownContribution: row.content.budget.ownContribution,
        otherFunding: row.content.budget.otherFunding,
      }).repayable
    : 0;
  return {
    granted,
    proofDueOn: row.proofDueOn,
    tranches: tranches.map((t) => ({ number: t.number, amount: t.amount, dueOn: t.dueOn, paidOn: t.paidOn })),
    claims: claims.map((c) => ({
      id: c.id,
      amount: c.amount,
      reason: c.reason as ClaimReason,
      note: c.note,
      dueOn: c.dueOn,
      paidOn: c.paidOn,
    })),
    paid: sum(tranches.filter((t) => t.paidOn).map((t) => t.amount)),
    claimed: sum(claims.map((c) => c.amount)),
    repaid: sum(claims.filter((c) => c.paidOn).map((c) => c.amount)),
    notNeeded,
  };
}

/** The payments of a funded application (its association and the coordinators; before the decision: empty). */
export async function readPayments(ctx: Ctx, id: string) {
  const row = await loadFunded(ctx, id);
  authorize(ctx, 'funding.after.read', { organisationId: row.organisationId });
  return paymentsView(ctx, row);
}

/**
 * The coordinator sets (or replaces) the payment plan: tranches adding up to the amount granted, and the day the
 * proof of use is due. Once a tranche is paid the plan stays.
 */
export async function planPayments(
  ctx: Ctx,
  id: string,
  input: { tranches: { amount: number; dueOn: string }[]; proofDueOn: string | null },
) {
  authorize(ctx, 'funding.coordinate');
  return inTransaction(ctx, async (tx) => {
    const row = await loadFunded(tx, id, true);
    requireFunded(row);
    const granted = row.decision?.amount ?? 0;
    const total = sum(input.tranches.map((t) => t.amount));
    if (total !== granted)
      throw new AppError('funding.tranches_sum', {
        field: 'body.tranches',
        params: { total, granted },
      });
    const existing = await repo.listTranches(tx.db, id);
    if (existing.some((t) => t.paidOn)) throw new AppError('funding.tranche_paid');
    await repo.deleteTranches(tx.db, id);
    await repo.insertTranches(
      tx.db,
      input.tranches.map((t, i) => ({ applicationId: id, number: i + 1, amount: t.amount, dueOn: t.dueOn })),
    );
    const saved = await repo.updateApplication(tx.db, id, { proofDueOn: input.proofDueOn });
    await audit(tx, {
      action: 'funding.payments.plan',
      entityType: 'funding_application',
      entityId: id,
      details: { tranches: input.tranches.length, proofDueOn: input.proofDueOn },
    });
    return paymentsView(tx, saved);
  });
}

/** A tranche is paid: once (a second "paid" on the same tranche is refused by the database's update). */
export async function payTranche(ctx: Ctx, id: string, number: number, input: { paidOn: string }) {
  authorize(ctx, 'funding.coordinate');
  return inTransaction(ctx, async (tx) => {
    const row = await loadFunded(tx, id);
    const paid = await repo.payTranche(tx.db, id, number, input.paidOn);
    if (!paid) {
      const exists = (await repo.listTranches(tx.db, id)).some((t) => t.number === number);
      if (!exists) throw errors.notFound();
      throw new AppError('funding.already_paid');
    }
    await audit(tx, {
      action: 'funding.tranche.paid',
      entityType: 'funding_application',
      entityId: id,
      details: { number, amount: paid.amount },
    });
    return paymentsView(tx, row);
  });
}

/** A repayment claim: never more, with the earlier claims, than was paid. */
export async function recordClaim(
  ctx: Ctx,
  id: string,
  input: { amount: number; reason: ClaimReason; note: string; dueOn: string },
) {
  authorize(ctx, 'funding.coordinate');
  return inTransaction(ctx, async (tx) => {
    const row = await loadFunded(tx, id, true);
    requireFunded(row);
    const [tranches, claims] = await Promise.all([repo.listTranches(tx.db, id), repo.listClaims(tx.db, id)]);
    const paid = sum(tranches.filter((t) => t.paidOn).map((t) => t.amount));
    const open = paid - sum(claims.map((c) => c.amount));
    if (input.amount > open)
      throw new AppError('funding.claim_over_paid', {
        field: 'body.amount',
        params: { max: Math.max(0, open) },
      });
    const claim = await repo.insertClaim(tx.db, { applicationId: id, ...input, createdAt: tx.now });
    await audit(tx, {
      action: 'funding.claim.record',
      entityType: 'funding_application',
      entityId: id,
      details: { claimId: claim.id, amount: input.amount, reason: input.reason },
    });
    return paymentsView(tx, row);
  });
}

/** A claim is repaid: once. */
export async function payClaim(ctx: Ctx, id: string, claimId: string, input: { paidOn: string }) {
  authorize(ctx, 'funding.coordinate');
  return inTransaction(ctx, async (tx) => {
    const row = await loadFunded(tx, id);
    const paid = await repo.payClaim(tx.db, id, claimId, input.paidOn);
    if (!paid) {
      const exists = (await repo.listClaims(tx.db, id)).some((c) => c.id === claimId);
      if (!exists) throw errors.notFound();
      throw new AppError('funding.already_paid');
    }
    await audit(tx, {
      action: 'funding.claim.repaid',
      entityType: 'funding_application',
      entityId: id,
      details: { claimId, amount: paid.amount },
    });
    return paymentsView(tx, row);
  });
}
