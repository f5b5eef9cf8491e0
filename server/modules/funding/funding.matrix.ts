/**
 * The funding module's rows of the role × route matrix (server/modules/platform/matrix.test.ts). Open calls, a
 * call's page and the funded projects are public. Applications belong to their association (the demo association
 * punte-hochfeld); coordinators and admins see every one, decide and ask for changes; the call's reviewers (here
 * the demo coordinator and admin) score.
 */
import {
  type ActorName,
  EVERYONE,
  type MatrixBase,
  type ModuleMatrix,
  SIGNED_IN,
} from '../../../test/matrix.ts';
import { systemContext } from '../../core/context.ts';
import { buildCall, completeContent, insertApplicationIn, TINY_PDF } from './funding.factories.ts';
import { createCall } from './calls.service.ts';
import { insertClaim, insertTranches, updateApplication } from './funding.repository.ts';
import { fundingDocuments } from './funding.tables.ts';

type Fixtures = {
  callId: string;
  /** Submitted, of the demo association. */
  submittedId: string;
  /** A draft of the demo association, complete but for its documents. */
  draftId: string;
  /** Per actor: a complete draft with its statutes (to submit), a submitted one (to decide), one to send back. */
  perActor: Record<ActorName, { complete: string; decide: string; changes: string }>;
  /** A call without applications (to close). */
  emptyCallId: string;
  /** Approved, of the demo association (its notice letter). */
  decidedId: string;
  /** Approved and paid in one tranche, of the demo association (claims). */
  paidId: string;
  /** Per actor: an approved application with an unpaid tranche, and a claim not yet repaid (of paidId). */
  payments: Record<ActorName, { trancheOf: string; claim: string }>;
};
type F = MatrixBase & Fixtures;

const COORDINATORS: readonly ActorName[] = ['coordinator', 'admin'];
let extensions = 0;
const ASSOCIATION = 'punte-hochfeld';

async function setup({ t, userIds }: MatrixBase): Promise<Fixtures> {
  const ctx = systemContext(t.services);
  const call = await createCall(ctx, buildCall({ reviewerIds: [userIds.coordinator, userIds.admin] }));
  const empty = await createCall(ctx, buildCall());
  const make = (state: 'draft' | 'submitted') =>
    insertApplicationIn(ctx, { callId: call.id, organisationId: ASSOCIATION, state }).then((r) => r.id);
  const submittedId = await make('submitted');
  const draftId = await make('draft');
  const perActor = {} as Fixtures['perActor'];
  for (const actor of EVERYONE) {
    const complete = await make('draft');
    await t.services.database.db.insert(fundingDocuments).values({
      applicationId: complete,
      kind: 'statutes',
      fileName: 'satzung.pdf',
      mediaType: 'application/pdf',
      size: 10,
      bytes: Buffer.from(TINY_PDF, 'base64'),
      createdAt: ctx.now,
    });
    perActor[actor] = { complete, decide: await make('submitted'), changes: await make('submitted') };
  }
  const decidedId = await make('submitted');
  await updateApplication(ctx.db, decidedId, {
    state: 'approved',
    decision: {
      outcome: 'approved',
      amount: completeContent().budget.requested,
      reason: 'Überzeugend.',
      conditions: '',
      decidedBy: userIds.coordinator,
    },
    decidedAt: ctx.now,
  });
  const approve = async (id: string) =>
    updateApplication(ctx.db, id, {
      state: 'approved',
      decision: {
        outcome: 'approved',
        amount: completeContent().budget.requested,
        reason: 'Überzeugend.',
        conditions: '',
        decidedBy: userIds.coordinator,
      },
      decidedAt: ctx.now,
    });
  const paidId = await make('submitted');
  await approve(paidId);
  await insertTranches(ctx.db, [
    {
      applicationId: paidId,
      number: 1,
      amount: completeContent().budget.requested,
      dueOn: '2027-04-01',
      paidOn: '2027-04-01',
    },
  ]);
  const payments = {} as Fixtures['payments'];
  for (const actor of EVERYONE) {
    const trancheOf = await make('submitted');
    await approve(trancheOf);
    await insertTranches(ctx.db, [
      {
        applicationId: trancheOf,
        number: 1,
        amount: completeContent().budget.requested,
        dueOn: '2027-04-01',
      },
    ]);
    const claim = await insertClaim(ctx.db, {
      applicationId: paidId,
      amount: 1,
      reason: 'not_needed',
      note: '',
      dueOn: '2027-12-01',
      createdAt: ctx.now,
    });
    payments[actor] = { trancheOf, claim: claim.id };
  }
  return {
    callId: call.id,
    submittedId,
    draftId,
    perActor,
    emptyCallId: empty.id,
    decidedId,
    paidId,
    payments,
  };
}

const matrix: ModuleMatrix<Fixtures> = {
  setup,
  rows: [
    {
      method: 'GET',
      path: '/api/v1/funding/calls',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/funding/calls' }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/calls/:id',
      allowed: EVERYONE,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/funding/calls/${f.callId}` }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/funded',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/funding/funded' }),
    },
    {
      method: 'POST',
      path: '/api/v1/funding/calls',
      allowed: COORDINATORS,
      status: 201,
      request: () => ({ url: '/api/v1/funding/calls', body: buildCall() }),
    },
    {
      method: 'POST',
      path: '/api/v1/funding/calls/:id/publish',
      allowed: COORDINATORS,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/funding/calls/${f.emptyCallId}/publish` }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/calls/:id/deadline.ics',
      allowed: EVERYONE,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/funding/calls/${f.callId}/deadline.ics` }),
    },
    {
      method: 'POST',
      path: '/api/v1/funding/calls/:id/deadline',
      allowed: COORDINATORS,
      status: 200,
      // Each allowed actor moves it a day further (an extension is only ever later).
      request: (_actor, f: F) => ({
        url: `/api/v1/funding/calls/${f.callId}/deadline`,
        body: { deadline: new Date(Date.UTC(2099, 6, 1) + ++extensions * 86_400_000).toISOString() },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/calls/:id/scores',
      allowed: COORDINATORS,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/funding/calls/${f.callId}/scores` }),
    },
    {
      method: 'POST',
      path: '/api/v1/funding/calls/:id/allocation',
      allowed: COORDINATORS,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/funding/calls/${f.callId}/allocation`,
        body: { perDistrict: 1, firstTimeShare: 0.2 },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/applications',
      allowed: ['association', ...COORDINATORS],
      status: 200,
      request: () => ({ url: '/api/v1/funding/applications' }),
    },
    {
      method: 'POST',
      path: '/api/v1/funding/applications',
      allowed: ['association'],
      status: 201,
      request: (_actor, f: F) => ({ url: '/api/v1/funding/applications', body: { callId: f.callId } }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/applications/:id',
      allowed: ['association', ...COORDINATORS],
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/funding/applications/${f.submittedId}` }),
    },
    {
      method: 'PATCH',
      path: '/api/v1/funding/applications/:id',
      allowed: ['association'],
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/funding/applications/${f.draftId}`,
        body: { goals: completeContent().goals },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/funding/applications/:id/documents',
      allowed: ['association'],
      status: 201,
      request: (_actor, f: F) => ({
        url: `/api/v1/funding/applications/${f.draftId}/documents`,
        body: { kind: 'statutes', fileName: 'satzung.pdf', content: TINY_PDF },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/funding/applications/:id/submit',
      allowed: ['association'],
      status: 200,
      request: (actor, f: F) => ({
        url: `/api/v1/funding/applications/${f.perActor[actor].complete}/submit`,
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/applications/:id/notice.pdf',
      allowed: ['association', ...COORDINATORS],
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/funding/applications/${f.decidedId}/notice.pdf` }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/applications/:id/proof',
      allowed: ['association', ...COORDINATORS],
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/funding/applications/${f.decidedId}/proof` }),
    },
    {
      method: 'PUT',
      path: '/api/v1/funding/applications/:id/proof',
      allowed: ['association'],
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/funding/applications/${f.decidedId}/proof`,
        body: { lines: [{ actual: 2_000 }, { actual: 1_000 }], participants: 30, report: 'Gut gelaufen.' },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/applications/:id/versions',
      allowed: ['association', ...COORDINATORS],
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/funding/applications/${f.submittedId}/versions` }),
    },
    {
      method: 'POST',
      path: '/api/v1/funding/applications/:id/changes',
      allowed: COORDINATORS,
      status: 200,
      request: (actor, f: F) => ({
        url: `/api/v1/funding/applications/${f.perActor[actor].changes}/changes`,
        body: { note: 'Bitte die Honorare aufschlüsseln.' },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/funding/applications/:id/decision',
      allowed: COORDINATORS,
      status: 200,
      request: (actor, f: F) => ({
        url: `/api/v1/funding/applications/${f.perActor[actor].decide}/decision`,
        body: { outcome: 'rejected', amount: 0, reason: 'Die Mittel reichen nicht.' },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/reviews',
      allowed: SIGNED_IN,
      status: 200,
      request: () => ({ url: '/api/v1/funding/reviews' }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/applications/:id/review',
      allowed: COORDINATORS,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/funding/applications/${f.submittedId}/review` }),
    },
    {
      method: 'PUT',
      path: '/api/v1/funding/applications/:id/review',
      allowed: COORDINATORS,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/funding/applications/${f.submittedId}/review`,
        body: { scores: [{ criterion: 'exchange', score: 7, reason: 'Viele Begegnungen.' }] },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/funding/applications/:id/receipts',
      allowed: ['association'],
      status: 201,
      request: (_actor, f: F) => ({
        url: `/api/v1/funding/applications/${f.decidedId}/receipts`,
        body: { fileName: 'quittung.pdf', content: TINY_PDF },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/figures',
      allowed: COORDINATORS,
      status: 200,
      request: () => ({ url: '/api/v1/funding/figures' }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/figures.csv',
      allowed: COORDINATORS,
      status: 200,
      request: () => ({ url: '/api/v1/funding/figures.csv' }),
    },
    {
      method: 'GET',
      path: '/api/v1/funding/applications/:id/payments',
      allowed: ['association', ...COORDINATORS],
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/funding/applications/${f.paidId}/payments` }),
    },
    {
      method: 'PUT',
      path: '/api/v1/funding/applications/:id/payments',
      allowed: COORDINATORS,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/funding/applications/${f.decidedId}/payments`,
        body: {
          tranches: [{ amount: completeContent().budget.requested, dueOn: '2027-04-01' }],
          proofDueOn: null,
        },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/funding/applications/:id/tranches/:number/paid',
      allowed: COORDINATORS,
      status: 200,
      request: (actor, f: F) => ({
        url: `/api/v1/funding/applications/${f.payments[actor].trancheOf}/tranches/1/paid`,
        body: { paidOn: '2027-04-02' },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/funding/applications/:id/claims',
      allowed: COORDINATORS,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/funding/applications/${f.paidId}/claims`,
        body: { amount: 1, reason: 'not_proven', dueOn: '2027-12-01' },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/funding/applications/:id/claims/:claimId/paid',
      allowed: COORDINATORS,
      status: 200,
      request: (actor, f: F) => ({
        url: `/api/v1/funding/applications/${f.paidId}/claims/${f.payments[actor].claim}/paid`,
        body: { paidOn: '2027-11-30' },
      }),
    },
  ],
};

export default matrix;
