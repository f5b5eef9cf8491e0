/**
 * The network module's rows of the role × route matrix (server/modules/platform/matrix.test.ts). The register,
 * planning and rooms are for the network's staff (institution, association, caseworker, coordinator) and admins;
 * residents and guides get 403, the public 401 (the gaps view too: counts, but of internal activities as well). The calendar, its feed and the rooms are public. The matrix's
 * caseworker and coordinator belong to the KI, whose entry the fixtures change; the institution (a clinic) and the
 * association (Punte) have their own demo entries. Approving is the KI's coordinators' (and admins').
 */
import { signInStaff } from '../../../test/staff.ts';
import { type ActorName, EVERYONE, type MatrixBase, type ModuleMatrix } from '../../../test/matrix.ts';
import type { Client } from '../../../test/harness.ts';
import { systemContext } from '../../core/context.ts';
import { addDays, localDate, zonedToUtc } from '../../core/time.ts';
import { createActivity } from './activities.service.ts';
import { addContact } from './actors.service.ts';
import * as repo from './network.repository.ts';
import { activityBody } from './network.schema.ts';
import { activity } from './network.testkit.ts';

const STAFF = ['institution', 'association', 'caseworker', 'coordinator', 'admin'] as const;
/** Who may change the KI's own entry: its staff and the admins. */
const KI = ['caseworker', 'coordinator', 'admin'] as const;
const COORDINATORS = ['coordinator', 'admin'] as const;

type Fixtures = {
  /** The KI's actor (the caseworker's and coordinator's organisation). */
  kiActorId: string;
  /** A pending actor to approve. */
  pendingActorId: string;
  /** A contact person of the KI's entry per actor allowed to remove one. */
  contactIds: Record<string, string>;
  /** The KI's activities: one to change, one per actor allowed to delete. */
  activityId: string;
  deletable: Record<string, string>;
  /** Staff of new organisations without an entry, to enter one. */
  newcomers: Partial<Record<ActorName, Client>>;
  /** A room request of the KI, to decide and to cancel. */
  bookingId: string;
};
type F = MatrixBase & Fixtures;

const TZ = 'Europe/Berlin';
const slot = (days: number) => {
  const day = addDays(localDate(new Date(), TZ), days);
  return {
    start: zonedToUtc(day, '05:00', TZ).toISOString(),
    end: zonedToUtc(day, '06:00', TZ).toISOString(),
  };
};
const actorBody = (name: string) => ({
  name,
  kind: 'initiative',
  districts: ['mitte'],
  topics: ['leisure_meeting'],
  languages: ['deu'],
  targetGroups: ['youth'],
  public: false,
});

async function setup({ t }: MatrixBase): Promise<Fixtures> {
  const ctx = systemContext(t.services);
  const ki = await repo.findActorOfOrganisation(ctx.db, 'ki-duisburg');
  if (!ki) throw new Error('network fixture: the demo has no KI entry');
  const contactIds: Record<string, string> = {};
  for (const actor of KI) {
    const entry = await addContact(ctx, ki.id, { name: `Kontakt ${actor}`, consent: true });
    contactIds[actor] = entry.contacts.find((c) => c.name === `Kontakt ${actor}`)?.id as string;
  }
  const plan = (title: string) =>
    createActivity(ctx, activityBody.parse(activity({ title, actorId: ki.id })));
  const activityId = (await plan('Matrix')).activity.id;
  const deletable: Record<string, string> = {};
  for (const actor of KI) deletable[actor] = (await plan(`Löschen ${actor}`)).activity.id;
  // The one every refused caller tries (never deleted: a refused call must meet it, not a 404).
  deletable.refused = (await plan('Löschen verweigert')).activity.id;
  const newcomers: Partial<Record<ActorName, Client>> = {};
  for (const role of ['institution', 'association', 'caseworker'] as const)
    newcomers[role] = await signInStaff(t, { role, organisationId: `matrix-${role}`, kind: 'association' });
  const pending = await newcomers.association?.post('/api/v1/network/actors', actorBody('Matrix pending'));
  if (pending?.status !== 201) throw new Error(`network fixture: ${pending?.status} ${pending?.body}`);
  // The association's new entry is now taken: it enters another one through a second organisation below.
  newcomers.association = await signInStaff(t, {
    role: 'association',
    organisationId: 'matrix-association-2',
    kind: 'association',
  });
  const booking = await repo.insertBooking(ctx.db, {
    roomId: 'seminar-1',
    actorId: ki.id,
    organisationId: 'ki-duisburg',
    startsAt: new Date(slot(90).start),
    endsAt: new Date(slot(90).end),
    state: 'requested',
    createdAt: new Date(),
  });
  return {
    kiActorId: ki.id,
    pendingActorId: pending.json<{ id: string }>().id,
    contactIds,
    activityId,
    deletable,
    newcomers,
    bookingId: booking.id,
  };
}

const BOOKING_DAY: Record<string, number> = {
  institution: 61,
  association: 62,
  caseworker: 63,
  coordinator: 64,
  admin: 65,
};

const matrix: ModuleMatrix<Fixtures> = {
  setup,
  rows: [
    {
      method: 'GET',
      path: '/api/v1/network/actors',
      allowed: STAFF,
      status: 200,
      request: () => ({ url: '/api/v1/network/actors?kind=migrant_organisation' }),
    },
    {
      method: 'GET',
      path: '/api/v1/network/actors/me',
      allowed: STAFF,
      status: 200,
      request: () => ({ url: '/api/v1/network/actors/me' }),
    },
    {
      method: 'GET',
      path: '/api/v1/network/actors/:id',
      allowed: STAFF,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/network/actors/${f.kiActorId}` }),
    },
    {
      method: 'POST',
      path: '/api/v1/network/actors',
      allowed: STAFF,
      status: 201,
      request: (actor, f: F) => ({
        url: '/api/v1/network/actors',
        body: actorBody(`Matrix ${actor}`),
        ...(f.newcomers[actor] ? { client: f.newcomers[actor] } : {}),
      }),
    },
    {
      method: 'PATCH',
      path: '/api/v1/network/actors/:id',
      allowed: KI,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/network/actors/${f.kiActorId}`, body: { public: true } }),
    },
    {
      method: 'POST',
      path: '/api/v1/network/actors/:id/approve',
      allowed: COORDINATORS,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/network/actors/${f.pendingActorId}/approve`, body: {} }),
    },
    {
      method: 'POST',
      path: '/api/v1/network/actors/:id/contacts',
      allowed: KI,
      status: 201,
      request: (actor, f: F) => ({
        url: `/api/v1/network/actors/${f.kiActorId}/contacts`,
        body: { name: `Neu ${actor}`, role: 'Koordination', consent: true },
      }),
    },
    {
      method: 'DELETE',
      path: '/api/v1/network/actors/:id/contacts/:contactId',
      allowed: KI,
      status: 204,
      request: (actor, f: F) => ({
        url: `/api/v1/network/actors/${f.kiActorId}/contacts/${f.contactIds[actor] ?? f.contactIds.admin}`,
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/network/working-groups',
      allowed: STAFF,
      status: 200,
      request: () => ({ url: '/api/v1/network/working-groups' }),
    },
    {
      method: 'POST',
      path: '/api/v1/network/activities/check',
      allowed: STAFF,
      status: 200,
      request: () => {
        const { title: _t, kind: _k, place: _p, languages: _l, public: _pub, ...planned } = activity();
        return { url: '/api/v1/network/activities/check', body: planned };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/network/gaps',
      allowed: STAFF,
      status: 200,
      request: () => ({ url: '/api/v1/network/gaps?targetGroup=women&districtId=hamborn&weeks=4' }),
    },
    {
      method: 'GET',
      path: '/api/v1/network/figures',
      allowed: COORDINATORS,
      status: 200,
      request: () => ({ url: '/api/v1/network/figures' }),
    },
    {
      method: 'GET',
      path: '/api/v1/network/activities',
      allowed: STAFF,
      status: 200,
      request: () => ({ url: '/api/v1/network/activities' }),
    },
    {
      method: 'POST',
      path: '/api/v1/network/activities',
      allowed: STAFF,
      status: 201,
      request: (actor, f: F) => ({
        url: '/api/v1/network/activities',
        body: activity({ title: `Matrix ${actor}`, ...(actor === 'admin' ? { actorId: f.kiActorId } : {}) }),
      }),
    },
    {
      method: 'PUT',
      path: '/api/v1/network/activities/:id',
      allowed: KI,
      status: 200,
      request: (actor, f: F) => ({
        url: `/api/v1/network/activities/${f.activityId}`,
        body: activity({ title: `Geändert ${actor}` }),
      }),
    },
    {
      method: 'DELETE',
      path: '/api/v1/network/activities/:id',
      allowed: KI,
      status: 204,
      request: (actor, f: F) => ({
        url: `/api/v1/network/activities/${f.deletable[actor] ?? f.deletable.refused}`,
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/network/actors/:id/feed',
      allowed: KI,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/network/actors/${f.kiActorId}/feed` }),
    },
    {
      // The address does not resolve (.invalid): the feed is saved with its problem, 200.
      method: 'PUT',
      path: '/api/v1/network/actors/:id/feed',
      allowed: KI,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/network/actors/${f.kiActorId}/feed`,
        body: {
          url: 'https://kalender.invalid/ki.ics',
          kind: 'event',
          ortsteilId: 'altstadt',
          targetGroups: ['newcomers'],
          languages: ['deu'],
          public: false,
        },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/network/actors/:id/feed/sync',
      allowed: KI,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/network/actors/${f.kiActorId}/feed/sync`, body: {} }),
    },
    {
      method: 'DELETE',
      path: '/api/v1/network/actors/:id/feed',
      allowed: KI,
      status: 204,
      request: (_actor, f: F) => ({ url: `/api/v1/network/actors/${f.kiActorId}/feed` }),
    },
    {
      method: 'GET',
      path: '/api/v1/network/calendar',
      allowed: EVERYONE,
      status: 200,
      request: () => {
        const today = localDate(new Date(), TZ);
        return { url: `/api/v1/network/calendar?from=${today}&to=${addDays(today, 6)}&targetGroup=women` };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/network/calendar.ics',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/network/calendar.ics?ortsteilId=marxloh' }),
    },
    {
      method: 'GET',
      path: '/api/v1/network/rooms',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/network/rooms' }),
    },
    {
      method: 'POST',
      path: '/api/v1/network/rooms/:roomId/bookings',
      allowed: STAFF,
      status: 201,
      request: (actor, f: F) => ({
        url: '/api/v1/network/rooms/werkstatt/bookings',
        body: { ...slot(BOOKING_DAY[actor] ?? 70), ...(actor === 'admin' ? { actorId: f.kiActorId } : {}) },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/network/bookings',
      allowed: STAFF,
      status: 200,
      request: () => ({ url: '/api/v1/network/bookings' }),
    },
    {
      method: 'POST',
      path: '/api/v1/network/bookings/:id/decision',
      allowed: COORDINATORS,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/network/bookings/${f.bookingId}/decision`,
        body: { decision: 'confirmed' },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/network/bookings/:id/cancel',
      allowed: KI,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/network/bookings/${f.bookingId}/cancel`, body: {} }),
    },
  ],
};

export default matrix;
