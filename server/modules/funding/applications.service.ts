/**
 * Applications: an association starts one for an open call and writes it in steps that save as they go (the
 * budget plan's rules checked on every save), uploads documents (type by content), and submits it when nothing is
 * missing (frozen as a version). The KI can ask for changes: the association writes the next version.
 */
import { audit, auditRead } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize, scopeOf } from '../../core/policy.ts';
import { organisationNames } from '../platform/index.ts';
import * as repo from './funding.repository.ts';
import type { ContentReply, StepInput } from './funding.schema.ts';
import type { ApplicationContent } from './funding.tables.ts';
import {
  EDITABLE_STATES,
  type ApplicationState,
  type Decision,
  MAX_DOCUMENT_BYTES,
} from './funding.terms.ts';
import { checkBudget, documentTypeOf, emptyContent, missingParts } from './rules.ts';
import { scanUpload } from './scan.ts';
import { documentView, summaryView } from './views.ts';

type Resource = { organisationId: string; reviewerIds: readonly string[] };

/** The application with its call (for the policy: the call's reviewers), or 404. */
async function load(ctx: Ctx, id: string, lock = false) {
  const row = lock ? await repo.lockApplication(ctx.db, id) : await repo.findApplication(ctx.db, id);
  if (!row) throw errors.notFound();
  const call = await repo.findCall(ctx.db, row.callId);
  if (!call) throw errors.notFound();
  const resource: Resource = { organisationId: row.organisationId, reviewerIds: call.reviewerIds };
  return { row, call, resource };
}

/** The whole application as its reply: content, what is missing, documents, decision. */
async function view(ctx: Ctx, row: repo.ApplicationRow, call: repo.CallRow) {
  const documents = await repo.listDocuments(ctx.db, row.id);
  const names = await organisationNames(ctx.db, [row.organisationId]);
  const decision = row.decision
    ? {
        outcome: row.decision.outcome as Decision,
        amount: row.decision.amount,
        reason: row.decision.reason,
        conditions: row.decision.conditions,
      }
    : null;
  return {
    id: row.id,
    callId: row.callId,
    organisationId: row.organisationId,
    organisation: names.get(row.organisationId) ?? row.organisationId,
    state: row.state as ApplicationState,
    version: row.version,
    firstTime: row.firstTime,
    content: row.content as ContentReply,
    missing: missingParts(
      row.content,
      documents.map((d) => d.kind),
      call.requiredDocuments,
    ),
    changeNote: row.changeNote,
    documents: documents.map(documentView),
    decision,
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

/** The applications the caller may see: an association's own, every one for coordinators. */
export async function listApplications(ctx: Ctx) {
  const scope = scopeOf(ctx, 'funding.applications.list');
  const rows = await repo.listApplications(ctx.db, scope);
  const names = await organisationNames(ctx.db, [...new Set(rows.map((r) => r.organisationId))]);
  return { items: rows.map((row) => summaryView(row, names.get(row.organisationId) ?? row.organisationId)) };
}

/** An association starts an application to an open call (an empty draft). */
export async function startApplication(ctx: Ctx, input: { callId: string }) {
  authorize(ctx, 'funding.applications.create', { organisationId: ctx.actor.organisationId });
  const organisationId = ctx.actor.organisationId as string;
  return inTransaction(ctx, async (tx) => {
    const call = await repo.findCall(tx.db, input.callId);
    if (!call) throw errors.notFound('call');
    if (call.state !== 'open') throw errors.notFound('call');
    if (call.deadline <= tx.now) throw new AppError('funding.deadline_passed', { field: 'body.callId' });
    const row = await repo.insertApplication(tx.db, {
      callId: call.id,
      organisationId,
      state: 'draft',
      content: emptyContent(),
      firstTime: !(await repo.wasFundedBefore(tx.db, organisationId)),
      createdBy: ctx.actor.id,
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    await audit(tx, {
      action: 'funding.application.start',
      entityType: 'funding_application',
      entityId: row.id,
    });
    return view(tx, row, call);
  });
}

/** One application: its association, coordinators, and the call's reviewers without a conflict of interest. */
export async function readApplication(ctx: Ctx, id: string) {
  const { row, call, resource } = await load(ctx, id);
  authorize(ctx, 'funding.applications.read', resource);
  if (ctx.actor.organisationId !== row.organisationId) await auditRead(ctx, 'funding_application', id);
  return view(ctx, row, call);
}

/** Saves one or more steps into the working version; the budget plan's rules are checked on every save. */
export async function saveSteps(ctx: Ctx, id: string, input: StepInput) {
  return inTransaction(ctx, async (tx) => {
    const { row, call, resource } = await load(tx, id, true);
    authorize(tx, 'funding.applications.edit', resource);
    if (!EDITABLE_STATES.includes(row.state as ApplicationState))
      throw new AppError('funding.wrong_state', { params: { state: row.state } });
    if (call.deadline <= tx.now && row.state === 'draft')
      throw new AppError('funding.deadline_passed', { field: 'body' });
    const districts = new Set(tx.city.districts.map((d) => d.id));
    input.districts?.forEach((district, i) => {
      if (!districts.has(district))
        throw new AppError('funding.district_unknown', { field: `body.districts.${i}` });
    });
    if (input.timeline && input.timeline.to < input.timeline.from)
      throw new AppError('funding.date_order', { field: 'body.timeline.to' });
    if (input.budget) checkBudget(input.budget, call);
    const content: ApplicationContent = { ...row.content, ...definedOnly(input) };
    const saved = await repo.updateApplication(tx.db, id, { content, updatedAt: tx.now });
    return view(tx, saved, call);
  });
}

function definedOnly(input: StepInput): Partial<ApplicationContent> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

/** An uploaded file's bytes and type: PDF, JPEG or PNG by its content (the name does not count), within the limit. */
export function readUpload(content: string) {
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw new AppError('funding.document_too_large', {
      field: 'body.content',
      params: { max: MAX_DOCUMENT_BYTES / 1024 / 1024 },
    });
  const mediaType = documentTypeOf(bytes);
  if (!mediaType) throw new AppError('funding.document_type', { field: 'body.content' });
  return { bytes, mediaType };
}

/** Adds a document: PDF, JPEG or PNG by its content (the name does not count), at most the size limit. */
export async function addDocument(
  ctx: Ctx,
  id: string,
  input: { kind: string; fileName: string; content: string },
) {
  return inTransaction(ctx, async (tx) => {
    const { row, resource } = await load(tx, id, true);
    authorize(tx, 'funding.applications.edit', resource);
    if (!EDITABLE_STATES.includes(row.state as ApplicationState))
      throw new AppError('funding.wrong_state', { params: { state: row.state } });
    const { bytes, mediaType } = readUpload(input.content);
    await scanUpload(tx, bytes);
    const document = await repo.insertDocument(tx.db, {
      applicationId: id,
      kind: input.kind,
      fileName: input.fileName,
      mediaType,
      size: bytes.length,
      bytes,
      createdAt: tx.now,
    });
    return documentView(document);
  });
}

/** Submits: refused naming every missing part, or after the deadline; the content is frozen as a version. */
export async function submitApplication(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const { row, call, resource } = await load(tx, id, true);
    authorize(tx, 'funding.applications.edit', resource);
    if (!EDITABLE_STATES.includes(row.state as ApplicationState))
      throw new AppError('funding.wrong_state', { params: { state: row.state } });
    // A first submission must meet the deadline; a version the KI asked for may come after it.
    if (row.state === 'draft' && call.deadline <= tx.now)
      throw new AppError('funding.deadline_passed', { field: 'body' });
    const documents = await repo.listDocuments(tx.db, id);
    const missing = missingParts(
      row.content,
      documents.map((d) => d.kind),
      call.requiredDocuments,
    );
    if (missing.length > 0)
      throw new AppError('funding.incomplete', { params: { parts: missing.join(', ') } });
    await repo.insertVersion(tx.db, {
      applicationId: id,
      version: row.version,
      content: row.content,
      submittedAt: tx.now,
    });
    const saved = await repo.updateApplication(tx.db, id, {
      state: 'submitted',
      submittedAt: tx.now,
      updatedAt: tx.now,
    });
    await audit(tx, {
      action: 'funding.application.submit',
      entityType: 'funding_application',
      entityId: id,
      details: { version: row.version },
    });
    return view(tx, saved, call);
  });
}

/** The KI asks for changes to a submitted application: the association writes the next version. */
export async function requestChanges(ctx: Ctx, id: string, input: { note: string }) {
  authorize(ctx, 'funding.coordinate');
  return inTransaction(ctx, async (tx) => {
    const { row, call } = await load(tx, id, true);
    if (row.state !== 'submitted')
      throw new AppError('funding.wrong_state', { params: { state: row.state } });
    const saved = await repo.updateApplication(tx.db, id, {
      state: 'changes_requested',
      version: row.version + 1,
      changeNote: input.note,
      updatedAt: tx.now,
    });
    await audit(tx, {
      action: 'funding.application.changes',
      entityType: 'funding_application',
      entityId: id,
    });
    return view(tx, saved, call);
  });
}

/** The frozen versions of an application, oldest first (its readers). */
export async function listVersions(ctx: Ctx, id: string) {
  const { resource } = await load(ctx, id);
  authorize(ctx, 'funding.applications.read', resource);
  const rows = await repo.listVersions(ctx.db, id);
  return {
    items: rows.map((v) => ({
      version: v.version,
      submittedAt: v.submittedAt.toISOString(),
      content: v.content as ContentReply,
    })),
  };
}

/** The committee's decision on a submitted application. */
export async function decide(
  ctx: Ctx,
  id: string,
  input: { outcome: Decision; amount: number; reason: string; conditions: string },
) {
  authorize(ctx, 'funding.coordinate');
  return inTransaction(ctx, async (tx) => {
    const { row, call } = await load(tx, id, true);
    if (row.state !== 'submitted')
      throw new AppError('funding.wrong_state', { params: { state: row.state } });
    const requested = row.content.budget.requested;
    const fits =
      input.outcome === 'approved'
        ? input.amount === requested
        : input.outcome === 'partly'
          ? input.amount > 0 && input.amount < requested
          : input.amount === 0;
    if (!fits)
      throw new AppError('funding.amount_invalid', {
        field: 'body.amount',
        params: { requested },
      });
    // Money granted comes from the call's budget: with the call locked, two decisions at once cannot both take
    // what is left.
    if (input.amount > 0) {
      const budget = await repo.lockCallBudget(tx.db, call.id);
      const left = budget - (await repo.grantedOfCall(tx.db, call.id));
      if (input.amount > left)
        throw new AppError('funding.over_budget', {
          field: 'body.amount',
          params: { left: Math.max(0, left) },
        });
    }
    const saved = await repo.updateApplication(tx.db, id, {
      state: input.outcome,
      decision: { ...input, decidedBy: ctx.actor.id ?? 'system' },
      decidedAt: tx.now,
      updatedAt: tx.now,
    });
    await audit(tx, {
      action: 'funding.application.decide',
      entityType: 'funding_application',
      entityId: id,
      details: { outcome: input.outcome, amount: input.amount },
    });
    return view(tx, saved, call);
  });
}
