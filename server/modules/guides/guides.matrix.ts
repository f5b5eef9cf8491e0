/** The guides module's rows of the role × route matrix (server/modules/platform/matrix.test.ts). */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../../test/config.ts';
import {
  ACTORS,
  type ActorName,
  byActor,
  EVERYONE,
  type MatrixBase,
  type ModuleMatrix,
} from '../../../test/matrix.ts';
import { systemContext } from '../../core/context.ts';
import { hashPassword } from '../../core/passwords.ts';
import { users } from '../platform/platform.tables.ts';
import { buildGuideProfile, buildRequest } from './guides.factories.ts';
import * as repo from './guides.repository.ts';
import { guideAssignments } from './guides.tables.ts';
import { addDays, localDate, weekStart, zonedToUtc } from '../../core/time.ts';
import { newRequestCode, proposeToGuide } from './workflow.ts';

const COORDINATORS: readonly ActorName[] = ['coordinator', 'admin'];
const BOOKERS: readonly ActorName[] = ['institution', 'caseworker', 'coordinator', 'admin'];
/** Who sees and changes a request of the demo clinic (Schwerpunktambulanz). */
const CLINIC_REQUEST: readonly ActorName[] = ['institution', 'coordinator', 'admin'];

type Fixtures = {
  /** A local time of a weekday in three weeks: `slot(i)` gives each fixture its own hour. */
  slot: (i: number) => Date;
  clinicRequest: string;
  cancelTargets: Record<ActorName, string>;
  noShowTargets: Record<ActorName, string>;
  proposeTargets: Record<ActorName, string>;
  assignTargets: Record<ActorName, string>;
  acceptProposal: string;
  declineProposal: string;
  guideAccounts: Record<ActorName, string>;
  publicCode: string;
  publicCancelCodes: Record<ActorName, string>;
  runId: string;
  /** The demo guide's appointment (one of the no-show fixtures). */
  guideAssignmentId: string;
  /** A fresh run under review with one draft proposal for the demo guide. */
  makeDraft: () => Promise<{ runId: string; proposalId: string }>;
};
type F = MatrixBase & Fixtures;

/** The after-appointment part (./after/after.matrix.ts, when it exists) joins this module's matrix. */
const AFTER_MATRIX = path.join(import.meta.dirname, 'after', 'after.matrix.ts');
const after: ModuleMatrix<Record<string, unknown>> | null = existsSync(AFTER_MATRIX)
  ? ((await import(AFTER_MATRIX)) as { default: ModuleMatrix<Record<string, unknown>> }).default
  : null;

const matrix: ModuleMatrix<Fixtures> = {
  async setup(base) {
    const own = await ownSetup(base);
    return { ...own, ...((await after?.setup(base)) ?? {}) };
  },
  rows: [],
};

/** This module's fixtures: one record per actor where a cell changes it. */
async function ownSetup({ t, clients, userIds }: MatrixBase): Promise<Fixtures> {
  const ctx = systemContext(t.services);
  const tz = t.services.city.profile.timezone;
  const monday = weekStart(localDate(new Date(Date.now() + 21 * 86_400_000), tz));
  // Slots on Monday to Friday, 08:00–17:00 local, two hours apart: no fixture double-books the demo guide.
  const slot = (i: number) => {
    const week = Math.floor(i / 25);
    const day = Math.floor(i / 5) % 5;
    const hour = 8 + 2 * (i % 5);
    return zonedToUtc(addDays(monday, 7 * week + day), `${String(hour).padStart(2, '0')}:00`, tz);
  };
  let next = 0;
  const clinicBooking = async (language = 'ron') => {
    const reply = await clients.institution.post(
      '/api/v1/guides/requests',
      buildRequest(slot(next++), { language }),
    );
    return reply.json<{ id: string }>().id;
  };
  const clinicRequest = await clinicBooking();
  const cancelTargets = await byActor(ACTORS, () => clinicBooking());
  const proposeTargets = await byActor(ACTORS, () => clinicBooking());
  const assignTargets = await byActor(ACTORS, () => clinicBooking());

  const guideId = userIds.guide;
  const proposalFor = async () => {
    const request = await repo.findRequest(ctx.db, await clinicBooking());
    if (!request) throw new Error('no request');
    return t.services.database.db.transaction((tx) =>
      proposeToGuide({ ...ctx, db: tx }, { request, guideId, runId: null, explanation: {} }),
    );
  };
  const acceptProposal = await proposalFor();
  const declineProposal = await proposalFor();

  // Confirmed appointments of the demo guide that began an hour ago, each at its own time.
  const noShowTargets = await byActor(ACTORS, async () => {
    const index = next++;
    const startsAt = new Date(Date.now() - (3 + 2 * index) * 3_600_000);
    const row = await repo.insertRequest(ctx.db, {
      code: newRequestCode(),
      source: 'institution',
      organisationId: 'schwerpunktambulanz',
      language: 'ron',
      startsAt,
      durationMinutes: 60,
      placeLat: 51.49,
      placeLon: 6.77,
      topic: 'health',
      mode: 'on_site',
      state: 'confirmed',
    });
    await t.services.database.db.insert(guideAssignments).values({
      requestId: row.id,
      guideId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      placeLat: 51.49,
      placeLon: 6.77,
      createdAt: new Date(),
    });
    return row.id;
  });

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const guideAccounts = await byActor(ACTORS, async () => {
    const [row] = await t.services.database.db
      .insert(users)
      .values({
        email: `matrix-guide-${randomUUID()}@example.org`,
        displayName: 'Matrix Guide',
        role: 'guide',
        passwordHash,
      })
      .returning({ id: users.id });
    return row?.id ?? '';
  });

  const publicRow = async () =>
    (
      await repo.insertRequest(ctx.db, {
        code: newRequestCode(),
        source: 'public',
        language: 'ara',
        startsAt: slot(24),
        durationMinutes: 60,
        placeLat: 51.43,
        placeLon: 6.77,
        topic: 'authorities',
        mode: 'on_site',
      })
    ).code;
  const publicCode = await publicRow();
  const publicCancelCodes = await byActor(ACTORS, publicRow);

  const [ownAssignment] = await repo.listAssignmentsOfGuide(ctx.db, guideId, new Date(0));
  // Made when a cell needs it: a later cell's new run replaces (discards) every run still under review.
  const makeDraft = async () => {
    const request = await repo.findRequest(ctx.db, await clinicBooking());
    if (!request) throw new Error('no request');
    const runId = await repo.insertRun(ctx.db, {
      periodFrom: request.startsAt,
      periodTo: new Date(request.startsAt.getTime() + 86_400_000),
      createdAt: new Date(),
      finishedAt: new Date(),
      status: 'done',
    });
    const proposalId = await t.services.database.db.transaction((tx) =>
      proposeToGuide({ ...ctx, db: tx }, { request, guideId, runId, explanation: {}, draft: true }),
    );
    return { runId, proposalId };
  };

  const run = await clients.coordinator.post('/api/v1/guides/matching/runs', {
    from: addDays(monday, 35),
    to: addDays(monday, 36),
  });
  return {
    slot,
    clinicRequest,
    cancelTargets,
    noShowTargets,
    proposeTargets,
    assignTargets,
    acceptProposal,
    declineProposal,
    guideAccounts,
    publicCode,
    publicCancelCodes,
    runId: run.json<{ id: string }>().id,
    guideAssignmentId: ownAssignment?.assignment.id ?? '',
    makeDraft,
  };
}

matrix.rows.push(
  // The guide's own pages.
  {
    method: 'GET',
    path: '/api/v1/guides/me/profile',
    allowed: ['guide'],
    status: 200,
    request: () => ({ url: '/api/v1/guides/me/profile' }),
  },
  {
    method: 'PUT',
    path: '/api/v1/guides/me/profile',
    allowed: ['guide'],
    status: 200,
    request: () => ({
      url: '/api/v1/guides/me/profile',
      body: buildGuideProfile({
        languages: [
          { code: 'ara', level: 'fluent', dialect: 'levantine' },
          { code: 'ron', level: 'native', dialect: null },
        ],
        districts: ['hamborn', 'mitte'],
      }),
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/guides/me/proposals',
    allowed: ['guide'],
    status: 200,
    request: () => ({ url: '/api/v1/guides/me/proposals' }),
  },
  {
    method: 'GET',
    path: '/api/v1/guides/me/assignments',
    allowed: ['guide'],
    status: 200,
    request: () => ({ url: '/api/v1/guides/me/assignments' }),
  },
  {
    method: 'GET',
    path: '/api/v1/guides/me/assignments/:id/calendar.ics',
    allowed: ['guide'],
    status: 200,
    request: (_actor, f: F) => ({ url: `/api/v1/guides/me/assignments/${f.guideAssignmentId}/calendar.ics` }),
  },
  {
    method: 'POST',
    path: '/api/v1/guides/me/feed',
    allowed: ['guide'],
    status: 201,
    request: () => ({ url: '/api/v1/guides/me/feed' }),
  },
  {
    method: 'POST',
    path: '/api/v1/guides/proposals/:id/accept',
    allowed: ['guide'],
    status: 200,
    request: (_actor, f: F) => ({ url: `/api/v1/guides/proposals/${f.acceptProposal}/accept` }),
  },
  {
    method: 'POST',
    path: '/api/v1/guides/proposals/:id/decline',
    allowed: ['guide'],
    status: 204,
    request: (_actor, f: F) => ({
      url: `/api/v1/guides/proposals/${f.declineProposal}/decline`,
      body: { reason: 'not_available' },
    }),
  },
  // The pool.
  {
    method: 'GET',
    path: '/api/v1/guides/profiles',
    allowed: COORDINATORS,
    status: 200,
    request: () => ({ url: '/api/v1/guides/profiles?language=ara&district=hamborn&matchable=true' }),
  },
  {
    method: 'POST',
    path: '/api/v1/guides/profiles',
    allowed: COORDINATORS,
    status: 201,
    request: (actor, f: F) => ({
      url: '/api/v1/guides/profiles',
      body: { ...buildGuideProfile(), userId: f.guideAccounts[actor], kind: 'volunteer' },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/guides/profiles/:id',
    allowed: COORDINATORS,
    status: 200,
    request: (_actor, f: F) => ({ url: `/api/v1/guides/profiles/${f.userIds.guide}` }),
  },
  {
    method: 'PUT',
    path: '/api/v1/guides/profiles/:id',
    allowed: COORDINATORS,
    status: 200,
    request: (_actor, f: F) => ({
      url: `/api/v1/guides/profiles/${f.userIds.guide}`,
      body: {
        ...buildGuideProfile({
          languages: [
            { code: 'ara', level: 'fluent', dialect: 'levantine' },
            { code: 'ron', level: 'native', dialect: null },
          ],
          districts: ['hamborn', 'mitte'],
        }),
        kind: 'mediator',
        active: true,
      },
    }),
  },
  {
    method: 'PUT',
    path: '/api/v1/guides/profiles/:id/onboarding/:step',
    allowed: COORDINATORS,
    status: 200,
    request: (_actor, f: F) => ({
      url: `/api/v1/guides/profiles/${f.userIds.guide}/onboarding/training`,
      body: { completedOn: '2026-01-15', expiresOn: '2036-01-15' },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/guides/recruitment',
    allowed: COORDINATORS,
    status: 200,
    request: () => ({ url: '/api/v1/guides/recruitment' }),
  },
  // Requests.
  {
    method: 'POST',
    path: '/api/v1/guides/requests',
    allowed: BOOKERS,
    status: 201,
    request: (_actor, f: F) => ({ url: '/api/v1/guides/requests', body: buildRequest(f.slot(23)) }),
  },
  {
    method: 'GET',
    path: '/api/v1/guides/requests',
    allowed: BOOKERS,
    status: 200,
    request: () => ({ url: '/api/v1/guides/requests?state=open&from=2026-01-01&to=2099-12-31' }),
  },
  {
    method: 'GET',
    path: '/api/v1/guides/requests/:id',
    allowed: CLINIC_REQUEST,
    status: 200,
    request: (_actor, f: F) => ({ url: `/api/v1/guides/requests/${f.clinicRequest}` }),
  },
  {
    method: 'GET',
    path: '/api/v1/guides/requests/:id/calendar.ics',
    allowed: CLINIC_REQUEST,
    status: 200,
    request: (_actor, f: F) => ({ url: `/api/v1/guides/requests/${f.clinicRequest}/calendar.ics` }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/guides/requests/:id',
    allowed: CLINIC_REQUEST,
    status: 200,
    request: (_actor, f: F) => ({
      url: `/api/v1/guides/requests/${f.clinicRequest}`,
      body: { notes: 'Bitte am Empfang melden.', contactOnDay: 'Empfang, Tel. 0203 555 0000' },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/guides/requests/:id/cancel',
    allowed: CLINIC_REQUEST,
    status: 200,
    request: (actor, f: F) => ({ url: `/api/v1/guides/requests/${f.cancelTargets[actor]}/cancel` }),
  },
  {
    method: 'POST',
    path: '/api/v1/guides/requests/:id/no-show',
    allowed: ['guide', 'institution', 'coordinator', 'admin'],
    status: 204,
    request: (actor, f: F) => ({
      url: `/api/v1/guides/requests/${f.noShowTargets[actor]}/no-show`,
      body: { who: 'newcomer' },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/guides/organisation/feed',
    allowed: ['institution', 'caseworker'],
    status: 201,
    request: () => ({ url: '/api/v1/guides/organisation/feed' }),
  },
  // The public form and feeds: no account needed.
  {
    method: 'POST',
    path: '/api/v1/guides/public/requests',
    allowed: EVERYONE,
    status: 201,
    request: (_actor, f: F) => ({
      url: '/api/v1/guides/public/requests',
      body: {
        language: 'ara',
        start: f.slot(22).toISOString(),
        durationMinutes: 60,
        place: { address: 'Weseler Straße 10, 47169 Duisburg', ortsteilId: 'marxloh' },
        topic: 'authorities',
        newcomerFirstName: 'Rana',
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/guides/public/requests/:code',
    allowed: EVERYONE,
    status: 200,
    request: (_actor, f: F) => ({ url: `/api/v1/guides/public/requests/${f.publicCode}` }),
  },
  {
    method: 'POST',
    path: '/api/v1/guides/public/requests/:code/cancel',
    allowed: EVERYONE,
    status: 200,
    request: (actor, f: F) => ({
      url: `/api/v1/guides/public/requests/${f.publicCancelCodes[actor]}/cancel`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/guides/feeds/:token/calendar.ics',
    allowed: EVERYONE,
    status: 200,
    // A fresh link per cell: the feed rows above replace the guide's link.
    request: async (_actor, f: F) => {
      const feed = await f.clients.guide.post('/api/v1/guides/me/feed');
      return { url: new URL(feed.json<{ url: string }>().url).pathname };
    },
  },
  // Matching.
  {
    method: 'POST',
    path: '/api/v1/guides/matching/runs',
    allowed: COORDINATORS,
    status: 202,
    request: (_actor, f: F) => {
      const day = localDate(f.slot(0), 'Europe/Berlin');
      return {
        url: '/api/v1/guides/matching/runs',
        body: { from: addDays(day, 42), to: addDays(day, 43) },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/guides/matching/runs',
    allowed: COORDINATORS,
    status: 200,
    request: () => ({ url: '/api/v1/guides/matching/runs' }),
  },
  {
    method: 'GET',
    path: '/api/v1/guides/matching/runs/:id',
    allowed: COORDINATORS,
    status: 200,
    request: (_actor, f: F) => ({ url: `/api/v1/guides/matching/runs/${f.runId}` }),
  },
  {
    method: 'GET',
    path: '/api/v1/guides/matching/current',
    allowed: COORDINATORS,
    status: 200,
    request: () => ({ url: '/api/v1/guides/matching/current' }),
  },
  {
    method: 'POST',
    path: '/api/v1/guides/matching/runs/:id/send',
    allowed: COORDINATORS,
    status: 200,
    request: async (_actor, f: F) => {
      const { runId } = await f.makeDraft();
      return { url: `/api/v1/guides/matching/runs/${runId}/send` };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/guides/matching/runs/:id/proposals/:proposalId',
    allowed: COORDINATORS,
    status: 204,
    request: async (_actor, f: F) => {
      const { runId, proposalId } = await f.makeDraft();
      return { url: `/api/v1/guides/matching/runs/${runId}/proposals/${proposalId}` };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/guides/matching/runs/:id/proposals/:proposalId/swap',
    allowed: COORDINATORS,
    // Past the policy, the service judges the guide: the draft's own guide is no alternative to itself.
    status: 409,
    request: async (_actor, f: F) => {
      const { runId, proposalId } = await f.makeDraft();
      return {
        url: `/api/v1/guides/matching/runs/${runId}/proposals/${proposalId}/swap`,
        body: { guideId: f.userIds.guide },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/guides/requests/:id/propose',
    allowed: COORDINATORS,
    status: 200,
    request: (actor, f: F) => ({ url: `/api/v1/guides/requests/${f.proposeTargets[actor]}/propose` }),
  },
  {
    method: 'POST',
    path: '/api/v1/guides/requests/:id/assign',
    allowed: COORDINATORS,
    status: 200,
    request: (actor, f: F) => ({
      url: `/api/v1/guides/requests/${f.assignTargets[actor]}/assign`,
      body: { guideId: f.userIds.guide },
    }),
  },
);
matrix.rows.push(...((after?.rows ?? []) as typeof matrix.rows));

export default matrix;
