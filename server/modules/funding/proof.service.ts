/**
 * The proof of use (Verwendungsnachweis) of a funded application: the association files the actual cost per
 * budget line, the participants reached and a short report; the comparison to the plan flags every line whose
 * cost deviates by more than 20 %, and shows what of the grant the actual cost does not cover (a possible
 * repayment claim).
 */
import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import * as repo from './funding.repository.ts';
import { readUpload } from './applications.service.ts';
import { scanUpload } from './scan.ts';
import { type CostCategory, type DocumentType, RECEIPT_KIND } from './funding.terms.ts';
import { compareToPlan } from './rules.ts';

const FUNDED = ['approved', 'partly'];

async function loadFunded(ctx: Ctx, id: string) {
  const row = await repo.findApplication(ctx.db, id);
  if (!row) throw errors.notFound();
  return row;
}

async function proofView(ctx: Ctx, row: repo.ApplicationRow, proof: repo.ProofRow | undefined) {
  const receipts = (await repo.listReceipts(ctx.db, row.id)).map((r) => ({
    id: r.id,
    fileName: r.fileName,
    mediaType: r.mediaType as DocumentType,
    size: r.size,
  }));
  if (!proof) return { proof: null, receipts };
  const comparison = compareToPlan(proof.lines, {
    granted: row.decision?.amount ?? 0,
    ownContribution: row.content.budget.ownContribution,
    otherFunding: row.content.budget.otherFunding,
  });
  return {
    proof: {
      filedAt: proof.filedAt.toISOString(),
      participants: proof.participants,
      report: proof.report,
      ...comparison,
      lines: comparison.lines.map((line) => ({ ...line, category: line.category as CostCategory })),
    },
    receipts,
  };
}

/** The proof of use with its comparison to the plan (the association and the coordinators). */
export async function readProof(ctx: Ctx, id: string) {
  const row = await loadFunded(ctx, id);
  authorize(ctx, 'funding.after.read', { organisationId: row.organisationId });
  return proofView(ctx, row, await repo.findProof(ctx.db, id));
}

/** The association files (or files again) the proof of use of a funded application. */
export async function fileProof(
  ctx: Ctx,
  id: string,
  input: { lines: { actual: number }[]; participants: number; report: string },
) {
  const row = await loadFunded(ctx, id);
  authorize(ctx, 'funding.applications.edit', { organisationId: row.organisationId, reviewerIds: [] });
  if (!FUNDED.includes(row.state))
    throw new AppError('funding.wrong_state', { params: { state: row.state } });
  const costs = row.content.budget.costs;
  if (input.lines.length !== costs.length)
    throw new AppError('funding.proof_lines', { field: 'body.lines', params: { count: costs.length } });
  return inTransaction(ctx, async (tx) => {
    const proof = await repo.upsertProof(tx.db, {
      applicationId: id,
      lines: costs.map((line, i) => ({
        category: line.category,
        description: line.description,
        planned: line.amount,
        actual: input.lines[i]?.actual ?? 0,
      })),
      participants: input.participants,
      report: input.report,
      filedBy: tx.actor.id,
      filedAt: tx.now,
    });
    await audit(tx, { action: 'funding.proof.file', entityType: 'funding_application', entityId: id });
    return proofView(tx, row, proof);
  });
}

/** The association attaches a receipt (PDF, JPEG or PNG by its content) to the proof of use of a funded application. */
export async function addReceipt(ctx: Ctx, id: string, input: { fileName: string; content: string }) {
  const row = await loadFunded(ctx, id);
  authorize(ctx, 'funding.applications.edit', { organisationId: row.organisationId, reviewerIds: [] });
  if (!FUNDED.includes(row.state))
    throw new AppError('funding.wrong_state', { params: { state: row.state } });
  const { bytes, mediaType } = readUpload(input.content);
  await scanUpload(ctx, bytes);
  return inTransaction(ctx, async (tx) => {
    await repo.insertDocument(tx.db, {
      applicationId: id,
      kind: RECEIPT_KIND,
      fileName: input.fileName,
      mediaType,
      size: bytes.length,
      bytes,
      createdAt: tx.now,
    });
    await audit(tx, { action: 'funding.receipt.add', entityType: 'funding_application', entityId: id });
    return proofView(tx, row, await repo.findProof(tx.db, id));
  });
}
