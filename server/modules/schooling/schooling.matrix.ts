/**
 * The schooling module's rows of the role × route matrix (server/modules/platform/matrix.test.ts).
 * Children's records: KI caseworkers only. Places and figures: KI staff (caseworker, coordinator, admin).
 * School staff act only for their own school; the matrix's institution is a clinic, so it is refused there
 * (the school's own path is tested in schooling.test.ts).
 */
import { EVERYONE, type MatrixBase, type ModuleMatrix } from '../../../test/matrix.ts';
import { systemContext } from '../../core/context.ts';
import { cityDay } from './common.ts';
import { buildChild, buildIntake } from './schooling.factories.ts';
import * as repo from './schooling.repository.ts';

const CASEWORKER = ['caseworker'] as const;
const KI_STAFF = ['caseworker', 'coordinator', 'admin'] as const;
const NOBODY = [] as const;
const SCHOOL = 'gesamtschule-hochfeld';

type Fixtures = {
  childId: string;
  assessChildId: string;
  appointmentId: string;
  /** A planned appointment that needs an Arabic mediator, to book one for. */
  mediatorAppointmentId: string;
  runId: string;
  /** A proposal of the fixture run, to confirm on its own. */
  proposedId: string;
  /** A placement the school accepted: for the first day and the letter. */
  acceptedId: string;
};
type F = MatrixBase & Fixtures;

async function setup({ t, clients }: MatrixBase): Promise<Fixtures> {
  const caseworker = clients.caseworker;
  const enter = async (givenName: string) => {
    const reply = await caseworker.post(
      '/api/v1/schooling/children',
      buildIntake({ givenName, familyName: 'Matrix', birthDate: '2013-04-04' }),
    );
    if (reply.status !== 201) throw new Error(`schooling fixture: ${reply.status} ${reply.body}`);
    return reply.json<{ id: string }>().id;
  };
  const childId = await enter('Record');
  const assessChildId = await enter('Assess');
  const appointment = await caseworker.post(`/api/v1/schooling/children/${childId}/appointments`, {
    startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    mediatorLanguage: 'ara',
  });
  const mediatorAppointment = await caseworker.post(`/api/v1/schooling/children/${childId}/appointments`, {
    startsAt: new Date(Date.now() + 8 * 86_400_000).toISOString(),
    mediatorLanguage: 'ara',
  });
  const run = await caseworker.post('/api/v1/schooling/placement-runs');
  if (run.status !== 201) throw new Error(`schooling fixture run: ${run.status} ${run.body}`);
  const proposals = run
    .json<{ id: string; children: { placementId: string | null }[] }>()
    .children.flatMap((c) => (c.placementId ? [c.placementId] : []));
  const [proposedId, acceptedId] = proposals;
  if (!proposedId || !acceptedId) throw new Error('schooling fixture: the demo run proposed too few places');
  // The school's acceptance, as the school's staff would record it.
  await caseworker.post(`/api/v1/schooling/placements/${acceptedId}/confirm`);
  const ctx = systemContext(t.services);
  const accepted = await repo.updatePlacement(ctx.db, acceptedId, {
    status: 'accepted',
    startDate: cityDay(ctx),
  });
  await repo.setChildrenState(ctx.db, [accepted.childId], 'accepted', ctx.now);
  return {
    childId,
    assessChildId,
    appointmentId: appointment.json<{ id: string }>().id,
    mediatorAppointmentId: mediatorAppointment.json<{ id: string }>().id,
    runId: run.json<{ id: string }>().id,
    proposedId,
    acceptedId,
  };
}

const matrix: ModuleMatrix<Fixtures> = {
  setup,
  rows: [
    {
      method: 'POST',
      path: '/api/v1/schooling/registrations',
      allowed: EVERYONE,
      status: 201,
      request: (actor) => ({
        url: '/api/v1/schooling/registrations',
        body: {
          contact: {
            guardianName: `Familie ${actor}`,
            email: null,
            phone: '+49 203 555 0199',
            letterLanguage: 'ro',
          },
          children: [buildChild({ givenName: 'Ioana', familyName: `Matrix-${actor}`, languages: ['ron'] })],
          consents: { counselling: true, shareWithSchool: true },
        },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/schooling/children',
      allowed: CASEWORKER,
      status: 200,
      request: () => ({ url: '/api/v1/schooling/children?state=waiting&q=a&page=1&per_page=5' }),
    },
    {
      method: 'POST',
      path: '/api/v1/schooling/children',
      allowed: CASEWORKER,
      status: 201,
      request: (actor) => ({
        url: '/api/v1/schooling/children',
        body: buildIntake({ givenName: `New ${actor}`, familyName: 'Matrix' }),
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/schooling/children/:id',
      allowed: CASEWORKER,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/schooling/children/${f.childId}` }),
    },
    {
      method: 'PATCH',
      path: '/api/v1/schooling/children/:id',
      allowed: CASEWORKER,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/schooling/children/${f.childId}`,
        body: { specialNeeds: 'Braucht eine Brille.', reviewed: true },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/schooling/children/:id/appointments',
      allowed: CASEWORKER,
      status: 201,
      request: (_actor, f: F) => ({
        url: `/api/v1/schooling/children/${f.childId}/appointments`,
        body: { startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(), mediatorLanguage: null },
      }),
    },
    {
      method: 'PATCH',
      path: '/api/v1/schooling/appointments/:id',
      allowed: CASEWORKER,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/schooling/appointments/${f.appointmentId}`,
        body: { status: 'held' },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/schooling/appointments/:id/mediator-request',
      allowed: CASEWORKER,
      status: 201,
      request: (_actor, f: F) => ({
        url: `/api/v1/schooling/appointments/${f.mediatorAppointmentId}/mediator-request`,
      }),
    },
    {
      method: 'PUT',
      path: '/api/v1/schooling/children/:id/assessment',
      allowed: CASEWORKER,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/schooling/children/${f.assessChildId}/assessment`,
        body: { grade: 7, forms: ['gesamtschule'], kind: 'support' },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/schooling/school-directory',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/schooling/school-directory' }),
    },
    {
      method: 'GET',
      path: '/api/v1/schooling/schools',
      allowed: KI_STAFF,
      status: 200,
      request: () => ({ url: '/api/v1/schooling/schools' }),
    },
    {
      method: 'GET',
      path: '/api/v1/schooling/schools/:schoolId/seats',
      allowed: KI_STAFF,
      status: 200,
      request: () => ({ url: `/api/v1/schooling/schools/${SCHOOL}/seats` }),
    },
    {
      method: 'PUT',
      path: '/api/v1/schooling/schools/:schoolId/seats',
      allowed: NOBODY,
      status: 200,
      request: () => ({
        url: `/api/v1/schooling/schools/${SCHOOL}/seats`,
        body: { groups: [{ form: 'gesamtschule', gradeFrom: 5, gradeTo: 6, kind: 'support', free: 3 }] },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/schooling/schools/:schoolId/children',
      allowed: NOBODY,
      status: 200,
      request: () => ({ url: `/api/v1/schooling/schools/${SCHOOL}/children` }),
    },
    {
      method: 'POST',
      path: '/api/v1/schooling/placements/:id/confirm',
      allowed: CASEWORKER,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/schooling/placements/${f.proposedId}/confirm` }),
    },
    {
      method: 'GET',
      path: '/api/v1/schooling/placement-runs/latest',
      allowed: CASEWORKER,
      status: 200,
      request: () => ({ url: '/api/v1/schooling/placement-runs/latest' }),
    },
    {
      method: 'GET',
      path: '/api/v1/schooling/placement-runs/:id',
      allowed: CASEWORKER,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/schooling/placement-runs/${f.runId}` }),
    },
    {
      method: 'POST',
      path: '/api/v1/schooling/placement-runs/:id/confirm',
      allowed: CASEWORKER,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/schooling/placement-runs/${f.runId}/confirm`, body: {} }),
    },
    {
      method: 'POST',
      path: '/api/v1/schooling/placements/:id/accept',
      allowed: NOBODY,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/schooling/placements/${f.proposedId}/accept`,
        body: { startDate: '2027-02-01' },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/schooling/placements/:id/refuse',
      allowed: NOBODY,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/schooling/placements/${f.proposedId}/refuse`,
        body: { reason: 'Keine Plätze mehr.' },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/schooling/placements/:id/letter.pdf',
      allowed: CASEWORKER,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/schooling/placements/${f.acceptedId}/letter.pdf?lang=ar` }),
    },
    {
      method: 'POST',
      path: '/api/v1/schooling/placements/:id/first-day',
      allowed: CASEWORKER,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/schooling/placements/${f.acceptedId}/first-day`,
        body: { date: cityDay(systemContext(f.t.services)) },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/schooling/placement-runs',
      allowed: CASEWORKER,
      status: 201,
      request: () => ({ url: '/api/v1/schooling/placement-runs' }),
    },
    {
      method: 'GET',
      path: '/api/v1/schooling/figures',
      allowed: KI_STAFF,
      status: 200,
      request: () => ({ url: '/api/v1/schooling/figures' }),
    },
    {
      method: 'GET',
      path: '/api/v1/schooling/figures.csv',
      allowed: KI_STAFF,
      status: 200,
      request: () => ({ url: '/api/v1/schooling/figures.csv' }),
    },
  ],
};

export default matrix;
