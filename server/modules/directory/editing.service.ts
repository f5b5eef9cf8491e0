import { randomBytes } from 'node:crypto';
import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize, scopeOf } from '../../core/policy.ts';
import { accountNames, findOrganisationById } from '../platform/index.ts';
import * as repo from './directory.repository.ts';
import type { ServiceInput } from './directory.model.ts';
import type { ServiceBody } from './editing.schema.ts';
import { insertServiceRecord, replaceServiceRecord } from './records.ts';

const STALE_AFTER_DAYS = 183;
const today = (ctx: Ctx) => ctx.now.toISOString().slice(0, 10);

/** Checks what the schema cannot: the postcode is the city's, the place is in the city, the organisation exists. */
function checkPlace(ctx: Ctx, body: ServiceBody): void {
  const { from, to } = ctx.city.profile.postcodes;
  if (body.location.postcode < from || body.location.postcode > to) {
    throw new AppError('validation.invalid_value', { field: 'body.location.postcode' });
  }
  const ortsteil = ctx.city.districts
    .flatMap((d) => d.ortsteile)
    .find((o) => o.id === body.location.ortsteilId);
  if (!ortsteil) throw new AppError('validation.invalid_value', { field: 'body.location.ortsteilId' });
  const km = Math.hypot(
    (body.location.lat - ortsteil.centre.lat) * 111,
    (body.location.lon - ortsteil.centre.lon) * 70,
  );
  if (km > 15) throw new AppError('validation.invalid_value', { field: 'body.location.lat' });
}

function slugOf(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'angebot'}-${randomBytes(3).toString('hex')}`;
}

function toInput(
  body: ServiceBody,
  slug: string,
  status: ServiceInput['status'],
  lastCheckedAt: string,
): ServiceInput {
  const { minor: _minor, ...rest } = body;
  return { ...rest, slug, status, lastCheckedAt, outdated: [] };
}

async function organisationName(ctx: Ctx, organisationId: string): Promise<string> {
  const name = (await findOrganisationById(ctx.db, organisationId))?.name;
  if (name === undefined) throw new AppError('validation.invalid_value', { field: 'body.organisationId' });
  return name;
}

async function existing(ctx: Ctx, id: string) {
  const found = await repo.findServiceBySlugOrId(ctx.db, id);
  if (!found) throw errors.notFound();
  return found.service;
}

/** An organisation's editor (or a coordinator) adds an offer; it stays a draft until a coordinator publishes it. */
export async function createService(ctx: Ctx, body: ServiceBody) {
  authorize(ctx, 'directory.edit', body);
  checkPlace(ctx, body);
  const orgName = await organisationName(ctx, body.organisationId);
  return inTransaction(ctx, async (tx) => {
    const input = toInput(body, slugOf(body.texts.name.de ?? ''), 'draft', today(tx));
    const id = await insertServiceRecord(tx, input, orgName);
    await repo.insertRevision(tx.db, {
      serviceId: id,
      status: 'draft',
      minor: false,
      snapshot: input,
      changedBy: tx.actor.id,
      changedAt: tx.now,
    });
    await audit(tx, { action: 'directory.service_create', entityType: 'service', entityId: id });
    return { id, slug: input.slug, status: input.status };
  });
}

/**
 * Changes an offer. Drafts change at once. A published offer keeps showing the old text until a coordinator
 * publishes the change — unless a coordinator made it.
 */
export async function updateService(ctx: Ctx, id: string, body: ServiceBody) {
  const service = await existing(ctx, id);
  authorize(ctx, 'directory.edit', service);
  if (body.organisationId !== service.organisationId) authorize(ctx, 'directory.edit', body);
  checkPlace(ctx, body);
  const orgName = await organisationName(ctx, body.organisationId);
  const reviewer = ctx.actor.role === 'coordinator' || ctx.actor.role === 'admin';
  const input = toInput(body, service.slug, service.status as ServiceInput['status'], today(ctx));
  return inTransaction(ctx, async (tx) => {
    const applyNow = service.status === 'draft' || reviewer;
    if (applyNow) await replaceServiceRecord(tx, service.id, input, orgName, body.minor);
    const previous = await repo.pendingRevisionOf(tx.db, service.id);
    if (previous)
      await repo.updateRevision(tx.db, previous.id, {
        status: 'rejected',
        decidedAt: tx.now,
        decidedBy: tx.actor.id,
      });
    await repo.insertRevision(tx.db, {
      serviceId: service.id,
      status: applyNow ? (service.status === 'published' ? 'published' : 'draft') : 'review',
      minor: body.minor,
      snapshot: input,
      changedBy: tx.actor.id,
      changedAt: tx.now,
      ...(applyNow && reviewer ? { decidedBy: tx.actor.id, decidedAt: tx.now } : {}),
    });
    await audit(tx, {
      action: 'directory.service_update',
      entityType: 'service',
      entityId: service.id,
      details: { minor: body.minor, applied: applyNow },
    });
    return { id: service.id, slug: service.slug, status: service.status, pendingReview: !applyNow };
  });
}

/** An editor asks a coordinator to publish a draft. */
export async function submitService(ctx: Ctx, id: string) {
  const service = await existing(ctx, id);
  authorize(ctx, 'directory.edit', service);
  if (service.status !== 'draft') throw new AppError('validation.invalid_value', { field: 'status' });
  await inTransaction(ctx, async (tx) => {
    await repo.updateServiceRow(tx.db, service.id, { status: 'review', updatedAt: tx.now });
    await audit(tx, { action: 'directory.service_submit', entityType: 'service', entityId: service.id });
  });
}

/** A coordinator publishes a new offer, or the change waiting for review. */
export async function publishService(ctx: Ctx, id: string) {
  authorize(ctx, 'directory.publish');
  const service = await existing(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const pending = await repo.pendingRevisionOf(tx.db, service.id);
    if (pending) {
      const input = pending.snapshot as ServiceInput;
      await replaceServiceRecord(
        tx,
        service.id,
        input,
        await organisationName(tx, input.organisationId),
        pending.minor,
      );
      await repo.updateRevision(tx.db, pending.id, {
        status: 'published',
        decidedBy: tx.actor.id,
        decidedAt: tx.now,
      });
    } else if (service.status !== 'review' && service.status !== 'draft') {
      throw new AppError('validation.invalid_value', { field: 'status' });
    }
    await repo.updateServiceRow(tx.db, service.id, { status: 'published', updatedAt: tx.now });
    await audit(tx, { action: 'directory.service_publish', entityType: 'service', entityId: service.id });
  });
}

/** A coordinator sends a change back; the offer stays as it was. */
export async function rejectService(ctx: Ctx, id: string, reason: string) {
  authorize(ctx, 'directory.publish');
  const service = await existing(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const pending = await repo.pendingRevisionOf(tx.db, service.id);
    if (pending)
      await repo.updateRevision(tx.db, pending.id, {
        status: 'rejected',
        decidedBy: tx.actor.id,
        decidedAt: tx.now,
      });
    else if (service.status === 'review')
      await repo.updateServiceRow(tx.db, service.id, { status: 'draft', updatedAt: tx.now });
    else throw new AppError('validation.invalid_value', { field: 'status' });
    await audit(tx, {
      action: 'directory.service_reject',
      entityType: 'service',
      entityId: service.id,
      details: { reasonLength: reason.length },
    });
  });
}

/** An editor confirms the offer is still correct: it is no longer flagged as stale. */
export async function confirmChecked(ctx: Ctx, id: string) {
  const service = await existing(ctx, id);
  authorize(ctx, 'directory.edit', service);
  await repo.updateServiceRow(ctx.db, service.id, { lastCheckedAt: today(ctx) });
  await audit(ctx, { action: 'directory.service_checked', entityType: 'service', entityId: service.id });
}

/** The offers one may edit: one's organisation's, or all for coordinators; optionally only stale or pending ones. */
export async function listEditable(ctx: Ctx, query: { status?: string; stale?: string }) {
  const scope = scopeOf(ctx, 'directory.edit_list');
  const staleBefore = new Date(ctx.now.getTime() - STALE_AFTER_DAYS * 86_400_000).toISOString().slice(0, 10);
  const rows = await repo.editableServices(ctx.db, scope, {
    status: query.status ?? null,
    staleBefore: query.stale === 'true' ? staleBefore : null,
  });
  return rows.map((row) => ({
    ...row,
    stale: row.lastCheckedAt < staleBefore,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** Who changed an offer, when, and what became of each change. */
export async function serviceHistory(ctx: Ctx, id: string) {
  const service = await existing(ctx, id);
  authorize(ctx, 'directory.edit', service);
  const rows = await repo.revisionsOf(ctx.db, service.id);
  const names = await accountNames(
    ctx.db,
    rows.flatMap((row) => (row.changedBy ? [row.changedBy] : [])),
  );
  return rows.map((row) => ({
    ...row,
    changedByName: row.changedBy ? (names.get(row.changedBy) ?? null) : null,
    changedAt: row.changedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  }));
}

/** The newest version of an offer as its editors wrote it (a change waiting for review included). */
export async function latestVersion(ctx: Ctx, id: string): Promise<ServiceInput & { id: string }> {
  const service = await existing(ctx, id);
  authorize(ctx, 'directory.edit', service);
  const [latest] = await repo.revisionsWithSnapshot(ctx.db, service.id);
  // Every revision's snapshot is the ServiceInput it was written from (createService, updateService, the demo).
  const snapshot = latest?.snapshot as ServiceInput;
  return { ...snapshot, id: service.id, status: snapshot.status };
}
