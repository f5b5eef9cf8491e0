import type { z } from 'zod';
import { audit, auditRead } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize, scopeOf } from '../../core/policy.ts';
import { accountNames, findAccount, findOrganisationById } from '../platform/index.ts';
import * as repo from './guides.repository.ts';
import type * as s from './guides.schema.ts';
import type { RequestSource, RequestState } from './guides.terms.ts';
import { links, mailCancellation, mailChange, mailReceived } from './messages.ts';
import { guideSettings } from './settings.ts';
import { greatCircleKm } from '../../core/geo.ts';
import { addDays, localDate, zonedToUtc } from '../../core/time.ts';
import {
  dialectOf,
  firstName,
  isDoubleBooking,
  newRequestCode,
  requireState,
  transition,
} from './workflow.ts';

type Place = z.infer<typeof s.requestBody>['place'];
type RequestFields = z.infer<typeof s.publicRequestBody>;

/** Coordinates and Stadtbezirk of a place: given coordinates, or the centre of the given Ortsteil. */
export function resolvePlace(ctx: Ctx, place: Place, field: string) {
  const { districts } = ctx.city;
  if (place.ortsteilId) {
    for (const district of districts) {
      const ortsteil = district.ortsteile.find((o) => o.id === place.ortsteilId);
      if (ortsteil) {
        return {
          placeAddress: place.address,
          placeLat: place.lat ?? ortsteil.centre.lat,
          placeLon: place.lon ?? ortsteil.centre.lon,
          districtId: district.id,
        };
      }
    }
    throw errors.invalid(`${field}.ortsteilId`, 'validation.invalid_value');
  }
  const point = { lat: place.lat as number, lon: place.lon as number };
  // The nearest Ortsteil centre tells the Stadtbezirk; a place far outside the city has none.
  let best: { id: string; km: number } | null = null;
  for (const district of districts) {
    for (const ortsteil of district.ortsteile) {
      const km = greatCircleKm(point, ortsteil.centre);
      if (!best || km < best.km) best = { id: district.id, km };
    }
  }
  return {
    placeAddress: place.address,
    placeLat: point.lat,
    placeLon: point.lon,
    districtId: best && best.km < 5 ? best.id : null,
  };
}

function startOf(ctx: Ctx, start: string, field: string): Date {
  const at = new Date(start);
  if (Number.isNaN(at.getTime())) throw errors.invalid(field, 'validation.invalid_format');
  if (at <= ctx.now) throw new AppError('guides.in_the_past', { field });
  if (at.getTime() > ctx.now.getTime() + 400 * 86_400_000) throw errors.invalid(field, 'validation.too_big');
  return at;
}

function requestColumns(ctx: Ctx, input: RequestFields) {
  return {
    language: input.language,
    dialect: dialectOf(input.language, input.dialect, 'body.dialect'),
    startsAt: startOf(ctx, input.start, 'body.start'),
    durationMinutes: input.durationMinutes,
    ...resolvePlace(ctx, input.place, 'body.place'),
    topic: input.topic,
    mode: input.mode ?? 'on_site',
    genderRequired: input.genderRequired ?? null,
    urgency: input.urgency ?? 0,
    notes: input.notes ?? null,
    newcomerFirstName: input.newcomerFirstName ?? null,
    contactOnDay: input.contactOnDay ?? null,
  };
}

async function insertWithCode(tx: Ctx, values: Omit<Parameters<typeof repo.insertRequest>[1], 'code'>) {
  const row = await repo.insertRequest(tx.db, { ...values, code: newRequestCode() });
  await repo.insertRequestEvent(tx.db, {
    requestId: row.id,
    at: tx.now,
    actorId: tx.actor.id,
    actorRole: tx.actor.role,
    fromState: null,
    toState: 'open',
    reason: null,
  });
  return row;
}

/** An institution books a guide for its appointment; a caseworker asks on a newcomer's behalf. */
export async function createRequest(ctx: Ctx, input: z.infer<typeof s.requestBody>) {
  authorize(ctx, 'guides.requests.create_any');
  const organisationId = input.organisationId ?? ctx.actor.organisationId;
  authorize(ctx, 'guides.requests.create', { organisationId });
  if (organisationId && !(await findOrganisationById(ctx.db, organisationId)))
    throw errors.invalid('body.organisationId', 'validation.invalid_value');
  const source: RequestSource = ctx.actor.role === 'institution' ? 'institution' : 'caseworker';
  const me = ctx.actor.id ? await findAccount(ctx.db, ctx.actor.id) : undefined;
  const columns = requestColumns(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const row = await insertWithCode(tx, {
      ...columns,
      source,
      organisationId,
      createdBy: tx.actor.id,
      caseRef: input.caseRef ?? null,
      requesterEmail: input.requesterEmail ?? me?.email ?? null,
      requesterLocale: me?.locale ?? tx.locale,
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    await audit(tx, { action: 'guide_request.create', entityType: 'guide_request', entityId: row.id });
    return { id: row.id, code: row.code, url: links.follow(tx, row.code) };
  });
}

/** A newcomer asks for a Lotse without an account; the answer is a code to follow the request. */
export async function createPublicRequest(ctx: Ctx, input: RequestFields) {
  authorize(ctx, 'guides.requests.public');
  const columns = requestColumns(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const row = await insertWithCode(tx, {
      ...columns,
      source: 'public',
      organisationId: null,
      createdBy: tx.actor.id,
      caseRef: null,
      requesterEmail: input.requesterEmail ?? null,
      requesterLocale: tx.locale,
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    await mailReceived(tx, row);
    await audit(tx, { action: 'guide_request.create_public', entityType: 'guide_request', entityId: row.id });
    return { code: row.code, url: links.follow(tx, row.code) };
  });
}

/** What the follow link shows: state, date and language, nothing personal. */
export async function getPublicRequest(ctx: Ctx, code: string) {
  authorize(ctx, 'guides.requests.public');
  const row = await repo.findRequestByCode(ctx.db, code);
  if (!row) throw errors.notFound();
  return {
    code: row.code,
    state: row.state as RequestState,
    date: localDate(row.startsAt, ctx.city.profile.timezone),
    start: row.startsAt.toISOString(),
    language: row.language,
  };
}

async function assignedGuide(ctx: Ctx, requestId: string) {
  const assignment = await repo.activeAssignmentOfRequest(ctx.db, requestId);
  if (!assignment) return null;
  const [account, profile] = await Promise.all([
    findAccount(ctx.db, assignment.guideId),
    repo.findProfile(ctx.db, assignment.guideId),
  ]);
  return {
    firstName: firstName(account?.displayName ?? ''),
    languages: profile?.languages.map((l) => l.code) ?? [],
  };
}

function summary(row: repo.RequestRow) {
  return {
    id: row.id,
    code: row.code,
    source: row.source as RequestSource,
    organisationId: row.organisationId,
    language: row.language,
    dialect: row.dialect,
    start: row.startsAt.toISOString(),
    end: new Date(row.startsAt.getTime() + row.durationMinutes * 60_000).toISOString(),
    durationMinutes: row.durationMinutes,
    place: { address: row.placeAddress, lat: row.placeLat, lon: row.placeLon, districtId: row.districtId },
    topic: row.topic,
    mode: row.mode,
    genderRequired: row.genderRequired,
    urgency: row.urgency,
    notes: row.notes,
    caseRef: row.caseRef,
    newcomerFirstName: row.newcomerFirstName,
    contactOnDay: row.contactOnDay,
    requesterEmail: row.requesterEmail,
    state: row.state as RequestState,
    unmatchedReasons: row.unmatchedReasons,
    lateCancellation: row.lateCancellation,
    noShowBy: row.noShowBy,
    createdAt: row.createdAt.toISOString(),
  };
}

const isCoordinator = (ctx: Ctx) => ctx.actor.role === 'coordinator' || ctx.actor.role === 'admin';

/** A page of the requests the caller may see (their organisation's; coordinators: all), with the guide's first name. */
export async function listRequests(ctx: Ctx, query: z.infer<typeof s.requestsQuery>) {
  const scope = scopeOf(ctx, 'guides.requests.list');
  const tz = ctx.city.profile.timezone;
  const filter = {
    ...(query.state ? { state: query.state } : {}),
    ...(query.from ? { from: zonedToUtc(query.from, '00:00', tz) } : {}),
    ...(query.to ? { to: zonedToUtc(addDays(query.to, 1), '00:00', tz) } : {}),
  };
  const [rows, total] = await Promise.all([
    repo.listRequests(ctx.db, scope, {
      ...filter,
      limit: query.per_page,
      offset: (query.page - 1) * query.per_page,
    }),
    repo.countRequests(ctx.db, scope, filter),
  ]);
  const names = await accountNames(
    ctx.db,
    rows.flatMap((row) => (row.guideId ? [row.guideId] : [])),
  );
  const items = rows.map(({ request, guideId, guideLanguages }) => ({
    ...summary(request),
    guide: guideId
      ? {
          firstName: firstName(names.get(guideId) ?? ''),
          languages: guideLanguages?.map((l) => l.code) ?? [],
        }
      : null,
  }));
  // A read across every organisation's requests is a staff read: audited.
  if ('all' in scope)
    await audit(ctx, { action: 'read', entityType: 'guide_request.list', details: { count: items.length } });
  return { items, total, page: query.page, perPage: query.per_page };
}

/** One request with its history; staff reads of another organisation's request are audited. */
export async function getRequest(ctx: Ctx, id: string) {
  const row = await repo.findRequest(ctx.db, id);
  authorize(ctx, 'guides.requests.read', row);
  if (!row) throw errors.notFound();
  const events = await repo.listRequestEvents(ctx.db, id);
  if (isCoordinator(ctx)) await auditRead(ctx, 'guide_request', id);
  return {
    ...summary(row),
    guide: await assignedGuide(ctx, id),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      actorRole: e.actorRole,
      fromState: e.fromState,
      toState: e.toState,
      reason: e.reason,
    })),
  };
}

async function notifyGuide(
  tx: Ctx,
  guideId: string,
  send: (to: { email: string; locale: string; name: string }) => Promise<void>,
) {
  const guide = await findAccount(tx.db, guideId);
  if (guide) await send({ email: guide.email, locale: guide.locale, name: guide.displayName });
}

/**
 * Changes time, place or notes. A confirmed guide is told (the database refuses the change when it would
 * double-book them); a pending proposal is withdrawn and the request matched again.
 */
export async function changeRequest(ctx: Ctx, id: string, input: z.infer<typeof s.changeRequestBody>) {
  const found = await repo.findRequest(ctx.db, id);
  authorize(ctx, 'guides.requests.change', found);
  if (!found) throw errors.notFound();
  const moved = input.start !== undefined || input.durationMinutes !== undefined || input.place !== undefined;
  const values: Partial<repo.RequestRow> = {
    ...(input.start !== undefined ? { startsAt: startOf(ctx, input.start, 'body.start') } : {}),
    ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
    ...(input.place !== undefined ? resolvePlace(ctx, input.place, 'body.place') : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
    ...(input.contactOnDay !== undefined ? { contactOnDay: input.contactOnDay } : {}),
    ...(input.newcomerFirstName !== undefined ? { newcomerFirstName: input.newcomerFirstName } : {}),
  };
  await inTransaction(ctx, async (tx) => {
    const request = await repo.lockRequest(tx.db, id);
    if (!request) throw errors.notFound();
    requireState(request, ['open', 'proposed', 'confirmed']);
    const changed = { ...request, ...values };
    await repo.updateRequest(tx.db, id, { ...values, updatedAt: tx.now });
    if (moved && request.state === 'confirmed') {
      const assignment = await repo.activeAssignmentOfRequest(tx.db, id);
      if (assignment) {
        try {
          await tx.db.transaction((inner) =>
            repo.updateAssignment(inner, assignment.id, {
              startsAt: changed.startsAt,
              endsAt: new Date(changed.startsAt.getTime() + changed.durationMinutes * 60_000),
              placeLat: changed.placeLat,
              placeLon: changed.placeLon,
            }),
          );
        } catch (error) {
          if (isDoubleBooking(error)) throw new AppError('guides.double_booking');
          throw error;
        }
        await notifyGuide(tx, assignment.guideId, (to) => mailChange(tx, to, changed, true));
      }
    }
    if (moved && request.state === 'proposed') {
      const pending = await repo.pendingProposalOfRequest(tx.db, id);
      if (pending) {
        await repo.updateProposal(tx.db, pending.id, { status: 'withdrawn', respondedAt: tx.now });
        await notifyGuide(tx, pending.guideId, (to) => mailCancellation(tx, to, request));
      }
      await transition(tx, changed, 'open', 'changed');
    } else {
      await repo.insertRequestEvent(tx.db, {
        requestId: id,
        at: tx.now,
        actorId: tx.actor.id,
        actorRole: tx.actor.role,
        fromState: request.state,
        toState: request.state,
        reason: 'changed',
      });
    }
    // The requester hears of a change someone else made (e.g. a coordinator moving the appointment).
    if (
      moved &&
      request.requesterEmail &&
      request.state === 'confirmed' &&
      tx.actor.id !== request.createdBy
    ) {
      await mailChange(
        tx,
        { email: request.requesterEmail, locale: request.requesterLocale },
        changed,
        false,
      );
    }
    await audit(tx, { action: 'guide_request.change', entityType: 'guide_request', entityId: id });
  });
  return getRequest(ctx, id);
}

/** Cancels a request: late when less than the city's hours before the start; the guide is told. */
async function cancel(tx: Ctx, request: repo.RequestRow) {
  requireState(request, ['open', 'proposed', 'confirmed']);
  const lateHours = guideSettings(tx).lateCancellationHours;
  const late =
    request.state === 'confirmed' && request.startsAt.getTime() - tx.now.getTime() < lateHours * 3_600_000;
  const pending = await repo.pendingProposalOfRequest(tx.db, request.id);
  if (pending) {
    await repo.updateProposal(tx.db, pending.id, { status: 'withdrawn', respondedAt: tx.now });
    await notifyGuide(tx, pending.guideId, (to) => mailCancellation(tx, to, request));
  }
  const assignment = await repo.activeAssignmentOfRequest(tx.db, request.id);
  if (assignment) {
    await repo.updateAssignment(tx.db, assignment.id, { state: 'cancelled', cancelledAt: tx.now });
    await notifyGuide(tx, assignment.guideId, (to) => mailCancellation(tx, to, request));
  }
  await transition(tx, request, 'cancelled', late ? 'late' : null, {
    cancelledAt: tx.now,
    lateCancellation: late,
  });
  await audit(tx, {
    action: 'guide_request.cancel',
    entityType: 'guide_request',
    entityId: request.id,
    details: { late },
  });
}

/** The requester (or a coordinator) cancels. */
export async function cancelRequest(ctx: Ctx, id: string) {
  const found = await repo.findRequest(ctx.db, id);
  authorize(ctx, 'guides.requests.change', found);
  if (!found) throw errors.notFound();
  await inTransaction(ctx, async (tx) => {
    const request = await repo.lockRequest(tx.db, id);
    if (!request) throw errors.notFound();
    await cancel(tx, request);
  });
  return getRequest(ctx, id);
}

/** A newcomer cancels through the follow link. */
export async function cancelPublicRequest(ctx: Ctx, code: string) {
  authorize(ctx, 'guides.requests.public');
  const found = await repo.findRequestByCode(ctx.db, code);
  if (!found) throw errors.notFound();
  await inTransaction(ctx, async (tx) => {
    const request = await repo.lockRequest(tx.db, found.id);
    if (!request) throw errors.notFound();
    await cancel(tx, request);
  });
  return getPublicRequest(ctx, code);
}

/** Records that the newcomer or the guide did not come (by the requester's side or the guide). */
export async function recordNoShow(ctx: Ctx, id: string, input: z.infer<typeof s.noShowBody>): Promise<void> {
  const found = await repo.findRequest(ctx.db, id);
  const assignment = found ? await repo.activeAssignmentOfRequest(ctx.db, id) : undefined;
  authorize(ctx, 'guides.requests.no_show', {
    organisationId: found?.organisationId ?? null,
    guideId: assignment?.guideId ?? null,
  });
  if (!found) throw errors.notFound();
  await inTransaction(ctx, async (tx) => {
    const request = await repo.lockRequest(tx.db, id);
    if (!request) throw errors.notFound();
    requireState(request, ['confirmed']);
    if (request.startsAt > tx.now)
      throw new AppError('guides.request_not_open', { params: { state: request.state } });
    if (assignment) {
      await repo.updateAssignment(tx.db, assignment.id, {
        state: input.who === 'guide' ? 'cancelled' : 'done',
        ...(input.who === 'guide' ? { cancelledAt: tx.now } : {}),
      });
    }
    await transition(tx, request, 'no_show', input.who, { noShowBy: input.who });
    await audit(tx, {
      action: 'guide_request.no_show',
      entityType: 'guide_request',
      entityId: id,
      details: { who: input.who },
    });
  });
}
