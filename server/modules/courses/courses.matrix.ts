/**
 * The courses module's rows of the role × route matrix (server/modules/platform/matrix.test.ts). The list, a
 * course, enrolling and everything through an enrolment's code are public. Providers (association and institution
 * accounts) keep their own organisation's courses; coordinators and admins every course.
 */
import {
  ACTORS,
  type ActorName,
  EVERYONE,
  type MatrixBase,
  type ModuleMatrix,
} from '../../../test/matrix.ts';
import { type Ctx, systemContext } from '../../core/context.ts';
import { buildCourse, buildEnrolment } from './courses.factories.ts';
import { listEnrolmentsOfCourse, updateEnrolment } from './courses.repository.ts';
import { createCourse } from './courses.service.ts';
import { accept, cancel, enrol } from './enrolment.service.ts';

type Fixtures = {
  /** A course of the demo association (punte-hochfeld), with room. */
  courseId: string;
  /** An enrolled person in it who completed the course (attendance, completion, certificate). */
  enrolmentId: string;
  /** Per actor: a code to follow, one to cancel, an offered one to accept, one to decline, one asked about others. */
  codes: Record<
    ActorName,
    { follow: string; cancel: string; accept: string; decline: string; others: string }
  >;
};
type F = MatrixBase & Fixtures;

const PROVIDERS: readonly ActorName[] = ['institution', 'association', 'coordinator', 'admin'];
/** The organisation each actor opens a course for (its own, where it has one). */
const ORGANISATION: Partial<Record<ActorName, string>> = {
  institution: 'schwerpunktambulanz',
  association: 'punte-hochfeld',
};

/** A course of one place with its holder and one waiting person; the holder cancels: the waiting one is offered. */
async function offered(ctx: Ctx, contact = buildEnrolment().contact) {
  const course = await createCourse(
    ctx,
    buildCourse({ capacity: 1, childcarePlaces: 0, childcareAgeMin: null, childcareAgeMax: null }),
  );
  const holder = await enrol(ctx, course.id, buildEnrolment());
  const waiting = await enrol(ctx, course.id, buildEnrolment({ contact }));
  await cancel(ctx, holder.code);
  return waiting.code;
}

async function setup({ t }: MatrixBase): Promise<Fixtures> {
  const ctx = systemContext(t.services);
  const course = await createCourse(ctx, buildCourse({ capacity: 200, childcarePlaces: 20 }));
  const codes = {} as Fixtures['codes'];
  for (const actor of ACTORS) {
    const contact = buildEnrolment().contact;
    // Waiting elsewhere with the same contact, then placed by accepting an offer: asked about the other list.
    const full = await createCourse(
      ctx,
      buildCourse({ capacity: 1, childcarePlaces: 0, childcareAgeMin: null, childcareAgeMax: null }),
    );
    await enrol(ctx, full.id, buildEnrolment());
    await enrol(ctx, full.id, buildEnrolment({ contact }));
    const others = await offered(ctx, contact);
    await accept(ctx, others);
    codes[actor] = {
      follow: (await enrol(ctx, course.id, buildEnrolment())).code,
      cancel: (await enrol(ctx, course.id, buildEnrolment())).code,
      accept: await offered(ctx),
      decline: await offered(ctx),
      others,
    };
  }
  await enrol(ctx, course.id, buildEnrolment());
  const [enrolled] = (await listEnrolmentsOfCourse(ctx.db, course.id)).filter((e) => e.status === 'enrolled');
  if (!enrolled) throw new Error('matrix setup: no enrolment');
  await updateEnrolment(ctx.db, enrolled.id, { completedAt: ctx.now });
  return { courseId: course.id, enrolmentId: enrolled.id, codes };
}

const matrix: ModuleMatrix<Fixtures> = {
  setup,
  rows: [
    {
      method: 'GET',
      path: '/api/v1/courses',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/courses' }),
    },
    {
      method: 'GET',
      path: '/api/v1/courses/:id',
      allowed: EVERYONE,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/courses/${f.courseId}` }),
    },
    {
      method: 'POST',
      path: '/api/v1/courses/:id/enrolments',
      allowed: EVERYONE,
      status: 201,
      request: (_actor, f: F) => ({
        url: `/api/v1/courses/${f.courseId}/enrolments`,
        body: buildEnrolment(),
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/courses/enrolments/:code',
      allowed: EVERYONE,
      status: 200,
      request: (actor, f: F) => ({ url: `/api/v1/courses/enrolments/${f.codes[actor].follow}` }),
    },
    {
      method: 'PATCH',
      path: '/api/v1/courses/enrolments/:code',
      allowed: EVERYONE,
      status: 200,
      request: (actor, f: F) => ({
        url: `/api/v1/courses/enrolments/${f.codes[actor].follow}`,
        body: { evening: true },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/courses/enrolments/:code/cancel',
      allowed: EVERYONE,
      status: 200,
      request: (actor, f: F) => ({ url: `/api/v1/courses/enrolments/${f.codes[actor].cancel}/cancel` }),
    },
    {
      method: 'POST',
      path: '/api/v1/courses/enrolments/:code/accept',
      allowed: EVERYONE,
      status: 200,
      request: (actor, f: F) => ({ url: `/api/v1/courses/enrolments/${f.codes[actor].accept}/accept` }),
    },
    {
      method: 'POST',
      path: '/api/v1/courses/enrolments/:code/decline',
      allowed: EVERYONE,
      status: 200,
      request: (actor, f: F) => ({ url: `/api/v1/courses/enrolments/${f.codes[actor].decline}/decline` }),
    },
    {
      method: 'POST',
      path: '/api/v1/courses/enrolments/:code/others',
      allowed: EVERYONE,
      status: 200,
      request: (actor, f: F) => ({
        url: `/api/v1/courses/enrolments/${f.codes[actor].others}/others`,
        body: { keep: true },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/courses/managed',
      allowed: PROVIDERS,
      status: 200,
      request: () => ({ url: '/api/v1/courses/managed' }),
    },
    {
      method: 'POST',
      path: '/api/v1/courses',
      allowed: PROVIDERS,
      status: 201,
      request: (actor) => ({
        url: '/api/v1/courses',
        body: buildCourse({ organisationId: ORGANISATION[actor] ?? 'punte-hochfeld' }),
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/courses/:id/enrolments',
      allowed: ['association', 'coordinator', 'admin'],
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/courses/${f.courseId}/enrolments` }),
    },
    {
      method: 'PUT',
      path: '/api/v1/courses/:id/capacity',
      allowed: ['association', 'coordinator', 'admin'],
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/courses/${f.courseId}/capacity`,
        body: { capacity: 200, childcarePlaces: 20 },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/courses/:id/attendance',
      allowed: ['association', 'coordinator', 'admin'],
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/courses/${f.courseId}/attendance` }),
    },
    {
      method: 'PUT',
      path: '/api/v1/courses/:id/attendance',
      allowed: ['association', 'coordinator', 'admin'],
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/courses/${f.courseId}/attendance`,
        body: { day: '2026-11-06', marks: [{ enrolmentId: f.enrolmentId, status: 'present' }] },
      }),
    },
    {
      method: 'PUT',
      path: '/api/v1/courses/:id/enrolments/:enrolmentId/completion',
      allowed: ['association', 'coordinator', 'admin'],
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/courses/${f.courseId}/enrolments/${f.enrolmentId}/completion`,
        body: { completed: true },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/courses/:id/enrolments/:enrolmentId/certificate.pdf',
      allowed: ['association', 'coordinator', 'admin'],
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/courses/${f.courseId}/enrolments/${f.enrolmentId}/certificate.pdf`,
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/courses/demand',
      allowed: ['coordinator', 'admin'],
      status: 200,
      request: () => ({ url: '/api/v1/courses/demand' }),
    },
    {
      method: 'POST',
      path: '/api/v1/courses/planner',
      allowed: ['coordinator', 'admin'],
      status: 200,
      request: () => ({ url: '/api/v1/courses/planner', body: { groups: 2 } }),
    },
  ],
};

export default matrix;
