/**
 * The reports module's rows of the role × route matrix (server/modules/platform/matrix.test.ts). Reporting, the
 * follow page and the statistics are public. Cases are for the counsellors of an advice centre: the matrix's
 * `counsellor` (a caseworker of an organisation of kind "advice", with the `reports` scope). Every staff route
 * answers 401 to the anonymous visitor and 403 to every role, the KI's caseworker included.
 */
import {
  ACTORS,
  type ActorName,
  EVERYONE,
  type MatrixBase,
  type ModuleMatrix,
} from '../../../test/matrix.ts';
import { systemContext } from '../../core/context.ts';
import { updateCase } from './cases.service.ts';
import { addPhoto, codeHashOf, submitReport } from './reporting.service.ts';
import { findReportByCodeHash, listPhotos } from './reports.repository.ts';
import { buildReport } from './reports.factories.ts';

const COUNSELLOR = ['counsellor'] as const;

type Fixtures = {
  /** The follow code of a report made for the matrix. */
  code: string;
  /** A case id (any report), for the staff routes. */
  caseId: string;
  /** A case assigned to the counsellor, with a photo. */
  photoCase: { id: string; photoId: string };
  /** A duplicate and the case it repeats, for the merge route. */
  merge: { id: string; intoId: string };
  /** One report per actor for the photo route (a report takes at most three photos). */
  photoCodes: Record<ActorName, string>;
};

/** A valid 1 × 1 PNG. */
const PIXEL =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
type F = MatrixBase & Fixtures;

async function setup({ clients, t, userIds }: MatrixBase): Promise<Fixtures> {
  const reply = await clients.anonymous.post('/api/v1/reports', buildReport({ setting: 'work' }));
  if (reply.status !== 201) throw new Error(`reports fixture: ${reply.status} ${reply.body}`);
  const code = reply.json<{ code: string }>().code;
  // Made through the service (the form over HTTP allows 10 per minute and address).
  const photoCodes = {} as Record<ActorName, string>;
  for (const actor of ACTORS)
    photoCodes[actor] = (await submitReport(systemContext(t.services), buildReport())).code;
  const system = systemContext(t.services);
  const idOf = async (followCode: string) =>
    (await findReportByCodeHash(system.db, codeHashOf(followCode)))?.id as string;
  const caseId = await idOf(code);
  const withPhoto = (await submitReport(system, buildReport())).code;
  await addPhoto(system, withPhoto, { photo: PIXEL });
  const photoCaseId = await idOf(withPhoto);
  await updateCase(system, photoCaseId, { assignedTo: userIds.counsellor });
  const photoId = (await listPhotos(system.db, [photoCaseId]))[0]?.id as string;
  const intoId = await idOf((await submitReport(system, buildReport())).code);
  const duplicateId = await idOf((await submitReport(system, buildReport())).code);
  return {
    code,
    caseId,
    photoCodes,
    photoCase: { id: photoCaseId, photoId },
    merge: { id: duplicateId, intoId },
  };
}

const matrix: ModuleMatrix<Fixtures> = {
  setup,
  rows: [
    {
      method: 'POST',
      path: '/api/v1/reports',
      allowed: EVERYONE,
      status: 201,
      request: () => ({ url: '/api/v1/reports', body: buildReport({ affected: 'group' }) }),
    },
    {
      method: 'GET',
      path: '/api/v1/reports/follow/:code',
      allowed: EVERYONE,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/reports/follow/${f.code}` }),
    },
    {
      method: 'POST',
      path: '/api/v1/reports/follow/:code/messages',
      allowed: EVERYONE,
      status: 201,
      request: (actor, f: F) => ({
        url: `/api/v1/reports/follow/${f.code}/messages`,
        body: { body: `Nachtrag (${actor})` },
      }),
    },
    {
      method: 'DELETE',
      path: '/api/v1/reports/follow/:code/contact',
      allowed: EVERYONE,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/reports/follow/${f.code}/contact` }),
    },
    {
      method: 'POST',
      path: '/api/v1/reports/follow/:code/photos',
      allowed: EVERYONE,
      status: 201,
      request: (actor, f: F) => ({
        url: `/api/v1/reports/follow/${f.photoCodes[actor]}/photos`,
        body: { photo: PIXEL },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/reports/statistics',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/reports/statistics?year=2026' }),
    },
    {
      method: 'GET',
      path: '/api/v1/reports/statistics.csv',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/reports/statistics.csv?year=2026' }),
    },
    {
      method: 'GET',
      path: '/api/v1/reports',
      allowed: COUNSELLOR,
      status: 200,
      request: () => ({ url: '/api/v1/reports?status=new' }),
    },
    {
      method: 'POST',
      path: '/api/v1/reports/intake',
      allowed: COUNSELLOR,
      status: 201,
      request: () => ({ url: '/api/v1/reports/intake', body: { ...buildReport(), source: 'phone' } }),
    },
    {
      method: 'GET',
      path: '/api/v1/reports/:id',
      allowed: COUNSELLOR,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/reports/${f.caseId}` }),
    },
    {
      method: 'GET',
      path: '/api/v1/reports/:id/photos/:photoId',
      allowed: COUNSELLOR,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/reports/${f.photoCase.id}/photos/${f.photoCase.photoId}`,
      }),
    },
    {
      method: 'PATCH',
      path: '/api/v1/reports/:id',
      allowed: COUNSELLOR,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/reports/${f.caseId}`, body: { status: 'counselling' } }),
    },
    {
      method: 'POST',
      path: '/api/v1/reports/:id/notes',
      allowed: COUNSELLOR,
      status: 201,
      request: (_actor, f: F) => ({ url: `/api/v1/reports/${f.caseId}/notes`, body: { body: 'Notiz' } }),
    },
    {
      method: 'POST',
      path: '/api/v1/reports/:id/messages',
      allowed: COUNSELLOR,
      status: 201,
      request: (_actor, f: F) => ({ url: `/api/v1/reports/${f.caseId}/messages`, body: { body: 'Frage' } }),
    },
    {
      method: 'POST',
      path: '/api/v1/reports/:id/merge',
      allowed: COUNSELLOR,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/reports/${f.merge.id}/merge`,
        body: { intoId: f.merge.intoId },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/reports/export.csv',
      allowed: COUNSELLOR,
      status: 200,
      request: () => ({ url: '/api/v1/reports/export.csv?year=2026' }),
    },
  ],
};

export default matrix;
