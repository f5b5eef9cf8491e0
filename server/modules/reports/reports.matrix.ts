/**
 * The reports module's rows of the role × route matrix (server/modules/platform/matrix.test.ts). Reporting, the
 * follow page and the statistics are public. Cases are for the counsellors of an advice centre (caseworkers of an
 * organisation of kind "advice"), which no matrix actor is: every staff route answers 401 to the anonymous visitor
 * and 403 to every role here (the counsellors' own path is tested in reports.test.ts).
 */
import {
  ACTORS,
  type ActorName,
  EVERYONE,
  type MatrixBase,
  type ModuleMatrix,
} from '../../../test/matrix.ts';
import { systemContext } from '../../core/context.ts';
import { submitReport } from './reporting.service.ts';
import { buildReport } from './reports.factories.ts';

const NOBODY = [] as const;

type Fixtures = {
  /** The follow code of a report made for the matrix. */
  code: string;
  /** A case id (any report), for the staff routes. */
  caseId: string;
  /** One report per actor for the photo route (a report takes at most three photos). */
  photoCodes: Record<ActorName, string>;
};

/** A valid 1 × 1 PNG. */
const PIXEL =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
type F = MatrixBase & Fixtures;

async function setup({ clients, t }: MatrixBase): Promise<Fixtures> {
  const reply = await clients.anonymous.post('/api/v1/reports', buildReport({ setting: 'work' }));
  if (reply.status !== 201) throw new Error(`reports fixture: ${reply.status} ${reply.body}`);
  const code = reply.json<{ code: string }>().code;
  // Made through the service (the form over HTTP allows 10 per minute and address).
  const photoCodes = {} as Record<ActorName, string>;
  for (const actor of ACTORS)
    photoCodes[actor] = (await submitReport(systemContext(t.services), buildReport())).code;
  // The matrix has no counsellor: the case id is any well-formed id (the policy refuses before the lookup).
  return { code, caseId: '6f1c2e4a-8b3d-4c5e-9f7a-1b2c3d4e5f60', photoCodes };
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
      allowed: NOBODY,
      status: 200,
      request: () => ({ url: '/api/v1/reports?status=new' }),
    },
    {
      method: 'POST',
      path: '/api/v1/reports/intake',
      allowed: NOBODY,
      status: 201,
      request: () => ({ url: '/api/v1/reports/intake', body: { ...buildReport(), source: 'phone' } }),
    },
    {
      method: 'GET',
      path: '/api/v1/reports/:id',
      allowed: NOBODY,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/reports/${f.caseId}` }),
    },
    {
      method: 'GET',
      path: '/api/v1/reports/:id/photos/:photoId',
      allowed: NOBODY,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/reports/${f.caseId}/photos/0b7d3f1e-2c4a-4e6b-8d9f-a1b2c3d4e5f6`,
      }),
    },
    {
      method: 'PATCH',
      path: '/api/v1/reports/:id',
      allowed: NOBODY,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/reports/${f.caseId}`, body: { status: 'counselling' } }),
    },
    {
      method: 'POST',
      path: '/api/v1/reports/:id/notes',
      allowed: NOBODY,
      status: 201,
      request: (_actor, f: F) => ({ url: `/api/v1/reports/${f.caseId}/notes`, body: { body: 'Notiz' } }),
    },
    {
      method: 'POST',
      path: '/api/v1/reports/:id/messages',
      allowed: NOBODY,
      status: 201,
      request: (_actor, f: F) => ({ url: `/api/v1/reports/${f.caseId}/messages`, body: { body: 'Frage' } }),
    },
    {
      method: 'POST',
      path: '/api/v1/reports/:id/merge',
      allowed: NOBODY,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/reports/${f.caseId}/merge`,
        body: { intoId: '0b7d3f1e-2c4a-4e6b-8d9f-a1b2c3d4e5f6' },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/reports/export.csv',
      allowed: NOBODY,
      status: 200,
      request: () => ({ url: '/api/v1/reports/export.csv?year=2026' }),
    },
  ],
};

export default matrix;
