/**
 * The advice centre's side: the list of cases, one case (every read audited), triage, assignment, actions, notes,
 * messages to the reporter through the code, merging duplicates, and the monitoring export.
 */
import { audit, auditRead } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { authorize, can } from '../../core/policy.ts';
import { accountNames, findAccount, findOrganisationById, requireConsent } from '../platform/index.ts';
import * as repo from './reports.repository.ts';
import type { z } from 'zod';
import type * as s from './reports.schema.ts';
import { CONTACT_CONSENT, type PhotoType, type ReportAction } from './reports.terms.ts';
import { isSealedBytes, unseal, unsealBytes } from './seal.ts';

type CaseItem = z.infer<typeof s.caseItem>;
type CaseReply = z.infer<typeof s.caseReply>;

function itemOf(row: repo.ReportRow, names: Map<string, string>, withContact: Set<string>): CaseItem {
  return {
    id: row.id,
    status: row.status as CaseItem['status'],
    source: row.source as CaseItem['source'],
    receivedAt: row.receivedAt.toISOString(),
    setting: row.setting as CaseItem['setting'],
    grounds: row.grounds as CaseItem['grounds'],
    placeKind: row.placeKind as CaseItem['placeKind'],
    districtId: row.districtId,
    ortsteilId: row.ortsteilId,
    violence: row.violence,
    extremist: row.extremist as CaseItem['extremist'],
    assignedTo: row.assignedTo,
    assignedName: row.assignedTo ? (names.get(row.assignedTo) ?? null) : null,
    mergedInto: row.mergedInto,
    hasContact: withContact.has(row.id),
  };
}

/** A page of cases, newest first (duplicates merged into another case left out). */
export async function listCases(
  ctx: Ctx,
  query: {
    page: number;
    per_page: number;
    status?: CaseItem['status'] | undefined;
    mine?: 'true' | 'false' | undefined;
  },
) {
  authorize(ctx, 'reports.cases');
  const { rows, total } = await repo.listCases(
    ctx.db,
    { status: query.status, assignedTo: query.mine === 'true' ? (ctx.actor.id ?? undefined) : undefined },
    query.per_page,
    (query.page - 1) * query.per_page,
  );
  const [names, withContact] = await Promise.all([
    accountNames(
      ctx.db,
      rows.flatMap((r) => (r.assignedTo ? [r.assignedTo] : [])),
    ),
    repo.reportsWithContact(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  return {
    items: rows.map((r) => itemOf(r, names, withContact)),
    total,
    page: query.page,
    perPage: query.per_page,
  };
}

async function loadCase(ctx: Ctx, id: string) {
  const row = await repo.findReport(ctx.db, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Whether the reporter's consent to be contacted is valid (given, not withdrawn, not expired). */
async function contactConsented(ctx: Ctx, reportId: string): Promise<boolean> {
  try {
    await requireConsent(ctx, {
      subjectType: CONTACT_CONSENT.subjectType,
      subjectId: reportId,
      purpose: CONTACT_CONSENT.purpose,
    });
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'consent.required') return false;
    throw error;
  }
}

/**
 * One case with messages and notes; the contact only for the counsellor it is assigned to, while the reporter's
 * consent is valid. Audited.
 */
export async function readCase(ctx: Ctx, id: string): Promise<CaseReply> {
  authorize(ctx, 'reports.case.read');
  const row = await loadCase(ctx, id);
  const duplicates = await repo.listDuplicates(ctx.db, row.id);
  const ids = [row.id, ...duplicates.map((d) => d.id)];
  const [messages, notes, contactRow, photos] = await Promise.all([
    repo.listMessages(ctx.db, ids),
    repo.listNotes(ctx.db, row.id),
    can(ctx.actor, 'reports.contact.read', row) && (await contactConsented(ctx, row.id))
      ? repo.findContact(ctx.db, row.id)
      : Promise.resolve(undefined),
    can(ctx.actor, 'reports.photos.read', row) ? repo.listPhotos(ctx.db, ids) : Promise.resolve([]),
  ]);
  const names = await accountNames(ctx.db, [
    ...(row.assignedTo ? [row.assignedTo] : []),
    ...notes.map((n) => n.authorId),
  ]);
  const withContact = contactRow ? new Set([row.id]) : await repo.reportsWithContact(ctx.db, [row.id]);
  await auditRead(ctx, 'report', row.id);
  if (contactRow)
    await audit(ctx, { action: 'reports.contact.read', entityType: 'report', entityId: row.id });
  return {
    ...itemOf(row, names, withContact),
    description: row.description,
    occurredOn: row.occurredOn,
    occurredAbout: row.occurredAbout,
    police: row.police as CaseReply['police'],
    affected: row.affected as CaseReply['affected'],
    actions: row.actions as ReportAction[],
    closedAt: row.closedAt?.toISOString() ?? null,
    contact: contactRow ? unseal<NonNullable<CaseReply['contact']>>(ctx.config, contactRow.sealed) : null,
    photos: photos.map((p) => ({
      id: p.id,
      type: p.type as PhotoType,
      size: p.size,
      at: p.at.toISOString(),
    })),
    messages: messages.map((m) => ({
      from: m.author as 'reporter' | 'staff',
      body: m.body,
      at: m.createdAt.toISOString(),
    })),
    duplicates: duplicates.map((d) => ({
      id: d.id,
      source: d.source as CaseReply['source'],
      receivedAt: d.receivedAt.toISOString(),
      description: d.description,
    })),
    notes: notes.map((n) => ({
      body: n.body,
      authorName: names.get(n.authorId) ?? null,
      at: n.createdAt.toISOString(),
    })),
  };
}

/** One of a case's photos (or of its merged duplicates): only for the counsellor it is assigned to. Audited. */
export async function readPhoto(ctx: Ctx, id: string, photoId: string) {
  authorize(ctx, 'reports.case.read');
  const row = await loadCase(ctx, id);
  authorize(ctx, 'reports.photos.read', row);
  const duplicates = await repo.listDuplicates(ctx.db, row.id);
  const photo = await repo.findPhoto(ctx.db, [row.id, ...duplicates.map((d) => d.id)], photoId);
  if (!photo) throw new AppError('not_found');
  await audit(ctx, {
    action: 'reports.photo.read',
    entityType: 'report',
    entityId: row.id,
    details: { photo: photo.id },
  });
  // Photos stored before sealing are served as they are (the start seals them: sealLegacyPhotos).
  const bytes = isSealedBytes(photo.bytes) ? unsealBytes(ctx.config, photo.bytes) : photo.bytes;
  return { type: photo.type as PhotoType, bytes };
}

/** A counsellor a case may be assigned to: a caseworker of an advice centre, not disabled. */
async function checkCounsellor(ctx: Ctx, userId: string) {
  const account = await findAccount(ctx.db, userId);
  const organisation = account?.organisationId
    ? await findOrganisationById(ctx.db, account.organisationId)
    : undefined;
  if (!account || account.disabled || account.role !== 'caseworker' || organisation?.kind !== 'advice')
    throw new AppError('validation.invalid_value', { field: 'body.assignedTo' });
}

/** Triage: status, assignment, actions taken. */
export async function updateCase(ctx: Ctx, id: string, input: z.infer<typeof s.caseUpdateBody>) {
  authorize(ctx, 'reports.case.write');
  const row = await loadCase(ctx, id);
  if (input.assignedTo) await checkCounsellor(ctx, input.assignedTo);
  await inTransaction(ctx, async (tx) => {
    const status = input.status ?? row.status;
    await repo.updateReport(tx.db, id, {
      status,
      ...(input.assignedTo !== undefined ? { assignedTo: input.assignedTo } : {}),
      ...(input.actions ? { actions: [...new Set(input.actions)] } : {}),
      closedAt: status === 'closed' ? (row.closedAt ?? tx.now) : null,
      updatedAt: tx.now,
    });
    await audit(tx, {
      action: 'reports.update',
      entityType: 'report',
      entityId: id,
      details: {
        status,
        assigned: input.assignedTo === undefined ? null : input.assignedTo !== null,
      },
    });
  });
  return readCase(ctx, id);
}

/** An internal note. */
export async function addNote(ctx: Ctx, id: string, input: { body: string }) {
  authorize(ctx, 'reports.case.write');
  await loadCase(ctx, id);
  await repo.insertNote(ctx.db, {
    reportId: id,
    authorId: ctx.actor.id as string,
    body: input.body,
    createdAt: ctx.now,
  });
  return readCase(ctx, id);
}

/** A message to the reporter, read on the follow page. */
export async function sendMessage(ctx: Ctx, id: string, input: { body: string }) {
  authorize(ctx, 'reports.case.write');
  await loadCase(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await repo.insertMessage(tx.db, {
      reportId: id,
      author: 'staff',
      authorId: tx.actor.id,
      body: input.body,
      createdAt: tx.now,
    });
    await repo.updateReport(tx.db, id, { updatedAt: tx.now });
    await audit(tx, { action: 'reports.message', entityType: 'report', entityId: id });
  });
  return readCase(ctx, id);
}

/**
 * Merges a duplicate (the same incident reported again) into a case: the duplicate's code then opens the case, so
 * both reporters read and write through their own codes; the statistics count the incident once.
 */
export async function mergeCase(ctx: Ctx, id: string, input: { intoId: string }) {
  authorize(ctx, 'reports.case.write');
  const row = await loadCase(ctx, id);
  const into = await repo.findReport(ctx.db, input.intoId);
  if (!into || into.id === row.id || into.mergedInto)
    throw new AppError('validation.invalid_value', { field: 'body.intoId' });
  await inTransaction(ctx, async (tx) => {
    await repo.repointDuplicates(tx.db, row.id, into.id);
    await repo.updateReport(tx.db, row.id, { mergedInto: into.id, updatedAt: tx.now });
    await audit(tx, {
      action: 'reports.merge',
      entityType: 'report',
      entityId: row.id,
      details: { into: into.id },
    });
  });
  return readCase(ctx, into.id);
}
