// Rooms of the meeting centre: requests by actors, the house's decision, cancellation, the lists.
import type { Ctx } from '../../core/context.ts';
import { inTransaction } from '../../core/context.ts';
import { audit } from '../../core/audit.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize, scopeOf } from '../../core/policy.ts';
import { localDate } from '../../core/time.ts';
import { actorFor, actorNames } from './common.ts';
import * as repo from './network.repository.ts';
import type { BookingDecision, BookingState } from './network.terms.ts';
import { networkSettings } from './settings.ts';

/** A booking lasts at most this long (one day's use; recurring bookings are one request per date). */
const MAX_BOOKING_MS = 14 * 3_600_000;

/** Whether an error is the database refusing a double booking (the exclusion constraint, SQLSTATE 23P01). */
function isDoubleBooking(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if ((current as { code?: unknown }).code === '23P01') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const house = (ctx: Ctx) => ({ organisationId: networkSettings(ctx).centre.organisationId });

/** Bookings with the names of rooms, actors and activities (one query each). */
async function views(ctx: Ctx, rows: repo.BookingRow[]) {
  const rooms = new Map(networkSettings(ctx).centre.rooms.map((r) => [r.id, r.name]));
  const names = await actorNames(
    ctx,
    rows.map((r) => r.actorId),
  );
  const activities = new Map(
    (
      await repo.activitiesByIds(ctx.db, [
        ...new Set(rows.flatMap((r) => (r.activityId ? [r.activityId] : []))),
      ])
    ).map((a) => [a.id, a.title]),
  );
  return rows.map((r) => ({
    id: r.id,
    roomId: r.roomId,
    roomName: rooms.get(r.roomId) ?? r.roomId,
    actorId: r.actorId,
    actorName: names.get(r.actorId) ?? '',
    activityId: r.activityId,
    activityTitle: r.activityId ? (activities.get(r.activityId) ?? null) : null,
    start: r.startsAt.toISOString(),
    end: r.endsAt.toISOString(),
    state: r.state as BookingState,
    note: r.note,
  }));
}

/**
 * An actor requests a room. The request holds the room at once: a second request for an overlapping time is
 * refused by the database (exclusion constraint) and answered 409 in the caller's language.
 */
export async function bookRoom(
  ctx: Ctx,
  roomId: string,
  input: {
    actorId?: string | null | undefined;
    activityId?: string | null | undefined;
    start: string;
    end: string;
    note?: string | null | undefined;
  },
) {
  const actor = await actorFor(ctx, input.actorId, 'body.actorId');
  authorize(ctx, 'network.rooms.book', actor);
  if (actor.status !== 'approved') throw new AppError('network.actor_pending', { field: 'body.actorId' });
  const room = await repo.findRoom(ctx.db, roomId);
  if (!room) throw errors.notFound('params.roomId');
  const start = new Date(input.start);
  const end = new Date(input.end);
  if (end <= start) throw new AppError('network.time_order', { field: 'body.end' });
  if (end.getTime() - start.getTime() > MAX_BOOKING_MS)
    throw new AppError('network.booking_too_long', { field: 'body.end' });
  if (start < ctx.now) throw new AppError('network.in_the_past', { field: 'body.start' });
  if (input.activityId) {
    const activity = await repo.findActivity(ctx.db, input.activityId);
    if (!activity || activity.actorId !== actor.id) throw errors.notFound('body.activityId');
  }
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await repo.insertBooking(tx.db, {
        roomId,
        actorId: actor.id,
        organisationId: actor.organisationId,
        activityId: input.activityId ?? null,
        startsAt: start,
        endsAt: end,
        state: 'requested',
        note: input.note ?? null,
        requestedBy: tx.actor.id,
        createdAt: tx.now,
      });
      await audit(tx, { action: 'network.booking.request', entityType: 'network_booking', entityId: row.id });
      return (await views(tx, [row]))[0] as Awaited<ReturnType<typeof views>>[number];
    });
  } catch (error) {
    if (isDoubleBooking(error))
      throw new AppError('network.room_taken', {
        field: 'body.start',
        params: { room: room.name, day: localDate(start, ctx.city.profile.timezone) },
      });
    throw error;
  }
}

/** The house staff confirm or decline a request; a declined request frees the room. */
export async function decideBooking(ctx: Ctx, id: string, decision: BookingDecision) {
  authorize(ctx, 'network.bookings.decide', house(ctx));
  const booking = await repo.findBooking(ctx.db, id);
  if (!booking) throw errors.notFound('params.id');
  if (booking.state !== 'requested' && booking.state !== decision)
    throw new AppError('network.booking_decided', { params: { state: booking.state } });
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updateBooking(tx.db, id, {
      state: decision,
      decidedBy: tx.actor.id,
      decidedAt: tx.now,
    });
    await audit(tx, { action: `network.booking.${decision}`, entityType: 'network_booking', entityId: id });
    return (await views(tx, [row]))[0] as Awaited<ReturnType<typeof views>>[number];
  });
}

/** The actor withdraws its request or booking; the room is free again. */
export async function cancelBooking(ctx: Ctx, id: string) {
  const booking = await repo.findBooking(ctx.db, id);
  if (!booking) throw errors.notFound('params.id');
  authorize(ctx, 'network.bookings.cancel', booking);
  return inTransaction(ctx, async (tx) => {
    const row =
      booking.state === 'cancelled'
        ? booking
        : await repo.updateBooking(tx.db, id, { state: 'cancelled', decidedAt: tx.now });
    await audit(tx, { action: 'network.booking.cancel', entityType: 'network_booking', entityId: id });
    return (await views(tx, [row]))[0] as Awaited<ReturnType<typeof views>>[number];
  });
}

/** Bookings from today on: the house staff and coordinators all, an actor's staff their own. */
export async function listBookings(ctx: Ctx, input: { state?: BookingState | undefined }) {
  const scope = scopeOf(ctx, 'network.bookings.list', house(ctx));
  const rows = await repo.listBookings(ctx.db, scope, {
    from: new Date(ctx.now.getTime() - 86_400_000),
    state: input.state,
  });
  return { items: await views(ctx, rows) };
}
