import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../core/context.ts';
import { requestContext } from '../../core/http.ts';
import * as allocation from './allocation.service.ts';
import * as applications from './applications.service.ts';
import * as calls from './calls.service.ts';
import * as figures from './figures.service.ts';
import * as notice from './notice.service.ts';
import * as payments from './payments.service.ts';
import * as proof from './proof.service.ts';
import * as s from './funding.schema.ts';
import { fundingSettings } from './settings.ts';

const publicRead = { rateLimit: { max: 600, timeWindow: '1 minute' } };

/** The funding module's HTTP routes under /api/v1/funding: thin — validate, call the service, reply. */
export const fundingRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: FastifyRequest) => requestContext(services, request);
  const open = ['funding: calls and funded projects'];
  const applying = ['funding: applications'];
  const deciding = ['funding: review and decision'];

  app.get(
    '/funding/calls',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary: 'Open calls for funding (deadline not passed), nearest deadline first',
        response: { 200: s.callsReply },
      },
    },
    async (request) => calls.listOpenCalls(ctx(request)),
  );
  app.get(
    '/funding/calls/:id',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary: 'One call: text, budget, maximum, eligible costs, criteria, deadline',
        params: s.idParams,
        response: { 200: s.callReply },
      },
    },
    async (request) => calls.readCall(ctx(request), request.params.id),
  );
  app.get(
    '/funding/calls/:id/deadline.ics',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary:
          'The call’s deadline as an iCalendar file (one event, alarms 14 and 3 days before), in the reader’s language',
        params: s.idParams,
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const body = await calls.deadlineCalendar(
        ctx(request),
        request.params.id,
        services.config.publicUrl,
        fundingSettings(services).reminderDays,
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="frist.ics"')
        .serializer((payload: unknown) => payload as string)
        .send(body);
    },
  );
  app.post(
    '/funding/calls/:id/deadline',
    {
      schema: {
        tags: deciding,
        summary: 'Extend an open call’s deadline (coordinators; only later)',
        params: s.idParams,
        body: s.deadlineBody,
        response: { 200: s.callReply },
      },
    },
    async (request) => calls.extendDeadline(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/funding/funded',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary: 'Funded projects of decided calls (open data): organisation, title, amount, year, district',
        response: { 200: s.fundedReply },
      },
    },
    async (request) => calls.listFunded(ctx(request)),
  );
  app.post(
    '/funding/calls',
    {
      schema: {
        tags: deciding,
        summary: 'Publish a call (coordinators)',
        body: s.callBody,
        response: { 201: s.callReply },
      },
    },
    async (request, reply) => reply.status(201).send(await calls.createCall(ctx(request), request.body)),
  );
  app.post(
    '/funding/calls/:id/publish',
    {
      schema: {
        tags: deciding,
        summary: 'Close a call whose applications are all decided: its funded projects are published',
        params: s.idParams,
        response: { 200: s.callReply },
      },
    },
    async (request) => calls.publishDecisions(ctx(request), request.params.id),
  );
  app.get(
    '/funding/calls/:id/scores',
    {
      schema: {
        tags: deciding,
        summary: 'The score table of a call: weighted score, spread between reviewers, requested, budget',
        params: s.idParams,
        response: { 200: s.scoresReply },
      },
    },
    async (request) => calls.scoreTable(ctx(request), request.params.id),
  );
  app.post(
    '/funding/calls/:id/allocation',
    {
      schema: {
        tags: deciding,
        summary:
          'The allocation proposal: which submitted applications to fund, in full or cut, for the best total score within the budget left and the floors; optionally what changes if one decision is flipped (coordinators)',
        params: s.idParams,
        body: s.allocationBody,
        response: { 200: s.allocationReply },
      },
    },
    async (request) => allocation.proposeAllocation(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/funding/figures',
    {
      schema: {
        tags: deciding,
        summary:
          'Figures: requested, approved, paid, repaid by call, Stadtbezirk and kind of organisation; first-time applicants; days to decision (counts under 5 as "<5"; coordinators)',
        response: { 200: s.figuresReply },
      },
    },
    async (request) => figures.fundingFigures(ctx(request)),
  );
  app.get(
    '/funding/figures.csv',
    {
      schema: {
        tags: deciding,
        summary: 'The figures as CSV (counts under 5 as "<5"; coordinators)',
        produces: ['text/csv'],
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="funding-figures.csv"')
        .send(await figures.fundingFiguresCsv(ctx(request))),
  );
  app.get(
    '/funding/applications',
    {
      schema: {
        tags: applying,
        summary: 'Applications: the own organisation’s for associations, every one for coordinators',
        response: { 200: s.applicationsReply },
      },
    },
    async (request) => applications.listApplications(ctx(request)),
  );
  app.post(
    '/funding/applications',
    {
      schema: {
        tags: applying,
        summary: 'Start an application to an open call (an association’s member)',
        body: s.startBody,
        response: { 201: s.applicationReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await applications.startApplication(ctx(request), request.body)),
  );
  app.get(
    '/funding/applications/:id',
    {
      schema: {
        tags: applying,
        summary: 'One application with what is still missing (its association, coordinators, reviewers)',
        params: s.idParams,
        response: { 200: s.applicationReply },
      },
    },
    async (request) => applications.readApplication(ctx(request), request.params.id),
  );
  app.patch(
    '/funding/applications/:id',
    {
      schema: {
        tags: applying,
        summary: 'Save steps of an application; the budget plan’s rules are checked on every save',
        params: s.idParams,
        body: s.stepBody,
        response: { 200: s.applicationReply },
      },
    },
    async (request) => applications.saveSteps(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/funding/applications/:id/documents',
    {
      // A document of up to 5 MB, base64 in JSON (4/3 of its size); the service names the field when larger.
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: applying,
        summary: 'Add a document (PDF, JPEG, PNG recognised by content, not by name; at most 5 MB)',
        params: s.idParams,
        body: s.documentBody,
        response: { 201: s.documentReplyOne },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await applications.addDocument(ctx(request), request.params.id, request.body)),
  );
  app.post(
    '/funding/applications/:id/submit',
    {
      schema: {
        tags: applying,
        summary: 'Submit: refused naming every missing part or after the deadline; freezes a version',
        params: s.idParams,
        response: { 200: s.applicationReply },
      },
    },
    async (request) => applications.submitApplication(ctx(request), request.params.id),
  );
  app.get(
    '/funding/applications/:id/notice.pdf',
    {
      schema: {
        tags: applying,
        summary: 'The notice letter (Zuwendungsbescheid, PDF in German) of a decided application',
        params: s.idParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await notice.noticePdf(ctx(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
  app.get(
    '/funding/applications/:id/proof',
    {
      schema: {
        tags: applying,
        summary: 'The proof of use with its comparison to the plan (deviations over 20 % flagged), or null',
        params: s.idParams,
        response: { 200: s.proofReply },
      },
    },
    async (request) => proof.readProof(ctx(request), request.params.id),
  );
  app.put(
    '/funding/applications/:id/proof',
    {
      schema: {
        tags: applying,
        summary:
          'File the proof of use of a funded application: actual cost per budget line, participants, short report (the association; again: replaces)',
        params: s.idParams,
        body: s.proofBody,
        response: { 200: s.proofReply },
      },
    },
    async (request) => proof.fileProof(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/funding/applications/:id/receipts',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: applying,
        summary:
          'Attach a receipt to the proof of use (the association; PDF, JPEG, PNG recognised by content; at most 5 MB)',
        params: s.idParams,
        body: s.receiptBody,
        response: { 201: s.proofReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await proof.addReceipt(ctx(request), request.params.id, request.body)),
  );
  app.get(
    '/funding/applications/:id/payments',
    {
      schema: {
        tags: applying,
        summary:
          'The payment plan (tranches planned and paid, the proof’s due day) and the repayment claims of a funded application',
        params: s.idParams,
        response: { 200: s.paymentsReply },
      },
    },
    async (request) => payments.readPayments(ctx(request), request.params.id),
  );
  app.put(
    '/funding/applications/:id/payments',
    {
      schema: {
        tags: deciding,
        summary:
          'Set the payment plan: tranches adding up to the amount granted, the day the proof of use is due (coordinators; refused once a tranche is paid)',
        params: s.idParams,
        body: s.paymentsBody,
        response: { 200: s.paymentsReply },
      },
    },
    async (request) => payments.planPayments(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/funding/applications/:id/tranches/:number/paid',
    {
      schema: {
        tags: deciding,
        summary: 'A tranche was paid on a day (coordinators; once)',
        params: s.trancheParams,
        body: s.paidBody,
        response: { 200: s.paymentsReply },
      },
    },
    async (request) =>
      payments.payTranche(ctx(request), request.params.id, request.params.number, request.body),
  );
  app.post(
    '/funding/applications/:id/claims',
    {
      schema: {
        tags: deciding,
        summary:
          'Record a repayment claim: amount (at most what was paid and not yet claimed), reason, due day (coordinators)',
        params: s.idParams,
        body: s.claimBody,
        response: { 200: s.paymentsReply },
      },
    },
    async (request) => payments.recordClaim(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/funding/applications/:id/claims/:claimId/paid',
    {
      schema: {
        tags: deciding,
        summary: 'A repayment claim was repaid on a day (coordinators; once)',
        params: s.claimParams,
        body: s.paidBody,
        response: { 200: s.paymentsReply },
      },
    },
    async (request) =>
      payments.payClaim(ctx(request), request.params.id, request.params.claimId, request.body),
  );
  app.get(
    '/funding/applications/:id/versions',
    {
      schema: {
        tags: applying,
        summary: 'The submitted versions of an application, as they were submitted',
        params: s.idParams,
        response: { 200: s.versionsReply },
      },
    },
    async (request) => applications.listVersions(ctx(request), request.params.id),
  );
  app.post(
    '/funding/applications/:id/changes',
    {
      schema: {
        tags: deciding,
        summary: 'Ask the association for changes: it writes the next version (coordinators)',
        params: s.idParams,
        body: s.changesBody,
        response: { 200: s.applicationReply },
      },
    },
    async (request) => applications.requestChanges(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/funding/applications/:id/decision',
    {
      schema: {
        tags: deciding,
        summary: 'Decide: approved (full amount), partly (less) or rejected, with reason (coordinators)',
        params: s.idParams,
        body: s.decisionBody,
        response: { 200: s.applicationReply },
      },
    },
    async (request) => applications.decide(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/funding/reviews',
    {
      schema: {
        tags: deciding,
        summary:
          'Applications to review: submitted ones of the caller’s calls, never their own organisation’s',
        response: { 200: s.reviewListReply },
      },
    },
    async (request) => calls.listForReview(ctx(request)),
  );
  app.get(
    '/funding/applications/:id/review',
    {
      schema: {
        tags: deciding,
        summary: 'The caller’s scores of an application (reviewers without a conflict of interest)',
        params: s.idParams,
        response: { 200: s.reviewReply },
      },
    },
    async (request) => calls.readReview(ctx(request), request.params.id),
  );
  app.put(
    '/funding/applications/:id/review',
    {
      schema: {
        tags: deciding,
        summary: 'Score criteria of an application, each with a reason (replaces earlier scores)',
        params: s.idParams,
        body: s.reviewBody,
        response: { 200: s.reviewReply },
      },
    },
    async (request) => calls.saveReview(ctx(request), request.params.id, request.body),
  );
};
