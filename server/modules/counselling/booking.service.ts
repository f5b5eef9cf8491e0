/**
 * The public side: the services, their free slots, booking a slot (the database decides a race: the partial unique
 * index on a slot's live booking), following, cancelling and moving through the code; and the counsellors' appointments.
 */
import { audit } from '../../core/audit.ts';
import { newCode, normaliseCode } from '../../core/codes.ts';
import { type Ctx, inTransaction, SYSTEM_ACTOR } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { toIso6393 } from '../../core/languages.ts';
import { tokenHash } from '../../core/passwords.ts';
import { authorize, scopeOf } from '../../core/policy.ts';
import { addDays, localDate, zonedToUtc } from '../../core/time.ts';
import { createGuideRequest, guideRequestStates } from '../guides/index.ts';
import { organisationNames } from '../platform/index.ts';
import * as repo from './counselling.repository.ts';
import type { BookingInput } from './counselling.schema.ts';
import { CODE_GROUPS, type DocumentKind, type ServiceKind, type Topic } from './counselling.terms.ts';
import { seal, unseal } from './seal.ts';

/** What the database keeps of a booking code. */
export const codeHashOf = (code: string) => tokenHash(normaliseCode(code));

/**
 * A booking's sealed contact. With an e-mail address the code is sealed with it, so the reminder can carry the link
 * to the booking's page (the code is otherwise kept only as its hash).
 */
export type BookingContact = { name: string; phone: string; email: string | null; code?: string };

export async function listServices(ctx: Ctx) {
  authorize(ctx, 'counselling.services.list');
  const rows = await repo.listServices(ctx.db);
  const names = await organisationNames(
    ctx.db,
    rows.map((r) => r.organisationId),
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind as ServiceKind,
      name: row.name,
      organisationName: names.get(row.organisationId) ?? '',
      languages: row.languages,
      openingHours: row.openingHours,
      address: row.address,
    })),
  };
}

export async function freeSlots(
  ctx: Ctx,
  serviceId: string,
  query: { from?: string | undefined; days: number },
) {
  authorize(ctx, 'counselling.services.list');
  const service = await repo.findService(ctx.db, serviceId);
  if (!service) throw errors.notFound('service');
  const zone = ctx.city.profile.timezone;
  const first = query.from ?? localDate(ctx.now, zone);
  const from = new Date(Math.max(zonedToUtc(first, '00:00', zone).getTime(), ctx.now.getTime()));
  const until = zonedToUtc(addDays(first, query.days), '00:00', zone);
  if (Number.isNaN(from.getTime()) || Number.isNaN(until.getTime()) || until.getUTCFullYear() > 9999)
    throw errors.invalid('query.from', 'validation.invalid_value');
  const rows = await repo.listFreeSlots(ctx.db, service.id, from, until);
  return {
    items: rows.map((row) => ({
      id: row.id,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
    })),
  };
}

/** Whether an error is the database refusing a second live booking of a slot (the partial unique index). */
function isSlotTaken(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (code === '23505' && (constraint === undefined || constraint === 'counselling_bookings_one_per_slot'))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Books a free slot: 201 with the code (shown once); the slot already taken → 409 counselling.slot_taken. */
export async function book(ctx: Ctx, input: BookingInput) {
  authorize(ctx, 'counselling.book');
  const slot = await repo.findSlot(ctx.db, input.slotId);
  if (!slot) throw errors.invalid('body.slotId', 'validation.invalid_value');
  if (slot.startsAt <= ctx.now) throw new AppError('counselling.slot_past', { field: 'body.slotId' });
  const code = newCode(CODE_GROUPS);
  const contact: BookingContact = {
    name: input.name,
    phone: input.phone,
    email: input.email ?? null,
    ...(input.email ? { code } : {}),
  };
  try {
    await inTransaction(ctx, async (tx) => {
      const row = await repo.insertBooking(tx.db, {
        slotId: slot.id,
        serviceId: slot.serviceId,
        codeHash: codeHashOf(code),
        sealedContact: seal(tx.config, contact),
        language: input.language,
        topic: input.topic,
        mediator: input.mediator,
        createdAt: tx.now,
      });
      await audit(
        { ...tx, ip: null },
        { action: 'counselling.book', entityType: 'counselling_booking', entityId: row.id },
      );
    });
  } catch (error) {
    if (isSlotTaken(error)) throw new AppError('counselling.slot_taken', { field: 'body.slotId' });
    throw error;
  }
  return { code };
}

async function bookingByCode(ctx: Ctx, code: string) {
  const found = await repo.findBookingByCodeHash(ctx.db, codeHashOf(code));
  if (!found) throw errors.notFound('booking');
  return found;
}

async function followOf(
  ctx: Ctx,
  found: NonNullable<Awaited<ReturnType<typeof repo.findBookingByCodeHash>>>,
) {
  const service = await repo.findService(ctx.db, found.booking.serviceId);
  const openCase = found.booking.caseId ? await repo.findCase(ctx.db, found.booking.caseId) : undefined;
  return {
    status: found.booking.status as 'booked' | 'cancelled' | 'opened',
    serviceId: found.booking.serviceId,
    serviceName: service?.name ?? '',
    address: service?.address ?? '',
    startsAt: found.slot.startsAt.toISOString(),
    endsAt: found.slot.endsAt.toISOString(),
    language: found.booking.language,
    mediator: found.booking.mediator,
    documents: (openCase?.status === 'open' ? openCase.missingDocuments : []) as DocumentKind[],
  };
}

/** The follow page: the appointment and, once the case is open, the documents to bring. No name, no phone. */
export async function follow(ctx: Ctx, code: string) {
  authorize(ctx, 'counselling.follow');
  return followOf(ctx, await bookingByCode(ctx, code));
}

/** Cancels through the code: the slot is free again. */
export async function cancel(ctx: Ctx, code: string) {
  authorize(ctx, 'counselling.follow');
  const found = await bookingByCode(ctx, code);
  if (found.booking.status !== 'booked') throw new AppError('counselling.booking_closed');
  await repo.updateBooking(ctx.db, found.booking.id, { status: 'cancelled', cancelledAt: ctx.now });
  return followOf(ctx, { ...found, booking: { ...found.booking, status: 'cancelled' } });
}

/**
 * Moves a booking through its code to another free slot of the same service. The database decides a race for the new
 * slot as for a booking (409 counselling.slot_taken); the old slot is free again and the reminder is due anew. A
 * booking with a mediator already booked through the guides module is not moved here (409 counselling.mediator_move):
 * the service has to rebook the mediator, so the client calls.
 */
export async function move(ctx: Ctx, code: string, slotId: string) {
  authorize(ctx, 'counselling.follow');
  const found = await bookingByCode(ctx, code);
  if (found.booking.status !== 'booked' || found.slot.startsAt <= ctx.now)
    throw new AppError('counselling.booking_closed');
  if (found.booking.guideRequestId) throw new AppError('counselling.mediator_move');
  const slot = await repo.findSlot(ctx.db, slotId);
  if (!slot || slot.serviceId !== found.booking.serviceId || slot.id === found.slot.id)
    throw errors.invalid('body.slotId', 'validation.invalid_value');
  if (slot.startsAt <= ctx.now) throw new AppError('counselling.slot_past', { field: 'body.slotId' });
  try {
    await inTransaction(ctx, async (tx) => {
      await repo.moveBooking(tx.db, found.booking.id, slot.id);
      await audit(
        { ...tx, ip: null },
        { action: 'counselling.booking.move', entityType: 'counselling_booking', entityId: found.booking.id },
      );
    });
  } catch (error) {
    if (isSlotTaken(error)) throw new AppError('counselling.slot_taken', { field: 'body.slotId' });
    throw error;
  }
  return followOf(ctx, { ...found, slot });
}

/** The counsellor's appointments: their services' live bookings from today on (reading contacts is audited). */
export async function appointments(ctx: Ctx) {
  const scope = scopeOf(ctx, 'counselling.cases.list');
  const from = zonedToUtc(localDate(ctx.now, ctx.city.profile.timezone), '00:00', ctx.city.profile.timezone);
  const rows = await repo.listBookings(ctx.db, scope, from);
  await audit(ctx, { action: 'counselling.appointments.read', details: { count: rows.length } });
  const states = await guideRequestStates(
    ctx.db,
    rows.flatMap(({ booking }) => (booking.guideRequestId ? [booking.guideRequestId] : [])),
  );
  return {
    items: rows.map(({ booking, slot, serviceName }) => {
      const contact = unseal<BookingContact>(ctx.config, booking.sealedContact);
      return {
        id: booking.id,
        serviceName,
        startsAt: slot.startsAt.toISOString(),
        name: contact.name,
        phone: contact.phone,
        language: booking.language,
        topic: booking.topic as Topic,
        mediator: booking.mediator,
        mediatorRequest: booking.guideRequestId
          ? { id: booking.guideRequestId, state: states.get(booking.guideRequestId) ?? 'open' }
          : null,
      };
    }),
  };
}

/**
 * Books the language mediator an appointment needs, with one click: a request to the guides module (as schooling
 * does), prefilled with the client's language as ISO 639-3 (the booking form's `ro` → the guides' `ron`), the
 * slot's time, the service's address and Stadtbezirk, topic health. Nothing about the client goes into the
 * request. The counsellor decides (the case rule); the request is made by the system, as the guides module lets
 * only unscoped staff book, and the counsellor's step is audited here.
 */
export async function bookMediator(ctx: Ctx, bookingId: string) {
  const found = await repo.findBooking(ctx.db, bookingId);
  if (!found) throw errors.notFound('booking');
  authorize(ctx, 'counselling.booking.open', { organisationId: found.organisationId });
  if (found.booking.status === 'cancelled' || found.slot.startsAt <= ctx.now)
    throw new AppError('counselling.booking_closed');
  if (found.booking.guideRequestId) throw new AppError('counselling.mediator_booked');
  const service = await repo.findService(ctx.db, found.booking.serviceId);
  if (!service) throw errors.notFound('service');
  const district = ctx.city.districts.find((d) => d.id === service.districtId) ?? ctx.city.districts[0];
  const ortsteilId = district?.ortsteile[0]?.id;
  return inTransaction(ctx, async (tx) => {
    const request = await createGuideRequest(
      { ...tx, actor: SYSTEM_ACTOR },
      {
        language: toIso6393(found.booking.language),
        dialect: null,
        start: found.slot.startsAt.toISOString(),
        durationMinutes: Math.round((found.slot.endsAt.getTime() - found.slot.startsAt.getTime()) / 60_000),
        place: { address: service.address, ortsteilId },
        topic: 'health',
        mode: 'on_site',
        genderRequired: null,
        urgency: 0,
        notes: null,
        newcomerFirstName: null,
        contactOnDay: null,
        requesterEmail: null,
        caseRef: `counselling-booking-${found.booking.id}`,
        organisationId: null,
      },
    );
    await repo.updateBooking(tx.db, found.booking.id, { guideRequestId: request.id });
    await audit(tx, {
      action: 'counselling.booking.mediator_request',
      entityType: 'counselling_booking',
      entityId: found.booking.id,
      details: { guideRequestId: request.id },
    });
    return { requestId: request.id, code: request.code };
  });
}
