/**
 * The after-appointment rows of the role × route matrix. ../guides.matrix.ts joins them (fixtures and rows) to the
 * guides module's part; server/modules/platform/matrix.test.ts runs them.
 */
import {
  ACTORS,
  type ActorName,
  byActor,
  EVERYONE,
  type MatrixBase,
  type ModuleMatrix,
} from '../../../../test/matrix.ts';
import { systemContext } from '../../../core/context.ts';
import * as repo from '../guides.repository.ts';
import { guideAssignments } from '../guides.tables.ts';
import { newRequestCode } from '../workflow.ts';
import { guideTimeLogs } from './after.tables.ts';
import { localMonth } from '../../../core/time.ts';

const COORDINATORS: readonly ActorName[] = ['coordinator', 'admin'];
const GUIDE_OR_COORDINATORS: readonly ActorName[] = ['guide', 'coordinator', 'admin'];
/** The demo clinic (Schwerpunktambulanz) asked; its staff and coordinators follow up. */
const CLINIC_OR_COORDINATORS: readonly ActorName[] = ['institution', 'coordinator', 'admin'];

type Past = { requestId: string; assignmentId: string; code: string };
type AfterFixtures = {
  /** A clinic appointment of the demo guide ten days ago, with logged time. */
  logged: Past;
  /** Appointments without feedback yet: one for the guide's side, one for the clinic's. */
  guideFeedback: Past;
  clinicFeedback: Past;
  /** One appointment per actor for the newcomer's feedback by code (each side rates once). */
  publicFeedback: Record<ActorName, Past>;
  month: string;
};
type F = MatrixBase & AfterFixtures;

/** Past appointments of the demo guide, ten days back and two hours apart, so none overlaps another. */
async function setup({ t, userIds }: MatrixBase): Promise<AfterFixtures> {
  const ctx = systemContext(t.services);
  let next = 0;
  const past = async (withLog: boolean): Promise<Past> => {
    const startsAt = new Date(Date.now() - (240 + 2 * next++) * 3_600_000);
    const code = newRequestCode();
    const request = await repo.insertRequest(ctx.db, {
      code,
      source: 'institution',
      organisationId: 'schwerpunktambulanz',
      language: 'ara',
      startsAt,
      durationMinutes: 60,
      placeLat: 51.49,
      placeLon: 6.77,
      topic: 'health',
      mode: 'on_site',
      state: 'confirmed',
    });
    const [assignment] = await t.services.database.db
      .insert(guideAssignments)
      .values({
        requestId: request.id,
        guideId: userIds.guide,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        placeLat: 51.49,
        placeLon: 6.77,
        createdAt: new Date(),
      })
      .returning({ id: guideAssignments.id });
    const assignmentId = assignment?.id ?? '';
    if (withLog) {
      await t.services.database.db
        .insert(guideTimeLogs)
        .values({ assignmentId, minutes: 70, travelKm: 6.5, loggedAt: new Date(), loggedBy: userIds.guide });
    }
    return { requestId: request.id, assignmentId, code };
  };
  return {
    logged: await past(true),
    guideFeedback: await past(false),
    clinicFeedback: await past(false),
    publicFeedback: await byActor(ACTORS, () => past(true)),
    month: localMonth(new Date(), t.services.city.profile.timezone),
  };
}

const after: ModuleMatrix<AfterFixtures> = {
  setup,
  rows: [
    {
      method: 'GET',
      path: '/api/v1/guides/assignments/:id/after',
      allowed: GUIDE_OR_COORDINATORS,
      status: 200,
      request: (_, f: F) => ({ url: `/api/v1/guides/assignments/${f.logged.assignmentId}/after` }),
    },
    {
      method: 'PUT',
      path: '/api/v1/guides/assignments/:id/time',
      allowed: ['guide'],
      status: 200,
      request: (_, f: F) => ({
        url: `/api/v1/guides/assignments/${f.logged.assignmentId}/time`,
        body: { minutes: 70, travelKm: 6.5 },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/guides/assignments/:id/feedback',
      allowed: ['guide'],
      status: 201,
      request: (_, f: F) => ({
        url: `/api/v1/guides/assignments/${f.guideFeedback.assignmentId}/feedback`,
        body: { rating: 4, comment: null },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/guides/requests/:id/after',
      allowed: CLINIC_OR_COORDINATORS,
      status: 200,
      request: (_, f: F) => ({ url: `/api/v1/guides/requests/${f.logged.requestId}/after` }),
    },
    {
      method: 'POST',
      path: '/api/v1/guides/requests/:id/time/confirm',
      allowed: CLINIC_OR_COORDINATORS,
      status: 200,
      request: (_, f: F) => ({ url: `/api/v1/guides/requests/${f.logged.requestId}/time/confirm` }),
    },
    {
      method: 'POST',
      path: '/api/v1/guides/requests/:id/feedback',
      allowed: ['institution'],
      status: 201,
      request: (_, f: F) => ({
        url: `/api/v1/guides/requests/${f.clinicFeedback.requestId}/feedback`,
        body: { rating: 5, comment: 'Pünktlich und einfühlsam' },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/guides/public/requests/:code/after',
      allowed: EVERYONE,
      status: 200,
      request: (_, f: F) => ({ url: `/api/v1/guides/public/requests/${f.logged.code}/after` }),
    },
    {
      method: 'POST',
      path: '/api/v1/guides/public/requests/:code/time/confirm',
      allowed: EVERYONE,
      status: 200,
      request: (_, f: F) => ({ url: `/api/v1/guides/public/requests/${f.logged.code}/time/confirm` }),
    },
    {
      method: 'POST',
      path: '/api/v1/guides/public/requests/:code/feedback',
      allowed: EVERYONE,
      status: 201,
      request: (actor, f: F) => ({
        url: `/api/v1/guides/public/requests/${f.publicFeedback[actor].code}/feedback`,
        body: { rating: 5 },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/guides/feedback',
      allowed: COORDINATORS,
      status: 200,
      request: () => ({ url: '/api/v1/guides/feedback' }),
    },
    {
      method: 'GET',
      path: '/api/v1/guides/statements',
      allowed: GUIDE_OR_COORDINATORS,
      status: 200,
      request: (_, f: F) => ({ url: `/api/v1/guides/statements?month=${f.month}` }),
    },
    {
      method: 'GET',
      path: '/api/v1/guides/statements/:guideId/:month',
      allowed: GUIDE_OR_COORDINATORS,
      status: 200,
      request: (_, f: F) => ({ url: `/api/v1/guides/statements/${f.userIds.guide}/${f.month}` }),
    },
    {
      method: 'GET',
      path: '/api/v1/guides/statements/:guideId/:month/statement.csv',
      allowed: GUIDE_OR_COORDINATORS,
      status: 200,
      request: (_, f: F) => ({
        url: `/api/v1/guides/statements/${f.userIds.guide}/${f.month}/statement.csv`,
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/guides/statements/:guideId/:month/statement.pdf',
      allowed: GUIDE_OR_COORDINATORS,
      status: 200,
      request: (_, f: F) => ({
        url: `/api/v1/guides/statements/${f.userIds.guide}/${f.month}/statement.pdf`,
      }),
    },
  ],
};

export default after;
