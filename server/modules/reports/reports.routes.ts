import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../core/context.ts';
import { errors } from '../../core/errors.ts';
import { requestContext } from '../../core/http.ts';
import * as cases from './cases.service.ts';
import * as reporting from './reporting.service.ts';
import * as s from './reports.schema.ts';
import * as stats from './statistics.service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A counsellors' route: the public gets 401 before its input is even looked at. */
    reportsStaff?: boolean;
  }
}

const publicForm = { rateLimit: { max: 10, timeWindow: '1 minute' } };
const publicRead = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const staff = { reportsStaff: true };

const sendCsv = (reply: FastifyReply, name: string, body: string) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(body);

/** The reports module's HTTP routes under /api/v1/reports: thin — validate, call the service, reply. */
export const reportsRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: FastifyRequest) => requestContext(services, request);
  const report = ['reports: reporting'];
  const handling = ['reports: handling'];
  const figures = ['reports: statistics'];

  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.reportsStaff && request.actor.kind === 'public')
      throw errors.unauthenticated();
  });

  app.post(
    '/reports',
    {
      // Not `idempotent`: a replayed answer would keep the follow code in plain text for a day (the code is kept
      // only as its hash); a lost answer's retry makes a second report, which counsellors merge.
      config: publicForm,
      schema: {
        tags: report,
        summary:
          'Report discrimination or an extremist incident, anonymously; returns the follow code (once)',
        body: s.reportBody,
        response: { 201: s.createdReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reporting.submitReport(ctx(request), request.body)),
  );
  app.get(
    '/reports/follow/:code',
    {
      config: publicRead,
      schema: {
        tags: report,
        summary: 'Follow a report by its code: status and the advice centre’s messages (no contact data)',
        params: s.codeParams,
        response: { 200: s.followReply },
      },
    },
    async (request) => reporting.followReport(ctx(request), request.params.code),
  );
  app.post(
    '/reports/follow/:code/messages',
    {
      config: publicForm,
      schema: {
        tags: report,
        summary: 'Answer the advice centre or add information, through the code',
        params: s.codeParams,
        body: s.messageBody,
        response: { 201: s.followReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reporting.answerReport(ctx(request), request.params.code, request.body)),
  );
  app.delete(
    '/reports/follow/:code/contact',
    {
      config: publicForm,
      schema: {
        tags: report,
        summary:
          'Remove the contact details left with a report, through its code: the consent is withdrawn and the details deleted at once',
        params: s.codeParams,
        response: { 200: s.followReply },
      },
    },
    async (request) => reporting.removeContact(ctx(request), request.params.code),
  );

  app.post(
    '/reports/follow/:code/photos',
    {
      config: publicForm,
      // A photo of up to 5 MB, base64 in JSON (4/3 of its size); cleanPhoto names the field when it is larger.
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: report,
        summary:
          'Add a photo to a report through its code (JPEG, PNG, WebP by content; at most 3, 5 MB each); EXIF and all other metadata are removed',
        params: s.codeParams,
        body: s.photoBody,
        response: { 201: s.photoAddedReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reporting.addPhoto(ctx(request), request.params.code, request.body)),
  );

  app.get(
    '/reports/statistics',
    {
      config: publicRead,
      schema: {
        tags: figures,
        summary:
          'A year’s reports by quarter, ground, setting, district, violence, extremism (under 5: "<5")',
        querystring: s.statisticsQuery,
        response: { 200: s.statisticsReply },
      },
    },
    async (request) => stats.statistics(ctx(request), request.query),
  );
  app.get(
    '/reports/statistics.csv',
    {
      config: publicRead,
      schema: {
        tags: figures,
        summary: 'The statistics as CSV (counts under 5 as "<5")',
        querystring: s.statisticsQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) =>
      sendCsv(reply, 'meldungen-statistik.csv', await stats.statisticsCsv(ctx(request), request.query)),
  );

  app.get(
    '/reports',
    {
      config: staff,
      schema: {
        tags: handling,
        summary: 'Cases, newest first (counsellors of an advice centre)',
        querystring: s.listQuery,
        response: { 200: s.casesReply },
      },
    },
    async (request) => cases.listCases(ctx(request), request.query),
  );
  app.post(
    '/reports/intake',
    {
      config: staff,
      schema: {
        tags: handling,
        summary: 'Enter a report taken by phone or in person; returns the follow code to read out',
        body: s.staffReportBody,
        response: { 201: s.intakeReply },
      },
    },
    async (request, reply) => reply.status(201).send(await reporting.enterReport(ctx(request), request.body)),
  );
  app.get(
    '/reports/:id',
    {
      config: staff,
      schema: {
        tags: handling,
        summary: 'One case with messages and notes (audited); the contact only for its counsellor',
        params: s.idParams,
        response: { 200: s.caseReply },
      },
    },
    async (request) => cases.readCase(ctx(request), request.params.id),
  );
  app.get(
    '/reports/:id/photos/:photoId',
    {
      config: staff,
      schema: {
        tags: handling,
        summary: 'A photo of the case (metadata removed), only for its counsellor; audited',
        params: s.photoParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
      },
    },
    async (request, reply) => {
      const photo = await cases.readPhoto(ctx(request), request.params.id, request.params.photoId);
      return reply
        .type(photo.type)
        .header('content-disposition', 'inline')
        .header('cache-control', 'no-store')
        .send(photo.bytes);
    },
  );
  app.patch(
    '/reports/:id',
    {
      config: staff,
      schema: {
        tags: handling,
        summary: 'Triage: status, assignment, actions taken',
        params: s.idParams,
        body: s.caseUpdateBody,
        response: { 200: s.caseReply },
      },
    },
    async (request) => cases.updateCase(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/reports/:id/notes',
    {
      config: staff,
      schema: {
        tags: handling,
        summary: 'Add an internal note',
        params: s.idParams,
        body: s.noteBody,
        response: { 201: s.caseReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.addNote(ctx(request), request.params.id, request.body)),
  );
  app.post(
    '/reports/:id/messages',
    {
      config: staff,
      schema: {
        tags: handling,
        summary: 'Write to the reporter; they read it with their code',
        params: s.idParams,
        body: s.messageBody,
        response: { 201: s.caseReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.sendMessage(ctx(request), request.params.id, request.body)),
  );
  app.post(
    '/reports/:id/merge',
    {
      config: staff,
      schema: {
        tags: handling,
        summary: 'Merge a duplicate into the case it repeats; both follow codes keep working',
        params: s.idParams,
        body: s.mergeBody,
        response: { 200: s.caseReply },
      },
    },
    async (request) => cases.mergeCase(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/reports/export.csv',
    {
      config: staff,
      schema: {
        tags: handling,
        summary: 'Monitoring export: one row per case, categories and month only (no text, no contact)',
        querystring: s.statisticsQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) =>
      sendCsv(reply, 'meldungen-monitoring.csv', await stats.monitoringCsv(ctx(request), request.query)),
  );
};
