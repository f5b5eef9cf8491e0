import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { createGuideRequest } from '../guides/index.ts';
import { findAccount, requireConsent } from '../platform/index.ts';
import { CONSENT_COUNSELLING, CONSENT_SUBJECT } from './common.ts';
import * as repo from './schooling.repository.ts';
import type { AppointmentBody, AssessmentBody } from './schooling.schema.ts';
import type { ChildState } from './schooling.terms.ts';
import { schoolingSettings } from './settings.ts';
import { listAppointments } from './views.ts';

type AppointmentRow = Awaited<ReturnType<typeof listAppointments>>[number];

/** An appointment as the API shows it, with the state of its mediator booking. */
export function appointmentOut({ guideRequestId, guideRequestState, ...a }: AppointmentRow) {
  return {
    ...a,
    startsAt: a.startsAt.toISOString(),
    status: a.status as 'planned',
    guideRequest: guideRequestId ? { id: guideRequestId, state: guideRequestState ?? 'open' } : null,
  };
}

/** States in which counselling and assessment still happen (before a place is proposed). */
const BEFORE_PLACEMENT: ChildState[] = ['registered', 'counselled', 'assessed', 'waiting'];

async function childBeforePlacement(ctx: Ctx, id: string) {
  const child = await repo.findChild(ctx.db, id);
  if (!child) throw errors.notFound();
  if (!BEFORE_PLACEMENT.includes(child.state as ChildState))
    throw new AppError('schooling.wrong_state', { params: { state: child.state } });
  return child;
}

/**
 * Books a counselling appointment. When a language mediator is needed, the need (language, time) is stored on
 * the appointment and shown in the child's record; booking the mediator itself belongs to the guides module.
 */
export async function createAppointment(ctx: Ctx, childId: string, body: AppointmentBody) {
  authorize(ctx, 'schooling.children.write');
  await childBeforePlacement(ctx, childId);
  await requireConsent(ctx, {
    subjectType: CONSENT_SUBJECT,
    subjectId: childId,
    purpose: CONSENT_COUNSELLING,
  });
  const caseworkerId = body.caseworkerId ?? ctx.actor.id;
  if (!caseworkerId) throw errors.invalid('body.caseworkerId', 'validation.required');
  const caseworker = await findAccount(ctx.db, caseworkerId);
  const kind = caseworker?.organisationId
    ? await repo.findOrganisationKind(ctx.db, caseworker.organisationId)
    : null;
  if (caseworker?.role !== 'caseworker' || kind !== 'ki')
    throw new AppError('schooling.not_a_caseworker', { field: 'body.caseworkerId' });
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertAppointment(tx.db, {
      childId,
      caseworkerId,
      startsAt: new Date(body.startsAt),
      mediatorNeeded: body.mediatorLanguage !== null,
      mediatorLanguage: body.mediatorLanguage,
      status: 'planned',
      createdAt: tx.now,
    });
    await audit(tx, {
      action: 'schooling.appointment.create',
      entityType: 'schooling_child',
      entityId: childId,
      details: { appointmentId: row.id, mediatorLanguage: body.mediatorLanguage },
    });
    const [out] = (await listAppointments(tx.db, childId)).filter((a) => a.id === row.id);
    if (!out) throw errors.notFound();
    return appointmentOut(out);
  });
}

/** Marks an appointment as held (the child is then counselled) or cancelled. */
export async function setAppointmentStatus(ctx: Ctx, id: string, status: 'held' | 'cancelled') {
  authorize(ctx, 'schooling.children.write');
  const appointment = await repo.findAppointment(ctx.db, id);
  if (!appointment) throw errors.notFound();
  if (appointment.status !== 'planned')
    throw new AppError('schooling.wrong_state', { params: { state: appointment.status } });
  const child = await repo.findChild(ctx.db, appointment.childId);
  if (!child) throw errors.notFound();
  return inTransaction(ctx, async (tx) => {
    await repo.updateAppointmentStatus(tx.db, id, status);
    if (status === 'held' && child.state === 'registered')
      await repo.setChildrenState(tx.db, [child.id], 'counselled', tx.now);
    await audit(tx, {
      action: `schooling.appointment.${status}`,
      entityType: 'schooling_child',
      entityId: child.id,
      details: { appointmentId: id },
    });
    const [out] = (await listAppointments(tx.db, child.id)).filter((a) => a.id === id);
    if (!out) throw errors.notFound();
    return appointmentOut(out);
  });
}

/**
 * Records the assessment (grade, fitting forms, support class or regular class). The child is assessed and so
 * goes onto the waiting list for the next placement run.
 */
export async function recordAssessment(ctx: Ctx, childId: string, body: AssessmentBody) {
  authorize(ctx, 'schooling.children.write');
  await childBeforePlacement(ctx, childId);
  return inTransaction(ctx, async (tx) => {
    await repo.upsertAssessment(tx.db, {
      childId,
      grade: body.grade,
      forms: [...new Set(body.forms)],
      kind: body.kind,
      assessedBy: tx.actor.id,
      assessedAt: tx.now,
    });
    await repo.setChildrenState(tx.db, [childId], 'waiting', tx.now);
    await audit(tx, {
      action: 'schooling.assessment.record',
      entityType: 'schooling_child',
      entityId: childId,
      details: { grade: body.grade, kind: body.kind },
    });
    return {
      grade: body.grade,
      forms: [...new Set(body.forms)],
      kind: body.kind,
      assessedAt: tx.now.toISOString(),
    };
  });
}

/**
 * Books the language mediator an appointment needs, with one click: a request to the guides module, prefilled
 * with the language, the time, the counselling place of the city profile and the family as the case (so the same
 * mediator can serve the family again). Nothing about the child goes into the request.
 */
export async function bookMediator(ctx: Ctx, appointmentId: string) {
  authorize(ctx, 'schooling.children.write');
  const appointment = await repo.findAppointment(ctx.db, appointmentId);
  if (!appointment) throw errors.notFound();
  if (appointment.status !== 'planned' || !appointment.mediatorLanguage || appointment.guideRequestId)
    throw new AppError('schooling.wrong_state', {
      params: { state: appointment.guideRequestId ? 'booked' : appointment.status },
    });
  const child = await repo.findChild(ctx.db, appointment.childId);
  if (!child) throw errors.notFound();
  const place = schoolingSettings(ctx).counsellingPlace;
  return inTransaction(ctx, async (tx) => {
    const request = await createGuideRequest(tx, {
      language: appointment.mediatorLanguage ?? '',
      dialect: null,
      start: appointment.startsAt.toISOString(),
      durationMinutes: 60,
      place: { address: place.address, ortsteilId: place.ortsteilId },
      topic: 'school',
      mode: 'on_site',
      genderRequired: null,
      urgency: 0,
      notes: null,
      newcomerFirstName: null,
      contactOnDay: null,
      requesterEmail: null,
      caseRef: `schooling-family-${child.familyId}`,
      organisationId: null,
    });
    await repo.setAppointmentGuideRequest(tx.db, appointmentId, request.id);
    await audit(tx, {
      action: 'schooling.appointment.mediator_request',
      entityType: 'schooling_child',
      entityId: child.id,
      details: { appointmentId, guideRequestId: request.id },
    });
    return { requestId: request.id, code: request.code };
  });
}
